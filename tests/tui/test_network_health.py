"""Health is a tab of the Network area (key 5): read when shown, walked to with the arrows, opened from the palette."""

from __future__ import annotations

from textual.command import CommandList

from kith.store.people.contacts import create_contact
from kith.store.quality.health import health
from kith.tui.screens.network import NetworkScreen
from kith.tui.screens.network.health import HealthView
from kith.tui.settings import health_settings

SIZE = (80, 24)


async def test_the_arrows_walk_to_the_health_tab_which_reads_its_numbers_when_shown(make_app, demo_db, fixed_today):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        view = screen.query_one(HealthView)
        assert view.numbers is None and view.stale  # not read while another tab is open
        await pilot.press("down", "right", "right", "right")
        await pilot.pause()
        assert screen.active_tab() == "health" and app.focused is view
        expected = health(fixed_today, health_settings(app.config))
        assert view.numbers.strength == expected.strength
        assert str(view.query_one(".health-verdict").render()) == expected.verdict
        create_contact("Very Strong Newcomer", strength=5)
        await pilot.press("r")
        await pilot.pause()
        assert view.numbers.strength[4] == expected.strength[4] + 1
        await pilot.press("left")
        await pilot.pause()
        assert screen.active_tab() == "connectors"


async def test_the_palette_opens_the_health_tab_from_anywhere(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"network health")
        for _ in range(100):  # the palette searches in a worker: on a busy machine it answers late
            await pilot.pause(0.05)
            option = app.screen.query_one(CommandList).highlighted_option
            if option is not None and "health" in str(option.prompt).lower():
                break
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen) and app.screen.active_tab() == "health"
        assert app.screen.query_one(HealthView).numbers is not None


async def test_the_first_screen_holds_the_verdict_and_three_charts(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.show_tab("health")
        await pilot.pause()
        view = app.screen.query_one(HealthView)
        bottom = view.region.bottom
        charts = [w for w in view.query(".health-chart") if w.region.bottom <= bottom and w.region.height]
        assert view.query_one(".health-verdict").region.y >= view.region.y
        # Steady mode: strength, then touches per week fit (tiers, a text section, sits between them).
        assert [set(c.classes) & {"chart-strength", "chart-weeks"} for c in charts[:2]] == [{"chart-strength"}, {"chart-weeks"}]
