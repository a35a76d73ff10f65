"""The Network area paints its lists first and computes the highlighted target's routes after that
frame, once per target until something is written; the area reads the store once per visit."""

from __future__ import annotations

import kith.store.network as network_store
from kith.store.network import find_routes, list_targets, match_org, set_target
from kith.store.network.careers import add_job
from kith.store.people.contacts import create_contact
from kith.tui.screens.network import NetworkScreen
from kith.tui.settings import network_settings

SIZE = (80, 24)


def _count_calls(monkeypatch, app_box: list) -> list[tuple]:
    """find_routes, recording what the Targets tab showed when it was asked."""
    calls: list[tuple] = []
    original = network_store.find_routes

    def recording(org_id, *args, **kwargs):
        pane = app_box[0].screen.query_one("#pane-targets")
        detail = str(pane.query_one(".pane-detail").render())
        calls.append((org_id, pane.selected_id(), len(pane.list.rows), detail))
        return original(org_id, *args, **kwargs)

    monkeypatch.setattr(network_store, "find_routes", recording)
    return calls


async def test_routes_are_computed_after_the_list_is_shown_and_only_for_the_highlight(
        make_app, demo_db, fixed_today, monkeypatch):
    initech, globex = match_org("Initech").id, match_org("Globex").id
    set_target(initech, today=fixed_today)
    set_target(globex, today=fixed_today)
    reloads: list[int] = []
    original_reload = NetworkScreen.reload
    monkeypatch.setattr(NetworkScreen, "reload", lambda self: (reloads.append(1), original_reload(self)))
    app = make_app()
    calls = _count_calls(monkeypatch, [app])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NetworkScreen)
        assert len(reloads) == 1  # one read of the store on the first visit
        pane = screen.pane()
        highlighted = pane.selected_id()
        # Asked once, for the highlighted target only, while its list and head were already there.
        assert len(calls) == 1
        org_id, selected, options, detail = calls[0]
        assert org_id == selected == highlighted and options == len(list_targets()) > 1
        assert "finding the ways in" in detail
        expected = find_routes(highlighted, network_settings(app.config), fixed_today, limit=50)
        assert [r.why for r in pane.routes] == [r.why for r in expected]
        assert pane.query_one(".routes").option_count == len(expected)
        assert "route" in str(pane.query_one(".pane-detail").render())


async def test_routes_are_kept_until_a_write_and_a_write_refreshes_them(make_app, demo_db, fixed_today, monkeypatch):
    app = make_app()
    calls = _count_calls(monkeypatch, [app])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        pane = app.screen.pane()
        target = pane.selected_id()
        assert target is not None and len(calls) == 1
        before = [r.why for r in pane.routes]

        await pilot.press("down", "1")  # to the list (digits switch areas from there), Today, back
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert len(calls) == 1  # nothing written: the routes are kept, not computed again

        if app.focused is not pane.list:  # from the filter to the list, the highlight where it was
            await pilot.press("down")
        await pilot.press("1")
        await pilot.pause()
        newcomer = create_contact("Routes Newcomer", strength=5)
        # A write: a new first-degree route in.
        add_job(newcomer.id, pane.targets[target].org_name, "Chief of Routes", current=True)
        await pilot.press("5")
        await pilot.pause()
        pane = app.screen.pane()
        assert pane.selected_id() == target and len(calls) == 2
        after = [r.why for r in pane.routes]
        assert after != before and any("Routes Newcomer" in why for why in after)
        assert after == [r.why for r in find_routes(target, network_settings(app.config), fixed_today, limit=50)]
