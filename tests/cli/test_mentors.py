"""The mentor commands as a user runs them: ``kith role``, ``kith value``, ``kith mentors``, ``kith check-in``."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta

import pytest

from tui.__main__ import main


@pytest.fixture
def dbp(tmp_path):
    path = tmp_path / "k.db"
    assert main(["--db", str(path), "add", "Ada Lovelace", "--company", "Globex"]) == 0
    assert main(["--db", str(path), "add", "Bob Okafor"]) == 0
    return path


def run(dbp, capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(dbp), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_value_makes_a_mentor_and_says_so(dbp, capsys):
    code, out, _ = run(dbp, capsys, "value", "ada", "received", "INTRO", "--note", "to Globex", "--on", "2026-03-01")
    assert code == 0
    assert "logged received · introduction from Ada Lovelace on 2026-03-01" in out
    assert "Ada Lovelace is now a mentor" in out
    code, out, _ = run(dbp, capsys, "value", "ada", "given", "follow", "--on", "2026-03-02")
    assert code == 0 and "now a mentor" not in out


def test_multi_word_category_and_relative_date(dbp, capsys):
    code, out, _ = run(dbp, capsys, "value", "Bob", "r", "new", "perspective", "--on", "yesterday")
    assert code == 0 and "new perspective" in out


def test_unknown_category_lists_the_valid_ones_and_exits_2(dbp, capsys):
    code, _, err = run(dbp, capsys, "value", "ada", "given", "accountability")
    assert code == 2
    assert err.count("\n") == 1 and "gratitude, insight or information, introduction, follow-up" in err
    code, _, err = run(dbp, capsys, "value", "ada", "received", "th")
    assert code == 2 and "thought process, thinking differently" in err
    code, _, err = run(dbp, capsys, "value", "ada", "sideways", "gratitude")
    assert code == 2 and "received, given" in err
    code, _, err = run(dbp, capsys, "value", "ada", "received", "information", "--on", "someday")
    assert code == 2 and "--on" in err
    code, out, _ = run(dbp, capsys, "mentors", "--json")
    assert json.loads(out) == []  # nothing was written


def test_role_add_remove_and_partner_cadence(dbp, capsys):
    code, out, _ = run(dbp, capsys, "role", "Ada", "coach")
    assert code == 0 and "roles: coach" in out
    code, out, _ = run(dbp, capsys, "role", "Ada", "p", "--every", "7")
    assert code == 0 and "roles: coach, partner" in out
    code, out, _ = run(dbp, capsys, "role", "Ada", "coach", "--remove")
    assert "roles: partner" in out
    code, _, err = run(dbp, capsys, "role", "Ada", "boss")
    assert code == 2 and "mentor, coach, partner" in err
    code, out, _ = run(dbp, capsys, "check-in", "Ada")
    assert code == 0 and "every 7 d" in out and "What do I need to fix?" in out


def test_mentors_json_counts_balance_last_given(dbp, capsys):
    for args in (("received", "introduction", "--on", "2026-01-10"), ("received", "information", "--on", "2026-01-20"),
                 ("given", "gratitude", "--on", "2026-01-21"), ("received", "questioning", "--on", "2026-02-01")):
        assert run(dbp, capsys, "value", "Ada", *args)[0] == 0
    code, out, _ = run(dbp, capsys, "mentors", "--json")
    (ada,) = json.loads(out)
    assert (ada["name"], ada["roles"], ada["received"], ada["given"], ada["balance"]) == ("Ada Lovelace", ["mentor"], 3, 1, 2)
    assert (ada["last_given_on"], ada["last_given_category"]) == ("2026-01-21", "gratitude")
    assert ada["give_back_due"] is True  # nothing given for far more than 60 days
    code, out, _ = run(dbp, capsys, "mentors")
    assert "received 3 · given 1 · balance +2 · last given: gratitude 2026-01-21" in out


def test_check_in_records_answers_commitments_and_outcomes(dbp, capsys):
    from store.mentors import get_partner, list_check_ins

    code, _, err = run(dbp, capsys, "check-in", "Bob", "--commit", "x")
    assert code == 2 and "not an accountability partner" in err
    run(dbp, capsys, "role", "Bob", "partner")
    code, out, _ = run(dbp, capsys, "check-in", "Bob", "--answer", "steady outreach", "--answer", "follow up faster",
                       "--commit", "Send 5 messages", "--commit", "Draft the pitch", "--on", "-14")
    assert code == 0 and "2 answers, 2 new commitments" in out
    bob = get_partner(2)
    kept, missed = (c.id for c in bob.open_commitments)
    code, out, _ = run(dbp, capsys, "check-in", "Bob", "--kept", str(kept), "--missed", str(missed))
    assert code == 0 and "2 reviewed" in out
    last, first = list_check_ins(2)
    assert first.answers == (("What am I doing well?", "steady outreach"), ("What do I need to fix?", "follow up faster"))
    assert [(c.what, c.outcome) for c in last.reviewed] == [("Send 5 messages", "kept"), ("Draft the pitch", "missed")]
    code, _, err = run(dbp, capsys, "check-in", "Bob", "--kept", "1", "--missed", "1")
    assert code == 2 and "both kept and missed" in err


def kith(*args, db):
    cmd = [sys.executable, "-X", "importtime", "-m", "tui", "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ), timeout=120)


def test_value_and_mentors_do_not_import_textual(dbp):
    result = kith("value", "Ada", "received", "information", db=dbp)
    assert result.returncode == 0, result.stderr
    assert "textual" not in result.stderr  # -X importtime lists every module imported
    result = kith("mentors", "--json", db=dbp)
    assert result.returncode == 0 and "textual" not in result.stderr


def test_today_json_shows_give_back_and_check_in_with_reasons(dbp, capsys):
    today = date.today()
    on = lambda n: (today - timedelta(days=n)).isoformat()  # noqa: E731
    for n in (50, 45, 40, 35):
        run(dbp, capsys, "value", "Ada", "received", "introduction", "--note", "to Globex", "--on", on(n))
    run(dbp, capsys, "role", "Bob", "partner")
    run(dbp, capsys, "check-in", "Bob", "--commit", "Send 5 messages", "--on", on(20))
    result = subprocess.run([sys.executable, "-m", "tui", "--db", str(dbp), "today", "--json"],
                            capture_output=True, text=True, env=dict(os.environ), timeout=120)
    if result.returncode == 2 and "invalid choice" in result.stderr:
        pytest.skip("kith today is not built yet")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    items = data["items"] if isinstance(data, dict) else data
    by_source = {i["source"]: i for i in items}
    give = by_source["give-back"]
    assert give["contact_name"] == "Ada Lovelace"
    assert re.match(r"\d+ d with nothing given · received 4, given 0 · last: introduction: to Globex 35 d ago",
                    give["reason"])
    check = by_source["check-in"]
    assert check["contact_name"] == "Bob Okafor"
    assert check["reason"] == "overdue 6 d · check-in every 14 d · last 20 d ago · 1 open commitment"
