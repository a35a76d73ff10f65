"""The network store: organisation matching, careers from imports, colleague overlap, warm paths, connectors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kith.store.core.errors import Invalid
from kith.store.core.undo import undo_last
from kith.store.network import (
    add_job,
    edges_between,
    find_or_create_org,
    find_routes,
    list_introductions,
    list_jobs,
    match_org,
    rank_connectors,
    record_introduction,
    set_knows,
)
from kith.store.network.orgs import add_alias, merge_orgs, org_key, update_org
from kith.store.people.contacts import create_contact, get_contact, update_contact
from kith.store.people.touches import log_touch
from kith.store.transfer.importers.apply import apply_records
from kith.store.transfer.importers.common import ImportRecord, ImportSummary

TODAY = date(2026, 3, 16)


@pytest.fixture(autouse=True)
def pinned(monkeypatch):
    import kith.store.core.clock

    monkeypatch.setattr(kith.store.core.clock, "today", lambda tz=None: TODAY)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.mark.parametrize("one, two", [
    ("Acme, Inc.", "ACME"), ("Acme Inc", "acme"), ("Globex LLC", "Globex"), ("Initech Ltd", "Initech"),
    ("Umbrella GmbH", "umbrella"), ("Nestlé S.A.", "Nestle"), ("Siemens AG", "siemens"), ("Tesco plc", "TESCO"),
    ("Hooli Corporation", "Hooli"), ("The Coca-Cola Company", "the coca cola"), ("Zürich Re", "zurich re"),
])
def test_names_that_match(db, one, two):
    assert org_key(one) == org_key(two)
    org = find_or_create_org(one)
    assert match_org(two).id == org.id


@pytest.mark.parametrize("one, two", [
    ("Meta", "Metaview"), ("Acme", "Acme Labs"), ("Open AI", "OpenAI Foundation"), ("Inc", "Inc Magazine"),
])
def test_substrings_never_match(db, one, two):
    find_or_create_org(one)
    assert match_org(two) is None
    assert find_or_create_org(two).name == two


def test_aliases_match_and_merge_folds_one_into_the_other(db):
    fb = find_or_create_org("Meta Platforms, Inc.")
    add_alias(fb.id, "Facebook")
    assert match_org("facebook").id == fb.id
    other = find_or_create_org("Instagram")
    ada = create_contact("Ada", company="Instagram")
    merge_orgs(fb.id, other.id)
    assert match_org("Instagram").id == fb.id
    assert [j.org_name for j in list_jobs(ada.id)] == ["Meta Platforms, Inc."]
    undo_last()
    assert match_org("Instagram").id == other.id
    assert [j.org_id for j in list_jobs(ada.id)] == [other.id]
    with pytest.raises(Invalid):
        add_alias(fb.id, "Instagram")


def _import(rows: list[dict]) -> ImportSummary:
    return apply_records([ImportRecord(n + 2, r) for n, r in enumerate(rows)], ImportSummary("test"))


def test_a_reimport_with_a_new_company_makes_the_old_one_a_past_job(db):
    _import([{"name": "Ada Lovelace", "company": "Globex", "role": "Engineer", "emails": ["ada@x.example"]}])
    ada = get_contact(1)
    assert [(j.org_name, j.title, j.current) for j in list_jobs(ada.id)] == [("Globex", "Engineer", True)]
    _import([{"name": "Ada Lovelace", "company": "Initech", "role": "CTO", "emails": ["ada@x.example"]}])
    jobs = list_jobs(ada.id)
    assert [(j.org_name, j.title, j.current) for j in jobs] == [("Initech", "CTO", True), ("Globex", "Engineer", False)]
    assert jobs[1].ended == TODAY.isoformat() and jobs[1].approximate
    assert get_contact(ada.id).company == "Initech"


def test_a_company_edited_in_kith_is_kept_on_import(db):
    _import([{"name": "Ada Lovelace", "company": "Globex", "role": "Engineer", "emails": ["ada@x.example"]}])
    update_contact(1, {"company": "Hooli"})
    s = _import([{"name": "Ada Lovelace", "company": "Initech", "role": "Lead", "emails": ["ada@x.example"]}])
    assert get_contact(1).company == "Hooli" and get_contact(1).role == "Lead"
    assert any("kept your edit of company" in str(r) for r in s.remarks)
    assert [(j.org_name, j.current) for j in list_jobs(1)] == [("Hooli", True), ("Globex", False)]


def test_introduced_by_is_a_ledger_entry(db):
    ravi = create_contact("Ravi")
    dana = create_contact("Dana", introduced_by_id=ravi.id)
    assert [i.line() for i in list_introductions(dana.id)] == ["Ravi introduced you to Dana"]
    update_contact(dana.id, {"introduced_by_id": None})
    assert list_introductions(dana.id) == [] and get_contact(dana.id).introduced_by_id is None
    with pytest.raises(Invalid):
        record_introduction(ravi.id, None, ravi.id, TODAY)


def test_migration_turns_company_and_introduced_by_into_careers_and_ledger(tmp_path, monkeypatch):
    from kith.store.core import migrations
    from kith.store.core.db import close_db, open_db
    from kith.store.core.db import db as database

    everything = migrations.available()
    monkeypatch.setattr(migrations, "available", lambda: [x for x in everything if x[0] <= 7])
    open_db(tmp_path / "old.db")
    ravi = create_contact("Ravi", company="Acme, Inc.", role="CTO").id
    dana = create_contact("Dana", company="ACME").id
    database.execute_sql("UPDATE contact SET introduced_by_id = ? WHERE id = ?", (ravi, dana))
    close_db()
    monkeypatch.setattr(migrations, "available", lambda: everything)
    open_db(tmp_path / "old.db")
    assert [(j.org_name, j.title, j.current) for j in list_jobs(ravi)] == [("Acme, Inc.", "CTO", True)]
    assert list_jobs(dana)[0].org_id == list_jobs(ravi)[0].org_id
    assert [i.line() for i in list_introductions(dana)] == ["Ravi introduced you to Dana"]
    close_db()


def _job(name: str, org: str, start: str | None, end: str | None = None, current: bool = False, **kw) -> int:
    cid = create_contact(name, **kw).id
    add_job(cid, org, started=start, ended=end, current=current)
    return cid


def test_colleague_overlap_touching_months_and_open_current_jobs(db):
    ana = _job("Ana", "Initech", "2015-01", "2016-03")
    ben = _job("Ben", "Initech", "2016-03", "2017")
    cal = _job("Cal", "Initech", "2016-04", "2018")
    [edge] = edges_between(ben, ana)
    assert (edge.kind, edge.strength, edge.why) == ("colleagues", 2, "worked together at Initech 2016")
    assert edges_between(cal, ana) == []
    now1 = _job("Now One", "Globex", "2025-01", current=True)
    now2 = _job("Now Two", "Globex", "2024-06", current=True)
    [edge] = edges_between(now1, now2)
    assert (edge.strength, edge.why) == (3, "worked together at Globex 2025–2026")


@pytest.fixture
def network(db):
    """Thirty-odd people around Globex (see test_paths_rank_by_the_documented_score for the sums)."""
    p = {}
    p["marcus"] = _job("Marcus Chen", "Hooli", "2017-01", "2018-06", strength=3)
    add_job(p["marcus"], "Initech", "Engineer", "2019-01", "2022-06")
    add_job(p["marcus"], "Globex", "Staff Engineer", "2022-07", current=True)
    p["olga"] = _job("Olga Old", "Globex", "2018", "2021", strength=4)
    p["dana"] = _job("Dana Diaz", "Globex", "2023", current=True, strength=2, location="Berlin")
    p["priya"] = _job("Priya Raman", "Initech", "2018-05", "2022-12", strength=5)
    p["ravi"] = create_contact("Ravi Iyer", strength=4).id
    p["kenji"] = create_contact("Kenji Sato", strength=5).id
    p["lena"] = _job("Lena Berg", "Hooli", "2018-01", "2019-12", strength=3)
    p["sam"] = create_contact("Sam Lee", strength=2).id
    p["tom"] = create_contact("Tom Rossi", strength=3).id
    p["zed"] = create_contact("Zed Archived", strength=5, archived=True).id
    for n in range(22):
        p[f"f{n}"] = _job(f"Filler {n:02d}", "Umbrella GmbH", "2020", current=True, strength=3,
                          location=("London", "Lagos", "Tokyo")[n % 3])
    add_job(p["f0"], "Initech", started="2010", ended="2018-12")  # leaves the month before Marcus comes
    log_touch(p["marcus"], "coffee", ago(10))
    log_touch(p["olga"], "call", ago(200))
    log_touch(p["priya"], "coffee", ago(12))
    log_touch(p["ravi"], "email", ago(30))
    log_touch(p["kenji"], "call", ago(500))
    log_touch(p["lena"], "message", ago(5))
    log_touch(p["sam"], "call", ago(20))
    log_touch(p["marcus"], "event", ago(100), "PyCon Berlin")
    log_touch(p["tom"], "event", ago(100), "PyCon  berlin")
    record_introduction(p["ravi"], None, p["dana"], ago(400), log_touches=False)
    set_knows(p["kenji"], p["marcus"], 5)
    set_knows(p["sam"], p["olga"], 4)
    set_knows(p["zed"], p["marcus"], 5)
    return p


def test_paths_rank_by_the_documented_score(network):
    globex = match_org("Globex").id
    routes = find_routes(globex, today=TODAY)
    got = [(r.score, [h.name for h in r.hops]) for r in routes]
    assert got == [
        (16.0, ["Ravi Iyer", "Dana Diaz"]),          # 4 × introduction 4 × 1.0
        (15.0, ["Marcus Chen"]),                      # 3 × direct 5 × 1.0; shorter first at equal score
        (15.0, ["Priya Raman", "Marcus Chen"]),       # 5 × colleagues 3 (42 months) × 1.0
        (10.0, ["Kenji Sato", "Marcus Chen"]),        # 5 × knows 5 × 0.4 (500 d)
        (7.0, ["Olga Old"]),                          # 4 × 5 × 0.7 × 0.5 (former)
        (6.0, ["Lena Berg", "Marcus Chen"]),          # 3 × colleagues 2 (6 months) × 1.0
        (4.2, ["Tom Rossi", "Marcus Chen"]),          # 3 × same event 2 × 0.7
        (4.0, ["Sam Lee", "Olga Old"]),               # 2 × knows 4 × 1.0 × 0.5
        (3.0, ["Dana Diaz"]),                         # 2 × 5 × 0.3 (never)
    ]
    assert routes[2].why == ("you → Priya Raman (very strong, coffee 12 d ago) → Marcus Chen, Staff Engineer at "
                             "Globex (worked together at Initech 2019–2022)")


def test_connectors_rank_with_their_reasons(network):
    p = network
    update_org(match_org("Globex").id, industry="fintech")
    update_org(match_org("Umbrella").id, industry="biotech")
    record_introduction(p["ravi"], None, p["f1"], ago(20))
    record_introduction(p["priya"], p["f2"], p["f3"], ago(15))
    record_introduction(p["kenji"], None, p["f4"], ago(600), log_touches=False)
    ranked = rank_connectors(today=TODAY)
    assert [(c.name, c.score) for c in ranked] == [("Ravi Iyer", 16.0), ("Priya Raman", 10.0), ("Kenji Sato", 4.0)]
    ravi = ranked[0]
    assert ravi.reasons == ("introduced you to 2 people", "reached 2 organisations, 2 industries, 2 places",
                            "strong with you, last touch 20 d ago")


def test_a_stale_target_nudges_weekly_in_job_search_mode_about_the_best_first_hop(network):
    from kith.store.network import set_target
    from kith.store.network.queue import target_items
    from kith.store.network.settings import NetworkSettings
    from kith.store.today.queue import SLOW, QueueContext, QueueSettings

    set_target(match_org("Globex").id, "talking", today=ago(14))

    def items(day: date, mode: str = "job-search", days: int = 14):
        settings = QueueSettings(mode=mode, areas={"network": NetworkSettings(target_stale_days=days)})
        return target_items(QueueContext(day, {}, settings=settings))

    [item] = items(TODAY)
    assert (item.contact_name, item.source, "target" in SLOW) == ("Ravi Iyer", "target", True)
    assert item.reason == "target Globex: talking, no progress for 14 d · ask them to introduce you to Dana Diaz"
    assert items(TODAY + timedelta(days=1)) == [] and len(items(TODAY + timedelta(days=7))) == 1
    assert items(TODAY, mode="steady") == [] and items(TODAY, days=0) == []


def test_organisations_and_introduction_notes_are_searchable(network):
    from kith.store.search.engine import search

    add_alias(match_org("Globex").id, "Globex Holdings")
    record_introduction(network["ravi"], network["f5"], network["f6"], ago(3), note="met at the fintech breakfast")
    assert [(h.kind, h.title) for h in search("globx", kinds=["organisation"])] == [("organisation", "Globex")]
    assert [h.title for h in search("holdings", kinds=["organisation"])] == ["Globex"]
    [hit] = search("fintech breakfst", kinds=["introduction"])
    assert hit.title == "Ravi Iyer introduced Filler 05 and Filler 06"


def test_merging_two_contacts_keeps_both_careers(db):
    from kith.store.people.duplicates import merge

    keep = create_contact("Ada Lovelace", company="Globex").id
    other = create_contact("Ada  Lovelace", company="Initech").id
    add_job(other, "Hooli", started="2015", ended="2018")
    merge(keep, other, TODAY)
    assert [(j.org_name, j.current) for j in list_jobs(keep)] == [("Globex", True), ("Initech", False), ("Hooli", False)]


def test_an_imported_introducer_becomes_a_ledger_entry(db, tmp_path):
    from kith.store.core.db import close_db, open_db
    from kith.store.transfer import exporters
    from kith.store.transfer.importers import import_file

    ravi = create_contact("Ravi Iyer", company="Initech")
    create_contact("Dana Diaz", company="Globex, Inc.", role="CTO", introduced_by_id=ravi.id)
    path = exporters.export("csv", tmp_path / "all.csv")
    close_db()
    open_db(tmp_path / "fresh.db")
    import_file("csv", path)
    dana = match_org("Globex")
    assert dana is not None and dana.name == "Globex, Inc."
    [intro] = list_introductions()
    assert intro.line() == "Ravi Iyer introduced you to Dana Diaz" and intro.day == TODAY
    assert get_contact(intro.second_id).introduced_by_id == intro.by_id
