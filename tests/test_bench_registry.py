"""The one benchmark (``python -m bench``) imports and lists every measure issue 19 asks for (nothing timed)."""

from __future__ import annotations

import importlib

# Every item of the issue's "Build" list and goals table, by the name the benchmark gives it.
ISSUE_ITEMS = {
    "cold_today", "cold_contacts", "area_switch", "keystroke", "today_queue", "find", "today_json", "prep",
    "path", "linkedin_import", "vcard_export", "json_export", "restore", "demo_build", "peak_memory",
    "import_growth",
}


def test_bench_entry_imports_and_lists_every_issue_item():
    entry = importlib.import_module("bench.__main__")
    from bench.measures import BY_NAME, MEASURES

    assert {m.name for m in MEASURES} == ISSUE_ITEMS
    # Every measure belongs to a group the entry knows how to run, and has a goal or says "report".
    assert {m.group for m in MEASURES} <= set(entry.GROUPS)
    assert all(m.goal for m in MEASURES) and len(BY_NAME) == len(MEASURES)


def test_goals_follow_the_issue_table():
    from bench.measures import BY_NAME, Result

    assert BY_NAME["find"].met(Result(0.079), "10k") and not BY_NAME["find"].met(Result(0.081), "10k")
    assert BY_NAME["find"].met(Result(0.119), "30k")
    assert BY_NAME["cold_today"].met(Result(0.30, floor=0.21), "10k")
    assert not BY_NAME["cold_today"].met(Result(0.40, floor=0.21), "10k")
    assert BY_NAME["demo_build"].met(Result(10.0), "30k") is None  # the goal is for 10k only
    assert BY_NAME["peak_memory"].met(Result(151.0, unit="MB"), "30k") is False


def test_unknown_size_or_measure_is_one_usage_error(capsys):
    import pytest

    entry = importlib.import_module("bench.__main__")
    with pytest.raises(SystemExit) as exc:
        entry.main(["--only", "nope"])
    assert exc.value.code == 2 and "unknown: nope" in capsys.readouterr().err
