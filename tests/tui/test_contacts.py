"""Pilot tests of the Contacts area: keys pressed, then what the store holds."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kith.store.core.errors import NotFound
from kith.store.core.fold import fold
from kith.store.people.contacts import create_contact, get_contact, list_rows, update_contact
from kith.store.people.followups import list_follow_ups
from kith.store.people.touches import list_touches
from kith.tui.format import ago_text, due_text
from kith.tui.modals.confirm import ConfirmModal
from kith.tui.modals.contact_form import ContactFormModal
from kith.tui.modals.follow_up import FollowUpModal
from kith.tui.modals.log_touch import LogTouchModal
from kith.tui.screens.contact_detail import ContactDetailScreen
from kith.tui.screens.contacts import ContactsScreen
from kith.tui.widgets.contact_list import ContactList, fit

SIZE = (80, 24)


async def open_contacts(pilot, to_list: bool = True) -> ContactList:
    """Enter Contacts (the cursor lands in the filter) and, unless ``to_list`` is False, go down to the list."""
    await pilot.press("2")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ContactsScreen)
    listing = pilot.app.screen.query_one(ContactList)
    if to_list and pilot.app.screen.focused is not listing:
        await pilot.press("down")
        await pilot.pause()
    return listing


async def move_to(pilot, listing: ContactList, contact_id: int) -> None:
    index = next(i for i, e in enumerate(listing.entries) if e.id == contact_id)
    listing.move_to(index)
    await pilot.pause()


# -- list, filter, sort ---------------------------------------------------------------------------


async def test_list_shows_every_active_contact(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_contacts(pilot, to_list=False)
        assert app.screen.focused.id == "filter"  # entering Contacts: typing filters
        await pilot.press("down")
        rows = list_rows()
        assert [e.id for e in listing.entries] == [r.id for r in rows]
        lines = listing.visible_text()
        assert len(lines) == listing.scrollable_content_region.height
        assert lines[0].strip().startswith(rows[0].name)
        assert app.screen.focused is listing


async def test_filter_as_you_type_matches_every_word_folded(make_app, db):
    for name, company in (("José Álvarez", "Globex"), ("Jose Smith", "Initech"), ("Łukasz Ørsted", "Globex")):
        create_contact(name, company=company)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_contacts(pilot, to_list=False)
        await pilot.press(*"jose")
        await pilot.pause()
        assert sorted(e.name for e in listing.entries) == ["Jose Smith", "José Álvarez"]
        await pilot.press("space", *"glob")
        await pilot.pause()
        assert [e.name for e in listing.entries] == ["José Álvarez"]
        await pilot.press(*["backspace"] * 9, *"lukasz orsted")
        await pilot.pause()
        assert [e.name for e in listing.entries] == ["Łukasz Ørsted"]
        # Escape leaves the filter for the list; a second Escape goes back to it, and typing replaces it.
        await pilot.press("escape")
        assert app.screen.focused is listing
        await pilot.press("escape")
        assert app.screen.focused.id == "filter"
        await pilot.press(*"initech")
        await pilot.pause()
        assert [e.name for e in listing.entries] == ["Jose Smith"]


async def test_no_match_says_so(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_contacts(pilot, to_list=False)
        await pilot.press(*"zzzqqq")
        await pilot.pause()
        assert listing.entries == []
        assert app.screen.has_class("-empty")
        assert "zzzqqq" in str(app.screen.query_one("#empty").render())


async def test_sort_cycles_name_last_touch_next_due(make_app, demo_db, fixed_today):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_contacts(pilot)
        names = [e.name for e in listing.entries]
        assert names == sorted(names, key=lambda n: (n.lower()))
        await pilot.press("o")
        assert app.screen.sort == "last touch"
        by_id = {r.id: r for r in list_rows()}
        lasts = [by_id[e.id].last_touch_on for e in listing.entries]
        known = [d for d in lasts if d is not None]
        assert known == sorted(known)
        await pilot.press("o")
        assert app.screen.sort == "next due"
        assert "overdue" in listing.entries[0].next_due
        await pilot.press("o")
        assert app.screen.sort == "name"


async def test_cursor_keys_and_enter_open_detail(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_contacts(pilot)
        await pilot.press("down", "down", "pagedown", "end", "home", "down")
        assert listing.cursor == 1
        wanted = listing.highlighted_id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactDetailScreen)
        assert app.screen.contact_id == wanted
        await pilot.press("escape")
        assert isinstance(app.screen, ContactsScreen)


# -- add and edit -------------------------------------------------------------------------------------


async def test_add_contact_with_the_form(make_app, db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_contacts(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, ContactFormModal)
        await pilot.press(*"Grace Hopper", "tab", *"US Navy", "tab", *"Rear Admiral", "tab",
                          *"grace@navy.example, gh@example.org")
        app.screen.query_one("#tags").value = "industry:defence, profession:engineering, cobol"
        app.screen.query_one("#cadence").value = "21"
        app.screen.query_one("#birthday").value = "1906-12-09"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        (row,) = list_rows()
        c = get_contact(row.id)
        assert (c.name, c.company, c.role) == ("Grace Hopper", "US Navy", "Rear Admiral")
        assert c.emails == ("grace@navy.example", "gh@example.org")
        assert {t.label() for t in c.tags} == {"industry:defence", "profession:engineering", "cobol"}
        assert c.cadence_days == 21 and c.birthday == "1906-12-09"
        assert listing.highlighted_id == c.id


async def test_form_refuses_bad_input_and_keeps_it(make_app, db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        await pilot.press("n")
        form = app.screen
        await pilot.press("ctrl+s")  # empty name
        assert app.screen is form
        assert "needs a name" in str(form.query_one("#error-name").render())
        await pilot.press(*"Ann")
        form.query_one("#emails").value = "not-an-email"
        form.query_one("#birthday").value = "1990-02-30"
        form.query_one("#cadence").value = "often"
        await pilot.pause()
        assert form.query_one("#save").disabled
        for field, words in (("emails", "not an email"), ("birthday", "not a day"),
                             ("cadence", "whole number")):
            assert words in str(form.query_one(f"#error-{field}").render()), field
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert list_rows() == []
        form.query_one("#emails").value = "ann@example.org"
        form.query_one("#birthday").value = "--02-29"
        form.query_one("#cadence").value = ""
        await pilot.pause()
        assert not form.query_one("#save").disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        c = get_contact(list_rows()[0].id)
        assert c.name == "Ann" and c.birthday == "--02-29" and c.cadence_days is None


async def test_edit_writes_only_changed_fields(make_app, demo_db):
    target = list_rows()[3]
    before = get_contact(target.id)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_contacts(pilot)
        await move_to(pilot, listing, target.id)
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, ContactFormModal)
        assert form.query_one("#name").value == before.name
        form.query_one("#role").value = "Chief of Staff"
        await pilot.press("ctrl+s")
        await pilot.pause()
        after = get_contact(target.id)
        assert after.role == "Chief of Staff"
        assert after.version == before.version + 1
        assert (after.name, after.company, after.emails, after.tags, after.notes) == \
               (before.name, before.company, before.emails, before.tags, before.notes)


async def test_edit_cancel_writes_nothing(make_app, demo_db):
    target = list_rows()[0]
    before = get_contact(target.id)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        await pilot.press("e")
        app.screen.query_one("#company").value = "Something else"
        await pilot.press("escape", "y")  # the form changed: Esc asks, y discards
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        assert get_contact(target.id) == before


async def test_conflicting_edit_keeps_the_typing_and_reopens(make_app, db):
    c = create_contact("Ada", company="Analytical Engines")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_contacts(pilot)
        await pilot.press("e")
        form = app.screen
        form.query_one("#company").value = "Babbage & Co"
        # Another kith session changes the same field while the form is open.
        update_contact(c.id, {"company": "Difference Ltd"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        reopened = app.screen
        assert isinstance(reopened, ContactFormModal) and reopened is not form
        assert "changed elsewhere" in str(reopened.query_one("#notice").render())
        assert reopened.query_one("#company").value == "Babbage & Co"
        assert get_contact(c.id).company == "Difference Ltd"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert get_contact(c.id).company == "Babbage & Co"


# -- log, archive, delete ---------------------------------------------------------------------------


async def test_log_touch_from_the_list(make_app, demo_db, fixed_today):
    target = list_rows()[2]
    before = len(list_touches(target.id))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        listing = await open_contacts(pilot)
        await move_to(pilot, listing, target.id)
        await pilot.press("l")
        assert isinstance(app.screen, LogTouchModal)
        await pilot.press(*"Talked about the platform team", "enter")
        await pilot.pause()
        touches = list_touches(target.id)
        assert len(touches) == before + 1
        assert (touches[0].date, touches[0].kind, touches[0].note) == \
               (fixed_today, "message", "Talked about the platform team")
        assert get_contact(target.id).last_touch_on == fixed_today
        entry = next(e for e in listing.entries if e.id == target.id)
        assert entry.last_touch == "today"


async def test_archive_hides_and_restore_brings_back(make_app, demo_db):
    target = list_rows()[0]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert get_contact(target.id).archived
        assert target.id not in [e.id for e in listing.entries]
        await pilot.press("A")  # show archived ones too
        await pilot.pause()
        assert app.screen.show_archived
        await move_to(pilot, listing, target.id)
        assert next(e for e in listing.entries if e.id == target.id).archived
        await pilot.press("a")
        await pilot.pause()
        assert not get_contact(target.id).archived


async def test_delete_asks_first(make_app, demo_db):
    target = list_rows()[1]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_contacts(pilot)
        await move_to(pilot, listing, target.id)
        await pilot.press("D")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert get_contact(target.id).name == target.name
        await pilot.press("delete")  # the Delete key works too
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        with pytest.raises(NotFound):
            get_contact(target.id)
        assert target.id not in [e.id for e in listing.entries]


async def test_keys_need_a_contact_on_an_empty_list(make_app, db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_contacts(pilot)
        assert app.screen.has_class("-empty")
        assert "No contacts yet" in str(app.screen.query_one("#empty").render())
        for key in ("e", "l", "f", "a", "D", "enter"):
            await pilot.press(key)
            assert isinstance(app.screen, ContactsScreen), key


# -- detail --------------------------------------------------------------------------------------------


async def open_detail(pilot, contact_id: int) -> ContactDetailScreen:
    listing = await open_contacts(pilot)
    await move_to(pilot, listing, contact_id)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ContactDetailScreen)
    return pilot.app.screen


def screen_text(screen) -> str:
    from textual.widgets import OptionList, Static

    parts = [str(w.render()) for w in screen.query(Static)]
    for options in screen.query(OptionList):
        parts += [str(o.prompt) for o in options.options]
    return "\n".join(parts)


async def test_detail_shows_every_field(make_app, db, fixed_today):
    intro = create_contact("Charles Babbage")
    c = create_contact(
        "Ada Lovelace", company="Analytical", role="Programmer", emails=["ada@example.org"],
        phones=["+44 20 1234"], links=["https://example.org/ada"], location="London",
        tags=["industry:computing", "geography:London", "poetry"], tier="close", strength=5,
        cadence_days=21, how_met="A salon", introduced_by_id=intro.id, birthday_month=12,
        birthday_day=10, birthday_year=1985, notes="Wrote the first program.")
    update_contact(c.id, {"connected_on": "2020-01-02"})
    from kith.store.people.followups import add_follow_up
    from kith.store.people.touches import log_touch

    log_touch(c.id, "coffee", fixed_today - timedelta(days=3), "Talked notes")
    add_follow_up(c.id, fixed_today + timedelta(days=2), "Send the notes")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(pilot, c.id)
        text = screen_text(screen)
        for expected in ("Ada Lovelace", "Programmer · Analytical", "ada@example.org", "+44 20 1234",
                         "https://example.org/ada", "London", "close", "strength 5/5", "every 21 d (own)",
                         "A salon", "Charles Babbage", "10 Dec 1985", "2020-01-02", "computing (industry)",
                         "London (geography)", "poetry (other)", "Wrote the first program.", "Send the notes",
                         "in 2 d", "13 Mar 2026  coffee  — Talked notes", "3 d ago"):
            assert expected in text, expected


async def test_detail_long_notes_are_previewed(make_app, db):
    c = create_contact("Long Notes", notes="x" * 50_000)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(pilot, c.id)
        notes = str(screen.query_one("#notes").render())
        assert len(notes) < 2000 and "more characters" in notes


async def test_detail_log_follow_up_done_archive_delete(make_app, db, fixed_today):
    c = create_contact("Grace")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_detail(pilot, c.id)
        await pilot.press("l")
        assert isinstance(app.screen, LogTouchModal)
        await pilot.press(*"Coffee chat", "enter")
        await pilot.pause()
        assert [t.note for t in list_touches(c.id)] == ["Coffee chat"]
        assert "Coffee chat" in screen_text(screen)

        await pilot.press("f")
        assert isinstance(app.screen, FollowUpModal)
        await pilot.press(*"Send the article", "enter")
        await pilot.pause()
        (f,) = list_follow_ups(c.id)
        assert (f.what, f.due, f.done) == ("Send the article", fixed_today + timedelta(days=7), False)

        screen.query_one("#follow-ups").focus()  # x acts on the picked follow-up (below the fold at 80x24)
        await pilot.press("x")
        await pilot.pause()
        assert list_follow_ups(c.id)[0].done
        await pilot.press("x")
        await pilot.pause()
        assert not list_follow_ups(c.id)[0].done
        screen.query_one("#body").focus()

        await pilot.press("e")
        app.screen.query_one("#location").value = "Arlington"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert get_contact(c.id).location == "Arlington"
        assert "Arlington" in screen_text(screen)

        await pilot.press("a")
        await pilot.pause()
        assert get_contact(c.id).archived
        assert screen.has_class("-archived")
        await pilot.press("a")
        await pilot.pause()
        assert not get_contact(c.id).archived

        await pilot.press("D")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        with pytest.raises(NotFound):
            get_contact(c.id)
        assert isinstance(app.screen, ContactsScreen)


# -- small pure helpers ----------------------------------------------------------------------------------


def test_day_texts(fixed_today):
    assert ago_text(None, fixed_today) == "never"
    assert ago_text(fixed_today, fixed_today) == "today"
    assert ago_text(fixed_today - timedelta(days=12), fixed_today) == "12 d ago"
    assert ago_text(fixed_today - timedelta(days=400), fixed_today) == "13 mo ago"
    assert due_text(None, fixed_today) == "—"
    assert due_text(fixed_today + timedelta(days=5), fixed_today) == "in 5 d"
    assert due_text(fixed_today - timedelta(days=3), fixed_today) == "overdue 3 d"


def test_fit_cuts_with_an_ellipsis_and_counts_wide_cells():
    assert fit("Ada", 5) == "Ada  "
    assert fit("Alexandra", 5) == "Alex…"
    assert fit("日本語テキスト", 6) == "日本 …" or len(fit("日本語テキスト", 6)) <= 6
    assert fold(fit("Ada", 5, right=True)) == "ada"


async def test_toasts_show_braces_and_markup_literally(make_app, db):
    from textual.widgets._toast import Toast

    c = create_contact("Curly {0} {} {name} [b]x[/b]")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_contacts(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert get_contact(c.id).archived
        toasts = [str(t.render()) for t in app.screen.query(Toast)]
        assert any("Archived Curly {0} {} {name} [b]x[/b]." in t for t in toasts), toasts


async def test_logging_in_next_due_order_keeps_the_cursor_row(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_contacts(pilot)
        await pilot.press("o", "o", "down")
        first, second, third = listing.ids[:3]
        assert listing.highlighted_id == second
        await pilot.press("l", "enter")
        await pilot.pause()
        assert list_touches(second)[0].date == get_contact(second).last_touch_on
        assert listing.cursor == 1 and listing.highlighted_id == third


async def test_value_from_detail_and_after_a_touch_with_a_mentor(make_app):
    """v in the detail logs mentor value; a touch with a mentor offers the value entry, linked to it."""
    from kith.store.mentors.value import get_roles, list_values
    from kith.store.people.contacts import create_contact
    from kith.tui.screens.contact_detail import ContactDetailScreen

    c = create_contact("Olu Adeyemi", role="Career Coach")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ContactDetailScreen(c.id))
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("enter")  # default: received · accountability, today
        await pilot.pause()
        assert get_roles(c.id)  # logging value made them a mentor
        assert len(list_values(c.id)) == 1
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"pitch review", "enter")
        await pilot.pause()
        await pilot.press("enter")  # the value modal opened itself, prefilled from the touch
        await pilot.pause()
        ledger = list_values(c.id)
        assert len(ledger) == 2
        assert any(e.note == "pitch review" and e.touch_id for e in ledger)


async def test_a_touch_cannot_be_logged_in_the_future(make_app, fixed_today):
    from kith.store.people.contacts import create_contact
    from kith.store.people.touches import list_touches
    from kith.tui.screens.contact_detail import ContactDetailScreen

    c = create_contact("Ada Lovelace")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ContactDetailScreen(c.id))
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        day = app.screen.query_one("#day Input")
        day.value = "2030-01-01"
        await pilot.press("enter")
        await pilot.pause()
        assert "still ahead" in str(app.screen.query_one("#day .day-error").render())
        day.value = "yesterday"
        app.screen.query_one("#note").focus()
        await pilot.press("enter")
        await pilot.pause()
    assert [t.date.isoformat() for t in list_touches(c.id)] == ["2026-03-15"]


async def test_escape_on_a_filter_that_found_nobody_clears_it(make_app, demo_db):
    from textual.widgets import Input

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", *"zzzq", "escape")
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == ""
        await pilot.press("escape", *"globex", "escape")
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "globex"  # kept: browse what it found


async def test_enter_typed_right_after_down_in_the_filter_opens_the_contact(make_app, demo_db):
    # Over SSH ↓ and ⏎ can arrive in one burst: the ⏎ is handled before a deferred focus would
    # have moved, so ↓ (and Esc) put the list in focus at once.
    from kith.tui.screens.contact_detail import ContactDetailScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_contacts(pilot, to_list=False)
        screen = app.screen
        assert app.focused is screen.query_one("#filter")
        screen.action_focus_list()  # ↓, with no pause before the next key
        assert app.focused is listing
        screen.action_back_to_filter()
        await pilot.pause()
        screen.action_leave_filter()  # Esc from the filter, the same
        assert app.focused is listing
        first = listing.entries[listing.cursor].id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactDetailScreen) and app.screen.contact_id == first
