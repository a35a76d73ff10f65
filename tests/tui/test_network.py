"""The Network area (key 5): mark a target, read its routes, turn a route or a connector into a follow-up."""

from __future__ import annotations

from kith.store.network import find_routes, list_targets, match_org, rank_connectors
from kith.store.network.targets import get_target
from kith.store.people.followups import list_open
from kith.tui.modals.follow_up import FollowUpModal
from kith.tui.screens.network import TAB_KEY_HOLD_S, NetworkScreen
from kith.tui.settings import network_settings
from tests.tui.test_form_burst import burst

SIZE = (80, 24)


async def open_network(pilot) -> NetworkScreen:
    await pilot.press("5")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NetworkScreen)
    return pilot.app.screen


async def test_mark_a_target_read_its_routes_and_ask_for_the_introduction(make_app, demo_db, fixed_today):
    initech = match_org("Initech").id
    assert get_target(initech) is None
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_network(pilot)
        await pilot.press("right")  # in the filter: the cursor moves, the tab stays
        assert screen.active_tab() == "targets"
        await pilot.press("down", "right")  # into the list, then the next tab's list
        await pilot.pause()
        assert screen.active_tab() == "organisations"
        await pilot.press("escape", *"initech", "down")  # Esc: to the filter
        await pilot.pause()
        assert screen.pane().selected_id() == initech
        await pilot.press("plus")
        await pilot.pause()
        target = get_target(initech)
        assert target is not None and target.stage == "researching" and target.progressed == fixed_today

        await pilot.press("left", "escape")  # back in the Targets list; Esc to its filter
        await pilot.pause()
        targets = screen.pane()
        await pilot.press(*"initech", "down")
        await pilot.pause()
        assert targets.selected_id() == initech
        expected = find_routes(initech, network_settings(app.config), fixed_today, limit=50)
        assert [r.why for r in targets.routes] == [r.why for r in expected] and expected
        await pilot.press("greater_than_sign")  # next stage
        await pilot.pause()
        assert get_target(initech).stage == "reaching out"

        await pilot.press("tab", "down")  # into the routes; the second one
        await pilot.pause()
        route = expected[1]
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpModal)
        await pilot.press("enter")
        await pilot.pause()
        first = route.hops[0]
        wanted = (f"Ask {first.name} to introduce you to {route.hops[1].name} at Initech" if len(route.hops) == 2
                  else f"Reach out to {first.name} about Initech")
        assert [(f.contact_id, f.what) for f in list_open() if "Initech" in f.what] == [(first.contact_id, wanted)]


async def test_ask_a_connector_for_an_introduction(make_app, demo_db, fixed_today):
    best = rank_connectors(fixed_today)[0]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_network(pilot)
        await pilot.press("down", "right")
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert screen.active_tab() == "connectors"
        await pilot.press("f", "enter")
        await pilot.pause()
        assert any(f.contact_id == best.contact_id and f.what.startswith(f"Ask {best.name} for an introduction")
                   for f in list_open())


async def test_the_filter_finds_a_target_and_keys_stay_on_their_tab(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_network(pilot)
        await pilot.press(*"hoo")
        await pilot.pause()
        assert screen.pane().shown == [t.org_id for t in list_targets() if t.org_name == "Hooli"]
        await pilot.press("down", "plus")  # + marks targets only on the Organisations tab
        await pilot.pause()
        assert [t.org_name for t in list_targets()].count("Hooli") == 1


async def test_a_letter_no_key_takes_in_a_list_types_into_its_filter(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_network(pilot)
        await pilot.press("right", "down")  # Organisations, its list
        await pilot.pause()
        pane = screen.pane()
        assert app.focused is pane.list
        targets_before = list_targets()
        await pilot.press(*"hoo")  # h is no key here: it, and the keys after it, filter
        await pilot.pause()
        assert app.focused is pane.filter and pane.filter.value == "hoo"
        assert pane.shown and all("hoo" in text for text, row_id, _ in pane.rows if row_id in pane.shown)
        await pilot.press("down")
        await burst(pilot, "hooli")  # typed fast: the keys queued at the list are typed too
        assert app.focused is pane.filter and pane.filter.value == "hooli"
        assert list_targets() == targets_before


def test_network_area_snapshot(snap_compare, make_app, demo_db):
    async def run_before(pilot) -> None:
        await pilot.press("5")
        await pilot.pause()
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_network_organisations_snapshot(snap_compare, make_app, demo_db):
    async def run_before(pilot) -> None:
        await pilot.press("5", "down", "right")
        await pilot.pause()
        await pilot.press("escape", *"globex")
        await pilot.pause()
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_contact_page_career_snapshot(snap_compare, make_app, demo_db):
    async def run_before(pilot) -> None:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("down")  # from the filter into the list
        await pilot.pause()
        await pilot.press("enter")  # open the first contact
        await pilot.pause()
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


async def test_a_filter_that_hides_every_row_says_so_not_that_there_are_none(make_app, demo_db):
    from textual.widgets import Static

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_network(pilot)
        pane = screen.pane()
        assert pane.rows  # the demo network has targets
        await pilot.press(*"zzqx")  # typed into the filter: no target has it
        await pilot.pause()
        shown = str(pane.query_one(".pane-detail", Static).render())
        assert not pane.shown and "Nothing matches" in shown and "Esc clears the filter" in shown
        assert "No targets yet" not in shown
        await pilot.press("escape")  # clears the filter: the targets are back
        await pilot.pause()
        assert pane.shown and pane.filter.value == ""


async def test_tab_keys_typed_faster_than_the_tabs_switch_still_land_in_the_list(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_network(pilot)
        assert app.focused is screen.pane().filter
        screen.action_to_list()  # ↓ from the filter: the list has the focus at once, for the keys
        assert app.focused is screen.pane().list  # typed after it in the same burst (no pause here)
        for _ in range(4):  # → four times, each handled before the tab it chose has been activated
            screen.action_tab(1)
        await pilot.pause()
        pane = screen.pane()
        assert screen.active_tab() == "newsletter" and app.focused is pane.list
        await pilot.pause(TAB_KEY_HOLD_S + 0.05)  # the chosen tab's short hold against late focus
        await pilot.click("#--content-tab-tab-targets")  # a click lands in the tab's filter
        await pilot.pause()
        assert screen.active_tab() == "targets" and app.focused is screen.pane().filter


async def test_j_and_k_move_in_the_routes_and_never_type_into_the_filter(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_network(pilot)
        await pilot.press("down")
        await pilot.pause(0.3)  # the routes are found after the first paint
        pane = screen.pane()
        routes = pane.query_one(".routes")
        assert routes.option_count > 2
        routes.focus()
        await pilot.pause()
        await pilot.press("j", "j", "k")
        await pilot.pause()
        assert app.focused is routes and routes.highlighted == 1
        assert pane.filter.value == ""
