"""kith week --date DAY (the week containing DAY: the weekly review and the week's conversations) and
kith thank's channel as a field, as a user runs them on a fixed day (a Wednesday)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kith.store.core import clock

WEDNESDAY = date(2026, 3, 18)


@pytest.fixture
def week_db(run_kith, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda tz=None: WEDNESDAY)
    assert run_kith("add", "Ada Lovelace").code == 0
    assert run_kith("add", "Bo Chen").code == 0
    assert run_kith("log", "Bo Chen", "--kind", "coffee", "--on", "2026-03-10").code == 0  # the week before
    assert run_kith("log", "Bo Chen", "--kind", "email", "--on", "2026-03-16").code == 0
    assert run_kith("plan", "Ada Lovelace", "--on", "today", "--purpose", "Learn the team").code == 0
    assert run_kith("held", "1", "--referral", "Carol King", "--referral", "Dan Wu").code == 0
    assert run_kith("thank", "Ada Lovelace", "--channel", "letter", "--note", "a card").code == 0
    return run_kith


def test_week_of_a_day_shows_its_review_numbers_and_conversations(week_db):
    data = json.loads(week_db("week", "--date", "2026-03-20", "--json").out)
    assert (data["start"], data["end"]) == ("2026-03-16", "2026-03-22")
    review, talks = data["weekly_review"], data["conversations"]
    # the interview is the one conversation; its two referrals are introductions received
    assert (review["conversations"], review["introductions_made"], review["introductions_received"]) == (1, 0, 2)
    assert review["touches"] >= 3  # Monday's email, the interview, the thank-you (and the introductions')
    assert (talks["referrals_gained"], talks["thank_yous_sent"]) == (2, 1)
    assert [(c["name"], c["state"], c["referrals"]) for c in talks["conversations"]] == [
        ("Ada Lovelace", "held", ["Carol King", "Dan Wu"])]
    r = week_db("week", "--date", "2026-03-20")
    assert r.code == 0 and "week 2026-03-16 to 2026-03-22" in r.out
    assert "informational interview with Ada Lovelace → referrals: Carol King, Dan Wu" in r.out
    assert "referrals gained: 2 · thank-yous sent: 1" in r.out
    default = json.loads(week_db("week", "--json").out)  # no --date: the week containing today
    assert (default["start"], default["weekly_review"]) == (data["start"], review)
    assert default["conversations"]["interviews"]["day"]["held"] == 1  # today's, where --date gave Friday's


def test_the_week_before_has_the_coffee_and_no_conversations(week_db):
    data = json.loads(week_db("week", "--date", "-7", "--json").out)
    assert (data["start"], data["weekly_review"]["touches"], data["weekly_review"]["conversations"]) == (
        "2026-03-09", 1, 1)
    assert data["conversations"]["conversations"] == [] and data["conversations"]["thank_yous_sent"] == 0
    assert "no conversations this week" in week_db("week", "--date", "2026-03-15").out


def test_weeks_start_on_the_configured_review_day(week_db, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('[quality]\nweekly_review_day = "tuesday"\n')
    monkeypatch.setenv("KITH_CONFIG", str(config))
    data = json.loads(week_db("week", "--date", "2026-03-16", "--json").out)
    assert (data["start"], data["end"]) == ("2026-03-10", "2026-03-16")
    assert data["weekly_review"]["touches"] == 2  # the coffee and Monday's email


@pytest.mark.parametrize("bad", ["2026-02-30", "soon", "2026-3-1"])
def test_a_bad_date_is_one_line_and_exit_2(week_db, bad):
    r = week_db("week", "--date", bad)
    assert r.code == 2 and r.err.startswith("kith: --date") is not None and "--date" in r.err
    assert len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err and r.out == ""


def test_thank_keeps_its_channel_apart_from_the_note(week_db):
    touches = json.loads(week_db("touches", "Ada Lovelace", "--json").out)
    (thanks,) = [t for t in touches if t["kind"] == "thank-you"]
    assert (thanks["channel"], thanks["note"]) == ("letter", "a card")
    assert "thank-you by letter: a card" in week_db("touches", "Ada Lovelace").out
    assert week_db("thank", "Ada Lovelace", "--kind", "call").code == 0  # --kind still names the channel
    assert "thank-you by call" in week_db("touches", "Ada Lovelace").out
    r = week_db("thank", "Ada Lovelace", "--channel", "pigeon")
    assert r.code == 2 and "unknown way to thank" in r.err
