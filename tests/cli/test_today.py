"""``kith today``, ``kith snooze`` and ``kith follow-up`` as a user runs them."""

import json
import os
import subprocess
import sys
from datetime import date, timedelta

import pytest

from kith.tui.__main__ import main


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dbp(tmp_path, fixed_today):
    from kith.store.core.db import close_db, open_db
    from kith.store.demo import build_demo

    path = tmp_path / "k.db"
    open_db(path)
    build_demo(fixed_today)
    close_db()
    return str(path)


def test_today_json_lists_the_queue_in_order(capsys, dbp, fixed_today):
    code, out, _ = run(capsys, "--db", dbp, "today", "--json", "--date", fixed_today.isoformat())
    items = json.loads(out)
    assert code == 0 and len(items) > 10
    first = items[0]
    assert set(first) >= {"contact_id", "contact_name", "source", "due", "days_overdue", "score", "reason"}
    scores = [i["score"] for i in items]
    assert scores == sorted(scores, reverse=True)
    for i in items:
        due = date.fromisoformat(i["due"])
        assert i["days_overdue"] == (fixed_today - due).days
    assert {i["source"] for i in items} >= {"cadence", "follow-up"}


def test_today_plain_text_matches_the_json_order(capsys, dbp, fixed_today):
    _, out, _ = run(capsys, "--db", dbp, "today", "--json", "--date", fixed_today.isoformat())
    names = [i["contact_name"] for i in json.loads(out)]
    _, text, _ = run(capsys, "--db", dbp, "today", "--date", fixed_today.isoformat())
    lines = text.splitlines()
    assert lines[0].startswith(f"{len(names)} to reach on 2026-03-16")
    assert [line.split(" · ")[0].split(maxsplit=2)[2] for line in lines[1:]] == names


def test_today_on_an_empty_database_says_what_to_do(capsys, tmp_path):
    from kith.store.core.db import close_db, open_db

    open_db(tmp_path / "e.db")  # empty, not missing: a read command never creates a database
    close_db()
    code, out, _ = run(capsys, "--db", str(tmp_path / "e.db"), "today")
    assert code == 0 and "Nothing is due" in out and "kith add" in out


def test_today_rejects_a_bad_date(capsys, dbp):
    code, _, err = run(capsys, "--db", dbp, "today", "--date", "2026-02-30")
    assert code == 2 and err.strip() == "kith: --date: '2026-02-30' is not a real day"


def test_snooze_for_hides_the_persons_items(capsys, tmp_path):
    from kith.store.core.clock import today

    db = str(tmp_path / "s.db")
    run(capsys, "--db", db, "add", "Ada Lovelace", "--tier", "inner")
    run(capsys, "--db", db, "log", "ada lovelace", "--kind", "coffee", "--on", (today() - timedelta(days=40)).isoformat())
    run(capsys, "--db", db, "follow-up", "ada lovelace", "--on", today().isoformat(), "send", "the", "deck")
    _, out, _ = run(capsys, "--db", db, "today", "--json")
    assert sorted(i["source"] for i in json.loads(out)) == ["cadence", "follow-up"]
    code, out, _ = run(capsys, "--db", db, "snooze", "ada lovelace", "--for", "3d")
    back = (today() + timedelta(days=3)).isoformat()
    assert code == 0 and out.strip() == f"Snoozed Ada Lovelace's catch-up and follow-up until {back}"
    assert json.loads(run(capsys, "--db", db, "today", "--json")[1]) == []
    later = json.loads(run(capsys, "--db", db, "today", "--json", "--date", back)[1])
    assert len(later) == 2


def test_snooze_until_and_bad_input(capsys, tmp_path):
    from kith.store.core.clock import today

    db = str(tmp_path / "s.db")
    run(capsys, "--db", db, "add", "Ada Lovelace")
    until = (today() + timedelta(days=10)).isoformat()
    code, out, _ = run(capsys, "--db", db, "snooze", "#1", "--until", until)
    assert code == 0 and out.strip() == f"Snoozed Ada Lovelace's catch-up until {until}"
    for args, message in (
        (("--for", "3 months"), "is not a snooze length"),
        (("--until", today().isoformat()), "must be after today"),
        (("--until", "someday"), "is not a date: use YYYY-MM-DD, today"),
    ):
        code, _, err = run(capsys, "--db", db, "snooze", "ada lovelace", *args)
        assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "--db", db, "snooze", "nobody", "--for", "1w")
    assert code == 2 and "no contact is named 'nobody'" in err
    with pytest.raises(SystemExit):  # argparse: --until and --for together
        main(["--db", db, "snooze", "ada lovelace", "--for", "1w", "--until", until])


def test_follow_up_is_added_and_listed(capsys, tmp_path):
    db = str(tmp_path / "f.db")
    run(capsys, "--db", db, "add", "Ada Lovelace", "--every", "0")
    code, out, _ = run(capsys, "--db", db, "follow-up", "ada lovelace", "--on", "2026-04-01", "Send", "the [b]deck[/b]")
    assert code == 0 and out.strip() == "follow-up #1 with Ada Lovelace due 2026-04-01: Send the [b]deck[/b]"
    items = json.loads(run(capsys, "--db", db, "today", "--json", "--date", "2026-04-03")[1])
    assert [(i["source"], i["days_overdue"], i["reason"]) for i in items] == [
        ("follow-up", 2, "follow-up overdue 2 d: Send the [b]deck[/b]")]
    code, _, err = run(capsys, "--db", db, "follow-up", "ada lovelace", "--on", "soon", "x")
    assert code == 2 and "--on: 'soon' is not a date: use YYYY-MM-DD" in err


def test_control_characters_do_not_reach_the_terminal(capsys, tmp_path):
    db = str(tmp_path / "h.db")
    run(capsys, "--db", db, "add", "Evil\x1b]52;c;SGVsbG8=\x07 Name", "--every", "1")
    _, out, _ = run(capsys, "--db", db, "today", "--date", "2099-01-01")
    assert "\x1b" not in out and "\x07" not in out and "Evil" in out


@pytest.mark.parametrize("args", [["today"], ["today", "--json"], ["snooze", "x", "--for", "1d"],
                                  ["follow-up", "x", "--on", "2026-01-01", "y"]])
def test_cli_does_not_import_textual(tmp_path, args):
    code = ("import sys; from kith.tui.__main__ import main; main(%r); "  # noqa: UP031
            "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]; "
            "print('TEXTUAL' if bad else 'CLEAN')") % (["--db", str(tmp_path / "t.db"), *args],)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={**os.environ})
    assert result.stdout.strip().endswith("CLEAN"), result.stdout + result.stderr
