"""kith stats, focus, triage, bulk, strength and week: the exact interface, in-process."""

from __future__ import annotations

import json

import pytest


def _setup(run_kith):
    assert run_kith("add", "Ada Lovelace", "--company", "Globex", "--tag", "industry:fintech", "--tier", "close").code == 0
    assert run_kith("add", "Bo Chen", "--company", "Initech", "--tag", "geography:London").code == 0
    assert run_kith("add", "Cy Obi", "--company", "Globex").code == 0


def test_bulk_without_yes_shows_count_and_first_ten_and_changes_nothing(run_kith):
    _setup(run_kith)
    r = run_kith("bulk", "--filter", "org:globex", "--tier", "inner")
    assert r.code == 0 and "would set tier inner on 2 contacts" in r.out
    assert "Ada Lovelace" in r.out and "Cy Obi" in r.out and "Bo Chen" not in r.out
    assert "inner" not in run_kith("contacts", "--json").out


def test_bulk_with_yes_then_one_undo(run_kith):
    _setup(run_kith)
    r = run_kith("bulk", "--filter", "org:globex -tier:close", "--tag", "industry:payments", "--yes")
    assert r.code == 0 and "1 of 1" in r.out
    r = run_kith("bulk", "--filter", "tag:payments", "--tier", "inner")
    assert "Cy Obi" in r.out
    assert run_kith("undo").code == 0
    r = run_kith("bulk", "--filter", "tag:payments", "--archive")
    assert r.code == 2 and "no contact matches" in r.err


def test_bulk_bad_input_is_one_line_exit_2(run_kith):
    _setup(run_kith)
    for args, words in [(("--filter", "colour:red", "--archive"), "unknown filter key"),
                        (("--filter", "org:globex", "--tier", "vip"), "unknown tier 'vip'"),
                        (("--filter", "nobody-here", "--archive", "--yes"), "no contact matches"),
                        (("--filter", "strength>=8", "--archive"), "from 1 to 5")]:
        r = run_kith("bulk", *args)
        assert r.code == 2 and words in r.err and r.err.count("\n") == 1, (args, r.err)


def test_focus_then_stats_json_counts_relevance(run_kith):
    _setup(run_kith)
    r = run_kith("focus", "--industry", "fintech", "--geography", "London=2", "--json")
    assert r.code == 0
    assert {(t["kind"], t["name"], t["weight"]) for t in json.loads(r.out)} == {
        ("industry", "fintech", 1.0), ("geography", "London", 2.0)}
    data = json.loads(run_kith("stats", "--json").out)
    assert data["contacts"] == 3 and data["relevant"] == 2
    assert {f["name"]: f["contacts"] for f in data["by_focus"]} == {"fintech": 1, "London": 1}
    assert len(data["touches_per_week"]) == 52
    assert data["by_tag_kind"] == {"industry": 1, "geography": 1}
    assert set(data["tiers"]) >= {"inner", "close", "network", "dormant"}
    assert data["give_take"]["net"] == 0
    assert run_kith("focus", "--industry", "fintech=99").code == 2
    out = run_kith("stats").out
    assert "focus industry: fintech: 1" in out and "strength:" in out


def test_triage_lists_untriaged_for_scripts(run_kith):
    _setup(run_kith)
    data = json.loads(run_kith("triage", "--json").out)
    assert data["untriaged"] == 3 and {c["name"] for c in data["contacts"]} == {"Ada Lovelace", "Bo Chen", "Cy Obi"}
    data = json.loads(run_kith("triage", "--json", "--filter", "org:initech").out)
    assert [c["name"] for c in data["contacts"]] == ["Bo Chen"]
    assert run_kith("triage", "--filter", "tier>=x").code == 2


def test_strength_suggests_and_accepts(run_kith):
    _setup(run_kith)
    for day in ("-3", "-10", "-20"):
        assert run_kith("log", "Ada Lovelace", "--kind", "coffee", "--on", day, "--rating", "4", "--minutes", "45").code == 0
    assert run_kith("log", "Ada Lovelace", "--rating", "9").code == 2
    r = run_kith("strength", "Ada Lovelace", "--json")
    data = json.loads(r.out)
    assert data["strength"] == 3 and data["suggested"] == 5 and data["reasons"][0].startswith("3 touches")
    r = run_kith("strength", "Ada Lovelace", "--accept")
    assert r.code == 0 and "accepted" in r.out
    assert json.loads(run_kith("strength", "Ada Lovelace", "--json").out)["strength"] == 5
    assert run_kith("strength", "Nobody At All").code == 2


def test_week_prints_sections(run_kith):
    _setup(run_kith)
    run_kith("log", "Ada Lovelace", "--kind", "coffee", "--on", "-2")
    r = run_kith("week", "--date", "-2")  # the week containing the coffee
    assert r.code == 0 and r.out.startswith("== weekly review") and "touches: 1 (1 conversations)" in r.out
    data = json.loads(run_kith("week", "--date", "-2", "--json").out)
    assert data["weekly_review"]["touches"] == 1


@pytest.mark.parametrize("args", [["stats", "--json"], ["focus"], ["triage"], ["week"], ["strength", "1"],
                                  ["bulk", "--filter", "x", "--archive"]])
def test_quality_commands_do_not_import_textual(tmp_path, args):
    import subprocess
    import sys

    from tests.conftest import kith_in_process

    dbp = tmp_path / "k.db"
    kith_in_process("add", "Ada", db=dbp)
    code = ("import sys, runpy; sys.argv = ['kith'] + sys.argv[1:];\n"
            "try:\n    runpy.run_module('kith.tui', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "bad = [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
            "sys.stderr.write('TEXTUAL:' + ','.join(bad[:3]))")
    result = subprocess.run([sys.executable, "-c", code, "--db", str(dbp), *args], capture_output=True, text=True)
    assert result.stderr.rstrip().endswith("TEXTUAL:"), result.stderr[-500:]
