"""Snapshots at 80x24 of editing what was logged: the contact page with the cursor on a touch, and
the edit-touch modal it opens (frozen clock, demo data)."""

from __future__ import annotations

SIZE = (80, 24)


def _on_a_touch(*more: str):
    async def run_before(pilot) -> None:
        await pilot.press("2")
        await pilot.pause()
        if pilot.app.screen.focused is pilot.app.screen.query_one("#filter"):
            await pilot.press("down")
        # Open the first contact, Tab past the follow-ups into the timeline, down to the second touch.
        for key in ("enter", "tab", "tab", "j", *more):
            await pilot.press(key)
            await pilot.pause()
    return run_before


def test_contact_page_cursor_on_a_touch(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_on_a_touch())


def test_edit_touch_modal(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_on_a_touch("e"))
