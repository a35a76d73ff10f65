"""``kith pitch time|list|show`` as a user runs them (in this process), no Textual imported (a real process)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import kith_in_process


def kith(*args, db=None, stdin=None, env=None, check=True):
    # In-process (same code, no interpreter start-up); binary stdin and import tests keep a process.
    return kith_in_process(*args, db=db, stdin=stdin, env=env, check=check)


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "k.db"
    kith("demo", db=path)
    return path


def test_time_from_stdin_at_the_configured_pace():
    text = " ".join(["word"] * 130)
    data = json.loads(kith("pitch", "time", "--json", stdin=text).stdout)
    assert data["words"] == 130 and data["seconds"] == 60.0 and data["wpm"] == 130
    assert data["slow"] == {"wpm": 110, "seconds": 70.9} and data["fast"] == {"wpm": 160, "seconds": 48.8}


def test_time_of_a_file_with_wpm_and_the_config(tmp_path):
    f = tmp_path / "pitch.txt"
    f.write_text("# Who are you?\nI'm Sam — a well-known engineer. 🚀\n", encoding="utf-8")
    out = kith("pitch", "time", str(f), "--wpm", "60").stdout
    assert out.startswith("5 words, 35 characters, 5 s (5 s) at 60 wpm")
    config = tmp_path / "c.toml"
    config.write_text("[brand]\nwords_per_minute = 150\n")
    data = json.loads(kith("pitch", "time", str(f), "--json", env={"KITH_CONFIG": str(config)}).stdout)
    assert data["wpm"] == 150 and data["seconds"] == 2.0


@pytest.mark.parametrize("args, message", [
    (["pitch", "time", "/nonexistent/x.txt"], "cannot read"),
    (["pitch", "time", "--wpm", "5"], "--wpm must be between 40 and 400"),
    (["pitch", "time", "/dev/null"], "not a regular file"),
    (["pitch"], "say what to do"),
])
def test_bad_input_is_one_line_and_exit_2(args, message):
    r = kith(*args, stdin="", check=False)
    assert r.returncode == 2 and message in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_time_refuses_binary_input():
    r = kith("pitch", "time", stdin=b"\xff\xfe\x00bad", check=False)
    assert r.returncode == 2 and "not UTF-8" in r.stderr


def test_list_and_show(demo):
    rows = json.loads(kith("pitch", "list", "--json", db=demo).stdout)
    names = [r["name"] for r in rows]
    assert names[0] == "Elevator pitch" and "LinkedIn headline" in names
    elevator = rows[0]
    assert (elevator["words"], elevator["target_seconds"], elevator["versions"]) == (66, 30, 3)
    plain = kith("pitch", "list", db=demo).stdout
    assert "Elevator pitch [elevator pitch] 66 words, 30 s/30 s, v3" in plain
    shown = kith("pitch", "show", "elevator", db=demo).stdout
    assert "# Who are you?" in shown and "5 rehearsals" in shown
    data = json.loads(kith("pitch", "show", "headline", "--json", db=demo).stdout)
    assert data["char_limit"] == 220 and data["figures"]["characters"] == len(data["text"])


def test_show_unknown_and_ambiguous(demo):
    r = kith("pitch", "show", "nothing-like-it", db=demo, check=False)
    assert r.returncode == 2 and "no pitch matches" in r.stderr
    r = kith("pitch", "show", "linkedin", db=demo, check=False)
    assert r.returncode == 2 and "matches 2 pitches" in r.stderr


def test_pitch_commands_do_not_import_textual(demo):
    code = ("import sys; from kith.tui.__main__ import main; "
            f"main(['--db', {str(demo)!r}, 'pitch', 'list']); main(['pitch', 'time', '/etc/hostname']); "
            "assert 'textual' not in sys.modules, 'textual imported'")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def test_terminal_escapes_in_a_pitch_are_inert(tmp_path):
    from kith.store.brand.pitches import create_pitch
    from kith.store.core.db import close_db, open_db

    db = tmp_path / "k.db"
    open_db(db)
    create_pitch("Evil\u202e name", "custom", "x")
    close_db()
    out = kith("pitch", "list", db=db).stdout
    assert "\u202e" not in out and "Evil" in out
