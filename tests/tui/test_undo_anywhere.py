"""``u`` undoes the last change on every screen (the app's own binding), not only on Today."""

from __future__ import annotations

from textual.widgets import Input

from kith.store.mentors import value as m
from kith.store.people.contacts import create_contact, delete_contact, get_contact, set_archived
from kith.tui.modals.roles import RolesModal
from kith.tui.screens.contact_detail import ContactDetailScreen
from kith.tui.screens.contacts import ContactsScreen
from kith.tui.screens.mentors import MentorsScreen
from kith.tui.screens.today import TodayScreen
from kith.tui.widgets.contact_list import ContactList

SIZE = (80, 24)


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _zed_archived_and_back() -> int:
    zed = create_contact("Zed Zimmer").id
    set_archived(zed, True)
    set_archived(zed, False)  # the older, unrelated change that undo must not reach
    return zed


async def _give_mentor_role(pilot, name: str) -> MentorsScreen:
    await pilot.press("3")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MentorsScreen)
    await pilot.press("n")
    assert isinstance(pilot.app.screen, RolesModal)
    await pilot.press(*name, "enter")
    await pilot.pause()
    return pilot.app.screen


async def test_u_on_mentors_undoes_the_role_just_given(make_app, db):
    bob = create_contact("Bob Okafor").id
    zed = _zed_archived_and_back()
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _give_mentor_role(pilot, "okafor")
        assert m.get_roles(bob) == ("mentor",) and [r.contact_id for r in screen.rows] == [bob]
        await pilot.press("u")
        await pilot.pause()
        assert m.get_roles(bob) == () and not get_contact(zed).archived
        assert screen.rows == [] or bob not in [r.contact_id for r in screen.rows]  # the screen reloaded
        assert any(t.startswith("Undid") and "mentor" in t for t in toasts(app))


async def test_u_on_today_after_a_role_undoes_that_role(make_app, db):
    bob = create_contact("Bob Okafor").id
    zed = _zed_archived_and_back()
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _give_mentor_role(pilot, "okafor")
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("u")
        await pilot.pause()
        assert m.get_roles(bob) == () and not get_contact(zed).archived


async def test_u_on_the_contacts_list_brings_a_deleted_contact_back(make_app, db):
    create_contact("Ada Lovelace")
    bob = create_contact("Bob Okafor").id
    delete_contact(bob)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        listing = app.screen.query_one(ContactList)
        await pilot.press("down")
        await pilot.pause()
        assert app.screen.focused is listing and bob not in [e.id for e in listing.entries]
        await pilot.press("u")
        await pilot.pause()
        assert get_contact(bob).name == "Bob Okafor"
        assert bob in [e.id for e in listing.entries]  # reloaded
        assert any(t.startswith("Undid") for t in toasts(app))
        await pilot.press("u", "u", "u")  # adding Bob, adding Ada: then the log is empty
        await pilot.pause()
        assert "Nothing to undo" in toasts(app)


async def test_u_typed_in_the_contacts_filter_types_and_undoes_nothing(make_app, db):
    bob = create_contact("Bob Okafor").id
    set_archived(bob, True)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("2")
        await pilot.pause()
        app.screen.query_one("#filter", Input).focus()
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "u"
        assert get_contact(bob).archived
        assert not any("ndo" in t for t in toasts(app))


async def test_u_on_a_contact_page_undoes_and_reloads_it(make_app, db):
    ada = create_contact("Ada Lovelace").id
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactDetailScreen)
        set_archived(ada, True)
        await pilot.press("u")
        await pilot.pause()
        assert not get_contact(ada).archived
        assert isinstance(app.screen, ContactDetailScreen)
        assert any(t.startswith("Undid") and "Ada Lovelace" in t for t in toasts(app))


async def test_delete_dialog_promises_undo_and_u_keeps_it(make_app, db):
    from kith.tui.modals.confirm import ConfirmModal

    ada = create_contact("Ada Lovelace").id
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        words = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "cannot be undone" not in words and "u (undo) brings them back" in words
        await pilot.press("u")  # no undo under the dialog
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, ContactDetailScreen)
        await pilot.press("u")
        await pilot.pause()
        assert get_contact(ada).name == "Ada Lovelace"
