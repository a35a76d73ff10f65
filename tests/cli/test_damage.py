"""Issue 10 (trust), CLI: a damaged database is never written; bad text never stops a command."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.damage import wreck_touch_page_mid_file, write_invalid_utf8


@pytest.fixture
def damaged(run_kith, cli_db):
    """A demo database with 4 KiB of random bytes over a touch page mid-file; returns (path, touches)."""
    assert run_kith("demo").code == 0
    total = wreck_touch_page_mid_file(cli_db)
    return cli_db, total


@pytest.mark.parametrize("command", [
    ("add", "Zed Shaw"),
    ("log", "1", "--kind", "call", "--note", "after the crash"),
])
def test_a_write_command_on_a_damaged_database_writes_nothing(run_kith, damaged, command):
    path, _total = damaged
    before = path.read_bytes()
    r = run_kith(*command)
    assert r.code == 2
    assert "is damaged" in r.err and "nothing was written" in r.err and "--salvage" in r.err
    assert len(r.err.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()


def test_read_commands_still_work_where_rows_can_be_read(run_kith, damaged):
    path, _total = damaged
    r = run_kith("contacts", "--json")
    assert r.code == 0
    names = [c["name"] for c in json.loads(r.out)]
    con = sqlite3.connect(path)
    assert sorted(names) == sorted(n for (n,) in con.execute("SELECT name FROM contact WHERE archived = 0"))
    con.close()
    assert "is damaged" in r.err  # told once, on stderr


def test_backup_refuses_a_damaged_database(run_kith, damaged, tmp_path):
    path, _total = damaged
    before = path.read_bytes()
    r = run_kith("backup", str(tmp_path / "copy.db"))
    assert r.code == 2
    assert "backup refused" in r.err and "is damaged" in r.err
    assert not (tmp_path / "copy.db").exists()
    assert path.read_bytes() == before


def test_salvage_export_recovers_every_readable_row_and_counts_the_rest(run_kith, damaged, tmp_path):
    path, total = damaged
    out = tmp_path / "rescue.json"
    r = run_kith("export", "json", "--salvage", "-o", str(out))
    assert r.code == 0, r.err
    data = json.loads(out.read_text())
    saved = len(data["tables"]["touch"]["rows"])
    lost = data["salvage"]["tables"]["touch"]
    assert 0 < lost < total and saved + lost == total
    assert f"{lost} rows could not be read" in r.err
    con = sqlite3.connect(path)
    assert len(data["tables"]["contact"]["rows"]) == con.execute("SELECT count(*) FROM contact").fetchone()[0]
    con.close()
    # The salvage restores into a new database.
    fresh = tmp_path / "new" / "kith.db"
    r = run_kith("restore", str(out), db=fresh)
    assert r.code == 0, r.err
    r = run_kith("contacts", "--json", db=fresh)
    assert r.code == 0 and r.out.strip().startswith("[")


def test_salvage_reads_a_damaged_file_of_an_older_schema_as_it_is(run_kith, cli_db, tmp_path):
    # A file kith would have to upgrade first: an upgrade writes, so it is refused on a damaged
    # file, and the salvage the message points to must still read it (it used to be refused too).
    assert run_kith("demo").code == 0
    con = sqlite3.connect(cli_db)
    # What m0023 and m0024 added: the tables and indexes are as schema 22 left them (the search
    # triggers aside: nothing here writes).
    con.execute("DROP INDEX contact_search_key")
    con.execute("DROP TABLE search_fts_words")
    con.execute("PRAGMA user_version = 22")
    con.commit()
    con.close()
    total = wreck_touch_page_mid_file(cli_db)
    before = cli_db.read_bytes()
    r = run_kith("contacts")
    assert r.code == 2 and "--salvage" in r.err and "not opened" in r.err and "opened read-only" not in r.err
    out = tmp_path / "rescue.json"
    r = run_kith("export", "json", "--salvage", "-o", str(out))
    assert r.code == 0, r.err
    data = json.loads(out.read_text())
    assert data["schema"] == 22
    assert 0 < data["salvage"]["tables"]["touch"] < total
    assert cli_db.read_bytes() == before  # read as it is: not upgraded, nothing written
    fresh = tmp_path / "new" / "kith.db"
    assert run_kith("restore", str(out), db=fresh).code == 0


def test_salvage_of_a_sound_database_loses_nothing(run_kith, cli_db, tmp_path):
    assert run_kith("demo").code == 0
    out = tmp_path / "all.json"
    r = run_kith("export", "json", "--salvage", "-o", str(out))
    assert r.code == 0
    assert json.loads(out.read_text())["salvage"]["unreadable_rows"] == 0
    assert "0 rows could not be read" in r.err
    r = run_kith("export", "json", "--salvage")  # default: a new file in exports/ beside the database
    assert r.code == 0
    written = list((cli_db.parent / "exports").glob("kith-salvage-*.json"))
    assert len(written) == 1 and written[0].stat().st_mode & 0o777 == 0o600
    r = run_kith("export", "json", "--salvage", "-o", str(out))
    assert r.code == 2 and "already exists" in r.err


def test_salvage_is_json_only(run_kith):
    assert run_kith("add", "Ada").code == 0
    r = run_kith("export", "csv", "--salvage", "-o", "-")
    assert r.code == 2 and "JSON only" in r.err


def test_a_plain_export_of_a_damaged_database_is_one_line_not_a_crash(run_kith, damaged, tmp_path):
    r = run_kith("export", "json", "-o", str(tmp_path / "full.json"))
    assert r.code == 2
    assert "damaged" in r.err and "--salvage" in r.err and "unexpected" not in r.err


# -- files that are not (yet) a database --------------------------------------------------------------


def test_an_empty_file_is_refused_and_left_empty(run_kith, cli_db):
    cli_db.parent.mkdir(parents=True)
    cli_db.write_bytes(b"")
    for command in (("add", "Ada"), ("contacts",)):
        r = run_kith(*command)
        assert r.code == 2
        assert "empty file" in r.err and "left untouched" in r.err
    assert cli_db.read_bytes() == b""
    assert sorted(p.name for p in cli_db.parent.iterdir()) == ["kith.db"]


def test_a_left_over_wal_without_its_database_is_refused(run_kith, cli_db):
    assert run_kith("add", "Ada").code == 0
    # A -wal whose main file is gone (moved, or copied without it): never a new empty database.
    wal = cli_db.with_name("kith.db-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(28))
    cli_db.unlink()
    r = run_kith("add", "Grace")
    assert r.code == 2
    assert "kith.db-wal" in r.err and "nothing was created" in r.err
    assert not cli_db.exists() and wal.read_bytes() == b"\x37\x7f\x06\x82" + bytes(28)
    cli_db.write_bytes(b"")  # an empty main file beside it: refused too
    r = run_kith("contacts")
    assert r.code == 2 and "empty file" in r.err and "-wal" in r.err
    assert cli_db.read_bytes() == b""


def test_an_sqlite_file_without_kiths_mark_is_refused(run_kith, cli_db):
    cli_db.parent.mkdir(parents=True)
    con = sqlite3.connect(cli_db)
    con.execute("PRAGMA journal_mode = wal")  # what a copy made without its -wal looks like
    con.close()
    before = cli_db.read_bytes()
    r = run_kith("add", "Ada")
    assert r.code == 2 and "without kith's mark" in r.err
    assert cli_db.read_bytes() == before


def test_a_missing_database_is_created(run_kith, cli_db):
    assert not cli_db.exists()
    assert run_kith("add", "Ada").code == 0
    assert run_kith("contacts").out.count("Ada") == 1
    assert sorted(p.name for p in cli_db.parent.iterdir() if not p.name.startswith("kith.db-")) == [
        "kith.db", "kith.db.checked"]


# -- text that is not UTF-8 ---------------------------------------------------------------------------


@pytest.fixture
def bad_text_db(run_kith, cli_db):
    assert run_kith("demo").code == 0
    write_invalid_utf8(cli_db, (1, 2))
    return cli_db


@pytest.mark.parametrize("command", [
    ("contacts",), ("contacts", "--json"), ("today", "--json"), ("find", "A"), ("export", "json", "-o", "-"),
])
def test_invalid_utf8_never_stops_a_command(run_kith, bad_text_db, command):
    r = run_kith(*command)
    assert r.code == 0, r.err
    warnings = [ln for ln in r.err.splitlines() if "not valid UTF-8" in ln]
    assert warnings == ["kith: warning: 2 rows hold text that is not valid UTF-8 (written by another program); "
                        "shown with \ufffd"]


def test_invalid_utf8_is_shown_with_the_replacement_character(run_kith, bad_text_db):
    r = run_kith("contacts", "--json")
    names = {c["id"]: c["name"] for c in json.loads(r.out)}
    assert names[1] == names[2] == "A\ufffdB"
    r = run_kith("export", "json", "-o", "-")
    rows = json.loads(r.out)["tables"]["contact"]["rows"]
    assert sum(1 for row in rows if "A\ufffdB" in row) == 2


def test_a_salvage_that_lost_contacts_still_restores(run_kith, cli_db, tmp_path):
    from tests.damage import table_leaf_pages, wreck_page

    assert run_kith("demo").code == 0
    pages = table_leaf_pages(cli_db, "contact")
    wreck_page(cli_db, pages[len(pages) // 2])
    out = tmp_path / "rescue.json"
    r = run_kith("export", "json", "--salvage", "-o", str(out))
    assert r.code == 0, r.err
    data = json.loads(out.read_text())
    assert data["salvage"]["tables"]["contact"] > 0
    assert "left out with them: " in r.err and "touch: " in r.err  # touches of lost contacts
    fresh = tmp_path / "new" / "kith.db"
    r = run_kith("restore", str(out), db=fresh)
    assert r.code == 0, r.err
    con = sqlite3.connect(fresh)
    assert con.execute("SELECT count(*) FROM contact").fetchone()[0] == len(data["tables"]["contact"]["rows"])
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
