"""Snapshot tests of triage and the Network area's Health tab at 80x24, in colour and with NO_COLOR."""

from __future__ import annotations

import pytest

from kith.store.quality.focus import parse_term, set_focus

SIZE = (80, 24)


async def _open_triage(pilot) -> None:
    from kith.tui.modals.triage import start_triage

    start_triage(pilot.app)
    await pilot.pause()


async def _open_health(pilot) -> None:
    await pilot.press("5")
    await pilot.pause()
    pilot.app.screen.show_tab("health")
    await pilot.pause()


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "no-color"])
def test_triage_snapshot(snap_compare, make_app, demo_db, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    set_focus("industry", [parse_term("industry", "fintech")])
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_open_triage)


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "no-color"])
def test_health_snapshot(snap_compare, make_app, demo_db, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_open_health)


def test_health_job_search_puts_relevance_first(snap_compare, make_app, demo_db, config):
    from dataclasses import replace

    set_focus("industry", [parse_term("industry", "fintech")])
    set_focus("geography", [parse_term("geography", "London")])
    assert snap_compare(make_app(cfg=replace(config, mode="job-search")), terminal_size=SIZE,
                        run_before=_open_health)
