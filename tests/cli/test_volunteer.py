"""kith volunteer add|log|met|list|show: the exact interface, JSON, undo, and one line with exit 2."""

from __future__ import annotations

import json

import pytest

from kith.store.core import clock
from kith.store.core.db import close_db, open_db


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch, fixed_today, cli_db):
    monkeypatch.setattr(clock, "today", lambda tz=None: fixed_today)
    open_db(cli_db)  # only add, demo, import and restore create a database: start from an empty one
    close_db()


def _list(run_kith) -> list[dict]:
    r = run_kith("volunteer", "list", "--json")
    assert r.code == 0, r.err
    return json.loads(r.out)


def test_add_log_met_list_and_show(run_kith):
    r = run_kith("volunteer", "add", "Code Club", "--role", "mentor", "--from", "2026-01-10", "--skill", "Python")
    assert r.code == 0 and "volunteering #1 Code Club (mentor) · 2026-01-10–now · skills Python" in r.out
    assert run_kith("volunteer", "log", "1", "--hours", "2.5", "--on", "2026-03-14", "--note", "robots").code == 0
    r = run_kith("volunteer", "log", "code club", "--hours", "1:30")
    assert r.code == 0 and "logged 1.5 h at Code Club (mentor) on 2026-03-16 · 4 h in all" in r.out
    r = run_kith("volunteer", "met", "1", "Grace Hopper", "--on", "2026-03-14")
    assert r.code == 0 and "added #1 Grace Hopper (new contact)" in r.out and "event touch logged" in r.out
    assert run_kith("volunteer", "met", "1", "Grace Hopper").code == 0  # known now: met again today
    (row,) = _list(run_kith)
    assert row["organisation"] == "Code Club" and row["role"] == "mentor" and row["from"] == "2026-01-10"
    assert row["to"] is None and row["hours"] == 4.0 and row["minutes"] == 240 and row["days_logged"] == 2
    assert row["people_met"] == 1 and row["skills"] == [{"name": "Python", "how": "used"}]
    touches = json.loads(run_kith("touches", "Grace Hopper", "--json").out)
    assert [t["kind"] for t in touches] == ["event", "event"]
    assert touches[0]["note"] == "volunteering at Code Club (mentor)"
    text = run_kith("volunteer", "list").out
    assert "#1" in text and "4 h on 2 d · 1 met" in text and "4 h in all" in text
    shown = json.loads(run_kith("volunteer", "show", "1", "--json").out)
    assert [h["hours"] for h in shown["hours_by_day"]] == [1.5, 2.5]
    assert [m["day"] for m in shown["met"]] == ["2026-03-16", "2026-03-14"]
    today = json.loads(run_kith("today", "--json").out)
    (item,) = [i for i in today if i["source"] == "met"]
    assert item["name"] == "Grace Hopper" and "met volunteering at Code Club (mentor) today" in item["why"]


def test_undo_reverses_a_meeting_with_a_new_person_and_logged_hours(run_kith):
    run_kith("volunteer", "add", "Code Club", "--role", "mentor", "--from", "2026-01-10")
    run_kith("volunteer", "log", "1", "--hours", "2")
    run_kith("volunteer", "met", "1", "Ada Lovelace")
    assert run_kith("undo").code == 0
    assert json.loads(run_kith("contacts", "--json").out) == []  # the person added with the meeting went too
    (row,) = _list(run_kith)
    assert row["people_met"] == 0 and row["minutes"] == 120
    assert run_kith("undo").code == 0
    assert _list(run_kith)[0]["minutes"] == 0


@pytest.mark.parametrize("args, says", [
    (("log", "1", "--hours", "-2"), "cannot be negative"),
    (("log", "1", "--hours", "25"), "more than a day holds"),
    (("log", "1", "--hours", "0"), "at least one minute"),
    (("log", "1", "--hours", "two"), "must be a number"),
    (("log", "1", "--hours", "2", "--on", "2026-03-20"), "still ahead"),
    (("log", "1", "--hours", "2", "--on", "2025-01-01"), "before Code Club (mentor) started"),
    (("log", "1", "--hours", "2", "--on", "someday"), "--on"),
    (("log", "9", "--hours", "2"), "no volunteering engagement #9"),
    (("log", "Nowhere", "--hours", "2"), "no volunteering engagement at 'Nowhere'"),
    (("met", "1", "Ada Lovelac"), "did you mean Ada Lovelace"),
    (("met", "1", "#99"), "no contact with id 99"),
    (("add", "Code Club", "--role", ""), "role"),
    (("add", "Code Club", "--role", "x", "--from", "2026-03-01", "--to", "2026-02-01"), "before it starts"),
    (("add", "  ", "--role", "x"), "organisation needs a name"),
    ((), "say what to do"),
])
def test_bad_input_is_one_line_and_exit_2(run_kith, args, says):
    run_kith("volunteer", "add", "Code Club", "--role", "mentor", "--from", "2026-01-10")
    run_kith("add", "Ada Lovelace")
    r = run_kith("volunteer", *args)
    assert r.code == 2 and says in r.err and len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


def test_a_day_past_24_hours_across_engagements_is_refused(run_kith):
    run_kith("volunteer", "add", "Code Club", "--role", "mentor", "--from", "2026-01-10")
    run_kith("volunteer", "add", "Food Bank", "--role", "driver", "--from", "2026-01-10")
    assert run_kith("volunteer", "log", "1", "--hours", "20").code == 0
    r = run_kith("volunteer", "log", "Food Bank", "--hours", "5")
    assert r.code == 2 and "already holds 20 h" in r.err
    assert run_kith("volunteer", "log", "Food Bank", "--hours", "4").code == 0


def test_two_engagements_at_one_organisation_need_an_id(run_kith):
    run_kith("volunteer", "add", "Code Club", "--role", "mentor", "--from", "2026-01-10")
    run_kith("volunteer", "add", "Code Club", "--role", "organiser", "--from", "2026-02-10")
    r = run_kith("volunteer", "log", "code club", "--hours", "1")
    assert r.code == 2 and "say which by id" in r.err and "#1" in r.err and "#2" in r.err


def test_listing_needs_a_database_and_an_empty_one_says_how_to_start(run_kith, tmp_path):
    assert "No volunteering yet" in run_kith("volunteer", "list").out
    assert _list(run_kith) == []
    r = run_kith("volunteer", "list", db=tmp_path / "none.db")
    assert r.code == 2 and "no database" in r.err
