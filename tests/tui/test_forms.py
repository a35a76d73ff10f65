"""Pilot tests of the forms: Esc never loses typing silently, Enter saves from every field, j/k move in lists."""

from __future__ import annotations

from kith.store.core.records import TOUCH_KINDS
from kith.store.mentors import value as m
from kith.store.people.contacts import create_contact, list_rows
from kith.store.people.followups import list_follow_ups
from kith.store.people.touches import list_touches
from kith.tui.modals.confirm import ConfirmModal
from kith.tui.modals.contact_form import ContactFormModal
from kith.tui.modals.follow_up import FollowUpModal
from kith.tui.modals.log_touch import LogTouchModal
from kith.tui.modals.roles import RolesModal
from kith.tui.screens.today import TodayScreen
from kith.tui.widgets.form_fields import FormSelect, TickBox

SIZE = (80, 24)


def question(app) -> str:
    return str(app.screen.query_one("#question").render())


async def test_escape_on_a_changed_touch_asks_and_n_keeps_the_text(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        item = app.screen.current_item()
        before = len(list_touches(item.contact_id))
        await pilot.press("l", *"talked roadmap", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal) and "Discard your changes? y/n" in question(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, LogTouchModal)
        assert app.screen.query_one("#note").value == "talked roadmap"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert len(list_touches(item.contact_id)) == before  # discarded: nothing written


async def test_escape_on_an_unchanged_form_closes_at_once(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        item = app.screen.current_item()
        follow_ups = len(list_follow_ups(item.contact_id))
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpModal)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert len(list_follow_ups(item.contact_id)) == follow_ups


async def test_escape_on_a_changed_contact_form_asks_and_y_discards(make_app, db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "n", *"Ada Lovelace", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("escape")  # Esc on the question keeps the form, as n does
        await pilot.pause()
        assert isinstance(app.screen, ContactFormModal)
        assert app.screen.query_one("#name").value == "Ada Lovelace"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(app.screen, (ContactFormModal, ConfirmModal))
        assert list_rows() == []


async def test_enter_on_the_kind_dropdown_saves_the_touch(make_app, demo_db, fixed_today):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        item = app.screen.current_item()
        before = len(list_touches(item.contact_id))
        await pilot.press("l", *"lunch", "shift+tab", "shift+tab")
        await pilot.pause()
        assert isinstance(app.focused, FormSelect)
        await pilot.press("space")  # Space opens the list ...
        await pilot.pause()
        assert app.focused.id != "kind"
        await pilot.press("end", "enter")  # ... Enter picks in it, and Enter on the closed dropdown saves
        await pilot.pause()
        assert isinstance(app.screen, LogTouchModal) and isinstance(app.focused, FormSelect)
        kind = app.focused.value
        assert kind == TOUCH_KINDS[-1]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        touches = list_touches(item.contact_id)
        assert len(touches) == before + 1
        assert (touches[0].kind, touches[0].note, touches[0].date) == (kind, "lunch", fixed_today)


async def test_add_mentor_ambiguous_name_is_an_inline_error_and_keeps_the_input(make_app, db):
    ann = create_contact("Ann Lee").id
    create_contact("Anna Berg")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("n", *"ann", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RolesModal)
        error = str(app.screen.query_one("#who-error").render())
        assert "matches 2 contacts" in error and "Ann Lee (#" in error and "Anna Berg (#" in error
        assert app.screen.query_one("#who").value == "ann"
        assert m.get_roles(ann) == ()
        await pilot.press(*" lee", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, RolesModal)
        assert m.get_roles(ann) == ("mentor",)


async def test_checkbox_glyph_shows_ticked_and_enter_saves(make_app, db):
    bob = create_contact("Bob Okafor").id
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("n", *"okafor", "tab")
        await pilot.pause()
        box = app.focused
        assert isinstance(box, TickBox) and box.value
        assert str(box.render()).startswith("[x]")
        await pilot.press("tab", "space")  # coach ticked
        await pilot.pause()
        assert str(app.focused.render()).startswith("[x]")
        await pilot.press("tab")
        assert str(app.focused.render()).startswith("[ ]")
        await pilot.press("enter")  # Enter on a checkbox saves the form
        await pilot.pause()
        assert not isinstance(app.screen, RolesModal)
        assert m.get_roles(bob) == ("mentor", "coach")


async def test_j_and_k_move_in_the_contact_list_and_the_mentor_table(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "enter")  # the cursor starts in the filter; Enter moves into the list
        await pilot.pause()
        listing = app.screen.query_one("ContactList")
        assert listing.has_focus
        start = listing.cursor
        await pilot.press("j", "j")
        assert listing.cursor == start + 2
        await pilot.press("k")
        assert listing.cursor == start + 1
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#mentor-table")
        table.focus()
        row = table.cursor_row
        await pilot.press("j")
        assert table.cursor_row == row + 1
        await pilot.press("k")
        assert table.cursor_row == row
