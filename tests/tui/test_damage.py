"""Issue 10 (trust), TUI: bad text and a damaged database never stop the app; both are said once."""

from __future__ import annotations

from kith.store.core import integrity
from kith.store.core.db import close_db, open_db
from kith.store.people.contacts import get_contact
from kith.tui.screens.contacts import ContactsScreen
from kith.tui.widgets.contact_list import ContactList
from tests.damage import wreck_touch_page_mid_file, write_invalid_utf8

SIZE = (80, 24)


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def settle(app, pilot) -> None:
    """Until the health check the app starts after its first paint has run (on a busy machine the
    paint, and so the check's worker, can come after the first wait)."""
    for _ in range(100):
        await pilot.pause()
        await app.workers.wait_for_complete()
        if not integrity.pending():
            break
    await pilot.pause()


async def test_invalid_utf8_rows_are_shown_and_reported_once(make_app, demo_db):
    close_db()
    write_invalid_utf8(demo_db, (1, 2))
    open_db(demo_db, check_now=False)  # as `kith` starts the app
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        listing = app.screen.query_one(ContactList)
        assert sum(1 for e in listing.entries if e.name == "A\ufffdB") == 2
        await pilot.press("escape", "slash", *"Ada")
        await pilot.pause()
        app._check_other_writers()  # the 2-second timer, without waiting for it
        await settle(app, pilot)
        said = [t for t in toasts(app) if "not valid UTF-8" in t]
        assert said == ["2 rows hold text that is not valid UTF-8 (written by another program); shown with \ufffd"]
    assert app.crash_message is None


async def test_a_damaged_database_is_read_only_with_one_notice(make_app, demo_db):
    close_db()
    wreck_touch_page_mid_file(demo_db)
    before = demo_db.read_bytes()
    open_db(demo_db, check_now=False)
    assert integrity.pending()  # start-up did not wait for the check
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert not integrity.pending()
        damaged = [t for t in toasts(app) if "is damaged" in t]
        assert len(damaged) == 1 and "nothing was written" in damaged[0]
        await pilot.press("2", "enter")  # into the list, where the keys act
        await pilot.pause()
        listing = app.screen.query_one(ContactList)
        assert listing.entries
        target = app.screen.highlighted_id
        await pilot.press("a")  # archive the highlighted contact: refused with the damage line
        await pilot.pause()
        assert not get_contact(target).archived
        assert len([t for t in toasts(app) if "is damaged" in t]) == 2  # the notice, then the refusal
    assert app.crash_message is None
    close_db()
    assert demo_db.read_bytes() == before
