"""An SSH drop (SIGHUP) while another process holds the write lock must not lose the pitch draft."""

import os
import signal
import sqlite3
import stat
import time

from kith.store.brand.drafts import draft_file, fold_in, keep_now
from kith.store.brand.pitches import create_pitch, get_pitch
from kith.store.core.db import close_db, open_db
from kith.store.people.contacts import create_contact
from tests.tui.test_terminal import read_for, start_in_pty


def test_hangup_while_another_process_holds_the_lock_keeps_the_draft(tmp_path):
    path = tmp_path / "brand.db"
    open_db(path)
    pitch = create_pitch("Intro", "elevator pitch", "I help teams ship.")
    create_contact("Ada")  # not a first run: no welcome dialog
    close_db()
    proc, master = start_in_pty(path, tmp_path)
    blocker = sqlite3.connect(path, isolation_level=None)
    try:
        read_for(master, 8, until=b"Today")
        for keys, shown in ((b"4", b"Rehearse"), (b"e", b"Done")):
            os.write(master, keys)
            read_for(master, 3, until=shown)
        blocker.execute("BEGIN IMMEDIATE")  # another kith writing for a long time
        os.write(master, b" Fast")
        read_for(master, 2.5)  # the draft timer ticks meanwhile: it must not block the app
        started = time.monotonic()
        os.killpg(proc.pid, signal.SIGHUP)
        assert proc.wait(timeout=8) == 0
        took = time.monotonic() - started
        blocker.execute("ROLLBACK")
    finally:
        blocker.close()
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert took < 5, took  # did not wait out the 10 s busy timeout
    kept = draft_file(path)
    assert kept.exists() and stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert "Fast" in kept.read_text(encoding="utf-8")
    # The next start folds it into the database and removes the file.
    proc, master = start_in_pty(path, tmp_path)
    try:
        read_for(master, 8, until=b"Today")
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    assert not kept.exists()
    open_db(path)
    p = get_pitch(pitch.id)
    assert p.draft is not None and "Fast" in p.draft and p.text == "I help teams ship."


def test_keep_now_writes_the_database_when_it_is_free_and_leaves_no_file(db_file):
    pitch = create_pitch("Intro", "elevator pitch", "Saved.")
    keep_now(pitch.id, "Saved. More")
    assert get_pitch(pitch.id).draft == "Saved. More"
    assert not draft_file(db_file).exists()


def test_keep_now_under_a_held_lock_returns_at_once_and_fold_in_restores(db_file):
    pitch = create_pitch("Intro", "elevator pitch", "Saved.")
    other = create_pitch("Tag", "social headline", "Line.")
    blocker = sqlite3.connect(db_file, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        keep_now(pitch.id, "Saved. Typed")
        keep_now(other.id, "Line. Two")  # a second draft joins the first in the file
        assert time.monotonic() - started < 2
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert get_pitch(pitch.id).draft is None
    assert fold_in() == 2
    assert get_pitch(pitch.id).draft == "Saved. Typed" and get_pitch(other.id).draft == "Line. Two"
    assert not draft_file(db_file).exists()
    assert fold_in() == 0


def test_fold_in_ignores_a_damaged_file_and_a_deleted_pitch(db_file):
    from kith.store.brand.pitches import delete_pitch

    pitch = create_pitch("Intro", "elevator pitch", "Saved.")
    draft_file(db_file).write_text('{"pitches": {"%d": "x", "99": "y", "bad": 3}}' % pitch.id, encoding="utf-8")  # noqa: UP031
    delete_pitch(pitch.id)
    assert fold_in() == 0 and not draft_file(db_file).exists()
    draft_file(db_file).write_text("not json", encoding="utf-8")
    assert fold_in() == 0 and not draft_file(db_file).exists()
