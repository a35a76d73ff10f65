"""Pilot and snapshot tests of the import screen, the merge view and the palette commands."""

from __future__ import annotations

import stat

from kith.store.people.contacts import create_contact, list_contacts
from kith.store.people.touches import list_touches, log_touch
from kith.tui.modals.confirm import ConfirmModal
from kith.tui.screens.import_screen import ImportScreen
from kith.tui.screens.merge import MergeScreen
from tests.conftest import FIXTURES

SIZE = (80, 24)


async def _import(pilot, path: str, dry_run: bool = False) -> None:
    await pilot.app.push_screen(ImportScreen())
    await pilot.pause()
    await pilot.press(*"x")  # typed, then cleared: proves the input has focus
    pilot.app.screen.query_one("#import-path").value = path
    await pilot.press("ctrl+r" if dry_run else "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def _summary(app) -> str:
    return str(app.screen.query_one("#import-summary").render())


async def test_import_from_the_tui_writes_and_summarises(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _import(pilot, str(FIXTURES / "linkedin-Connections.csv"))
        assert len(list_contacts()) == 12
        text = _summary(app)
        assert "added 12, updated 0, unchanged 0, skipped 2" in text
        assert "line 9: empty row" in text and "7-Feb-22" in text
        bar = app.screen.query_one("#import-progress")
        assert bar.progress == bar.total
        await pilot.press("ctrl+s")  # again: nothing changes
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "added 0, updated 0, unchanged 12" in _summary(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, ImportScreen)


async def test_dry_run_from_the_tui_writes_nothing(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _import(pilot, str(FIXTURES / "apple-contacts.vcf"), dry_run=True)
        assert "would add 3, update 0, leave 0 unchanged, skip 0" in _summary(app)
        assert list_contacts() == []


async def test_bad_file_is_an_inline_message(make_app, tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _import(pilot, str(tmp_path / "empty.csv"))
        assert "Cannot import" in _summary(app) and "is empty" in _summary(app)
        await _import(pilot, str(FIXTURES / "apple-contacts.vcf").replace(".vcf", ".nope"))
        assert "no such file" in _summary(app)
        assert list_contacts() == []


async def test_merge_view_merges_keeping_everything(make_app, fixed_today):
    keep = create_contact("José Núñez", company="Acme", tags=["Mentors"])
    other = create_contact("Jose Nunez", emails=["jose@acme.example"], notes="Met at PyCon.")
    log_touch(other.id, "coffee", fixed_today, "espresso")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(MergeScreen())
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        (c,) = list_contacts()
        assert c.id == keep.id and c.emails == ("jose@acme.example",) and c.notes == "Met at PyCon."
        assert [t.note for t in list_touches(keep.id)] == ["espresso"]
        assert "No likely duplicates" in str(app.screen.query_one("#merge-title").render())


async def test_merge_view_skip_and_cancel_write_nothing(make_app):
    create_contact("Ada Lovelace")
    create_contact("Ada Lovelace", company="Analytical")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(MergeScreen())
        await pilot.pause()
        await pilot.press("s", "M")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert len(list_contacts()) == 2 and isinstance(app.screen, MergeScreen)


async def test_palette_commands_exist_and_export_runs(make_app):
    from kith.tui.commands_transfer import export_folder, run_export

    create_contact("Ada Lovelace")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Import contacts", "Merge duplicates", "Export JSON (everything)",
                      "Export iCalendar (follow-ups, due dates, birthdays)"):
            assert title in titles
        run_export(app, "json")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (path,) = export_folder(app).iterdir()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600 and "Ada Lovelace" in path.read_text()


def test_import_screen_snapshot(snap_compare, make_app, monkeypatch):
    monkeypatch.chdir(FIXTURES.parent)

    async def run_before(pilot):
        await _import(pilot, "fixtures/linkedin-Connections.csv")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_merge_screen_snapshot(snap_compare, make_app, fixed_today):
    from datetime import date

    a = create_contact("José Núñez", company="Acme, Inc.", role="VP, Engineering", tags=["industry:software"],
                       links=["https://www.linkedin.com/in/jose-nunez"], connected_on=date(2023, 11, 7),
                       notes="Met at PyCon; ask about the platform team.")
    create_contact("Jose Nunez", emails=["jose@acme.example"], phones=["+34 600 000 000"],
                   links=["https://linkedin.com/in/jose-nunez/"], birthday_month=2, birthday_day=29)
    log_touch(a.id, "coffee", fixed_today, "espresso")
    create_contact("Аda Lovelace")  # Cyrillic А
    create_contact("Ada Lovelace")

    async def run_before(pilot):
        await pilot.app.push_screen(MergeScreen())
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


async def test_hostile_names_render_literally_in_the_merge_view(make_app):
    create_contact("Eve [/]", notes="note [/ end")
    create_contact("Eve [/]", company="[@click=app.quit]Acme[/]", notes="A\x1b]52;c;cHduZWQ=\x07Z")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(MergeScreen())
        await pilot.pause()
        right = str(app.screen.query_one("#merge-right-card").render())
        assert "[@click=app.quit]Acme[/]" in right and "\x1b" not in right
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        (c,) = list_contacts()
        assert c.company == "[@click=app.quit]Acme[/]" and "A\x1b]52" in c.notes


async def test_merge_view_keeps_conflicting_values_and_says_where_the_backup_went(make_app, db_file, fixed_today):
    keep = create_contact("Tom O'Brien", company="Acme", role="CTO")
    create_contact("Tom OBrien", company="Initech", role="VP Engineering", location="Berlin")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.push_screen(MergeScreen())
        await pilot.pause()
        assert "same name but punctuation" in str(app.screen.query_one("#merge-title").render())
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert "company Initech; role VP Engineering" in str(app.screen.query_one("#question").render())
        await pilot.press("y")
        await pilot.pause()
        (c,) = list_contacts()
        assert (c.id, c.company, c.role, c.location) == (keep.id, "Acme", "CTO", "Berlin")
        assert c.notes.endswith("Before merge with #2 Tom OBrien: name Tom OBrien; company Initech; "
                                "role VP Engineering")
        backups = [p for p in db_file.parent.iterdir() if p.name.startswith("kith-") and p.suffix == ".db"]
        assert len(backups) == 1
        messages = [n.message for n in app._notifications]
        assert any(str(backups[0]) in m and "Backup before the merge" in m for m in messages), messages
