"""kith feedback ask|add|list|trends|decline and kith brand check|claim|variant, in process."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def people(run_kith):
    for name in ("Ada Lovelace", "Ben Okafor", "Chen Wei"):
        assert run_kith("add", name).code == 0
    return run_kith


def test_ask_add_list(people):
    r = people("feedback", "ask", "Ada Lovelace", "--prompt", "They say that I …", "--via", "email")
    assert r.code == 0 and "asked Ada Lovelace" in r.out
    r = people("feedback", "add", "Ada Lovelace", "--text", "Calm under pressure.", "--on", "2026-01-05",
               "--context", "review", "--quotable")
    assert r.code == 0 and "thank Ada for the feedback" in r.out
    data = json.loads(people("feedback", "list", "Ada Lovelace", "--json").out)
    [entry] = data["feedback"]
    assert (entry["text"], entry["given_on"], entry["context"], entry["quotable"]) == (
        "Calm under pressure.", "2026-01-05", "review", True)
    assert data["requests"][0]["status"] == "answered" and data["requests"][0]["channel"] == "email"
    assert "Calm under pressure." in people("feedback", "list").out


def test_text_from_stdin(people):
    r = people("feedback", "add", "Ben Okafor", "--text", "-", stdin="Reliable, always.\nKind too.")
    assert r.code == 0
    [entry] = json.loads(people("feedback", "list", "Ben Okafor", "--json").out)["feedback"]
    assert entry["text"] == "Reliable, always.\nKind too."


@pytest.mark.parametrize("args", [
    ("feedback", "add", "Ada Lovelace", "--text", ""),
    ("feedback", "add", "Ada Lovelace", "--text", "x" * 20_001),
    ("feedback", "add", "Nobody Here", "--text", "Fine."),
    ("feedback", "add", "Ada Lovelace", "--text", "Fine.", "--context", "gossip"),
    ("feedback", "add", "Ada Lovelace", "--text", "Fine.", "--on", "someday"),
    ("feedback", "ask", "Nobody Here"),
    ("feedback", "list", "Nobody Here"),
    ("feedback", "trends", "--limit", "0"),
    ("feedback", "decline", "Ada Lovelace"),
])
def test_bad_input_is_one_line_and_exit_2(people, args):
    r = people(*args)
    assert r.code == 2 and r.err.strip() and len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


def test_text_over_the_limit_from_stdin_is_refused(people):
    r = people("feedback", "add", "Ada Lovelace", "--text", "-", stdin="y" * 20_001)
    assert r.code == 2 and "20,000" in r.err


def test_trends_json_ranks_people_first(people):
    for name in ("Ada Lovelace", "Ben Okafor", "Chen Wei"):
        assert people("feedback", "add", name, "--text", "Calm under pressure.").code == 0
    for _ in range(4):
        assert people("feedback", "add", "Ada Lovelace", "--text", "Meticulous.").code == 0
    terms = json.loads(people("feedback", "trends", "--json", "--limit", "50").out)
    assert {"term", "people", "count", "trend", "quotes"} <= set(terms[0])
    by_term = {t["term"]: t for t in terms}
    assert (by_term["calm under pressure"]["people"], by_term["calm under pressure"]["count"]) == (3, 3)
    assert (by_term["meticulous"]["people"], by_term["meticulous"]["count"]) == (1, 4)
    assert [t["term"] for t in terms].index("calm under pressure") < [t["term"] for t in terms].index("meticulous")
    assert len(by_term["meticulous"]["quotes"]) == 4 and by_term["calm"]["trend"] == 3
    assert len(json.loads(people("feedback", "trends", "--json", "--limit", "2").out)) == 2
    assert "calm under pressure" in people("feedback", "trends").out


def test_decline_closes_the_request(people):
    people("feedback", "ask", "Chen Wei")
    assert people("feedback", "decline", "Chen Wei").code == 0
    assert json.loads(people("feedback", "list", "Chen Wei", "--json").out)["requests"][0]["status"] == "declined"


def test_brand_check(people, cli_db):
    from kith.store.brand.pitches import create_pitch
    from kith.store.core.db import close_db, open_db

    open_db(cli_db)
    create_pitch("Resume", "resume summary", "Reliable data engineer.")
    close_db()
    assert people("brand", "claim", "Resume", "award-winning").code == 0
    assert people("brand", "claim", "Resume", "reliable", "--evidence", "https://example.com/retro").code == 0
    assert people("brand", "variant", "Resume", "non-tech", "--text", "I make numbers trustworthy.").code == 0
    for name in ("Ada Lovelace", "Ben Okafor"):
        people("feedback", "add", name, "--text", "Calm under pressure.")
    data = json.loads(people("brand", "check", "--json").out)
    assert [c["claim"] for c in data["claims_without_evidence"]] == ["award-winning"]
    assert "resume/CV" not in data["channels_without_tagline"] and "business card" in data["channels_without_tagline"]
    assert "calm under pressure" in [t["term"] for t in data["they_say_you_dont"]]
    assert data["stale"] == []
    out = people("brand", "check").out
    assert "no tagline: business card" in out and "award-winning" in out
    assert people("brand", "claim", "Nothing", "x").code == 2


def test_listings_never_create_a_database(run_kith, cli_db):
    for args in (("feedback", "list"), ("feedback", "trends"), ("brand", "check")):
        r = run_kith(*args)
        assert r.code == 2 and "no database" in r.err
    assert not cli_db.exists()


def test_perception_config_is_validated_and_turns_the_thank_you_off(people, tmp_path):
    from kith.tui.config import ConfigError, load_config

    bad = tmp_path / "bad.toml"
    bad.write_text('[perception]\nreview_after_days = 90\nthank_you = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.toml:3: perception.thank_you: must be true or false"):
        load_config(str(bad))
    off = tmp_path / "off.toml"
    off.write_text("[perception]\nthank_you = false\nreview_after_days = 30\n", encoding="utf-8")
    assert load_config(str(off)).perception.review_after_days == 30
    r = people("--config", str(off), "feedback", "add", "Ada Lovelace", "--text", "Kind.")
    assert r.code == 0 and "thank" not in r.out
    assert json.loads(people("feedback", "list", "--json").out)["feedback"][0]["thank_you_id"] is None
