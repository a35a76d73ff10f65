"""The mentor commands as a user runs them: ``kith role``, ``kith value``, ``kith mentors``, ``kith check-in``."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta

import pytest

from kith.tui.__main__ import main
from tests.conftest import kith_in_process


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
    code, out, _ = run(dbp, capsys, "value", "Ada Lovelace", "received", "INTRO", "--note", "to Globex", "--on", "2026-03-01")
    assert code == 0
    assert "logged received · introduction from Ada Lovelace on 2026-03-01" in out
    assert "Ada Lovelace is now a mentor" in out
    code, out, _ = run(dbp, capsys, "value", "Ada Lovelace", "given", "follow", "--on", "2026-03-02")
    assert code == 0 and "now a mentor" not in out


def test_multi_word_category_and_relative_date(dbp, capsys):
    code, out, _ = run(dbp, capsys, "value", "Bob Okafor", "r", "new", "perspective", "--on", "yesterday")
    assert code == 0 and "new perspective" in out


def test_unknown_category_lists_the_valid_ones_and_exits_2(dbp, capsys):
    code, _, err = run(dbp, capsys, "value", "Ada Lovelace", "given", "accountability")
    assert code == 2
    assert err.count("\n") == 1 and "gratitude, insight or information, introduction, follow-up" in err
    code, _, err = run(dbp, capsys, "value", "Ada Lovelace", "received", "th")
    assert code == 2 and "thought process, thinking differently" in err
    code, _, err = run(dbp, capsys, "value", "Ada Lovelace", "sideways", "gratitude")
    assert code == 2 and "received, given" in err
    code, _, err = run(dbp, capsys, "value", "Ada Lovelace", "received", "information", "--on", "someday")
    assert code == 2 and "--on" in err
    code, out, _ = run(dbp, capsys, "mentors", "--json")
    assert json.loads(out) == []  # nothing was written


def test_role_add_remove_and_partner_cadence(dbp, capsys):
    code, out, _ = run(dbp, capsys, "role", "Ada Lovelace", "coach")
    assert code == 0 and "roles: coach" in out
    code, out, _ = run(dbp, capsys, "role", "Ada Lovelace", "p", "--every", "7")
    assert code == 0 and "roles: coach, partner" in out
    code, out, _ = run(dbp, capsys, "role", "Ada Lovelace", "coach", "--remove")
    assert "roles: partner" in out
    code, _, err = run(dbp, capsys, "role", "Ada Lovelace", "boss")
    assert code == 2 and "mentor, coach, partner" in err
    code, out, _ = run(dbp, capsys, "check-in", "Ada Lovelace")
    assert code == 0 and "every 7 d" in out and "What do I need to fix?" in out


def test_mentors_json_counts_balance_last_given(dbp, capsys):
    for args in (("received", "introduction", "--on", "2026-01-10"), ("received", "information", "--on", "2026-01-20"),
                 ("given", "gratitude", "--on", "2026-01-21"), ("received", "questioning", "--on", "2026-02-01")):
        assert run(dbp, capsys, "value", "Ada Lovelace", *args)[0] == 0
    code, out, _ = run(dbp, capsys, "mentors", "--json")
    (ada,) = json.loads(out)
    assert (ada["name"], ada["roles"], ada["received"], ada["given"], ada["balance"]) == ("Ada Lovelace", ["mentor"], 3, 1, 2)
    assert (ada["last_given_on"], ada["last_given_category"]) == ("2026-01-21", "gratitude")
    assert ada["give_back_due"] is True  # nothing given for far more than 60 days
    code, out, _ = run(dbp, capsys, "mentors")
    assert "received 3 · given 1 · balance +2 · last given: gratitude 2026-01-21" in out


def test_check_in_records_answers_commitments_and_outcomes(dbp, capsys):
    from kith.store.mentors.value import get_partner, list_check_ins

    code, _, err = run(dbp, capsys, "check-in", "Bob Okafor", "--commit", "x")
    assert code == 2 and "not an accountability partner" in err
    run(dbp, capsys, "role", "Bob Okafor", "partner")
    code, out, _ = run(dbp, capsys, "check-in", "Bob Okafor", "--answer", "steady outreach", "--answer", "follow up faster",
                       "--commit", "Send 5 messages", "--commit", "Draft the pitch", "--on", "-14")
    assert code == 0 and "2 answers, 2 new commitments" in out
    bob = get_partner(2)
    kept, missed = (c.id for c in bob.open_commitments)
    code, out, _ = run(dbp, capsys, "check-in", "Bob Okafor", "--kept", str(kept), "--missed", str(missed))
    assert code == 0 and "2 reviewed" in out
    last, first = list_check_ins(2)
    assert first.answers == (("What am I doing well?", "steady outreach"), ("What do I need to fix?", "follow up faster"))
    assert [(c.what, c.outcome) for c in last.reviewed] == [("Send 5 messages", "kept"), ("Draft the pitch", "missed")]
    code, _, err = run(dbp, capsys, "check-in", "Bob Okafor", "--kept", "1", "--missed", "1")
    assert code == 2 and "both kept and missed" in err


def kith(*args, db):
    cmd = [sys.executable, "-X", "importtime", "-m", "kith.tui", "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ), timeout=120)


def test_value_and_mentors_do_not_import_textual(dbp):
    result = kith("value", "Ada Lovelace", "received", "information", db=dbp)
    assert result.returncode == 0, result.stderr
    assert "textual" not in result.stderr  # -X importtime lists every module imported
    result = kith("mentors", "--json", db=dbp)
    assert result.returncode == 0 and "textual" not in result.stderr


def test_today_json_shows_give_back_and_check_in_with_reasons(dbp, capsys):
    today = date.today()
    on = lambda n: (today - timedelta(days=n)).isoformat()  # noqa: E731
    for n in (50, 45, 40, 35):
        run(dbp, capsys, "value", "Ada Lovelace", "received", "introduction", "--note", "to Globex", "--on", on(n))
    run(dbp, capsys, "role", "Bob Okafor", "partner")
    run(dbp, capsys, "check-in", "Bob Okafor", "--commit", "Send 5 messages", "--on", on(20))
    result = kith_in_process("today", "--json", db=dbp, check=False)
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


# -- history is never rewritten -----------------------------------------------------------------


def _partner_with_history(run_kith):
    for args in (("add", "Ada Lovelace"), ("add", "Bob Okafor"), ("role", "Bob Okafor", "partner"), ("role", "Ada Lovelace", "partner"),
                 ("check-in", "Bob Okafor", "--answer", "steady outreach", "--commit", "Send 5 messages",
                  "--commit", "Draft the pitch", "--on", "-20"),
                 ("check-in", "Ada Lovelace", "--commit", "Ada's own promise", "--on", "-15")):
        assert run_kith(*args).code == 0
    r = run_kith("check-in", "Bob Okafor", "--kept", "1", "--missed", "2", "--commit", "Book two interviews", "--on", "-6")
    assert r.code == 0
    return r


def _states():
    from kith.store.mentors.value import Commitment

    return {c.id: (c.outcome, c.reviewed_in_id) for c in Commitment.select()}


def test_check_in_refuses_to_re_review_and_changes_nothing(run_kith, cli_db):
    from kith.store.core.db import open_db

    _partner_with_history(run_kith)
    open_db(cli_db)
    before = _states()
    r = run_kith("check-in", "Bob Okafor", "--missed", "1", "--commit", "should not be saved")
    assert r.code == 2 and r.out == "" and r.err.count("\n") == 1
    assert "commitment 1 was already marked kept" in r.err
    open_db(cli_db)
    assert _states() == before == {1: ("kept", 3), 2: ("missed", 3), 3: (None, None), 4: (None, None)}
    r = run_kith("check-ins", "Bob Okafor", "--json")
    assert len(json.loads(r.out)["check_ins"]) == 2  # no third one


def test_check_in_refuses_another_partners_commitment(run_kith, cli_db):
    from kith.store.core.db import open_db

    _partner_with_history(run_kith)
    open_db(cli_db)
    before = _states()
    r = run_kith("check-in", "Bob Okafor", "--kept", "3")  # #3 is Ada's
    assert r.code == 2 and r.err.count("\n") == 1 and "commitment 3 is not one made with Bob Okafor" in r.err
    open_db(cli_db)
    assert _states() == before


def test_check_in_output_numbers_commitments_by_id(run_kith):
    r = _partner_with_history(run_kith)
    # Bob's commitments are #1, #2 and #4 (#3 is Ada's): numbered by id, never by position.
    assert "  commitment #1 kept: Send 5 messages\n  commitment #2 missed: Draft the pitch\n" in r.out
    assert "  commitment #4 new: Book two interviews\n" in r.out
    r = run_kith("check-in", "Bob Okafor")
    assert r.code == 0 and "  commitment #4: Book two interviews" in r.out and "#1" not in r.out


def test_check_ins_text_and_json(run_kith):
    _partner_with_history(run_kith)
    r = run_kith("check-ins", "Bob Okafor")
    assert r.code == 0
    today = date.today()
    day = lambda n: (today - timedelta(days=n)).isoformat()  # noqa: E731
    assert r.out == (
        "2 check-ins with Bob Okafor · newest first\n"
        f"{day(6)}\n"
        "  commitment #1 kept: Send 5 messages\n"
        "  commitment #2 missed: Draft the pitch\n"
        "  commitment #4 made (open): Book two interviews\n"
        f"{day(20)}\n"
        "  Q: What am I doing well?\n"
        "  A: steady outreach\n"
        "  commitment #1 made (kept): Send 5 messages\n"
        "  commitment #2 made (missed): Draft the pitch\n"
    )
    data = json.loads(run_kith("check-ins", "2", "--json").out)
    assert (data["contact_id"], data["name"], data["partner"]) == (2, "Bob Okafor", True)
    newest, oldest = data["check_ins"]
    assert newest["date"] == day(6) and oldest["date"] == day(20)
    assert oldest["answers"] == [{"question": "What am I doing well?", "answer": "steady outreach"}]
    assert [(c["id"], c["state"]) for c in oldest["commitments"]] == [(1, "kept"), (2, "missed")]
    assert [(c["id"], c["state"], c["reviewed_in"]) for c in newest["reviewed"]] == [
        (1, "kept", newest["id"]), (2, "missed", newest["id"])]
    assert [(c["id"], c["what"], c["state"]) for c in newest["commitments"]] == [(4, "Book two interviews", "open")]
    r = run_kith("check-ins", "Nobody")
    assert r.code == 2 and r.err.count("\n") == 1


def test_removed_role_stays_as_former_with_its_value_and_comes_back_as_a_new_period(run_kith):
    today = date.today().isoformat()
    assert run_kith("add", "Ada Lovelace").code == 0
    assert run_kith("add", "Bob Okafor").code == 0
    assert run_kith("value", "Ada Lovelace", "received", "intro", "--on", "2026-01-10").code == 0  # makes her a mentor
    assert run_kith("value", "Ada Lovelace", "given", "gratitude", "--on", "2026-01-11").code == 0
    assert run_kith("role", "Bob Okafor", "coach").code == 0
    r = run_kith("role", "Ada Lovelace", "mentor", "--remove")
    assert r.code == 0 and f"Ada Lovelace is a former mentor now (mentor 2026-01-10 – {today})" in r.out
    r = run_kith("role", "Ada Lovelace", "mentor", "--remove")
    assert r.code == 2 and "not a mentor now; nothing changed" in r.err
    bob, ada = json.loads(run_kith("mentors", "--json").out)  # former ones after the current ones
    assert (bob["name"], bob["former"]) == ("Bob Okafor", False)
    assert (ada["name"], ada["former"], ada["roles"], ada["former_roles"]) == ("Ada Lovelace", True, [], ["mentor"])
    assert (ada["received"], ada["given"], ada["give_back_due"]) == (1, 1, False)
    assert ada["periods"] == [{"role": "mentor", "started": "2026-01-10", "ended": today}]
    out = run_kith("mentors").out
    assert out.index("Bob Okafor") < out.index("former:\n") < out.index("Ada Lovelace")
    assert f"Ada Lovelace [former mentor 2026-01-10 – {today}] received 1 · given 1" in out
    assert run_kith("role", "Ada Lovelace", "mentor").code == 0
    ada = next(x for x in json.loads(run_kith("mentors", "--json").out) if x["name"] == "Ada Lovelace")
    assert ada["former"] is False and ada["roles"] == ["mentor"]
    assert ada["periods"] == [{"role": "mentor", "started": "2026-01-10", "ended": today},
                              {"role": "mentor", "started": today, "ended": None}]


def test_check_ins_does_not_import_textual(dbp):
    result = kith("check-ins", "Ada Lovelace", "--json", db=dbp)
    assert result.returncode == 0 and "textual" not in result.stderr


def test_today_does_not_nudge_former_mentors_or_partners(run_kith):
    on = lambda n: (date.today() - timedelta(days=n)).isoformat()  # noqa: E731
    for args in (("add", "Ada Lovelace"), ("add", "Bob Okafor"), ("role", "Bob Okafor", "partner"),
                 ("check-in", "Bob Okafor", "--commit", "Send 5 messages", "--on", on(40))):
        assert run_kith(*args).code == 0
    for n in (50, 45, 40, 35):
        assert run_kith("value", "Ada Lovelace", "received", "introduction", "--on", on(n)).code == 0

    def sources() -> set[tuple[str, str]]:
        data = json.loads(run_kith("today", "--json").out)
        items = data["items"] if isinstance(data, dict) else data
        return {(i["source"], i.get("contact_name") or i.get("name")) for i in items}

    assert {("give-back", "Ada Lovelace"), ("check-in", "Bob Okafor")} <= sources()
    assert run_kith("role", "Ada Lovelace", "mentor", "--remove").code == 0
    assert run_kith("role", "Bob Okafor", "partner", "--remove").code == 0
    assert not {s for s, _ in sources()} & {"give-back", "check-in"}


def test_undo_removes_a_value_entry_logged_on_its_own(run_kith):
    assert run_kith("add", "Ada Lovelace").code == 0
    assert run_kith("value", "Ada Lovelace", "received", "introduction", "--on", "2026-01-10").code == 0
    assert json.loads(run_kith("mentors", "--json").out)[0]["received"] == 1
    r = run_kith("undo")
    assert r.code == 0, r.err
    # The entry made Ada a mentor; one undo reverses all that one command did.
    assert json.loads(run_kith("mentors", "--json").out) == []
