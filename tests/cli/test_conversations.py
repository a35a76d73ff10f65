"""kith plan / plans / prep / held / thank / week as a user runs them (in-process)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from kith.store.core.clock import today as clock_today


@pytest.fixture
def ada(run_kith):
    assert run_kith("add", "Ada Lovelace", "--company", "Globex").code == 0
    assert run_kith("add", "Sam Lee").code == 0
    assert run_kith("add", "Sam Lee", "--yes").code == 0
    return "Ada Lovelace"


def plan(run_kith, *extra):
    return run_kith("plan", "Ada Lovelace", "--on", "tomorrow", "--at", "9:30", "--purpose", "Learn the team",
                    "--objective", "two names", "--point", "the migration", "--offer", "my notes", *extra)


def test_plan_list_prep_held_thank_week(run_kith, ada):
    r = plan(run_kith)
    assert r.code == 0 and r.out.startswith("planned #1: informational interview with Ada Lovelace on ")
    r = run_kith("plans", "--json")
    (p,) = json.loads(r.out)
    assert (p["purpose"], p["at"], p["objectives"], p["offer"], len(p["questions"])) == (
        "Learn the team", "09:30", ["two names"], "my notes", 3)
    r = run_kith("prep", "Ada Lovelace")
    assert r.code == 0 and "purpose: Learn the team" in r.out and "ask: What am I doing well?" in r.out
    assert json.loads(run_kith("prep", "--plan", "1", "--json").out)["plan"]["id"] == 1
    r = run_kith("held", "1", "--answer", "stories", "--learned", "hiring in Q2", "--referral", "Carol King",
                 "--referral", "#2", "--next", "send the CV", "--rating", "4", "--minutes", "40")
    assert r.code == 0, r.err
    assert "Carol King (#4, added, introduced by Ada Lovelace)" in r.out and "thank-you owed" in r.out
    assert "Ada Lovelace" in run_kith("show", "Carol King").out  # introduced by
    tomorrow = clock_today() + timedelta(days=1)
    def owed(day):  # give-and-take nudges show on their weekday, whatever the date: this is about thank-yous
        items = json.loads(run_kith("today", "--date", day.isoformat(), "--json").out)
        return [i for i in items if i["source"] not in ("help-offer", "time-to-receive")]

    assert [i["source"] for i in owed(tomorrow) if i["contact_id"] == 1] == ["thank-you"]
    r = run_kith("thank", "Ada Lovelace", "--note", "sent a card too")
    assert r.code == 0 and "closed: thank for the informational interview" in r.out
    assert owed(tomorrow) == []
    w = json.loads(run_kith("week", "--json").out)["conversations"]
    assert (w["referrals_gained"], w["thank_yous_sent"], len(w["conversations"])) == (2, 1, 1)
    r = run_kith("week")
    assert "referrals gained: 2 · thank-yous sent: 1" in r.out
    assert run_kith("plans").out.startswith("No conversations planned")
    assert "[held]" in run_kith("plans", "--all").out


@pytest.mark.parametrize("args, message", [
    (("plan", "Ada Lovelace", "--on", "tomorrow"), "needs a purpose"),
    (("plan", "Ada Lovelace", "--on", "yesterday", "--purpose", "x"), "in the past"),
    (("plan", "Ada Lovelace", "--on", "tomorrow", "--purpose", "x", "--kind", "lunch"), "unknown kind"),
    (("plan", "Ada Lovelace", "--on", "tomorrow", "--purpose", "x", "--at", "9h"), "not HH:MM"),
    (("held", "1", "--answer", "a", "--answer", "b", "--answer", "c", "--answer", "d"), "4 answers but"),
    (("held", "1", "--referral", "Sam Lee"), "matches 2 contacts"),
    (("held", "1", "--rating", "9"), "--rating"),
    (("held", "99"), "no planned conversation with id 99"),
    (("prep",), "say whom"),
    (("thank", "Ada Lovelace", "--kind", "pigeon"), "unknown way to thank"),
])
def test_bad_input_is_one_line_and_exit_2(run_kith, ada, args, message):
    assert plan(run_kith).code == 0
    r = run_kith(*args)
    assert r.code == 2 and message in r.err and len(r.err.strip().splitlines()) == 1, r.err
    assert "Traceback" not in r.err
    assert json.loads(run_kith("plans", "--json").out)[0]["state"] == "planned"


def test_plan_with_a_new_person(run_kith, ada):
    r = run_kith("plan", "Nadia New", "--new", "--on", "today", "--kind", "coffee")
    assert r.code == 0 and "coffee with Nadia New" in r.out


def test_read_commands_do_not_create_a_database(run_kith, tmp_path):
    for args in (("plans",), ("prep", "x"), ("week",)):
        r = run_kith(*args, db=tmp_path / "none.db")
        assert r.code == 2 and "no database" in r.err
    assert not (tmp_path / "none.db").exists()


def test_config_turns_thank_yous_off_per_kind_and_sources_off(run_kith, ada, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text("[conversations]\nthank_interview_days = 0\ntoday_off = [\"prepare\"]\n")
    monkeypatch.setenv("KITH_CONFIG", str(config))
    assert plan(run_kith).code == 0
    tomorrow = (clock_today() + timedelta(days=1)).isoformat()
    assert json.loads(run_kith("today", "--json").out) == []  # "prepare" is off
    r = run_kith("held", "1")
    assert r.code == 0 and "thank-you owed" not in r.out
    assert json.loads(run_kith("today", "--date", tomorrow, "--json").out) == []
    config.write_text("[conversations]\ntoday_off = [\"lunch\"]\n")
    r = run_kith("plans")
    assert r.code == 2 and "config.toml:2: conversations.today_off" in r.err


def test_prep_shows_your_goals_about_them_first(run_kith, ada):
    assert "Your goals" not in run_kith("prep", "Ada Lovelace").out
    assert run_kith("goal", "add", "A staff role on a platform team").code == 0
    assert run_kith("goal", "add", "Two referrals from Globex", "--kind", "challenge").code == 0
    assert plan(run_kith).code == 0
    r = run_kith("prep", "--plan", "1")
    assert r.code == 0 and "Your goals\n  challenge: Two referrals from Globex (about them)\n" in r.out
    goals = json.loads(run_kith("prep", "Ada Lovelace", "--json").out)["goals"]
    assert [(g["kind"], g["mentions_them"]) for g in goals] == [("challenge", True), ("goal", False)]
