"""Issue 10 (trust), store: the damage check, its record beside the file, and the salvage."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date

import pytest

from kith.store.core import integrity
from kith.store.core.db import backup_to, close_db, db, open_db
from kith.store.core.integrity import DatabaseDamaged, record_path
from kith.store.demo import build_demo
from kith.store.people.contacts import create_contact, list_contacts
from tests.damage import table_leaf_pages, wreck_page, wreck_touch_page_mid_file


@pytest.fixture
def count_checks(monkeypatch):
    """Count the quick_checks run (the record, not timing, proves one was skipped)."""
    calls = []
    real = integrity.quick_check

    def counting(path):
        calls.append(path)
        return real(path)

    monkeypatch.setattr(integrity, "quick_check", counting)
    return calls


def test_the_record_lets_the_next_start_skip_the_check(db_file, count_checks):
    create_contact("Ada")
    close_db()
    record = json.loads(record_path(db_file).read_text())
    st = os.stat(db_file)
    assert record == {"size": st.st_size, "mtime_ns": st.st_mtime_ns}
    assert os.stat(record_path(db_file)).st_mode & 0o777 == 0o600
    open_db(db_file)
    create_contact("Grace")
    assert count_checks == []  # unchanged since the last clean close: no check


def test_a_changed_file_is_checked_before_the_first_write(db_file, count_checks):
    create_contact("Ada")
    close_db()
    con = sqlite3.connect(db_file)  # another program writes: size/mtime no longer match the record
    con.execute("UPDATE contact SET role = 'engineer'")
    con.commit()
    con.close()
    open_db(db_file)
    assert count_checks == [db_file]
    close_db()
    open_db(db_file)
    assert count_checks == [db_file]  # checked clean once: recorded


def test_a_deferred_check_runs_before_the_first_write(db_file, count_checks):
    close_db()
    record_path(db_file).unlink()  # as if changed since its last check
    open_db(db_file, check_now=False)
    assert count_checks == [] and integrity.pending()
    create_contact("Ada")
    assert count_checks == [db_file] and not integrity.pending()


def test_a_damaged_file_opens_read_only_and_refuses_writes(tmp_path):
    path = tmp_path / "kith.db"
    open_db(path)
    build_demo(date(2026, 3, 16))
    names = sorted(c.name for c in list_contacts(include_archived=True))
    close_db()
    wreck_touch_page_mid_file(path)
    before = path.read_bytes()
    open_db(path)
    assert integrity.damage() and "nothing was written" in integrity.damage()
    assert sorted(c.name for c in list_contacts(include_archived=True)) == names  # reads still work
    with pytest.raises(DatabaseDamaged):
        create_contact("Zed")
    with pytest.raises(DatabaseDamaged, match="backup refused"):
        backup_to(tmp_path / "copy.db")
    assert db.execute_sql("PRAGMA query_only").fetchone()[0] == 1
    close_db()
    assert path.read_bytes() == before
    assert not integrity.recorded_clean(path)  # a damaged file is never recorded as clean
    open_db(path)  # never recorded as clean: checked again, still damaged
    assert integrity.damage()


def test_backup_checks_even_when_the_record_says_clean(db_file, tmp_path):
    create_contact("Ada")
    close_db()
    open_db(db_file)
    assert not integrity.pending()
    pages = table_leaf_pages(db_file, "contact")
    # Damage that keeps size and mtime (a bad disk): the record matches, the backup still checks.
    st = os.stat(db_file)
    wreck_page(db_file, pages[0])
    os.utime(db_file, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(DatabaseDamaged):
        backup_to(tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()


def test_salvage_reads_around_a_broken_page(tmp_path):
    from kith.store.transfer.salvage import salvage

    path = tmp_path / "kith.db"
    open_db(path)
    build_demo(date(2026, 3, 16))
    con = sqlite3.connect(path)
    all_touches = {r[0] for r in con.execute("SELECT id FROM touch")}
    con.close()
    close_db()
    wreck_touch_page_mid_file(path)
    open_db(path)
    data, report = salvage()
    cols = data["tables"]["touch"]["columns"]
    got = {row[cols.index("id")] for row in data["tables"]["touch"]["rows"]}
    assert got < all_touches
    assert report.lost["touch"] == len(all_touches - got)
    assert report.lost_rows == report.lost["touch"]
    assert "touch" in report.summary()
