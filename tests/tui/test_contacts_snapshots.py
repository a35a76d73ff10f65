"""Snapshot tests of the Contacts area and its modals at 80x24 (frozen clock, demo data)."""

from __future__ import annotations

from datetime import date, datetime

from kith.store.people.contacts import create_contact
from kith.store.people.models import Contact

SIZE = (80, 24)


async def _contacts(pilot, to_list: bool = True) -> None:
    """Enter Contacts (the cursor lands in the filter) and, unless ``to_list`` is False, go down to the list."""
    await pilot.press("2")
    await pilot.pause()
    if to_list and pilot.app.screen.focused is pilot.app.screen.query_one("#filter"):
        await pilot.press("down")
        await pilot.pause()


def _created_on(day: date) -> None:
    # create_contact stamps the real clock; pin it so "next due" never drifts with the calendar.
    Contact.update(created=datetime.combine(day, datetime.min.time())).execute()


def _then(*keys: str, to_list: bool = True):
    async def run_before(pilot) -> None:
        await _contacts(pilot, to_list)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
    return run_before


def test_contacts_list(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("down", "down"))


def test_contacts_entered_cursor_in_filter(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then(to_list=False))


def test_contacts_list_sorted_by_next_due(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("o", "o"))


def test_contacts_list_filtered(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then(*"lov", to_list=False))


def test_contacts_empty(snap_compare, make_app, db_file):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then())


def test_contacts_long_and_wide_names(snap_compare, make_app, db_file):
    create_contact("Maximiliana Wilhelmina Theodora Konstantinopoulou-Vanderbilt " * 3,
                   company="Very Long Company Name International Holdings", role="Senior Principal Staff Engineer")
    create_contact("王秀英 Åsa-Ñúñez Ölçek " * 4, company="株式会社テスト", tier="inner")
    create_contact("Bo", tier="dormant")
    _created_on(date(2026, 1, 5))
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then())


def test_contact_detail(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("enter"))


def test_contact_detail_scrolled(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("enter", "end"))


def test_contact_form_new(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("n"))


def test_contact_form_edit_with_errors(snap_compare, make_app, demo_db):
    async def run_before(pilot) -> None:
        await _then("e")(pilot)
        form = pilot.app.screen
        form.query_one("#emails").value = "not-an-email"
        form.query_one("#cadence").value = "often"
        await pilot.pause()
        form.validate()
        form.query_one("#fields").scroll_home(animate=False, immediate=True)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_contact_form_edit(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("e"))


def test_log_touch_modal(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("l"))


def test_confirm_delete_modal(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("D"))


def test_follow_up_modal(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("enter", "f"))


def test_help_over_contacts(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("question_mark"))


def test_help_over_contact_detail(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("enter", "question_mark"))


def test_first_run_modal(snap_compare, make_app, db_file):
    assert snap_compare(make_app(first_run=True), terminal_size=SIZE)
