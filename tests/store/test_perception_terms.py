"""The language that trends: extraction rules, people-before-count ranking, the 12-month trend."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kith.store.people.contacts import create_contact
from kith.store.perception.feedback import add_feedback
from kith.store.perception.terms import KEPT_WORDS, edge_words, extract, spans, stem_key, stop_words, tokens
from kith.store.perception.trends import find_term, quotes, trends
from tests.fixtures.feedback_360 import PEOPLE, TEXTS

TODAY = date(2026, 3, 16)


@pytest.fixture
def feedback_360(db):
    ids = {name: create_contact(name).id for name in PEOPLE}
    for name, day, text in TEXTS:
        add_feedback(ids[name], text, on=day, thank_you=False, today=TODAY)
    return ids


def test_the_fixture_is_forty_texts_from_ten_people():
    assert len(TEXTS) == 49
    assert len(TEXTS) >= 40 and len({name for name, _d, _t in TEXTS}) >= 10


def test_top_terms_rank_people_before_count(feedback_360):
    top = trends(TODAY, limit=7)
    assert [(t.term, t.people, t.count) for t in top[:6]] == [
        ("reliable", 6, 6), ("clear", 5, 5), ("calm", 4, 4), ("calm under pressure", 4, 4), ("great", 4, 4),
        ("pressure", 4, 4)]
    everything = trends(TODAY)
    assert all(t.people < 4 for t in everything[6:])
    meticulous = next(t for t in everything if t.term == "meticulous")
    assert (meticulous.people, meticulous.count) == (1, 5)
    # Five uses by one person rank below four people once each.
    assert everything.index(meticulous) > everything.index(top[5])


def test_words_said_about_someone_trend_and_function_words_do_not(feedback_360):
    """The stop-word package lists "great", "clear", "good" and "kind": kept as terms (KEPT_WORDS)."""
    people = {t.term: t.people for t in trends(TODAY)}
    assert (people["clear"], people["great"], people["good"], people["kind"]) == (5, 4, 2, 2)  # Ivo's "kind of" is a hedge
    assert people["great listener"] == 1 and people["clear communicator"] == 1 and people["good judgement"] == 1
    assert people["kind to newcomers"] == 1 and "kind of quiet" not in people and people["quiet"] == 1
    clear = find_term("Clear", TODAY)
    assert (clear.recent, clear.before, clear.direction) == (5, 0, "up")
    for function_word in ("the", "and", "of", "about", "always", "her", "she", "is", "what", "with", "still"):
        assert function_word not in people
    assert all(t.term in KEPT_WORDS or t.term not in stop_words() for t in trends(TODAY) if t.words == 1)


def test_trend_is_people_in_the_last_year_minus_the_year_before(feedback_360):
    reliable = find_term("Reliability", TODAY)
    assert (reliable.recent, reliable.before, reliable.trend, reliable.direction) == (2, 4, -2, "down")
    calm = find_term("calm under pressure", TODAY)
    assert (calm.recent, calm.before, calm.trend, calm.direction) == (3, 1, 2, "up")
    naive = find_term("naive", TODAY)
    assert (naive.people, naive.trend, naive.direction) == (2, 2, "up")
    assert find_term("crisp", TODAY).direction == "steady"  # one person in each year


def test_trend_window_edges(db):
    a, b, c = (create_contact(n).id for n in ("A One", "B Two", "C Three"))
    year_ago = date(2025, 3, 16)
    add_feedback(a, "Tenacious.", on=year_ago + timedelta(days=1), thank_you=False)  # last 12 months
    add_feedback(b, "Tenacious.", on=year_ago, thank_you=False)                      # the year before
    add_feedback(c, "Tenacious.", on=date(2024, 3, 16), thank_you=False)             # older than both
    t = find_term("tenacious", TODAY)
    assert (t.people, t.recent, t.before, t.trend) == (3, 1, 1, 0)
    later = find_term("tenacious", TODAY + timedelta(days=1))  # tomorrow A's day is a year and a day old
    assert (later.recent, later.before) == (0, 2)


def test_folding_and_stemming_group_spellings():
    terms = extract("Reliable. reliability, RELIABLE and Réliable; José was naïve")
    keys = {}
    for (key, form), n in terms.items():
        keys.setdefault(key, {})[form] = n
    assert keys[stem_key("reliable")] == {"reliable": 3, "reliability": 1}
    assert stem_key("naïve") == stem_key("naive") and stem_key("NAIVE") == stem_key("naive")
    assert "jose" in {f for forms in keys.values() for f in forms}


def test_phrases_keep_inner_stop_words_and_drop_edge_ones():
    forms = {form for (_key, form) in extract("She stays calm under pressure in the storm.")}
    assert "calm under pressure" in forms
    assert "under pressure" not in forms and "pressure in" not in forms and "under" not in forms
    assert "stays calm" in forms and "storm" in forms


def test_phrases_never_cross_punctuation():
    forms = {form for (_key, form) in extract("Calm. Pressure, focus")}
    assert "calm pressure" not in forms and "pressure focus" not in forms


def test_quotes_are_the_entries_with_the_term_and_where_it_is(feedback_360):
    found = quotes(stem_key("reliable"))
    assert len(found) == 6
    for q in found:
        assert q.marks and all(q.text[s:e].lower().startswith("reliab") for s, e in q.marks)


def test_accented_and_non_latin_text_is_kept(db):
    cid = create_contact("Łukasz Nowak").id
    add_feedback(cid, "Très fiable. 非常に信頼できる。Надёжный коллега.", thank_you=False)
    terms = {t.term for t in trends(TODAY + timedelta(days=300))}
    assert {"fiable", "非常に信頼できる", "коллега", "надежныи коллега"} <= terms
    assert "tres fiable" in terms  # accents folded, French words kept


def test_spans_point_into_the_text():
    text = "A calm, CALM person: calm under pressure."
    assert [text[s:e] for s, e in spans(text, stem_key("calm"))] == ["calm", "CALM", "calm"]
    assert [text[s:e] for s, e in spans(text, stem_key("calm under pressure"))] == ["calm under pressure"]


@given(st.text(max_size=300))
def test_no_text_crashes_the_extraction(text):
    terms = extract(text)
    for (key, form), n in terms.items():
        assert n > 0 and key and form
        assert 1 <= len(key.split()) <= 3
    for key, _form in list(terms)[:3]:
        for s, e in spans(text, key):
            assert 0 <= s < e


@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "M", "N", "P", "Zs")), min_size=1,
               max_size=200))
def test_words_of_any_script_never_vanish(text):
    terms = extract(text)
    for clause in tokens(text):
        for (_start, _end, folded, stem), edge in zip(clause, edge_words(clause)):
            if folded not in stop_words() and len(folded) > 1 and not folded.isdigit():
                # Every real word, in any script, is a term (a hedge head such as "kind of" excepted).
                assert (stem, folded) in terms or not edge
