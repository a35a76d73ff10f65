"""The command line as a user runs it: main() with a real database file (a real process for imports)."""

import json
import subprocess
import sys

import pytest

from tests.conftest import kith_in_process


def kith(*args, db=None, env=None, check=True):
    # In-process (same code, no interpreter start-up); the import test below keeps a real process.
    return kith_in_process(*args, db=db, env=env, check=check)


@pytest.fixture
def dbp(tmp_path):
    return tmp_path / "k.db"


def test_version():
    assert kith("--version").stdout.startswith("kith ")


def test_add_log_and_list_as_json(dbp):
    kith("add", "Ada Lovelace", "--company", "Analytical", "--email", "ada@a.example", "--tag", "industry:Compute",
         "--tier", "inner", "--every", "10", db=dbp)
    kith("log", "ada lovelace", "--kind", "coffee", "--note", "engines", "--on", "2026-03-01", db=dbp)
    data = json.loads(kith("contacts", "--json", db=dbp).stdout)
    assert len(data) == 1
    ada = data[0]
    assert (ada["name"], ada["company"], ada["tier"], ada["cadence_days"]) == ("Ada Lovelace", "Analytical", "inner", 10)
    assert ada["emails"] == ["ada@a.example"] and ada["tags"] == [{"name": "Compute", "kind": "industry"}]
    assert ada["last_touch_on"] == "2026-03-01" and ada["last_touch_kind"] == "coffee"


@pytest.mark.parametrize("args, message", [
    (["log", "Ada Lovelace", "--kind", "lunch"], "unknown kind 'lunch'"),
    (["log", "Ada Lovelace", "--kind", "call", "--on", "2026-02-30"], "not a real day"),
    (["log", "Ada Lovelace", "--kind", "call", "--on", "yesterday-ish"], "is not a date: use YYYY-MM-DD"),
    (["log", "Ada Lovelace", "--kind", "call", "--on", "2099-01-01"], "is still ahead"),
    (["log", "Ada", "--kind", "call"], "no contact is named 'Ada'; did you mean Ada "),
    (["log", "Zed", "--kind", "call"], "no contact is named 'Zed'"),
    (["add", "   "], "needs a name"),
    (["add", "Eve", "--tier", "vip"], "unknown tier 'vip'"),
    (["add", "Eve", "--email", "nope"], "not an email"),
])
def test_bad_input_is_one_line_exit_2_and_writes_nothing(dbp, args, message):
    kith("add", "Ada Lovelace", db=dbp)
    kith("add", "Ada Rossi", db=dbp)
    before = kith("contacts", "--json", db=dbp).stdout
    result = kith(*args, db=dbp, check=False)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert kith("contacts", "--json", db=dbp).stdout == before


def test_ambiguous_name_lists_candidates(dbp):
    kith("add", "Ada Lovelace", "--company", "Analytical", db=dbp)
    kith("add", "Ada Lovelace", "--yes", db=dbp)
    err = kith("log", "ada lovelace", "--kind", "call", db=dbp, check=False).stderr
    assert "#1  Ada Lovelace  (Analytical)" in err and "#2  Ada Lovelace" in err


def test_broken_config_exits_2_with_one_line(tmp_path, dbp):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[tiers]\ninner = 'often'\n")
    result = kith("contacts", db=dbp, env={"KITH_CONFIG": str(cfg)}, check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == f"kith: {cfg}:2: tiers.inner: must be a whole number, not 'often'"


def test_not_a_kith_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "essay.txt"
    path.write_text("not a database")
    result = kith("contacts", db=path, check=False)
    assert result.returncode == 2 and "not a kith database" in result.stderr
    assert path.read_text() == "not a database"


def test_demo_is_deterministic_and_does_not_overwrite(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    kith("demo", db=a)
    kith("demo", db=b)
    ja, jb = kith("contacts", "--json", db=a).stdout, kith("contacts", "--json", db=b).stdout
    strip = lambda s: [{k: v for k, v in c.items() if k not in ("created", "updated")} for c in json.loads(s)]  # noqa: E731
    assert strip(ja) == strip(jb)
    assert len(json.loads(ja)) >= 60
    again = kith("demo", db=a)
    assert "left as is" in again.stdout
    assert kith("contacts", "--json", db=a).stdout == ja


def test_output_never_carries_escape_sequences(dbp):
    kith("add", "Eve\x1b]0;PWNED\x07 \u202egnp.exe \x9b31m", db=dbp)
    out = kith("contacts", db=dbp).stdout
    assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out
    js = kith("contacts", "--json", db=dbp).stdout
    assert "\x1b" not in js and "\u202e" not in js and "\x9b" not in js
    assert json.loads(js)[0]["name"].startswith("Eve\x1b]0;PWNED")  # the data itself is intact


@pytest.mark.parametrize("args", [["contacts"], ["--version"], ["add", "X"], ["log", "X", "--kind", "call"],
                                  ["today"], ["find", "x"], ["mentors"], ["pitch", "list"], ["show", "X"],
                                  ["edit", "X", "--role", "r"], ["follow-ups"], ["undo"], ["touches", "x"]])
def test_command_line_paths_do_not_import_textual(dbp, args):
    code = ("import sys, runpy; sys.argv = ['kith'] + sys.argv[1:];\n"
            "try:\n    runpy.run_module('kith.tui', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "bad = [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
            "sys.stderr.write('TEXTUAL:' + ','.join(bad[:3]))")
    result = subprocess.run([sys.executable, "-c", code, "--db", str(dbp), *args], capture_output=True, text=True)
    assert result.stderr.rstrip().endswith("TEXTUAL:"), result.stderr[-500:]


def test_demo_sizes_reach_linkedins_cap_and_no_further(run_kith, tmp_path):
    # 30,000 is the most connections LinkedIn allows: the benchmark builds that size.
    too_many = run_kith("demo", "--contacts", "30001", db=tmp_path / "big.db")
    assert too_many.code == 2 and "between 1 and 30000" in too_many.err
    too_many_touches = run_kith("demo", "--contacts", "10", "--touches", "300001", db=tmp_path / "big.db")
    assert too_many_touches.code == 2 and "between 0 and 300000" in too_many_touches.err
