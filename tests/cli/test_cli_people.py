"""kith show, edit, archive, unarchive, delete, touches, edit-touch, follow-ups, done and undo."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest


@pytest.fixture
def kith(run_kith, cli_db):
    """run_kith with two contacts, a touch and a follow-up already there; ``kith.db`` is the file."""
    for args in (("add", "Ada Lovelace", "--company", "Analytical", "--email", "ada@a.example",
                  "--tag", "industry:Compute", "--note", "likes engines"),
                 ("add", "Bob Okafor"),
                 ("log", "Ada Lovelace", "--kind", "coffee", "--note", "talked looms", "--on", "2026-03-01"),
                 ("follow-up", "Ada Lovelace", "--on", "2026-04-01", "send", "the", "paper")):
        assert run_kith(*args).code == 0
    run_kith.db = cli_db
    return run_kith


def state(kith) -> list[str]:
    """Every row of every table (the undo log too): what a refused command must leave as it was."""
    con = sqlite3.connect(kith.db)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def content(kith) -> list:
    """What the user sees of both contacts and every follow-up (not the row versions, which an undo moves on)."""
    out = []
    for ref in ("#1", "#2"):
        d = show(kith, ref)
        out.append({k: v for k, v in d.items() if k not in ("updated", "version")})
    return out + [json.loads(kith("follow-ups", "--all", "--json").out)]


def show(kith, name="Ada Lovelace") -> dict:
    r = kith("show", name, "--json")
    assert r.code == 0, r.err
    return json.loads(r.out)


def test_show_prints_every_part_of_the_detail_page(kith):
    r = kith("show", "ada lovelace")
    assert r.code == 0
    for text in ("#1 Ada Lovelace (Analytical)", "ada@a.example", "industry:Compute", "2026-03-01 coffee: talked looms",
                 "due 2026-04-01: send the paper", "likes engines", "Cadence", "Next due"):
        assert text in r.out
    data = show(kith)
    assert data["touches"][0]["note"] == "talked looms" and data["follow_ups"][0]["what"] == "send the paper"
    assert data["tags"] == [{"name": "Compute", "kind": "industry"}] and data["notes"] == "likes engines"


def test_a_name_that_is_not_exact_gets_did_you_mean_and_changes_nothing(kith):
    before = state(kith)
    for cmd in (("show", "ada"), ("edit", "lovelace", "--role", "x"), ("archive", "Ada Lovelac"),
                ("log", "ada", "--kind", "call"), ("touches", "Ada"), ("delete", "ada", "--yes")):
        r = kith(*cmd)
        assert r.code == 2 and r.err.strip().splitlines() == [r.err.strip()]
        assert "did you mean Ada Lovelace (#1)?" in r.err, cmd
    assert state(kith) == before


def test_edit_writes_only_the_given_fields(kith):
    r = kith("edit", "Ada Lovelace", "--role", "Analyst", "--add-email", "a2@x.example", "--remove-tag",
             "industry:compute", "--add-tag", "geography:London", "--tier", "inner", "--every", "0",
             "--strength", "5", "--introduced-by", "Bob Okafor", "--how-met", "a salon", "--birthday", "1915-12-10")
    assert r.code == 0, r.err
    d = show(kith)
    assert (d["role"], d["company"], d["tier"], d["cadence_days"], d["strength"]) == ("Analyst", "Analytical", "inner", 0, 5)
    assert d["emails"] == ["ada@a.example", "a2@x.example"] and d["tags"] == [{"name": "London", "kind": "geography"}]
    assert (d["introduced_by_id"], d["how_met"]) == (2, "a salon")
    assert (d["birthday_year"], d["birthday_month"], d["birthday_day"]) == (1915, 12, 10)
    assert kith("edit", "Ada Lovelace", "--email", "new@x.example", "--tag", "math", "--birthday", "02-29").code == 0
    d = show(kith)
    assert d["emails"] == ["new@x.example"] and d["tags"] == [{"name": "math", "kind": "other"}]
    assert (d["birthday_year"], d["birthday_month"], d["role"]) == (None, 2, "Analyst")
    assert kith("edit", "Ada Lovelace", "--remove-email", "new@x.example", "--introduced-by", "").code == 0
    assert show(kith)["emails"] == [] and show(kith)["introduced_by_id"] is None


@pytest.mark.parametrize("args, message", [
    (["--strength", "9"], "strength must be between 1 and 5"),
    (["--birthday", "13-40"], "birthday"),
    (["--birthday", "someday"], "use MM-DD or YYYY-MM-DD"),
    (["--birthday", "02-30"], "not a day of the year"),
    (["--tier", "vip"], "unknown tier 'vip'"),
    (["--tag", ":"], "is empty"),
    (["--add-tag", "badkind:x"], "unknown kind 'badkind'"),
    (["--every", "-1"], "not a negative one"),
    (["--remove-email", "zed@x.example"], "is not there to remove"),
    (["--introduced-by", "Nobody"], "no contact is named 'Nobody'"),
    (["--introduced-by", "Ada Lovelace"], "cannot introduce themselves"),
    (["--email", "nope"], "not an email"),
    (["--name", "  "], "needs a name"),
    ([], "say what to change"),
])
def test_edit_refuses_bad_input_in_one_line(kith, args, message):
    before = state(kith)
    r = kith("edit", "Ada Lovelace", *args)
    assert r.code == 2 and message in r.err and len(r.err.strip().splitlines()) == 1, r.err
    assert state(kith) == before


def test_usage_errors_are_one_line_and_where_to_read_more(kith):
    for args, cmd in ((("edit", "Ada Lovelace", "--strength", "x"), "edit"), (("edit",), "edit"),
                      (("done",), "done"), (("touches", "Ada Lovelace", "--bogus"), "touches")):
        r = kith(*args)
        lines = r.err.strip().splitlines()
        assert r.code == 2 and len(lines) == 2 and lines[0].startswith(f"kith {cmd}: ")
        assert lines[1] == f"see kith {cmd} --help"


def test_archived_contacts_are_found_by_name_and_say_so(kith):
    assert kith("archive", "Bob Okafor").code == 0
    assert "(archived)" in kith("show", "bob okafor").out
    r = kith("log", "Bob Okafor", "--kind", "call")
    assert r.code == 0 and "Bob Okafor (archived)" in r.out
    assert "(archived)" in kith("follow-up", "Bob Okafor", "--on", "2026-05-01", "ping").out
    assert "(archived)" in kith("touches", "Bob Okafor").out
    r = kith("show", "bob")
    assert r.code == 2 and "did you mean Bob Okafor (#2) (archived)?" in r.err
    assert kith("unarchive", "Bob Okafor").code == 0 and show(kith, "#2")["archived"] is False


def test_delete_refuses_without_a_terminal_or_yes(kith):
    before = state(kith)
    r = kith("delete", "Ada Lovelace")
    assert r.code == 2 and "not without --yes" in r.err and len(r.err.strip().splitlines()) == 1
    assert state(kith) == before


def test_delete_asks_on_a_terminal(kith, monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Tty("n\n"))
    assert kith("delete", "Ada Lovelace").code == 2 and show(kith)["name"] == "Ada Lovelace"
    monkeypatch.setattr("sys.stdin", Tty("y\n"))
    assert kith("delete", "Ada Lovelace").code == 0
    assert kith("show", "#1").code == 2


def test_undo_after_edit_archive_delete_and_done(kith):
    before = content(kith)
    assert kith("edit", "Ada Lovelace", "--company", "Babbage", "--tag", "math").code == 0
    assert kith("archive", "Ada Lovelace").code == 0
    assert kith("done", "1").code == 0
    assert kith("delete", "Ada Lovelace", "--yes").code == 0
    for what in ("deleted Ada Lovelace", "done follow-up #1", "archived Ada Lovelace", "edited Ada Lovelace"):
        r = kith("undo")
        assert r.code == 0 and what in r.out, r.out
    assert content(kith) == before


def test_undo_after_a_give_back_log_removes_both_rows(kith):
    r = kith("log", "Ada Lovelace", "--kind", "call", "--on", "2026-03-05")
    touch_id = r.out.split("touch #")[1].rstrip(")\n")
    assert kith("value", "Ada Lovelace", "given", "gratitude", "--touch", touch_id, "--on", "2026-03-05").code == 0
    assert len(show(kith)["touches"]) == 2
    r = kith("undo")
    assert r.code == 0 and "logged call with Ada Lovelace" in r.out
    assert len(show(kith)["touches"]) == 1
    con = sqlite3.connect(kith.db)
    assert con.execute("SELECT count(*) FROM value_entry").fetchone()[0] == 0
    con.close()


def test_undo_with_nothing_to_undo(run_kith, db_file):
    r = run_kith("undo", db=db_file)  # an empty database: undo never creates one
    assert r.code == 0 and r.out.strip() == "nothing to undo"


def test_follow_ups_and_done(kith):
    assert kith("follow-up", "Bob Okafor", "--on", "2026-01-01", "old", "thing").code == 0
    r = kith("follow-ups")
    assert r.code == 0 and r.out.splitlines()[0].startswith("#2") and "(overdue)" in r.out
    assert kith("done", "#2").code == 0
    assert [f["id"] for f in json.loads(kith("follow-ups", "--json").out)] == [1]
    every = json.loads(kith("follow-ups", "--all", "--json").out)
    assert [(f["id"], f["done"]) for f in every] == [(1, False), (2, True)]
    before = state(kith)
    for bad, message in ((("done", "x"),  "is not a follow-up id"), (("done", "99"), "no follow-up with id 99")):
        r = kith(*bad)
        assert r.code == 2 and message in r.err and len(r.err.strip().splitlines()) == 1
    assert state(kith) == before


def test_touches_and_edit_touch(kith):
    r = kith("touches", "Ada Lovelace")
    assert r.code == 0 and "#1     2026-03-01 coffee: talked looms" in r.out
    assert json.loads(kith("touches", "Ada Lovelace", "--json").out)[0]["kind"] == "coffee"
    r = kith("edit-touch", "1", "--kind", "call", "--on", "2026-02-27", "--note", "phoned")
    assert r.code == 0, r.err
    d = show(kith)
    assert (d["last_touch_kind"], d["last_touch_on"], d["touches"][0]["note"]) == ("call", "2026-02-27", "phoned")
    before = state(kith)
    for bad, message in ((["1", "--kind", "lunch"], "unknown kind 'lunch'"), (["1", "--on", "2099-01-01"], "still ahead"),
                         (["1", "--on", "2026-02-30"], "not a real day"), (["1"], "say what to change"),
                         (["42", "--note", "x"], "no touch with id 42")):
        r = kith("edit-touch", *bad)
        assert r.code == 2 and message in r.err and len(r.err.strip().splitlines()) == 1, r.err
    assert state(kith) == before
    assert kith("undo").code == 0 and show(kith)["touches"][0]["kind"] == "coffee"


def test_log_defaults_to_the_default_kind(kith):
    r = kith("log", "Bob Okafor")
    assert r.code == 0 and r.out.startswith("logged message with Bob Okafor")


def test_add_warns_about_a_likely_duplicate(kith):
    before = state(kith)
    for args, why in ((("Ada Lovelace", "--company", "analytical"), "same name and company"),
                      (("Augusta King", "--email", "ADA@a.example"), "same email")):
        r = kith("add", *args)
        assert r.code == 2 and why in r.err and "--yes" in r.err and len(r.err.strip().splitlines()) == 1
    assert state(kith) == before
    assert kith("add", "Augusta King", "--email", "ada@a.example", "--yes").code == 0


@pytest.mark.parametrize("args, message", [
    (["--tag", ":"], "is empty"), (["--tag", "badkind:x"], "unknown kind 'badkind'"),
    (["--tag", "industry:"], "has a kind but no name"), (["--every", "-3"], "not a negative one"),
])
def test_add_refuses_bad_tags_and_negative_cadence(kith, args, message):
    before = state(kith)
    r = kith("add", "Eve", *args)
    assert r.code == 2 and message in r.err
    assert state(kith) == before


def test_add_every_0_still_means_never(kith):
    assert kith("add", "Eve", "--every", "0").code == 0 and show(kith, "Eve")["cadence"] is None
