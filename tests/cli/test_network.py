"""kith job/jobs, org, intro/intros, knows, connectors, target/targets and path, in process."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def people(run_kith):
    for args in (("add", "Priya Raman", "--company", "Initech", "--role", "CTO"), ("add", "Marcus Chen")):
        assert run_kith(*args).code == 0
    assert run_kith("job", "Marcus Chen", "Globex", "--title", "Staff Engineer", "--from", "2022-07", "--current").code == 0
    assert run_kith("job", "Marcus Chen", "Initech Inc.", "--from", "2019", "--to", "2022-06").code == 0
    return run_kith


def test_jobs_and_organisations(people):
    r = people("jobs", "Marcus Chen", "--json")
    jobs = json.loads(r.out)["jobs"]
    assert [(j["org"], j["current"]) for j in jobs] == [("Globex", True), ("Initech", False)]
    show = json.loads(people("org", "show", "initech, inc", "--json").out)
    assert [p["name"] for p in show["now"]] == ["Priya Raman"] and [p["name"] for p in show["before"]] == ["Marcus Chen"]
    assert people("show", "Marcus Chen").out.count("Globex") >= 1
    orgs = {o["name"]: (o["now"], o["before"]) for o in json.loads(people("org", "list", "--json").out)}
    assert orgs == {"Globex": (1, 0), "Initech": (1, 1)}


def test_bad_input_is_one_line_and_exit_2(people):
    cases = [
        (("job", "Marcus Chen", "Hooli", "--from", "2020", "--to", "2019"), "before --from"),
        (("job", "Marcus Chen", "Hooli", "--from", "spring"), "not a year or month"),
        (("path", "Globx"), "did you mean Globex"),
        (("org", "show", "Nowhere"), "no organisation matches"),
        (("target", "Globex", "--stage", "dreaming"), "use one of: researching"),
        (("intro", "Priya Raman", "Priya Raman"), "themselves"),
        (("intro", "--between", "Marcus Chen", "Marcus Chen"), "themselves"),
        (("knows", "Priya Raman", "Marcus Chen", "--strength", "9"), "1 (faint) to 5"),
    ]
    for args, words in cases:
        r = people(*args)
        assert r.code == 2, args
        assert words in r.err and len(r.err.strip().splitlines()) == 1, (args, r.err)


def test_intro_creates_the_new_person_or_asks_about_a_close_name(people):
    r = people("intro", "Priya Raman", "Dana Diaz", "--on", "2026-01-10", "--note", "at PyCon")
    assert r.code == 0 and "added #3 Dana Diaz (new contact)" in r.out
    r = people("intro", "Priya Raman", "Dana Dias")
    assert r.code == 2 and "did you mean Dana Diaz (#3)" in r.err
    assert people("intro", "Priya Raman", "Dana Dias", "--new").code == 0
    show = json.loads(people("show", "Dana Diaz", "--json").out)
    assert show["introduced_by_name"] == "Priya Raman"
    assert any(t["kind"] == "introduction" for t in show["touches"])
    assert people("intro", "--between", "Priya Raman", "Marcus Chen").code == 0
    intros = json.loads(people("intros", "Priya Raman", "--json").out)
    assert [i["line"] for i in intros][-1] == "Priya Raman introduced you to Dana Diaz"
    assert intros[0]["line"] == "you introduced Priya Raman and Marcus Chen"


def test_edit_introduced_by_writes_the_ledger(people):
    assert people("edit", "Marcus Chen", "--introduced-by", "Priya Raman").code == 0
    assert [i["line"] for i in json.loads(people("intros", "--json").out)] == ["Priya Raman introduced you to Marcus Chen"]


def test_connectors_targets_and_path(people):
    people("intro", "Priya Raman", "Dana Diaz")
    people("knows", "Priya Raman", "Marcus Chen", "--strength", "4")
    conn = json.loads(people("connectors", "--json").out)
    assert conn[0]["name"] == "Priya Raman" and conn[0]["to_you"] == 1 and conn[0]["reasons"]
    assert people("target", "Globex", "--stage", "talking", "--note", "platform team").code == 0
    [t] = json.loads(people("targets", "--json").out)
    assert (t["org"], t["stage"], t["note"], t["now"]) == ("Globex", "talking", "platform team", 1)
    routes = json.loads(people("path", "Globex", "--json").out)
    # Priya: good (3) × knows 4 × touched today 1.0; Marcus: good (3) × direct 5 × never touched 0.3.
    assert [([h["name"] for h in r["hops"]], r["score"]) for r in routes] == [
        (["Priya Raman", "Marcus Chen"], 12.0), (["Marcus Chen"], 4.5)]
    assert routes[0]["hops"][1]["edge"] == "knows"
    assert routes[0]["why"] == ("you → Priya Raman (good, introduction today) → Marcus Chen, Staff Engineer at Globex "
                                "(you noted they know each other (4/5))")


def test_org_alias_and_merge_with_preview(people):
    assert people("org", "alias", "Globex", "Globex Holdings West").code == 0
    assert json.loads(people("org", "show", "globex holdings west", "--json").out)["name"] == "Globex"
    r = people("org", "merge", "Globex", "Initech")
    assert r.code == 2 and "2 employment(s) move to Globex" in r.out
    assert people("org", "merge", "Globex", "Initech", "--yes").code == 0
    assert [o["name"] for o in json.loads(people("org", "list", "--json").out)] == ["Globex"]
    assert people("undo").code == 0
    assert len(json.loads(people("org", "list", "--json").out)) == 2
