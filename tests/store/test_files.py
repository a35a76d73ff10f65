"""kith.store.core.files: the one writer. Real files under tmp_path; no mocks of the file system."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading

import pytest

from kith.store.core.files import (
    WriteFailed,
    WriteRefused,
    backup_database,
    make_private_dir,
    reserve_name,
    write_atomic,
    write_file,
    write_with,
)


def test_new_file_is_private_and_whole(tmp_path):
    target = tmp_path / "a" / "b" / "out.txt"
    w = write_file(target, "hello\n")
    assert w.path == target and not w.replaced and target.read_text() == "hello\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700


def test_existing_file_needs_force(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(WriteRefused, match="--force"):
        write_file(target, "new")
    assert target.read_text() == "old"
    assert write_file(target, "new", force=True).replaced and target.read_text() == "new"


def test_a_file_that_appears_while_writing_is_not_clobbered(tmp_path):
    target = tmp_path / "out.txt"

    def fill(fd, tmp):
        target.write_text("someone else's")  # another process wins the race
        os.write(fd, b"ours")

    with pytest.raises(WriteRefused, match="appeared"):
        write_with(target, fill)
    assert target.read_text() == "someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_own_files_are_replaced_but_never_through_a_link(tmp_path):
    own = tmp_path / "draft.json"
    own.write_text("old")
    write_atomic(own, "new")
    assert own.read_text() == "new"
    real = tmp_path / "real.txt"
    real.write_text("keep")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with pytest.raises(WriteRefused, match="symbolic link"):
        write_atomic(link, "x")
    assert real.read_text() == "keep" and link.is_symlink()


def test_dangling_link_is_refused_too(tmp_path):
    link = tmp_path / "out.csv"
    link.symlink_to(tmp_path / "would-be-created.txt")
    with pytest.raises(WriteRefused):
        write_file(link, "x")
    assert not (tmp_path / "would-be-created.txt").exists()


def test_sqlite_files_and_their_side_files_are_never_written(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    side = tmp_path / "other.db-wal"
    side.write_bytes(b"whatever")
    for target in (other, side):
        before = target.read_bytes()
        with pytest.raises(WriteRefused, match="never replaced"):
            write_file(target, "x", force=True)
        with pytest.raises(WriteRefused):
            write_atomic(target, "x")
        assert target.read_bytes() == before


def test_open_database_is_protected_by_name_and_by_hard_link(db_file, tmp_path):
    alias = tmp_path / "alias.bin"
    os.link(db_file, alias)
    for target in (db_file, str(db_file) + "-wal", str(db_file) + "-shm", alias,
                   db_file.parent / ".." / db_file.parent.name / db_file.name):
        with pytest.raises(WriteRefused, match="open kith database|SQLite"):
            write_file(target, "x", force=True)
    assert db_file.read_bytes()[:16] == b"SQLite format 3\x00"


def test_folder_and_odd_targets_are_one_line(tmp_path):
    with pytest.raises(WriteRefused, match="folder"):
        write_file(tmp_path, "x", force=True)
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(WriteRefused, match="not a regular file"):
        write_file(tmp_path / "pipe", "x", force=True)
    (tmp_path / "file").write_text("x")
    with pytest.raises(WriteFailed, match="not a folder"):
        write_file(tmp_path / "file" / "below.txt", "x")


def test_reserved_names_are_unique_under_threads(tmp_path):
    from datetime import datetime

    now = datetime(2026, 3, 16, 9, 30, 0)
    names: list[str] = []
    lock = threading.Lock()

    def grab():
        p = reserve_name(tmp_path, "kith", ".db", now=now)
        with lock:
            names.append(p.name)

    threads = [threading.Thread(target=grab) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(names)) == 12
    assert "kith-20260316-093000.db" in names and "kith-20260316-093000-12.db" in names


def test_private_dir_never_fails_when_created_concurrently(tmp_path):
    target = tmp_path / "x" / "y" / "z"
    errors: list[BaseException] = []

    def make():
        try:
            make_private_dir(target)
        except BaseException as exc:  # noqa: BLE001 - the test reports any failure
            errors.append(exc)

    threads = [threading.Thread(target=make) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and target.is_dir()
    assert stat.S_IMODE((tmp_path / "x").stat().st_mode) == 0o700
    existing = tmp_path / "shared"
    existing.mkdir(mode=0o755)
    os.chmod(existing, 0o755)
    make_private_dir(existing / "mine")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o755  # a folder it did not create is left alone


def test_backup_is_a_consistent_private_copy_and_refuses_like_any_write(db_file, tmp_path):
    from kith.store.people.contacts import create_contact

    create_contact("Ada Lovelace")
    dest = tmp_path / "copies" / "b.db"
    w = backup_database(dest)
    assert w.path == dest and stat.S_IMODE(dest.stat().st_mode) == 0o600
    con = sqlite3.connect(dest)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT name FROM contact").fetchall() == [("Ada Lovelace",)]
    con.close()
    with pytest.raises(WriteRefused, match="SQLite"):
        backup_database(dest, force=True)  # a backup is a database: never replaced either
    assert sorted(p.name for p in dest.parent.iterdir()) == ["b.db"]  # no temp or journal left
    beside = backup_database()
    assert beside.path.parent == db_file.parent and beside.path.name.startswith("kith-")
