"""At 80x24 the Mentors footer keeps Quit and the Contacts status line keeps the archived mark."""

from __future__ import annotations

import html
import re

from tests.tui.test_contacts import open_contacts

SIZE = (80, 24)


def screen_rows(app) -> list[str]:
    """The screen's text rows, read from the screenshot the app exports."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for m in re.finditer(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', app.export_screenshot()):
        rows.setdefault(float(m[2]), []).append((float(m[1]), html.unescape(m[3])))
    return ["".join(t for _, t in sorted(r)).replace("\xa0", " ") for _, r in sorted(rows.items())]


async def test_mentors_footer_ends_with_quit(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        footer = screen_rows(app)[-1]
        assert footer.rstrip().endswith("q Quit") and "v Value" in footer


async def test_contacts_status_shows_sort_and_archived_in_full(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        await pilot.press("A", "o")  # archived shown, sorted by last touch (the longest wording)
        await pilot.pause()
        status = screen_rows(app)[-2]
        assert "untouched first · +archived" in status and "…" not in status
        assert "D delete" in status
