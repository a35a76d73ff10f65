"""kith skill/skills, learn/learning, income, me job/career, goal/goals: the exact interface, JSON, exit 2."""

from __future__ import annotations

import json

import pytest

from kith.store.core import clock
from kith.store.core.db import close_db, open_db


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch, fixed_today, cli_db):
    monkeypatch.setattr(clock, "today", lambda tz=None: fixed_today)
    # Only add, demo, import and restore create a database: start from an empty one.
    open_db(cli_db)
    close_db()


def test_skills_learning_and_stale(run_kith):
    assert run_kith("skill", "add", "Fortran", "--kind", "hard", "--depth", "4", "--used", "2023-01").code == 0
    assert run_kith("skill", "add", "Rust", "--emerging").code == 0
    assert run_kith("skill", "add", "Spanish", "--kind", "language", "--depth", "3").code == 0
    r = run_kith("skills", "--json")
    rows = {s["name"]: s for s in json.loads(r.out)}
    assert rows["Fortran"]["stale"] and rows["Fortran"]["depth_label"] == "expert"
    assert rows["Rust"]["emerging"] and rows["Rust"]["needs_learning"]
    r = run_kith("learn", "add", "The Rust Book", "--kind", "book", "--skill", "Rust", "--status", "doing")
    assert r.code == 0 and "feeds Rust" in r.out
    stale = json.loads(run_kith("skills", "--stale", "--json").out)
    assert [s["name"] for s in stale] == ["Fortran"]
    assert run_kith("skill", "used", "Fortran", "--on", "2026-02").code == 0
    assert "No stale skills" in run_kith("skills", "--stale").out
    r = run_kith("learn", "add", "CKA", "--kind", "certification", "--status", "done", "--expires", "2026-04-20")
    assert r.code == 0
    items = json.loads(run_kith("learning", "--json").out)
    assert {i["title"]: i["expires"] for i in items}["CKA"] == "2026-04-20"
    assert "(in 35 d)" in run_kith("learning").out


@pytest.mark.parametrize("args, message", [
    (("skill", "add", "X", "--depth", "6"), "depth must be 1 to 5"),
    (("skill", "add", "X", "--depth", "0"), "depth must be 1 to 5"),
    (("skill", "add", "X", "--used", "2026-04"), "in the future"),
    (("skill", "add", "X", "--used", "March"), "not a month"),
    (("skill", "used", "Nope"), "no skill named"),
    (("learn", "add", "X", "--skill", "Nope"), "no skill named"),
    (("learn", "add", "X", "--status", "maybe"), "unknown status"),
    (("income", "add", "X", "--kind", "salary", "--monthly", "-100"), "cannot be negative"),
    (("income", "add", "X", "--kind", "salary", "--monthly", "100", "--currency", "ABC"), "unknown currency"),
    (("income", "add", "X", "--kind", "lottery", "--monthly", "100"), "unknown income kind"),
    (("income", "add", "X", "--kind", "salary", "--monthly", "1,5"), "not a number"),
    (("income", "end", "Nope"), "no income stream"),
    (("me", "job", "Globex", "--from", "2027-01"), "in the future"),
    (("goal", "done", "abc"), "give the number"),
    (("goal", "done", "99"), "no goal"),
])
def test_bad_input_is_one_line_and_exit_2(run_kith, args, message):
    r = run_kith(*args)
    assert r.code == 2, r
    assert message in r.err and "Traceback" not in r.err and len(r.err.strip().splitlines()) <= 2


def test_income_streams_shares_and_history(run_kith):
    assert run_kith("income", "add", "Salary", "--kind", "salary", "--monthly", "4000", "--from", "2025-01-01").code == 0
    assert run_kith("income", "add", "Blog", "--kind", "writing", "--monthly", "250.50", "--currency", "usd",
                    "--from", "2025-06-01").code == 0
    r = run_kith("income", "add", "Salary", "--kind", "salary", "--monthly", "4400", "--from", "2026-01-01")
    assert r.code == 0 and "amount 2 of its history" in r.out
    data = json.loads(run_kith("income", "--json").out)
    assert data["largest_share_percent"] == "100.0" and data["over_share"] and data["under_target"]
    assert data["active_count"] == 2 and data["target"] == 3 and "no conversion" in data["note"]
    salary = next(s for s in data["streams"] if s["name"] == "Salary")
    assert [(h["monthly"], h["to"]) for h in salary["history"]] == [("4000.00", "2025-12-31"), ("4400.00", None)]
    assert {m["month"]: m["total"] for m in data["history"]}["2025-12"] == "4000.00"
    text = run_kith("income").out
    assert "largest share (EUR): 100.0%" in text and "2 of target 3" in text and "USD shown apart" in text
    assert run_kith("income", "end", "Blog", "--on", "2026-03-01").code == 0
    assert json.loads(run_kith("income", "--json").out)["active_count"] == 1


def test_me_job_and_career_gaps(run_kith):
    assert run_kith("me", "job", "Globex", "--title", "Engineer", "--from", "2019-01", "--to", "2021-06").code == 0
    assert run_kith("me", "job", "Initech", "--from", "2022-03", "--current").code == 0
    data = json.loads(run_kith("me", "career", "--json").out)
    assert [j["organisation"] for j in data["jobs"]] == ["Globex", "Initech"]
    assert data["gaps"] == [{"from": "2021-07", "to": "2022-02", "months": 8, "volunteering": []}]
    assert "gap 2021-07 to 2022-02 (8 months)" in run_kith("me", "career").out


def test_goals(run_kith):
    assert run_kith("goal", "add", "Lead a team").code == 0
    assert run_kith("goal", "add", "Too many meetings", "--kind", "challenge").code == 0
    assert run_kith("goal", "done", "1").code == 0
    assert "Lead a team" not in run_kith("goals").out
    data = json.loads(run_kith("goals", "--json").out)
    assert {g["text"]: g["done_on"] for g in data} == {"Lead a team": "2026-03-16", "Too many meetings": None}


def test_today_json_items_about_no_one_carry_why(run_kith):
    from datetime import date, timedelta

    assert run_kith("learn", "add", "CKA", "--kind", "certification", "--status", "done",
                    "--expires", "2026-04-01").code == 0
    seen = []
    for n in range(7):
        day = (date(2026, 3, 16) + timedelta(days=n)).isoformat()
        seen += [i for i in json.loads(run_kith("today", "--date", day, "--json").out) if i["source"] == "certification"]
        text = run_kith("today", "--date", day).out
        assert "Traceback" not in text
    (item,) = seen
    assert item["contact_id"] is None and item["name"] == "CKA" and "expires in" in item["why"]
    assert item["reason"] == item["why"]


def test_config_turns_a_source_off_and_rejects_a_bad_currency(run_kith, tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[today]\nsources_off = ["certification"]\n')
    run_kith("learn", "add", "CKA", "--kind", "certification", "--status", "done", "--expires", "2026-04-01")
    from datetime import date, timedelta

    for n in range(7):
        day = (date(2026, 3, 16) + timedelta(days=n)).isoformat()
        out = json.loads(run_kith("--config", str(cfg), "today", "--date", day, "--json").out)
        assert not [i for i in out if i["source"] == "certification"]
    cfg.write_text('[career]\ndisplay_currency = "EURO"\n')
    r = run_kith("--config", str(cfg), "income")
    assert r.code == 2 and "c.toml:2: career.display_currency" in r.err
    cfg.write_text('[today]\nsources_off = "birthday"\n')
    r = run_kith("--config", str(cfg), "income")
    assert r.code == 2 and "today.sources_off" in r.err


def test_volunteering_that_covers_a_gap_is_shown_beside_it(run_kith):
    # "Helps fill gaps in a resume": an engagement overlapping the gap's months is listed under it.
    assert run_kith("me", "job", "Globex", "--from", "2019-01", "--to", "2021-06").code == 0
    assert run_kith("me", "job", "Initech", "--from", "2022-03", "--current").code == 0
    assert run_kith("volunteer", "add", "Code Club", "--role", "mentor", "--from", "2021-09-01",
                    "--to", "2021-12-31").code == 0
    assert run_kith("volunteer", "add", "Food Bank", "--role", "driver", "--from", "2023-01-01").code == 0
    data = json.loads(run_kith("me", "career", "--json").out)
    [gap] = data["gaps"]
    assert [(v["organisation"], v["role"]) for v in gap["volunteering"]] == [("Code Club", "mentor")]
    out = run_kith("me", "career").out
    assert "volunteering 2021-09-01 to 2021-12-31 Code Club · mentor" in out
    assert "Food Bank" not in out
