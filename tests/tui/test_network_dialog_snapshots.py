"""Snapshots at 80x24 of the Network area's dialogs: an introduction, a target's stage and note, a merge preview."""

from __future__ import annotations

from kith.store.network import match_org, set_target

SIZE = (80, 24)


async def _network(pilot, tab: str, *keys: str) -> None:
    await pilot.press("5")
    await pilot.pause()
    pilot.app.screen.show_tab(tab)
    await pilot.pause()
    await pilot.press(*keys)
    await pilot.pause()


def test_introduction_dialog_snapshot(snap_compare, make_app, demo_db):
    async def run_before(pilot) -> None:
        await _network(pilot, "connectors", "down", "I")  # the highlighted connector is the introducer
        await pilot.press("enter", "enter", *"Zora Quintessa", "enter", "enter", *"fintech breakfast")
        await pilot.pause()
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_target_dialog_snapshot(snap_compare, make_app, demo_db, fixed_today):
    set_target(match_org("Globex").id, "talking", "Dana: coffee on Friday", today=fixed_today)

    async def run_before(pilot) -> None:
        await _network(pilot, "targets", *"globex", "down", "e")
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_organisation_merge_preview_snapshot(snap_compare, make_app, demo_db):
    async def run_before(pilot) -> None:
        await _network(pilot, "organisations", *"globex", "down", "m", *"initech", "enter")
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)
