"""The real terminal: bytes kith writes to a pseudo-terminal, and an SSH drop (SIGHUP)."""

import fcntl
import os
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time

import pytest

from kith.store.core.db import close_db
from kith.store.people.contacts import create_contact
from kith.store.people.touches import log_touch
from kith.tui.literal import safe_text
from tests.hostile import hostile_strings


def start_in_pty(db_path, tmp_path, cols=80, rows=24):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows),
           "XDG_DATA_HOME": str(tmp_path / "xdg-data"), "XDG_CONFIG_HOME": str(tmp_path / "xdg-config")}
    env.pop("TEXTUAL", None)
    proc = subprocess.Popen([sys.executable, "-m", "kith.tui", "--db", str(db_path)], stdin=slave, stdout=slave,
                            stderr=slave, env=env, start_new_session=True, close_fds=True)
    os.close(slave)
    return proc, master


def read_for(master, seconds, until: bytes | None = None) -> bytes:
    out, end = b"", time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if until and until in out:
                end = min(end, time.monotonic() + 0.5)  # let the frame finish
    return out


def hostile_db(path):
    from kith.store.core.db import db, open_db

    open_db(path)
    for ident, text in hostile_strings():
        # The store refuses NUL (store.validate); another tool can still write one: put it back by SQL.
        clean = text.replace("\x00", "")
        c = create_contact(f"{ident} {clean}", company=clean, tags=[clean[:40] or "x"], notes=clean, tier="inner")
        log_touch(c.id, "call", __import__("datetime").date(2025, 1, 1), clean)
        if clean != text:
            db.execute_sql("UPDATE contact SET name = ?, company = ?, notes = ? WHERE id = ?",
                           (f"{ident} {text}", text, text, c.id))
    close_db()


@pytest.fixture
def hostile_path(tmp_path):
    path = tmp_path / "hostile.db"
    hostile_db(path)
    return path


DANGEROUS = [b"\x1b]52;", b"\x1b]2;OWNED", b"G\x1b[3J", b"H\x00Y", "\u202e".encode(), b"\xc2\x9b", b"\x1b]8;"]


def test_no_escape_c1_nul_or_bidi_from_data_reaches_the_terminal(hostile_path, tmp_path):
    proc, master = start_in_pty(hostile_path, tmp_path)
    try:
        out = read_for(master, 8, until=b"M02")
        os.write(master, b"2")  # the contacts list shows every name, company and tag
        out += read_for(master, 4, until=b"T05")
        os.write(master, b"\x11")  # ctrl+q leaves kith from anywhere (q here would be typed into a filter)
        out += read_for(master, 3)  # everything it writes until it has gone
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    for needle in DANGEROUS:
        assert needle not in out, needle
    # The names were drawn, as visible inert glyphs.
    assert safe_text("T01 E\x1b]52").encode() in out or safe_text("E\x1b]52;c").encode() in out


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_hangup_or_term_exits_cleanly_and_keeps_the_database(hostile_path, tmp_path, sig):
    proc, master = start_in_pty(hostile_path, tmp_path)
    try:
        out = read_for(master, 8, until=b"M02")
        assert b"kith" in out
        os.write(master, b"2")  # mid-use, on a 10k-capable list
        read_for(master, 3, until=b"T05")
        os.killpg(proc.pid, sig)
        rc = proc.wait(timeout=10)
        rest = read_for(master, 1)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert rc == 0, rc
    assert b"Traceback" not in rest
    con = sqlite3.connect(hostile_path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM contact").fetchone()[0] == len(hostile_strings())
    con.close()


def test_closing_the_terminal_does_not_leave_kith_running(hostile_path, tmp_path):
    """Closing the pty (an SSH drop) must end kith, not leave it blocked writing to a dead terminal."""
    proc, master = start_in_pty(hostile_path, tmp_path)
    try:
        read_for(master, 8, until=b"M02")
        os.write(master, b"2")
        read_for(master, 0.3)
        os.close(master)  # the session leader's terminal goes away: the kernel sends SIGHUP
        master = None
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        if master is not None:
            os.close(master)


def test_hangup_keeps_the_pitch_being_typed(tmp_path):
    """SSH drop in the middle of writing a pitch: the draft is in the database afterwards."""
    from kith.store.brand.pitches import create_pitch, get_pitch
    from kith.store.core.db import open_db

    path = tmp_path / "brand.db"
    open_db(path)
    pitch = create_pitch("Intro", "elevator pitch", "I help teams ship.")
    create_contact("Ada")  # not a first run: no welcome dialog
    close_db()
    proc, master = start_in_pty(path, tmp_path)
    try:
        read_for(master, 8, until=b"Today")
        for keys, shown in ((b"4", b"Rehearse"), (b"e", b"Done"), (b" Fast", b"Fast")):
            os.write(master, keys)
            read_for(master, 3, until=shown)
        os.killpg(proc.pid, signal.SIGHUP)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    open_db(path)
    assert get_pitch(pitch.id).draft is not None and "Fast" in get_pitch(pitch.id).draft
    assert get_pitch(pitch.id).text == "I help teams ship."
