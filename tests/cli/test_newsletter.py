"""``kith newsletter new|list|audience|bcc|sent|undo-sent`` and ``kith opt-out``: the exact interface,
JSON listings, and one line with exit 2 for bad input."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def people(run_kith):
    assert run_kith("add", "Ada Lovelace", "--email", "ada@x.example", "--tier", "network",
                    "--tag", "industry:fintech").code == 0
    assert run_kith("add", "Bob Inner", "--email", "bob@x.example", "--tier", "inner").code == 0
    assert run_kith("add", "Cy NoMail", "--tier", "network").code == 0
    assert run_kith("add", "Eve Out", "--email", "eve@x.example", "--tier", "network").code == 0
    assert run_kith("opt-out", "Eve Out").code == 0


def test_new_list_audience_bcc_sent_and_undo_sent(run_kith, people):
    r = run_kith("newsletter", "new", "Spring update", "--tier", "network", "--tier", "inner")
    assert r.code == 0 and "added newsletter issue #1: Spring update · 2 in · 2 out" in r.out
    issues = json.loads(run_kith("newsletter", "list", "--json").out)
    assert [(i["id"], i["subject"], i["sent_on"], i["audience"]) for i in issues] == [
        (1, "Spring update", None, ["tier:network", "tier:inner"])]
    audience = json.loads(run_kith("newsletter", "audience", "1", "--json").out)
    assert [m["name"] for m in audience["in"]] == ["Ada Lovelace", "Bob Inner"]
    assert {m["name"]: m["reason"] for m in audience["out"]} == {"Cy NoMail": "no email", "Eve Out": "opted out"}
    assert audience["counts"] == {"in": 2, "out": 2, "no email": 1, "opted out": 1}
    text = run_kith("newsletter", "audience", "1").out
    assert "Eve Out · opted out" in text and "Out (2):" in text
    assert run_kith("newsletter", "bcc", "1").out == "ada@x.example, bob@x.example\n"
    r = run_kith("newsletter", "sent", "1", "--on", "2026-03-10")
    assert r.code == 0 and "sent on 2026-03-10: a newsletter touch logged for 2" in r.out
    listed = json.loads(run_kith("newsletter", "list", "--json").out)[0]
    assert (listed["sent_on"], listed["recipients"]) == ("2026-03-10", 2)
    r = run_kith("newsletter", "undo-sent", "1")
    assert r.code == 0 and "removed the 2 newsletter touches" in r.out
    assert json.loads(run_kith("newsletter", "list", "--json").out)[0]["sent_on"] is None


def test_tags_with_kind_and_orgs_and_a_body_from_stdin(run_kith, people):
    r = run_kith("newsletter", "new", "Fintech notes", "--tag", "industry:fintech", "--body-file", "-",
                 stdin="# Hello\n\nThe body.\n")
    assert r.code == 0, r.err
    issue = json.loads(run_kith("newsletter", "list", "--json").out)[0]
    assert issue["body"] == "# Hello\n\nThe body.\n" and issue["audience"] == ["tag:industry:fintech"]


def test_bcc_comes_in_batches_of_the_configured_size(run_kith, people, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[newsletter]\nbatch_size = 1\n")
    run_kith("newsletter", "new", "Hi", "--tier", "network", "--tier", "inner")
    assert run_kith("--config", str(config), "newsletter", "bcc", "1").out == "ada@x.example\nbob@x.example\n"


def test_opt_out_and_back_in(run_kith, people):
    assert "was already opted out" in run_kith("opt-out", "Eve Out").out
    assert "receives the newsletter again" in run_kith("opt-out", "Eve Out", "--undo").out
    run_kith("newsletter", "new", "Hi", "--tier", "network")
    assert "eve@x.example" in run_kith("newsletter", "bcc", "1").out


@pytest.mark.parametrize("args, message", [
    (("newsletter", "new", "Nobody", "--tier", "dormant"), "the audience is empty"),
    (("newsletter", "new", "Bad", "--tier", "x y"), "is not a tier name"),
    (("newsletter", "new", "Bad", "--tag", "industry:"), "needs a value"),
    (("newsletter", "new", "   "), "the subject is empty"),
    (("newsletter", "audience", "99"), "no newsletter issue #99"),
    (("newsletter", "bcc", "abc"), "is not an issue id"),
    (("newsletter", "sent", "1", "--on", "2999-01-01"), "is still ahead"),
    (("newsletter", "undo-sent", "1"), "was not sent"),
    (("opt-out", "Nobody Known"), "Nobody Known"),
])
def test_bad_input_is_one_line_and_exit_2(run_kith, people, args, message):
    run_kith("newsletter", "new", "Draft", "--tier", "network")
    r = run_kith(*args)
    assert r.code == 2 and message in r.err and len(r.err.strip().splitlines()) == 1, r.err


def test_marking_an_issue_sent_twice_is_exit_2(run_kith, people):
    run_kith("newsletter", "new", "Once", "--tier", "network")
    assert run_kith("newsletter", "sent", "1").code == 0
    r = run_kith("newsletter", "sent", "1")
    assert r.code == 2 and "already marked sent" in r.err


def test_a_body_file_that_is_not_text_is_exit_2(run_kith, people, tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    r = run_kith("newsletter", "new", "Pics", "--body-file", str(binary))
    assert r.code == 2 and "not UTF-8 text" in r.err
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"text\x00more")
    r = run_kith("newsletter", "new", "Pics", "--body-file", str(nul))
    assert r.code == 2 and "not a text file" in r.err
    r = run_kith("newsletter", "new", "Pics", "--body-file", str(tmp_path))
    assert r.code == 2 and "not a regular file" in r.err
    assert json.loads(run_kith("newsletter", "list", "--json").out) == []


@pytest.mark.parametrize("text, message", [
    ("[newsletter]\nbatch_size = 0\n", "config.toml:2: newsletter.batch_size: must be between 1 and 10000"),
    ('[newsletter]\nrestarts_cadence = ["nope"]\n', "config.toml:2: newsletter.restarts_cadence: must be a list of tiers"),
    ("[newsletter]\nbatch = 5\n", "config.toml:2: newsletter.batch: unknown key"),
])
def test_bad_newsletter_config_names_file_line_and_key(run_kith, people, tmp_path, text, message):
    config = tmp_path / "config.toml"
    config.write_text(text)
    r = run_kith("--config", str(config), "newsletter", "list")
    assert r.code == 2 and message in r.err, r.err
