"""The database file: creation, modes, migrations, refusal of foreign or newer files, backups."""

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kith.store.core import migrations
from kith.store.core.db import backup_to, close_db, db, open_db
from kith.store.core.errors import DatabaseTooNew, NotKithDatabase
from kith.store.people.contacts import create_contact, list_contacts


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_is_wal_fk_full_and_current(db_file):
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.latest()


def test_files_are_owner_only_under_umask_022(tmp_path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "new" / "deeper" / "kith.db"
        open_db(path)
        create_contact("Ada")  # forces -wal and -shm into existence
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700
        assert mode(path.parent.parent) == 0o700
        for suffix in ("-wal", "-shm"):
            side = Path(str(path) + suffix)
            assert side.exists() and mode(side) == 0o600
        copy = backup_to(tmp_path / "backups" / "copy.db")
        assert mode(copy) == 0o600 and mode(copy.parent) == 0o700
    finally:
        os.umask(old)


def test_existing_folder_permissions_are_left_alone(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    open_db(folder / "kith.db")
    assert mode(folder) == 0o755
    assert mode(folder / "kith.db") == 0o600


def test_refuses_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"my precious notes\n" * 10)
    with pytest.raises(NotKithDatabase, match="not a kith database"):
        open_db(path)
    assert path.read_bytes() == b"my precious notes\n" * 10


def test_refuses_another_programs_sqlite_database(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE things (x)")
    con.execute("INSERT INTO things VALUES (1)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(NotKithDatabase, match="another program"):
        open_db(path)
    assert path.read_bytes() == before


def test_refuses_a_newer_schema(db_file):
    db.execute_sql(f"PRAGMA user_version = {migrations.latest() + 1}")
    close_db()
    with pytest.raises(DatabaseTooNew, match="upgrade kith"):
        open_db(db_file)


def test_upgrade_from_older_schema_keeps_data_and_backs_up(tmp_path, monkeypatch):
    path = tmp_path / "kith.db"
    everything = migrations.available()
    monkeypatch.setattr(migrations, "available", lambda: everything[:1])
    open_db(path)
    create_contact("Grace Hopper", company="US Navy")
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == 1
    close_db()
    monkeypatch.setattr(migrations, "available", lambda: everything)
    open_db(path)
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.latest()
    assert [c.name for c in list_contacts()] == ["Grace Hopper"]
    backups = list(tmp_path.glob("kith.db.v1-*.bak"))
    if migrations.latest() > 1:
        assert len(backups) == 1 and mode(backups[0]) == 0o600
        con = sqlite3.connect(backups[0])
        assert con.execute("SELECT name FROM contact").fetchall() == [("Grace Hopper",)]
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
        con.close()


def test_failed_migration_rolls_back_everything(tmp_path, monkeypatch):
    import types

    broken = types.ModuleType("broken")

    def up(database):
        database.execute_sql("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    broken.up = up
    everything = migrations.available()
    monkeypatch.setattr(migrations, "available", lambda: everything + [(9999, "m9999_broken")])
    monkeypatch.setitem(sys.modules, "kith.store.core.migrations.m9999_broken", broken)
    path = tmp_path / "kith.db"
    with pytest.raises(RuntimeError):
        open_db(path)
    close_db()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    con.close()


def test_two_processes_opening_a_new_database_at_once(tmp_path):
    path = tmp_path / "race.db"
    code = ("import sys; from kith.store.core.db import open_db; from kith.store.people.contacts import create_contact;"
            "open_db(sys.argv[1]); create_contact('from ' + sys.argv[2])")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path), str(i)], stderr=subprocess.PIPE)
             for i in range(4)]
    errors = [p.communicate(timeout=60)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    open_db(path)
    assert len(list_contacts()) == 4


def test_backup_while_another_process_writes(db_file, tmp_path):
    code = ("import sys; from kith.store.core.db import open_db; from kith.store.people.contacts import create_contact;"
            "open_db(sys.argv[1]);\nfor i in range(300): create_contact(f'writer {i}')")
    writer = subprocess.Popen([sys.executable, "-c", code, str(db_file)])
    copies = []
    while writer.poll() is None:
        copies.append(backup_to(tmp_path / f"b{len(copies)}.db"))
    assert writer.wait(timeout=60) == 0
    for copy in copies:
        con = sqlite3.connect(copy)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()


def test_store_does_not_import_textual():
    code = ("import sys, pkgutil, importlib, kith.store;"
            "[importlib.import_module(m.name) for m in pkgutil.walk_packages(kith.store.__path__, 'kith.store.')];"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') or m.startswith('kith.tui')];"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_widgets_never_import_the_store():
    """Widgets post messages up and get data pushed down; only screens talk to the store."""
    widgets = Path(__file__).resolve().parents[2] / "tui" / "widgets"
    assert widgets.is_dir(), widgets
    offenders = [p.name for p in widgets.glob("*.py")
                 if any(line.startswith(("from kith.store", "import kith.store")) or " from kith.store" in line
                        for line in p.read_text().splitlines())]
    assert offenders == []


def test_a_write_after_a_newer_kith_upgraded_the_file_is_refused_and_writes_nothing(db_file):
    """Another session's newer kith upgraded the file meanwhile: this one still reads, but writes
    nothing (the new schema's triggers may need what it lacks) and says what to do."""
    create_contact("Ada Lovelace")
    con = sqlite3.connect(db_file)
    con.execute(f"PRAGMA user_version = {migrations.latest() + 1}")
    con.commit()
    con.close()
    with pytest.raises(DatabaseTooNew, match="upgraded by a newer kith while this one was running"):
        create_contact("Grace Hopper")
    assert [c.name for c in list_contacts()] == ["Ada Lovelace"]
