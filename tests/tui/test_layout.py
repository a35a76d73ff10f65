"""Text is never cut where the cut changes its meaning: rows, help, nav bar, contact page, wording."""

from __future__ import annotations

from datetime import date

from kith.store.core.records import ContactInfo
from kith.store.people.contacts import create_contact
from kith.tui.literal import plural
from kith.tui.modals.help import HelpModal
from kith.tui.screens.contact_detail import ContactDetailScreen, birthday_text, day_text
from kith.tui.widgets.nav_bar import NavBar

SIZE = (80, 24)


async def test_nav_bar_highlights_the_area_on_screen(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # a contact, opened from Today
        await pilot.pause()
        assert isinstance(app.screen, ContactDetailScreen)
        assert app.screen.query_one(NavBar).area == "today"
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.query_one(NavBar).area == "contacts"
        await pilot.press("escape", "1")  # Esc leaves the filter; then the area keys act
        await pilot.pause()
        assert isinstance(app.screen, ContactDetailScreen)  # still the contact, in the Today area
        bar = app.screen.query_one(NavBar)
        assert bar.area == "today"
        highlighted = [span for span in bar.render().spans if "reverse" in str(span.style)]
        assert len(highlighted) == 1
        text = bar.render().plain
        assert text[highlighted[0].start:highlighted[0].end].strip() == "1 Today"


async def test_today_rows_put_numbers_first(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reasons = {i.source: i.reason for i in app.screen.items}
        assert reasons["give-back"].split(" · ")[0].endswith(("d since you gave", "d with nothing given"))
        assert reasons["give-back"][0].isdigit()
        assert reasons["check-in"].startswith(("overdue ", "due today", "due in "))
        assert " · check-in every " in reasons["check-in"]


async def test_help_uses_the_width_and_wraps_long_descriptions(make_app, demo_db):
    long = "Edit the roles of the selected contact, and a partner's check-in setup"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        assert app.screen.query_one("#dialog").outer_size.width == 120
        lines = app.screen.query_one("#key-table").render().plain.splitlines()
        assert any(long in line for line in lines)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "question_mark")
        await pilot.pause()
        lines = app.screen.query_one("#key-table").render().plain.splitlines()
        at = next(i for i, line in enumerate(lines) if "Edit the roles" in line)
        first, rest = lines[at], lines[at + 1]
        assert long not in first  # it did not fit in 80 columns
        # wrapped under its own column, not cut: the two lines hold the whole description
        assert rest.index(rest.strip()) == first.index("Edit the roles")
        assert " ".join((first[first.index("Edit"):].strip(), rest.strip())) == long


async def test_filtered_rows_align_with_the_header(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", *"lov")
        await pilot.pause()
        header = app.screen.query_one("#header").render().plain
        rows = app.screen.query_one("#contacts").visible_text()
        assert 0 < len(rows) < 5  # few enough that the list needs no scrollbar
        detail_at = header.index("Role")
        for row in rows:
            assert row[detail_at - 1] == " " and row[detail_at] != " "


async def test_contact_page_shows_tags_birthday_and_touch_columns(make_app, db, fixed_today):
    c = create_contact("Ada Lovelace", tags=["industry:computing"], birthday_month=7, birthday_day=14)
    from kith.store.people.touches import log_touch

    log_touch(c.id, "coffee", date(2026, 3, 12), "talked about the roadmap")
    log_touch(c.id, "informational interview", date(2026, 3, 2), "")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ContactDetailScreen(c.id))
        await pilot.pause()
        text = "\n".join(str(w.render()) for w in app.screen.query("Static"))
        text += "\n".join(str(o.prompt) for w in app.screen.query("OptionList") for o in w.options)  # the timeline
        assert "computing (industry)" in text and "14 Jul" in text
        assert "12 Mar 2026  coffee        — talked about the roadmap" in text
        assert " 2 Mar 2026  informational interview" in text


def test_day_and_birthday_texts():
    assert day_text(date(2026, 3, 2)) == " 2 Mar 2026"
    assert birthday_text(ContactInfo(id=1, name="A", birthday_month=7, birthday_day=14)) == "14 Jul"
    assert birthday_text(ContactInfo(id=1, name="A", birthday_month=12, birthday_day=1, birthday_year=1990)) == \
        "1 Dec 1990"
    assert birthday_text(ContactInfo(id=1, name="A")) == ""


def test_plurals():
    assert [plural(n, "version") for n in (0, 1, 2)] == ["0 versions", "1 version", "2 versions"]
    assert plural(1, "older touch", "older touches") == "1 older touch"
    assert plural(3, "older touch", "older touches") == "3 older touches"


def test_snapshot_help_80(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["2", "escape", "question_mark"])


def test_snapshot_help_120(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=(120, 40), press=["2", "escape", "question_mark"])


def test_snapshot_today_rows_numbers_first(snap_compare, make_app, demo_db):
    """Every source (give-back and check-in included) at 80 columns: the numbers survive the cut."""
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_snapshot_toast_leaves_the_review_line(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["l", *"coffee", "enter"])
