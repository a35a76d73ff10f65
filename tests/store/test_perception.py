"""Feedback requests and entries, the thank-you, undo, Today's two slow nudges, the brand review,
perception against message, the brand check, search and the lossless export."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kith.store.brand.pitches import create_pitch
from kith.store.core import undo
from kith.store.core.db import close_db, open_db
from kith.store.core.errors import Invalid, NotFound
from kith.store.people.contacts import create_contact
from kith.store.people.followups import list_follow_ups
from kith.store.perception.brand_review import (
    MISTAKE_KEYS,
    add_claim,
    channels_without_tagline,
    list_reviews,
    list_variants,
    record_review,
    set_variant,
    stale,
)
from kith.store.perception.compare import brand_check, compare
from kith.store.perception.feedback import (
    MAX_TEXT,
    add_feedback,
    ask,
    delete_feedback,
    get_feedback,
    list_feedback,
    list_requests,
    set_request_status,
)
from kith.store.perception.settings import PerceptionSettings
from kith.store.perception.trends import find_term, trends
from kith.store.today.queue import SLOW, QueueContext, QueueSettings, build_queue
from kith.store.transfer import exporters

TODAY = date(2026, 3, 16)


def ctx(day: date = TODAY, **settings) -> QueueContext:
    return QueueContext(today=day, tier_cadence={}, settings=QueueSettings(areas={"perception": PerceptionSettings(**settings)}))


def items(source: str, day: date = TODAY, **settings):
    return [i for i in build_queue(ctx(day, **settings)) if i.source == source]


def test_ask_then_answer_closes_the_request_and_thanks_them_tomorrow(db):
    ada = create_contact("Ada Lovelace").id
    r = ask(ada, "People say I am …", "email", on=TODAY - timedelta(days=3))
    assert (r.status, r.channel, r.prompt) == ("asked", "email", "People say I am …")
    f = add_feedback(ada, "Calm under pressure.", context="survey", quotable=True, today=TODAY)
    assert f.request_id == r.id and f.quotable and f.context == "survey"
    assert list_requests(ada)[0].status == "answered"
    [thanks] = list_follow_ups(ada)
    assert (thanks.what, thanks.due, thanks.id) == ("Thank Ada for the feedback", TODAY + timedelta(days=1), f.thank_you_id)
    assert find_term("calm under pressure", TODAY).people == 1


def test_the_thank_you_can_be_turned_off(db):
    ada = create_contact("Ada Lovelace").id
    f = add_feedback(ada, "Kind.", thank_you=False)
    assert f.thank_you_id is None and list_follow_ups(ada) == []


def test_the_thank_you_is_a_hook_others_can_take_over(db, monkeypatch):
    from kith.store.perception import thanks

    calls = []
    monkeypatch.setattr(thanks, "THANK_YOU", lambda cid, name, day: calls.append((cid, name, day)))
    ada = create_contact("Ada Lovelace").id
    add_feedback(ada, "Kind.", today=TODAY)
    assert calls == [(ada, "Ada Lovelace", TODAY)]


@pytest.mark.parametrize("text", ["", "   \n", "x" * (MAX_TEXT + 1), "a\x00b", "bad \udcff"])
def test_bad_text_is_refused(db, text):
    ada = create_contact("Ada").id
    with pytest.raises(Invalid):
        add_feedback(ada, text)
    assert list_feedback() == []


def test_unknown_person_and_context_are_refused(db):
    with pytest.raises(NotFound):
        add_feedback(999, "Fine.")
    with pytest.raises(Invalid):
        add_feedback(create_contact("Ada").id, "Fine.", context="gossip")


def test_words_are_kept_verbatim(db):
    ada = create_contact("Ada").id
    text = "  Line one [/] \n\n<b>two</b> 🚀  "
    assert get_feedback(add_feedback(ada, text, thank_you=False).id).text == text


def test_undo_removes_feedback_its_terms_thank_you_and_reopens_the_request(db):
    ada = create_contact("Ada Lovelace").id
    ask(ada)
    add_feedback(ada, "Meticulous.", today=TODAY)
    undo.undo_last()
    assert list_feedback() == [] and list_follow_ups(ada) == [] and trends(TODAY) == []
    assert list_requests(ada)[0].status == "asked"


def test_delete_and_undo_bring_the_terms_back(db):
    ada = create_contact("Ada").id
    f = add_feedback(ada, "Meticulous.", thank_you=False)
    delete_feedback(f.id)
    assert trends(TODAY) == []
    undo.undo_last()
    assert get_feedback(f.id).text == "Meticulous." and find_term("meticulous", TODAY).people == 1


def test_overdue_answer_is_nudged_once(db):
    ada = create_contact("Ada Lovelace").id
    r = ask(ada, on=TODAY - timedelta(days=14))
    [item] = items("feedback-overdue")
    assert "feedback-overdue" in SLOW and "brand-review" in SLOW
    assert (item.contact_id, item.ref_id) == (ada, r.id) and "overdue" in item.reason
    assert items("feedback-overdue", TODAY - timedelta(days=1)) == []        # not yet overdue
    assert items("feedback-overdue", TODAY + timedelta(days=7)) == []        # nudged once: a week, then gone
    assert items("feedback-overdue", answer_overdue_days=30) == []           # configurable
    assert items("feedback-overdue", feedback_nudge=False) == []             # can be turned off
    set_request_status(r.id, "declined")
    assert items("feedback-overdue") == []


def test_stale_pitch_is_one_item_about_no_one_until_reviewed(db):
    from kith.store.brand.pitches import Pitch

    p = create_pitch("Elevator pitch", "elevator pitch", "I build pipelines.")
    Pitch.update(created=TODAY - timedelta(days=120)).where(Pitch.id == p.id).execute()
    [item] = items("brand-review")
    assert item.contact_id is None and item.ref_id == p.id
    assert item.reason == "review your elevator pitch (last reviewed 120 d ago)"
    assert item.as_json(TODAY)["contact_id"] is None
    assert items("brand-review", review_after_days=150) == []
    assert items("brand-review", review_nudge=False) == []
    record_review(p.id, {k: {"ok": True, "note": ""} for k in MISTAKE_KEYS}, on=TODAY)
    assert items("brand-review") == [] and stale(TODAY, 90) == []
    assert list_reviews(p.id)[0].answers["too-detailed"] == {"ok": True, "note": ""}


def test_a_review_records_each_answer_and_refuses_unknown_mistakes(db):
    p = create_pitch("Card", "business card", "Numbers you can trust")
    record_review(p.id, {"outdated": {"ok": False, "note": "still says fintech"}}, on=TODAY)
    assert list_reviews(p.id)[0].answers == {"outdated": {"ok": False, "note": "still says fintech"}}
    with pytest.raises(Invalid):
        record_review(p.id, {"mumbling": True})


def test_audience_variants_have_their_own_text_and_timing(db):
    p = create_pitch("Elevator pitch", "elevator pitch", "I build data pipelines.")
    set_variant(p.id, "non-tech", "I help teams trust their numbers.", 15)
    set_variant(p.id, "Tech", "Batch and streaming pipelines.", 30)
    set_variant(p.id, "tech", "dbt and streaming pipelines.", 20)  # same audience: replaced
    assert [(v.audience, v.text, v.target_seconds) for v in list_variants(p.id)] == [
        ("non-tech", "I help teams trust their numbers.", 15), ("tech", "dbt and streaming pipelines.", 20)]


def test_channels_without_a_tagline(db):
    assert channels_without_tagline() == ["social media", "business card", "resume/CV", "elevator pitch",
                                          "email signature"]
    create_pitch("Headline", "social headline", "Data engineer")
    create_pitch("Card", "business card", "")  # no text yet: still missing
    assert channels_without_tagline() == ["business card", "resume/CV", "elevator pitch", "email signature"]


def test_perception_against_message_and_the_brand_check(db):
    p = create_pitch("Resume", "resume summary", "Reliable data engineer who builds pipelines.")
    add_claim(p.id, "cut month-end close to six days", evidence="retro slides")
    add_claim(p.id, "award-winning", source="a mentor's wording")
    for name in ("Ada One", "Ben Two"):
        cid = create_contact(name).id
        add_feedback(cid, "Reliable and calm under pressure.", on=TODAY, thank_you=False)
    c = compare(TODAY)
    assert "calm under pressure" in [t.term for t in c.they_say]
    assert "reliable" in [t.term for t in c.both] and "reliable" not in [t.term for t in c.they_say]
    assert "engineer" in [m.term for m in c.you_say] and "award-winning" in [m.term for m in c.you_say]
    check = brand_check(TODAY, 90)
    assert [x.claim for x in check.claims_without_evidence] == ["award-winning"]
    assert "resume/CV" not in check.missing_channels and "elevator pitch" in check.missing_channels
    assert "calm under pressure" in [t.term for t in check.they_say]
    data = check.as_json(TODAY)
    assert set(data) == {"stale", "review_after_days", "channels_without_tagline", "claims_without_evidence",
                         "they_say_you_dont"}


def test_feedback_is_searchable(db):
    from kith.store.search.engine import search

    ada = create_contact("Ada Lovelace").id
    add_feedback(ada, "Unflappable in incidents.", thank_you=False)
    hits = search("unflappable", kinds=["feedback"])
    assert [(h.kind, h.contact_id) for h in hits] == [("feedback", ada)]


def test_demo_has_feedback_and_adds_nothing_to_today(db):
    from kith.store.demo import build_demo

    build_demo(TODAY)
    assert len(list_feedback()) == 40 and len({f.contact_id for f in list_feedback()}) >= 10
    assert items("feedback-overdue") == [] and items("brand-review") == []
    assert trends(TODAY, limit=1)[0].people >= 5


def test_json_export_restores_feedback_with_its_thank_you(db, tmp_path):
    from kith.store.transfer.restore import restore

    ada = create_contact("Ada").id
    ask(ada)
    add_feedback(ada, "Generous with introductions.", today=TODAY)
    before = exporters.render("json")
    path = exporters.export("json", tmp_path / "out.json")
    close_db()
    open_db(tmp_path / "fresh.db")
    restore(path)
    assert exporters.render("json") == before
    assert list_feedback()[0].thank_you_id and find_term("generous", TODAY).people == 1
