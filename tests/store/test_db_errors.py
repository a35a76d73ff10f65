"""Database failures reach the user as one clear store error, never as a raw peewee/sqlite3 one."""

import sqlite3

import pytest

from kith.store.core.db import close_db, db, open_db
from kith.store.core.errors import StoreError
from kith.store.people.contacts import create_contact


def test_a_held_write_lock_becomes_a_busy_message(db_file):
    db.execute_sql("PRAGMA busy_timeout = 50")  # don't make the test wait the real 10 s
    other = sqlite3.connect(db_file, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another kith is in the middle of a write
    try:
        with pytest.raises(StoreError, match="busy: another kith is writing"):
            create_contact("Ada")
    finally:
        other.rollback()
        other.close()
    assert create_contact("Ada").name == "Ada"


def test_a_damaged_file_is_refused_with_a_message(tmp_path):
    path = tmp_path / "kith.db"
    open_db(path)
    create_contact("Ada")
    close_db()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the SQLite header
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        open_db(path)
