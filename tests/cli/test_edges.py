"""Edges of the command line: text the store cannot keep, a missing database, a full disk."""

import errno
import sqlite3
import stat
import threading

import pytest

from kith.store.core.db import make_private_dir


def one_line(r) -> bool:
    return len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


@pytest.mark.parametrize("args", [
    ("add", "\udcff"),                                  # `kith add $'\xff'` on a UTF-8 terminal
    ("add", "Ada", "--company", "Ac\udce9me"),
    ("add", "Ada", "--note", "one\x00two"),
    ("add", "Ada", "--tag", "fin\x00tech"),
    ("add", "Ada", "--email", "a\udcff@b.example"),
])
def test_text_the_store_cannot_keep_is_one_line_and_exit_2(run_kith, args):
    assert run_kith("add", "Zed").code == 0
    r = run_kith(*args)
    assert r.code == 2 and one_line(r), r
    assert "NUL" in r.err or "not valid UTF-8" in r.err
    assert "Zed" in run_kith("contacts").out and "Ada" not in run_kith("contacts").out


def test_surrogate_message_names_the_byte(run_kith, tmp_path):
    r = run_kith("add", "\udcff", db=tmp_path / "kith.db")
    assert r.code == 2 and one_line(r)
    assert "\\xff" in r.err and "name" in r.err


def test_notes_of_touches_and_follow_ups_too(run_kith):
    assert run_kith("add", "Ada").code == 0
    r = run_kith("log", "Ada", "--kind", "call", "--note", "x\udcfe")
    assert r.code == 2 and one_line(r) and "\\xfe" in r.err
    r = run_kith("follow-up", "Ada", "--on", "+3", "send\x00it")
    assert r.code == 2 and one_line(r) and "NUL" in r.err
    r = run_kith("value", "Ada", "received", "information", "--note", "\udcff")
    assert r.code == 2 and one_line(r)


def test_long_tag_is_refused_like_a_long_name(run_kith, tmp_path):
    r = run_kith("add", "Ada", "--tag", "x" * 301, db=tmp_path / "kith.db")
    assert r.code == 2 and one_line(r) and "longer than 300" in r.err
    assert run_kith("add", "Ada", "--tag", "x" * 300, db=tmp_path / "kith.db").code == 0


def test_value_on_a_day_still_ahead_is_refused_like_log(run_kith):
    assert run_kith("add", "Ada").code == 0
    r = run_kith("value", "Ada", "received", "information", "--on", "+1")
    assert r.code == 2 and one_line(r) and "still ahead" in r.err
    r = run_kith("log", "Ada", "--kind", "call", "--on", "+1")
    assert r.code == 2 and "still ahead" in r.err
    assert run_kith("value", "Ada", "received", "information", "--on", "today").code == 0


@pytest.mark.parametrize("args", [("contacts",), ("today",), ("find", "ada"), ("mentors",),
                                  ("export", "json", "-o", "-"), ("duplicates",), ("pitch", "list"),
                                  ("backup",)])
def test_read_commands_on_a_missing_database_say_so_and_create_nothing(run_kith, tmp_path, args):
    path = tmp_path / "nowhere" / "deeper" / "kith.db"
    r = run_kith(*args, db=path)
    assert r.code == 2 and one_line(r), r
    assert f"no database at {path}" in r.err
    assert not (tmp_path / "nowhere").exists()


def test_a_write_creates_missing_folders_private_and_says_so_once(run_kith, tmp_path):
    path = tmp_path / "new" / "nested" / "kith.db"
    r = run_kith("add", "Ada", db=path)
    assert r.code == 0
    assert r.err.count("created folder") == 1 and str(tmp_path / "new") in r.err
    for folder in (tmp_path / "new", tmp_path / "new" / "nested"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = run_kith("add", "Bo", db=path)
    assert again.code == 0 and again.err == ""
    assert run_kith("contacts", db=path).code == 0


def test_an_existing_folder_is_not_reported(run_kith, tmp_path):
    r = run_kith("add", "Ada", db=tmp_path / "kith.db")
    assert r.code == 0 and "created folder" not in r.err


def test_empty_db_path_is_an_error(run_kith):
    r = run_kith("contacts", db="")
    assert r.code == 2 and one_line(r) and "--db" in r.err


def test_db_under_a_file_is_one_line(run_kith, tmp_path):
    (tmp_path / "plain").write_text("x")
    r = run_kith("add", "Ada", db=tmp_path / "plain" / "kith.db")
    assert r.code == 2 and one_line(r)


def test_nested_folders_created_by_many_at_once_never_fail(tmp_path):
    for attempt in range(15):
        target = tmp_path / f"race{attempt}" / "a" / "b" / "c"
        errors: list[BaseException] = []
        barrier = threading.Barrier(8)

        def make():
            barrier.wait()  # noqa: B023
            try:
                make_private_dir(target)  # noqa: B023
            except BaseException as exc:  # noqa: BLE001 (the test reports any failure)
                errors.append(exc)  # noqa: B023

        threads = [threading.Thread(target=make) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert stat.S_IMODE(target.stat().st_mode) == 0o700
        assert stat.S_IMODE((tmp_path / f"race{attempt}").stat().st_mode) == 0o700


def test_make_private_dir_leaves_an_existing_folder_alone(tmp_path):
    tmp_path.chmod(0o755)
    assert make_private_dir(tmp_path) == []
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


def test_disk_full_on_a_read_is_one_line(run_kith, monkeypatch):
    assert run_kith("add", "Ada").code == 0

    def full(*a, **k):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("kith.store.people.contacts.list_contacts", full)
    r = run_kith("contacts")
    assert r.code == 2 and one_line(r) and "disk full" in r.err


def test_enospc_is_disk_full(run_kith, monkeypatch):
    assert run_kith("add", "Ada").code == 0

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device", "/data/export.json")

    monkeypatch.setattr("kith.store.people.contacts.list_contacts", full)
    r = run_kith("contacts")
    assert r.code == 2 and one_line(r) and "disk full" in r.err


def test_a_real_sqlite_full_on_write_is_one_line_exit_2(run_kith, cli_db):
    assert run_kith("add", "Ada").code == 0
    from kith.store.core.db import close_db, db, open_db

    open_db(cli_db)
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    close_db()
    # max_page_count is per connection: cap it where the CLI opens, as a full disk would.
    import kith.store.core.db as store_db

    real = store_db._pragmas
    try:
        store_db._pragmas = lambda: {**real(), "max_page_count": pages}
        r = run_kith("add", "Bo", "--note", "x" * 80_000)
    finally:
        store_db._pragmas = real
    assert r.code == 2 and one_line(r) and "full" in r.err
