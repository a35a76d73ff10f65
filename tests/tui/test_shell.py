"""Pilot tests of the app shell: areas, help, search, first run."""

from kith.store.people.contacts import count_contacts
from kith.tui.modals.help import HelpModal


async def test_number_keys_switch_areas(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key, mode in (("2", "contacts"), ("3", "mentors"), ("4", "brand"), ("1", "today")):
            await pilot.press(key)
            assert app.current_mode == mode


async def test_help_lists_global_and_screen_keys(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpModal)
        text = str(app.screen.query_one("#key-table").render())
        for word in ("Search", "Help", "Quit", "Everywhere"):
            assert word in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpModal)


async def test_first_run_offers_demo_and_loads_it(make_app):
    app = make_app(first_run=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert count_contacts() >= 60


async def test_first_run_empty_start_writes_nothing(make_app):
    app = make_app(first_run=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert count_contacts() == 0


async def test_keys_can_be_remapped_from_the_config(make_app):
    from kith.tui.config import Config

    app = make_app(cfg=Config(keys={"go-contacts": "c"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert app.current_mode == "contacts"


async def test_another_process_writing_reloads_the_screen(make_app, monkeypatch):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        reloads = []
        monkeypatch.setattr(app.screen, "reload", lambda: reloads.append(1))
        import subprocess
        import sys

        code = "import sys; from kith.store.core.db import open_db; from kith.store.people.contacts import create_contact; " \
               "open_db(sys.argv[1]); create_contact('From another session')"
        subprocess.run([sys.executable, "-c", code, str(app.db_path)], check=True)
        app._check_other_writers()
        await pilot.pause()
        assert reloads


async def test_the_palette_reaches_the_screens_actions(make_app, demo_db):
    """ctrl+p, "snooze", Enter: the Today screen's own action runs as if its key were pressed."""
    from kith.store.today.snoozes import get_snooze
    from kith.tui.modals.snooze import SnoozeModal

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        item = app.screen.current_item()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"snooze")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SnoozeModal)
        await pilot.press("w")
        await pilot.pause()
    assert get_snooze(item.source, item.contact_id, item.ref_id) is not None
