"""Switching back to an area shows it again without re-reading the store when nothing changed;
a write by this kith or by another process, or a new day, reloads it on return."""

from __future__ import annotations

import sqlite3

from kith.store.people.contacts import create_contact
from kith.tui.screens.mentors import MentorsScreen

SIZE = (80, 24)


async def _to(pilot, key: str) -> None:
    await pilot.press(key)
    await pilot.pause()


async def test_return_to_an_area_reloads_only_after_a_change(make_app, demo_db, monkeypatch):
    reloads: list[str] = []
    original = MentorsScreen.reload

    def counting(self) -> None:
        reloads.append("mentors")
        original(self)

    monkeypatch.setattr(MentorsScreen, "reload", counting)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _to(pilot, "3")
        first = len(reloads)
        assert first >= 1 and isinstance(app.screen, MentorsScreen)
        mentors_before = len(app.screen.rows)

        await _to(pilot, "1")
        await _to(pilot, "3")
        assert len(reloads) == first  # nothing written: shown, not re-read

        await _to(pilot, "1")
        create_contact("Written Here")  # a write by this kith
        await _to(pilot, "3")
        assert len(reloads) == first + 1

        await _to(pilot, "1")
        other = sqlite3.connect(demo_db)  # another process commits
        with other:
            other.execute("UPDATE contact SET strength = strength WHERE id = 1")
        other.close()
        await _to(pilot, "3")
        assert len(reloads) == first + 2
        assert len(app.screen.rows) == mentors_before


async def test_a_new_day_reloads_on_return(make_app, demo_db, monkeypatch, fixed_today):
    from datetime import timedelta

    from kith.store.core import clock

    reloads: list[int] = []
    original = MentorsScreen.reload
    monkeypatch.setattr(MentorsScreen, "reload", lambda self: (reloads.append(1), original(self)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _to(pilot, "3")
        first = len(reloads)
        await _to(pilot, "1")
        monkeypatch.setattr(clock, "today", lambda tz=None: fixed_today + timedelta(days=1))
        await _to(pilot, "3")
        assert len(reloads) == first + 1


def test_an_area_built_takes_what_is_alive_out_of_collections_after_collecting_garbage():
    import gc
    import weakref

    from kith.tui.area import keep_out_of_collections

    class Cycle:
        pass

    garbage = Cycle()
    garbage.me = garbage
    gone = weakref.ref(garbage)
    del garbage
    try:
        keep_out_of_collections()
        assert gone() is None  # collected, not frozen with the living
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


async def test_a_headless_app_freezes_nothing(make_app, db):
    import gc

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in "23456":
            await pilot.press(key)
            await pilot.pause()
    assert gc.get_freeze_count() == 0  # a test process runs hundreds of apps: none is kept


async def test_areas_built_ahead_stay_out_of_sight_and_show_what_changed_since(make_app, demo_db):
    from kith.store.search import engine
    from kith.tui.screens.contacts import ContactsScreen
    from kith.tui.widgets.contact_list import ContactList

    engine.forget()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        today = app.screen
        built = 0
        while app.build_next_area():
            built += 1
            await pilot.pause()
        assert built == len(app.MODES) - 1  # every area but Today, which was shown first
        # the step after the last area: search has what its first key needs
        assert engine._INDEX._stamp is not None and engine._INDEX._short["contact"].keys
        assert app.screen is today and app.current_mode == "today"
        create_contact("Aaron Written After")  # after Contacts was built: it must still show
        await _to(pilot, "2")
        assert isinstance(app.screen, ContactsScreen)
        assert app.screen.query_one(ContactList).visible_text()[0].split()[:3] == ["Aaron", "Written", "After"]
        assert app.focused is app.screen.query_one("#filter")  # where a first visit starts
        await _to(pilot, "escape")  # to the list: digits in the filter are typing
        await _to(pilot, "3")
        assert isinstance(app.screen, MentorsScreen) and app.screen.rows


async def test_leaving_while_an_area_is_built_ahead_is_a_clean_exit(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while app.build_next_area():  # every area starts building, none is drawn yet
            pass
        app.exit()  # q or SIGTERM at that moment
    assert app.return_code == 0


async def test_nothing_is_built_ahead_on_a_damaged_file(make_app, demo_db):
    from kith.store.core import integrity
    from kith.store.core.db import close_db, open_db
    from tests.damage import wreck_touch_page_mid_file
    from tests.tui.test_damage import settle

    close_db()
    wreck_touch_page_mid_file(demo_db)
    open_db(demo_db, check_now=False)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)  # the health check the app starts after its first paint has run
        assert integrity.damage()
        assert app.build_next_area() is False  # each area reads the file only when visited
        await pilot.pause()
        assert app.is_running and app.current_mode == "today"
    assert app.crash_message is None


async def test_a_first_visit_after_the_demo_starts_in_the_filter_even_when_built_ahead(make_app, db):
    from kith.tui.screens.contacts import ContactsScreen

    app = make_app(first_run=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while app.build_next_area():  # built while the first-run dialog is up, with no contacts yet
            await pilot.pause()
        await pilot.press("enter")  # load the demo network
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen) and app.screen._rows
        assert app.focused is app.screen.query_one("#filter")  # typing a name never acts on a contact
