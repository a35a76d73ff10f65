"""kith backup / export / merge on real files: nothing is ever silently overwritten."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import stat

import pytest


def _one_line_exit_2(r, *words):
    assert r.code == 2, (r.out, r.err)
    assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err, r.err
    for w in words:
        assert w in r.err, r.err


def _backup_cmd(path):
    return ("backup", str(path))


def _export_cmd(path):
    return ("export", "json", "-o", str(path))


WRITERS = pytest.mark.parametrize("command", [_backup_cmd, _export_cmd], ids=["backup", "export"])


@pytest.fixture
def kith(run_kith):
    assert run_kith("add", "Ada Lovelace", "--company", "Analytical").code == 0
    return run_kith


@WRITERS
def test_existing_file_is_refused_then_replaced_with_force(kith, tmp_path, command):
    target = tmp_path / "mine.txt"
    target.write_text("my own notes\n")
    r = kith(*command(target))
    _one_line_exit_2(r, "exists", "--force")
    assert target.read_text() == "my own notes\n"
    r = kith(*command(target), "--force")
    assert r.code == 0, r.err
    assert "replaced the existing file" in r.out and str(target) in r.out
    assert target.read_bytes() != b"my own notes\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


@WRITERS
def test_live_database_and_its_wal_are_refused_even_with_force(kith, cli_db, command):
    wal = cli_db.with_name(cli_db.name + "-wal")
    kith("add", "Charles Babbage")
    before = cli_db.read_bytes()
    for target in (cli_db, wal, cli_db.with_name(cli_db.name + "-shm")):
        for force in ((), ("--force",)):
            r = kith(*command(target), *force)
            _one_line_exit_2(r, "never replaced")
    assert cli_db.read_bytes()[:16] == b"SQLite format 3\x00"
    assert len(before) == cli_db.stat().st_size
    r = kith("contacts", "--json")
    assert [c["name"] for c in json.loads(r.out)] == ["Ada Lovelace", "Charles Babbage"]


@WRITERS
def test_another_sqlite_file_is_never_replaced(kith, tmp_path, command):
    other = tmp_path / "notes.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES ('keep me')")
    con.commit()
    con.close()
    before = other.read_bytes()
    for force in ((), ("--force",)):
        _one_line_exit_2(kith(*command(other), *force), "SQLite database")
    assert other.read_bytes() == before


@WRITERS
def test_planted_symlink_is_never_followed(kith, tmp_path, command):
    victim = tmp_path / "victim.txt"
    victim.write_text("the victim's file\n")
    os.chmod(victim, 0o644)
    shared = tmp_path / "shared"
    shared.mkdir()
    link = shared / "export.out"
    link.symlink_to(victim)
    _one_line_exit_2(kith(*command(link)), "symbolic link")
    assert link.is_symlink() and victim.read_text() == "the victim's file\n"
    r = kith(*command(link), "--force")
    assert r.code == 0, r.err
    assert not link.is_symlink() and link.is_file()  # the link itself was replaced
    assert victim.read_text() == "the victim's file\n"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644


@WRITERS
def test_link_to_the_live_database_is_replaced_never_written_through(kith, cli_db, tmp_path, command):
    link = tmp_path / "innocent.out"
    link.symlink_to(cli_db)
    before = cli_db.stat().st_size
    assert kith(*command(link)).code == 2
    assert kith(*command(link), "--force").code == 0
    assert not link.is_symlink() and cli_db.stat().st_size == before
    assert json.loads(kith("contacts", "--json").out)[0]["name"] == "Ada Lovelace"


@WRITERS
def test_path_under_a_file_is_one_line(kith, tmp_path, command):
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    _one_line_exit_2(kith(*command(plain / "sub" / "out.db")), "not a folder")
    assert plain.read_text() == "x"


@WRITERS
def test_unwritable_folder_and_full_disk_are_one_line(kith, tmp_path, monkeypatch, command):
    # Tests run as root in CI, where a 0500 folder is still writable: make the OS say no.
    real_open = os.open

    def no_temp_files(path, flags, *args, **kw):
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", no_temp_files)
    target = tmp_path / "locked" / "out.db"
    _one_line_exit_2(kith(*command(target)), "permission denied")
    assert not target.exists()
    monkeypatch.setattr(os, "open", real_open)

    def disk_full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    if command is _export_cmd:
        monkeypatch.setattr(os, "write", disk_full)
    else:  # the backup is written by SQLite itself
        def backup_full(tmp):
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr("kith.store.core.files._copy_open_database", backup_full)
    r = kith(*command(tmp_path / "full" / "out.db"))
    monkeypatch.undo()
    _one_line_exit_2(r, "disk is full")
    assert list((tmp_path / "full").iterdir()) == []  # no temp file, no half file


def test_two_backups_in_the_same_second_get_distinct_names(kith, cli_db, monkeypatch):
    from datetime import datetime

    from kith.store.core import files as store_files

    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2026, 3, 16, 9, 30, 0)

    monkeypatch.setattr(store_files, "datetime", Frozen)
    outs = [kith("backup") for _ in range(3)]
    assert all(r.code == 0 for r in outs), [r.err for r in outs]
    paths = [r.out.split(" to ", 1)[1].strip() for r in outs]
    names = [os.path.basename(p) for p in paths]
    assert names == ["kith-20260316-093000.db", "kith-20260316-093000-2.db", "kith-20260316-093000-3.db"]
    for p in paths:
        con = sqlite3.connect(p)
        assert con.execute("SELECT name FROM contact").fetchall() == [("Ada Lovelace",)]
        con.close()
        assert stat.S_IMODE(os.stat(p).st_mode) == 0o600


def test_backup_into_a_folder_uses_a_unique_name(kith, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    first, second = kith("backup", str(folder)), kith("backup", str(folder))
    assert first.code == second.code == 0
    assert len({p.name for p in folder.iterdir()}) == 2


def test_vcard_folder_export_refuses_existing_cards_unless_forced(kith, tmp_path):
    folder = tmp_path / "cards"
    folder.mkdir()
    (folder / "Ada Lovelace.vcf").write_text("mine\n")
    (folder / "other.txt").write_text("untouched\n")
    kith("add", "Grace Hopper")
    _one_line_exit_2(kith("export", "vcard", "-o", str(folder)), "exists")
    assert sorted(p.name for p in folder.iterdir()) == ["Ada Lovelace.vcf", "other.txt"]  # nothing half-done
    r = kith("export", "vcard", "-o", str(folder), "--force")
    assert r.code == 0 and "replaced" in r.out
    assert "BEGIN:VCARD" in (folder / "Ada Lovelace.vcf").read_text()
    assert (folder / "Grace Hopper.vcf").is_file() and (folder / "other.txt").read_text() == "untouched\n"


def test_vcard_folder_export_never_follows_a_link_inside(kith, tmp_path):
    folder = tmp_path / "cards"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n")
    (folder / "Ada Lovelace.vcf").symlink_to(victim)
    _one_line_exit_2(kith("export", "vcard", "-o", str(folder)), "symbolic link")
    assert kith("export", "vcard", "-o", str(folder), "--force").code == 0
    assert victim.read_text() == "keep\n" and not (folder / "Ada Lovelace.vcf").is_symlink()


def test_default_exports_never_collide(kith, cli_db):
    outs = [kith("export", "csv") for _ in range(3)]
    paths = {r.out.split(" to ", 1)[1].strip() for r in outs}
    assert len(paths) == 3 and all(os.path.dirname(p) == str(cli_db.parent / "exports") for p in paths)


# -- merge -----------------------------------------------------------------------------------------


@pytest.fixture
def pair(run_kith):
    run_kith("add", "Tom O'Brien", "--company", "Acme", "--role", "CTO", "--email", "tom@acme.example")
    run_kith("add", "Tom OBrien", "--company", "Initech", "--role", "VP Engineering",
             "--location", "Berlin", "--email", "tom@initech.example")
    run_kith("log", "#2", "--kind", "coffee", "--on", "2026-03-01")
    return run_kith


def test_merge_preview_changes_nothing(pair, cli_db):
    before = json.loads(pair("contacts", "--json").out)
    files_before = sorted(p.name for p in cli_db.parent.iterdir())
    r = pair("merge", "#1", "#2")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert "  conflict  company: keeps Acme; Initech is kept in the notes" in lines
    assert "  conflict  role: keeps CTO; VP Engineering is kept in the notes" in lines
    assert "  added     location: Berlin" in lines and "  added     emails: tom@initech.example" in lines
    assert "  kept      emails: tom@acme.example" in lines and "  moved     touch: 1, employment: 1" in lines
    assert "--yes" in lines[-1]
    assert json.loads(pair("contacts", "--json").out) == before
    assert sorted(p.name for p in cli_db.parent.iterdir()) == files_before  # no backup either


def test_merge_yes_keeps_conflicting_values_and_prints_the_backup(pair, cli_db):
    r = pair("merge", "#1", "#2", "--yes")
    assert r.code == 0, r.err
    backup_line = next(line for line in r.out.splitlines() if line.startswith("backup before the merge: "))
    backup = backup_line.split(": ", 1)[1]
    assert os.path.dirname(backup) == str(cli_db.parent) and os.path.basename(backup).startswith("kith-")
    con = sqlite3.connect(backup)  # the backup holds both contacts as they were
    assert con.execute("SELECT name, company FROM contact ORDER BY id").fetchall() == [
        ("Tom O'Brien", "Acme"), ("Tom OBrien", "Initech")]
    con.close()
    (c,) = json.loads(pair("contacts", "--json").out)
    assert (c["company"], c["role"], c["location"]) == ("Acme", "CTO", "Berlin")
    assert c["emails"] == ["tom@acme.example", "tom@initech.example"]
    note = c["notes"].splitlines()[-1]
    assert note.endswith(": Before merge with #2 Tom OBrien: name Tom OBrien; company Initech; "
                         "role VP Engineering")
    assert c["last_touch_on"] == "2026-03-01"


def test_merge_refuses_the_same_contact_and_unknown_ids_without_a_backup(pair, cli_db):
    files_before = sorted(p.name for p in cli_db.parent.iterdir())
    _one_line_exit_2(pair("merge", "#1", "#1", "--yes"))
    assert pair("merge", "#1", "#99", "--yes").code == 2
    assert sorted(p.name for p in cli_db.parent.iterdir()) == files_before


def test_duplicates_finds_punctuation_only_differences(pair):
    r = pair("duplicates", "--json")
    (p,) = json.loads(r.out)
    assert (p["a_name"], p["b_name"]) == ("Tom O'Brien", "Tom OBrien")
    assert "same name but punctuation" in p["reasons"]
