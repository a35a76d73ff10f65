"""``kith find``'s light read path (tui/cli/quick_find.py): it answers only plain lines on a sound
database, prints what the full command prints, and leaves everything else to the full command."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kith.store.core.db import close_db
from kith.store.people.contacts import create_contact
from kith.store.people.followups import add_follow_up
from kith.store.people.touches import log_touch
from kith.tui.cli.quick_find import parse, quick_find

QUERIES = [("lovlace",), ("ada",), ("ada", "engine"), ("engine",), ("globex",), ("jose", "alvarez"),
           ("paper",), ("enigne",), ("zzzz",), ("compute",)]


@pytest.fixture
def filled(db_file):
    ada = create_contact("Ada Lovelace", company="Analytical Engines", tags=["industry:Compute"])
    jose = create_contact("Jose\u0301 A\u0301lvarez", company="Globex")
    create_contact("Mallory \x1b]0;PWNED\x07", company="Globex")
    create_contact("Grace Hopper", company="Navy", notes="compilers and the engine of COBOL")
    log_touch(ada.id, "coffee", date(2026, 3, 1), "Talked about the difference engine")
    add_follow_up(jose.id, date(2026, 3, 20), "Send the engine paper")
    close_db()  # a clean close records the file as checked: the light path may answer
    return db_file


def test_parse_takes_plain_lines_only():
    assert parse(["--db", "x.db", "find", "ada", "lovelace", "--json", "--limit", "5"]) == (
        ["ada", "lovelace"], "x.db", None, True, 5)
    assert parse(["find", "--limit=3", "ada", "--db=y.db"]) == (["ada"], "y.db", None, False, 3)
    assert parse(["--config", "c.toml", "find", "ada"]) == (["ada"], None, "c.toml", False, 20)
    for argv in (["find"], ["find", "--json"], ["find", "-h"], ["find", "--kind", "touch", "ada"],
                 ["find", "ada", "--json", "lovelace"], ["find", "--js", "ada"], ["ada", "find"],
                 ["find", "ada", "--limit", "0"], ["find", "ada", "--limit", "501"], ["find", "ada", "--limit"],
                 ["--db", "a", "find", "ada", "--db", "b"], ["find", "--", "ada"], ["find", "ada", "--limit", "-1"],
                 ["--limit", "3", "find", "ada"], ["contacts"], [], ["find", ""]):
        assert parse(argv) is None, argv


def test_light_path_prints_what_the_full_command_prints(filled, run_kith, capsys):
    for words in QUERIES:
        for extra in ((), ("--json",), ("--limit", "2")):
            capsys.readouterr()
            code = quick_find(["--db", str(filled), "find", *words, *extra])
            light = capsys.readouterr().out
            assert code is not None, words  # the light path answered
            # --db given twice is not a plain line: the full command runs.
            full = run_kith("find", *words, *extra, "--db", str(filled), db=filled)
            assert (code, light) == (full.code, full.out), (words, extra)
            assert full.err == ""


def test_light_path_leaves_a_changed_or_foreign_file_to_the_full_command(filled, tmp_path, capsys):
    checked = Path(str(filled) + ".checked")
    assert checked.exists()
    checked.unlink()  # changed since its last clean close: the full command checks it first
    assert quick_find(["--db", str(filled), "find", "ada"]) is None
    foreign = tmp_path / "other.db"
    import sqlite3

    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE contact (id INTEGER)")
    con.close()
    assert quick_find(["--db", str(foreign), "find", "ada"]) is None
    assert quick_find(["--db", str(tmp_path / "missing.db"), "find", "ada"]) is None
    assert not (tmp_path / "missing.db").exists()
    assert capsys.readouterr().out == ""


def test_light_path_reads_only(filled, capsys):
    # SQLite may create the -wal/-shm a reader of a WAL file needs; nothing is written to the data.
    files = (filled, Path(str(filled) + ".checked"))
    before = [(p.stat().st_size, p.stat().st_mtime_ns) for p in files]
    assert quick_find(["--db", str(filled), "find", "engine"]) == 0
    assert [(p.stat().st_size, p.stat().st_mtime_ns) for p in files] == before
    wal = Path(str(filled) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_cold_find_loads_neither_peewee_nor_every_area(filled):
    # A real process: what a cold `kith find` imports (import hygiene, not timing).
    code = ("import sys; from kith.tui.cli.main import main; rc = main(['--db', sys.argv[1], 'find', 'lovlace']);"
            "print(rc, *(m in sys.modules for m in ('peewee', 'kith.store.wiring', 'argparse', 'kith.tui.config')),"
            "file=sys.stderr)")
    env = {k: v for k, v in os.environ.items() if k != "KITH_DB"}
    done = subprocess.run([sys.executable, "-c", code, str(filled)], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.stderr.split() == ["0", "False", "False", "False", "False"], done.stderr
    assert "Ada Lovelace" in done.stdout


@pytest.mark.parametrize("how", ["default place", "--config", "KITH_CONFIG"])
def test_light_path_reads_the_config_when_there_is_one(filled, tmp_path, monkeypatch, capsys, how):
    """Without a config file the light path skips the config's checks; with one, it checks it and
    takes its database, wherever the file was named."""
    from kith.tui.config import config_path

    path = config_path() if how == "default place" else tmp_path / "c.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"database = {str(filled)!r}\n", encoding="utf-8")
    argv = ["find", "lovlace"]
    if how == "--config":
        argv = ["--config", str(path), *argv]
    elif how == "KITH_CONFIG":
        monkeypatch.setenv("KITH_CONFIG", str(path))
    assert quick_find(argv) == 0
    assert "Ada Lovelace" in capsys.readouterr().out
    path.write_text("database = 12\n", encoding="utf-8")  # a broken line: the full command reports it
    assert quick_find(argv) is None


@pytest.mark.parametrize(("words", "status"), [(["engine"], 0), (["qwzxv"], 1)])
def test_the_command_leaves_at_once_after_the_light_path_with_all_its_output(filled, words, status):
    """``kith`` (``entry``) exits without tearing the process down after the light path: every
    line is still written, the exit status kept, and a reader leaving early is no error."""
    env = {k: v for k, v in os.environ.items() if k != "KITH_DB"}
    command = [sys.executable, "-m", "kith.tui", "--db", str(filled), "find", *words]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    full = subprocess.run([*command, "--lim=20"], capture_output=True, text=True, env=env,
                          timeout=60)  # an abbreviation: not a plain line, the full path answers
    assert (done.returncode, done.stderr) == (status, "")
    assert done.stdout == full.stdout and done.stdout.count("\n") >= (3 if status == 0 else 1)
    r, w = os.pipe()
    os.close(r)  # the reader is gone before a line is written
    gone = subprocess.run(command, stdout=w, stderr=subprocess.PIPE, text=True, env=env, timeout=60)
    os.close(w)
    assert (gone.returncode, gone.stderr) == (0, "")
    # Started with standard output, or error, closed (`kith find ada >&-`): Python has no stream.
    closed = subprocess.run(command, stderr=subprocess.PIPE, text=True, env=env, timeout=60,
                            preexec_fn=lambda: os.close(1))
    assert (closed.returncode, closed.stderr) == (status, "")
    no_errors = subprocess.run(command, stdout=subprocess.PIPE, text=True, env=env, timeout=60,
                               preexec_fn=lambda: os.close(2))
    assert no_errors.returncode == status and no_errors.stdout == done.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("limit", ["3", "200"])
def test_results_that_cannot_be_written_are_an_error_not_a_success(db_file, limit):
    """A full disk (``kith find x --json > out.json``): one line and exit status 2, never a silent 0,
    whether the results fail to be written while printing (many) or at the final flush (few)."""
    for n in range(120):
        create_contact(f"Engine Person {n}", company="Analytical Engines")
    close_db()
    env = {k: v for k, v in os.environ.items() if k not in ("KITH_DB", "PYTHONUNBUFFERED")}
    command = [sys.executable, "-m", "kith.tui", "--db", str(db_file), "find", "engine", "--json", "--limit", limit]
    with open("/dev/full", "w") as full:
        done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, env=env, timeout=60)
    assert done.returncode == 2 and done.stderr.startswith("kith: disk full"), done.stderr
    assert "Traceback" not in done.stderr