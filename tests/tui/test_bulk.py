"""Pilot tests of bulk actions in the Contacts list: mark a filtered set, tag it, undo it all."""

from __future__ import annotations

from kith.store.people.contacts import create_contact, get_contact
from kith.store.people.filters import matching_ids
from kith.tui.modals.bulk import BulkModal
from kith.tui.modals.confirm import ConfirmModal
from kith.tui.screens.contacts import ContactsScreen
from kith.tui.widgets.contact_list import ContactList

SIZE = (80, 24)


def _people() -> dict[str, int]:
    out = {}
    for name, company, tier in [("Ada Lovelace", "Globex", "close"), ("Bo Chen", "Globex", "network"),
                                ("Cy Obi", "Initech", "network"), ("Dee Park", "Globex", "dormant")]:
        out[name] = create_contact(name, company=company, tier=tier).id
    return out


async def test_bulk_tag_of_a_filtered_set_and_its_undo(make_app, db_file, fixed_today):
    people = _people()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        await pilot.press(*"org:globex -tier:dormant", "enter")  # typing filters; Enter: into the list
        await pilot.pause()
        listing = app.screen.query_one(ContactList)
        assert set(listing.ids) == {people["Ada Lovelace"], people["Bo Chen"]}
        await pilot.press("asterisk", "B")
        await pilot.pause()
        assert isinstance(app.screen, BulkModal)
        await pilot.press("t", *"industry:fintech", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        tagged = set(matching_ids("tag:industry:fintech", fixed_today))
        assert tagged == {people["Ada Lovelace"], people["Bo Chen"]}
        assert listing.marked == frozenset()
        await pilot.press("u")
        await pilot.pause()
        assert matching_ids("tag:fintech", fixed_today) == []


async def test_space_marks_rows_and_bulk_tier_asks_first(make_app, db_file, fixed_today):
    people = _people()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        listing = app.screen.query_one(ContactList)
        listing.focus()
        await pilot.press("space", "space")  # Ada, Bo (the list is by name)
        await pilot.pause()
        assert listing.marked == {people["Ada Lovelace"], people["Bo Chen"]}
        await pilot.press("B", "i", *"inner", "enter")
        await pilot.pause()
        await pilot.press("n")  # the confirmation says no: nothing changes
        await pilot.pause()
        assert get_contact(people["Bo Chen"]).tier == "network"
        await pilot.press("B", "a", "y")
        await pilot.pause()
        assert get_contact(people["Ada Lovelace"]).archived and get_contact(people["Bo Chen"]).archived
        assert not get_contact(people["Cy Obi"]).archived


async def test_a_bad_filter_is_one_line_in_the_status(make_app, db_file):
    _people()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", *"colour:red")
        await pilot.pause()
        status = str(app.screen.query_one("#status").render())
        assert "unknown filter key 'colour'" in status
