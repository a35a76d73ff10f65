"""``kith find`` as a user runs it, on a real database file (in this process; a real process only
for import hygiene)."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from datetime import date

import pytest

from kith.store.core.db import close_db
from kith.store.people.contacts import create_contact
from kith.store.people.followups import add_follow_up
from kith.store.people.touches import log_touch
from tests.conftest import kith_in_process


def kith(db_file, *args):
    return kith_in_process("find", *args, db=db_file, check=False)


@pytest.fixture
def filled(db_file):
    ada = create_contact("Ada Lovelace", company="Analytical Engines", tags=["industry:Compute"])
    jose = create_contact("Jose\u0301 A\u0301lvarez", company="Globex")
    create_contact("Mallory \x1b]0;PWNED\x07", company="Globex")
    log_touch(ada.id, "coffee", date(2026, 3, 1), "Talked about the difference engine")
    add_follow_up(jose.id, date(2026, 3, 20), "Send the engine paper")
    close_db()
    return db_file


def test_typo_finds_ada(filled):
    result = kith(filled, "lovlace")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].split()[:4] == ["Contact", "#1", "Ada", "Lovelace"]


def test_words_join_and_accents_fold(filled):
    result = kith(filled, "jose", "alvarez")
    assert "José Álvarez" in unicodedata.normalize("NFC", result.stdout.splitlines()[0])


def test_json_and_kinds(filled):
    data = json.loads(kith(filled, "engine", "--json").stdout)
    assert {d["kind"] for d in data} == {"contact", "touch", "follow-up", "organisation"}  # Analytical Engines
    assert set(data[0]) == {"kind", "id", "contact_id", "title", "detail", "matched", "score"}
    touch = next(d for d in data if d["kind"] == "touch")
    assert touch["title"] == "Ada Lovelace" and "difference engine" in touch["matched"]
    only = json.loads(kith(filled, "engine", "--json", "--kind", "follow-ups", "--kind", "touch").stdout)
    assert {d["kind"] for d in only} == {"touch", "follow-up"}
    assert len(json.loads(kith(filled, "engine", "--json", "--limit", "1").stdout)) == 1


def test_tag_match_says_what_matched(filled):
    lines = kith(filled, "compute").stdout.splitlines()
    assert "Ada Lovelace" in lines[0] and lines[1].split() == ["matched:", "compute"]


def test_no_match_exits_1_bad_input_exits_2(filled):
    none = kith(filled, "zqxwv")
    assert none.returncode == 1 and "No matches for 'zqxwv'" in none.stdout
    for args, words in ((["ada", "--kind", "pony"], "unknown kind"), (["ada", "--limit", "0"], "--limit"),
                        (["\u200b"], "say what to find")):
        bad = kith(filled, *args)
        assert bad.returncode == 2 and words in bad.stderr and "Traceback" not in bad.stderr
        assert len(bad.stderr.strip().splitlines()) == 1


def test_output_is_terminal_safe(filled):
    out = kith(filled, "globex").stdout + kith(filled, "mallory", "--json").stdout
    assert "Mallory" in out and "\x1b" not in out and "\x07" not in out


def test_find_does_not_import_textual(filled):
    code = ("import sys; from kith.tui.__main__ import main; rc = main(['--db', sys.argv[1], 'find', 'ada']); "
            "assert rc == 0; assert 'textual' not in sys.modules, 'textual imported'; print('ok')")
    result = subprocess.run([sys.executable, "-c", code, str(filled)], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().endswith("ok"), result.stderr


def test_typos_in_notes_are_found(run_kith, cli_db):
    assert run_kith("add", "Wei Zhang").code == 0
    assert run_kith("log", "Wei Zhang", "--kind", "email", "--note", "Sent the article on career capital").code == 0
    r = run_kith("find", "carrer", "artcle")
    assert r.code == 0, r.err
    assert r.out.splitlines()[0].startswith("Touch") and "matched: Sent the article on career capital" in r.out
