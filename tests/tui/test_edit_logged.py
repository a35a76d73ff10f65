"""Editing what was logged (issue 11 point 8): a touch and a follow-up from the contact page, a value
entry from the Mentors ledger. Keys pressed, then what the store holds, then undo puts it back."""

from __future__ import annotations

from datetime import timedelta

from kith.store.core import undo
from kith.store.mentors import value_edits
from kith.store.mentors.value import get_value
from kith.store.people.contacts import create_contact
from kith.store.people.followups import add_follow_up, get_follow_up
from kith.store.people.touches import get_touch, log_touch
from kith.tui.flows.edit_logged import FollowUpList, TouchList
from kith.tui.modals.contact_form import ContactFormModal
from kith.tui.modals.follow_up import FollowUpModal
from kith.tui.modals.log_touch import LogTouchModal
from kith.tui.modals.value_entry import ValueEntryModal
from kith.tui.screens.contact_detail import ContactDetailScreen
from kith.tui.screens.mentors import MentorsScreen
from kith.tui.widgets.ledger_table import LedgerTable

SIZE = (80, 24)
CLEAR = ("end", "ctrl+u")
"""Go to the end of an input and delete everything to the left (ctrl+k is search, app-wide)."""


async def open_page(pilot, contact_id: int) -> ContactDetailScreen:
    pilot.app.push_screen(ContactDetailScreen(contact_id))
    await pilot.pause()
    assert isinstance(pilot.app.screen, ContactDetailScreen)
    return pilot.app.screen


async def test_edit_a_touch_from_the_timeline_then_undo(make_app, db, fixed_today):
    cid = create_contact("Ada Lovelace").id
    older = log_touch(cid, "message", fixed_today - timedelta(days=3), "asked about the engine")
    newest = log_touch(cid, "call", fixed_today - timedelta(days=1), "newest")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        page = await open_page(pilot, cid)
        await pilot.press("tab")  # no follow-ups: Tab goes straight into the timeline
        timeline = page.query_one(TouchList)
        assert page.focused is timeline and timeline.highlighted == 0
        await pilot.press("j", "e")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, LogTouchModal)
        assert "Edit touch" in str(modal.query_one("#title").render())
        await pilot.press(*CLEAR, *"lent the notes", "shift+tab", *CLEAR, *"-5")
        await pilot.press("shift+tab", "space")  # kind: open the list (message), down one: meeting
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is page
    edited = get_touch(older.id)
    assert (edited.kind, edited.date, edited.note) == ("meeting", fixed_today - timedelta(days=5), "lent the notes")
    assert get_touch(newest.id) == newest  # the other touch is untouched
    undo.undo_last()
    back = get_touch(older.id)
    assert (back.kind, back.date, back.note) == ("message", older.date, "asked about the engine")


async def test_editing_only_the_day_keeps_an_unsafe_note_as_stored(make_app, db, fixed_today):
    cid = create_contact("Grace Hopper").id
    raw = "bug\x1b[31m found"  # shown with a control picture, stored as typed
    t = log_touch(cid, "email", fixed_today - timedelta(days=2), raw)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_page(pilot, cid)
        await pilot.press("tab", "e")
        await pilot.pause()
        await pilot.press("shift+tab", *CLEAR, *"yesterday", "enter")
        await pilot.pause()
    edited = get_touch(t.id)
    assert edited.date == fixed_today - timedelta(days=1) and edited.note == raw


async def test_edit_a_follow_up_and_e_on_the_header_still_edits_the_contact(make_app, db, fixed_today):
    cid = create_contact("Alan Turing").id
    f = add_follow_up(cid, fixed_today + timedelta(days=7), "send the deck")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        page = await open_page(pilot, cid)
        await pilot.press("e")  # the cursor is on the page, not in a list: the contact form
        await pilot.pause()
        assert isinstance(app.screen, ContactFormModal)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is page
        await pilot.press("tab")
        assert isinstance(page.focused, FollowUpList)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpModal)
        await pilot.press(*CLEAR, *"send the slides", "tab", *CLEAR, *"+3", "enter")
        await pilot.pause()
        assert app.screen is page
    edited = get_follow_up(f.id)
    assert (edited.what, edited.due, edited.done) == ("send the slides", fixed_today + timedelta(days=3), False)
    undo.undo_last()
    assert (get_follow_up(f.id).what, get_follow_up(f.id).due) == ("send the deck", f.due)


async def test_cancel_and_unchanged_save_write_nothing(make_app, db, fixed_today):
    cid = create_contact("Edsger Dijkstra").id
    t = log_touch(cid, "coffee", fixed_today, "goto")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_page(pilot, cid)
        await pilot.press("tab", "e")
        await pilot.pause()
        await pilot.press("enter")  # saved as it was
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"!!", "escape", "y")  # typed, then Esc: asked first, then discarded
        await pilot.pause()
        assert isinstance(app.screen, ContactDetailScreen)
        said = [n.message for n in app._notifications]
    assert get_touch(t.id) == t
    assert any("Nothing changed" in m for m in said) and any("left as it was" in m for m in said), said


async def test_edit_a_value_entry_from_the_mentors_ledger(make_app, db, fixed_today):
    cid = create_contact("Barbara Liskov").id
    entry = value_edits.add_value(cid, "received", "information", fixed_today - timedelta(days=2), "read this").entry
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MentorsScreen)
        await pilot.press("tab")
        assert isinstance(screen.focused, LedgerTable)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ValueEntryModal)
        await pilot.press(*CLEAR, *"intro", "tab", *CLEAR, *"met the lead", "enter")
        await pilot.pause()
        assert app.screen is screen
    edited = get_value(entry.id)
    assert (edited.category, edited.note, edited.date) == ("introduction", "met the lead", entry.date)
    undo.undo_last()
    back = get_value(entry.id)
    assert (back.category, back.note) == ("information", "read this")


async def _to_field(pilot, field_id: str) -> None:
    for _ in range(20):
        if getattr(pilot.app.focused, "id", None) == field_id:
            return
        await pilot.press("tab")
    raise AssertionError(f"Tab never reached #{field_id}")


async def test_form_sets_introduced_by_with_the_picker_and_connected_on(make_app, db, fixed_today):
    from datetime import date

    from kith.store.people.contacts import get_contact
    from kith.tui.widgets.contact_picker import ContactPicker

    ada = create_contact("Ada Lovelace").id
    charles = create_contact("Charles Babbage").id
    create_contact("Charlotte Brontë")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        page = await open_page(pilot, ada)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ContactFormModal)
        await _to_field(pilot, "introduced_by")
        await pilot.press(*"ada")  # herself: never offered
        await pilot.pause()
        picker = form.query_one(ContactPicker)
        offered = [o.id for o in picker.query_one("OptionList").options]
        assert str(ada) not in offered
        await pilot.press("ctrl+u", *"charl")
        await pilot.pause()
        assert {o.id for o in picker.query_one("OptionList").options} >= {str(charles)}
        await pilot.press("ctrl+s")  # a name typed but not picked: refused, the form stays
        await pilot.pause()
        assert app.screen is form and get_contact(ada).introduced_by_id is None
        await pilot.press("ctrl+u", *"babb", "enter")  # Enter takes the first match
        await pilot.pause()
        assert picker.picked == charles
        await pilot.press("tab", "ctrl+u", *"2025-06-01")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is page
        saved = get_contact(ada)
        assert (saved.introduced_by_id, saved.connected_on) == (charles, date(2025, 6, 1))
        await pilot.press("e")
        await pilot.pause()
        await _to_field(pilot, "introduced_by")
        await pilot.press("end", "ctrl+u", "tab", "ctrl+u", "ctrl+s")  # clear both
        await pilot.pause()
        assert app.screen is page
    cleared = get_contact(ada)
    assert (cleared.introduced_by_id, cleared.connected_on) == (None, None)


async def test_down_moves_from_the_page_into_its_lists(make_app, db, fixed_today):
    cid = create_contact("Ada Lovelace").id
    first = add_follow_up(cid, fixed_today + timedelta(days=2), "send the deck")
    second = add_follow_up(cid, fixed_today + timedelta(days=9), "ask about the role")
    log_touch(cid, "call", fixed_today - timedelta(days=1), "newest")
    log_touch(cid, "email", fixed_today - timedelta(days=4), "older")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        page = await open_page(pilot, cid)
        follow_ups, timeline = page.query_one(FollowUpList), page.query_one(TouchList)
        await pilot.press("down")  # from the page into the first list, as Tab does
        assert page.focused is follow_ups and follow_ups.highlighted == 0
        await pilot.press("down", "x")  # the second follow-up: x marks that one done
        await pilot.pause()
        assert get_follow_up(second.id).done and not get_follow_up(first.id).done
        await pilot.press("down")  # past the last follow-up: into the touches
        assert page.focused is timeline and timeline.highlighted == 0
        await pilot.press("down", "down")  # the last touch: it stays (no wrapping round)
        assert page.focused is timeline and timeline.highlighted == 1
        await pilot.press("up", "up")  # before the first touch: the follow-up above
        assert page.focused is follow_ups and follow_ups.highlighted == 1
        await pilot.press("up", "up")  # before the first follow-up: back on the page
        assert page.focused is page.query_one("#body")


async def test_down_goes_straight_into_the_touches_without_follow_ups(make_app, db, fixed_today):
    cid = create_contact("Grace Hopper").id
    t = log_touch(cid, "email", fixed_today - timedelta(days=2), "found a bug")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        page = await open_page(pilot, cid)
        await pilot.press("down", "e")
        await pilot.pause()
        assert page.focused is page.query_one(TouchList)
        assert isinstance(app.screen, LogTouchModal)
        await pilot.press(*CLEAR, *"found the moth", "ctrl+s")
        await pilot.pause()
    assert get_touch(t.id).note == "found the moth"
