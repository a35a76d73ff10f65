"""Relevance through organisations and careers: where someone works or worked counts toward your focus."""

from __future__ import annotations

from datetime import date

import pytest

from kith.store.network import add_job, match_org
from kith.store.network.orgs import update_org
from kith.store.people.contacts import create_contact
from kith.store.quality.focus import parse_term, relevance, relevance_of
from kith.store.quality.health import HealthSettings, health

TODAY = date(2026, 3, 16)
FOCUS = [parse_term("industry", "fintech"), parse_term("geography", "London"),
         parse_term("profession", "data engineer")]


@pytest.fixture
def careers(db) -> dict[str, int]:
    p = {
        "ada": create_contact("Ada", company="Globex", role="Analyst").id,
        "ben": create_contact("Ben", company="Hooli").id,
        "cal": create_contact("Cal", company="Globex", tags=["industry:fintech"]).id,
        "dee": create_contact("Dee", company="Retail Co").id,
        "eve": create_contact("Eve", company="Hooli", role="Manager").id,
        "fay": create_contact("Fay", company="Nowhere Ltd").id,
    }
    update_org(match_org("Globex").id, industry="Fintech / payments", location="London, UK")
    update_org(match_org("Hooli").id, industry="software", location="Berlin")
    update_org(match_org("Retail Co").id, industry="retail", location="Londonderry")
    add_job(p["ben"], "Globex", "Engineer", "2015", "2019")
    add_job(p["eve"], "Initech", "Data Engineer", "2012", "2016")
    return p


def test_an_organisations_industry_and_location_count_with_the_reason(careers):
    ada = relevance_of(careers["ada"], FOCUS)
    assert ada.reasons == ("fintech (industry, at Globex)", "London (geography, at Globex)")
    assert ada.score == round(100 * (0.8 + 0.8) / 3)


def test_a_past_employer_counts_less_and_says_formerly(careers):
    ben = relevance_of(careers["ben"], FOCUS)
    assert ben.reasons == ("fintech (industry, formerly at Globex)", "London (geography, formerly at Globex)")
    assert ben.score == round(100 * (0.5 + 0.5) / 3)


def test_a_tag_of_the_kind_still_wins_over_the_organisation(careers):
    assert relevance_of(careers["cal"], FOCUS).reasons[0] == "fintech (industry, focus)"


def test_words_match_whole_so_londonderry_is_not_london(careers):
    assert relevance_of(careers["dee"], FOCUS).score == 0
    assert relevance_of(careers["fay"], FOCUS).score == 0


def test_a_past_title_counts_toward_a_profession(careers):
    eve = relevance_of(careers["eve"], FOCUS)
    assert eve.reasons == ("data engineer (profession, formerly at Initech)",)
    assert eve.score == round(100 * 0.4 / 3)


def test_relevance_over_everyone_finds_the_same_people(careers):
    found = relevance(FOCUS)
    assert set(found) == {careers[n] for n in ("ada", "ben", "cal", "eve")}
    assert found[careers["ada"]].reasons == relevance_of(careers["ada"], FOCUS).reasons


def test_health_counts_people_by_their_organisations(careers):
    h = health(TODAY, HealthSettings(tier_cadence={}, mode="job-search", focus=tuple(FOCUS)))
    assert h.by_focus == [("industry", "fintech", 3), ("geography", "London", 3), ("profession", "data engineer", 1)]
    assert h.relevant == 4


def test_a_title_with_accents_folds(db):
    gus = create_contact("Gus", company="Hooli").id
    add_job(gus, "Zürich Re", "Ingénieur Données", "2010", "2012")
    term = parse_term("profession", "ingenieur donnees")
    assert relevance_of(gus, [term]).reasons == ("ingenieur donnees (profession, formerly at Zürich Re)",)
