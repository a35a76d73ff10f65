"""Conversations in the store: plans and their refusals, plans not held in Today, recording one,
the thank-you rules per kind (off included), closing with a thank-you touch, counts, undo, export."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kith.store.conversations import thanks
from kith.store.conversations.brief import as_text, prep_brief
from kith.store.conversations.counts import interview_counts, week
from kith.store.conversations.held import record_held
from kith.store.conversations.plans import drop_plan, get_plan, list_plans, move_plan, plan_conversation
from kith.store.conversations.settings import ConversationsSettings
from kith.store.conversations.thanks import ThanksSettings, list_owed, owe_thanks
from kith.store.core import undo
from kith.store.core.errors import Invalid
from kith.store.mentors.value import list_values, set_role
from kith.store.mentors.value_edits import add_value
from kith.store.people.contacts import create_contact, get_contact
from kith.store.people.followups import get_follow_up, list_follow_ups
from kith.store.people.touches import list_touches, log_touch
from kith.store.today.queue import QueueContext, QueueSettings, build_queue


@pytest.fixture(autouse=True)
def default_thanks():
    thanks.configure(ThanksSettings())
    yield
    thanks.configure(ThanksSettings())


def queue(day):
    return build_queue(QueueContext(today=day, tier_cadence={}))


def ii(contact_id, day, today, **kw):
    return plan_conversation(contact_id, day, today=today, purpose=kw.pop("purpose", "Learn the team"), **kw)


def test_a_plan_keeps_what_was_given_and_preloads_the_three_questions(db, fixed_today):
    ada = create_contact("Ada Lovelace")
    p = ii(ada.id, fixed_today + timedelta(days=2), fixed_today, at="9:05", objectives=["two names", " "],
           points=["the migration"], offer="notes on hiring")
    assert (p.kind, p.at, p.objectives, p.points, p.offer) == (
        "informational interview", "09:05", ("two names",), ("the migration",), "notes on hiring")
    assert p.questions == ("What am I doing well?", "What do I need to fix?", "Who should I talk to?")
    own = plan_conversation(ada.id, fixed_today, today=fixed_today, kind="coffee", questions=["How is it going?"])
    assert own.questions == ("How is it going?",) and own.purpose == ""
    assert [x.id for x in list_plans()] == [own.id, p.id]


@pytest.mark.parametrize("kwargs, field", [
    ({"purpose": ""}, "purpose"),
    ({"day_offset": -1}, "day"),
    ({"at": "25:00"}, "at"),
    ({"kind": "lunch"}, "kind"),
])
def test_plan_refusals(db, fixed_today, kwargs, field):
    ada = create_contact("Ada Lovelace")
    day = fixed_today + timedelta(days=kwargs.pop("day_offset", 1))
    with pytest.raises(Invalid) as exc:
        plan_conversation(ada.id, day, today=fixed_today, **{"purpose": "x", **kwargs})
    assert exc.value.field == field
    assert list_plans(include_all=True) == []


def test_today_prepare_the_day_before_then_on_the_day_then_held_move_drop(db, fixed_today):
    ada = create_contact("Ada Lovelace")
    p = ii(ada.id, fixed_today + timedelta(days=1), fixed_today)
    assert [(i.source, i.ref_id) for i in queue(fixed_today)] == [("prepare", p.id)]
    assert "prepare for tomorrow's informational interview" in queue(fixed_today)[0].reason
    assert [(i.source, i.ref_id) for i in queue(fixed_today + timedelta(days=1))] == [("conversation", p.id)]
    later = fixed_today + timedelta(days=3)
    (held,) = queue(later)
    assert (held.source, held.ref_id, held.state) == ("held", p.id, "overdue")
    assert held.reason.startswith("held? / move / drop")
    move_plan(p.id, later + timedelta(days=1), today=later)
    assert [i.source for i in queue(later)] == ["prepare"]
    drop_plan(p.id)
    assert queue(later) == [] and get_plan(p.id).state == "dropped"
    undo.undo_last()
    assert get_plan(p.id).state == "planned"
    with pytest.raises(Invalid):
        move_plan(p.id, fixed_today, today=later)  # not into the past


def test_each_source_can_be_turned_off(db, fixed_today):
    ada = create_contact("Ada Lovelace")
    ii(ada.id, fixed_today + timedelta(days=1), fixed_today)
    owe_thanks(ada.id, "interview", fixed_today - timedelta(days=1))
    on = queue(fixed_today)
    assert {i.source for i in on} == {"prepare", "thank-you"}
    off = build_queue(QueueContext(today=fixed_today, tier_cadence={},
                                   settings=QueueSettings(areas={"conversations": ConversationsSettings(
                                           today_off=("prepare", "thank-you"))})))
    assert off == []


def test_recording_makes_a_touch_referrals_follow_ups_and_a_thank_you(db, fixed_today):
    ada = create_contact("Ada Lovelace")
    bob = create_contact("Bob Ross")
    p = ii(ada.id, fixed_today, fixed_today)
    h = record_held(p.id, today=fixed_today, answers=["clear stories", "shorter answers"], learned="they hire in Q2",
                    referrals=["Carol King", "Bob Ross"], next_steps=["send the CV"], rating=4, minutes=45)
    assert h.plan.state == "held" and h.plan.held_on == fixed_today and h.plan.rating == 4
    # each referral is also an introduction, logged as its own touch
    (touch,) = [t for t in list_touches(ada.id) if t.kind != "introduction"]
    assert touch.kind == "informational interview" and "A: clear stories" in touch.note
    carol = get_contact(h.referrals[0][0])
    assert (carol.name, carol.introduced_by_id, h.referrals[0][2]) == ("Carol King", ada.id, True)
    assert get_contact(bob.id).introduced_by_id == ada.id and h.referrals[1][2] is False
    from kith.store.network.introductions import list_introductions

    ledger = [(i.by_id, i.second_id, i.day, i.note) for i in list_introductions()]
    assert sorted(ledger) == sorted([(ada.id, carol.id, fixed_today, "referral from a conversation"),
                                     (ada.id, bob.id, fixed_today, "referral from a conversation")])  # once each
    steps = [f for f in list_follow_ups(ada.id) if f.what == "send the CV"]
    assert steps and steps[0].due == fixed_today + timedelta(days=7)
    (owed,) = list_owed()
    assert (owed.contact_id, owed.reason, owed.due, owed.follow_up_id) == (ada.id, "interview",
                                                                          fixed_today + timedelta(days=1),
                                                                          h.thank_you_id)
    # The thank-you is its own Today kind, never also a plain follow-up.
    sources = [i.source for i in queue(fixed_today + timedelta(days=1)) if i.contact_id == ada.id]
    assert sources == ["thank-you"]
    # One undo reverses the whole record.
    undo.undo_last()
    assert get_plan(p.id).state == "planned" and list_touches(ada.id) == [] and list_owed() == []
    assert get_contact(bob.id).introduced_by_id is None


@pytest.mark.parametrize("answers, referrals, rating", [
    (["a", "b", "c", "d"], [], None),  # more answers than questions
    ([], ["Sam Lee"], None),  # two contacts are named Sam Lee
    ([], [], 6),
])
def test_record_refusals_write_nothing(db, fixed_today, answers, referrals, rating):
    ada = create_contact("Ada Lovelace")
    create_contact("Sam Lee")
    create_contact("Sam Lee")
    p = ii(ada.id, fixed_today, fixed_today)
    with pytest.raises(Invalid):
        record_held(p.id, today=fixed_today, answers=answers, referrals=referrals, rating=rating)
    assert get_plan(p.id).state == "planned" and list_touches(ada.id) == [] and list_owed() == []


def test_thank_you_rules_per_kind(db, fixed_today):
    people = {reason: create_contact(f"Person {reason}").id for reason in ("interview", "feedback", "introduction")}
    for reason, cid in people.items():
        owe_thanks(cid, reason, fixed_today)
    mentor = create_contact("Mentor Mia").id
    set_role(mentor, "mentor", on=fixed_today - timedelta(days=30))
    add_value(mentor, "received", "information", fixed_today, "how hiring works", today=fixed_today)
    owed = {o.contact_id: o.reason for o in list_owed()}
    assert owed == {**{cid: r for r, cid in people.items()}, mentor: "mentor-value"}
    # Two reasons for one person: one thank-you covers both.
    assert owe_thanks(mentor, "introduction", fixed_today) == list_owed(contact_id=mentor)[0].follow_up_id
    assert len(list_owed(contact_id=mentor)) == 1
    # Value given is not thanked for.
    add_value(people["feedback"], "given", "follow-up", fixed_today, today=fixed_today)
    assert len(list_owed()) == 4


def test_a_kind_turned_off_owes_nothing_and_days_are_configurable(db, fixed_today):
    ada = create_contact("Ada Lovelace").id
    off = ThanksSettings(interview=None, feedback=3)
    assert owe_thanks(ada, "interview", fixed_today, settings=off) is None and list_owed() == []
    owe_thanks(ada, "feedback", fixed_today, settings=off)
    assert list_owed()[0].due == fixed_today + timedelta(days=3)
    thanks.configure(ThanksSettings(mentor_value=None))
    mia = create_contact("Mentor Mia").id
    add_value(mia, "received", "information", fixed_today, today=fixed_today)
    assert list_owed(contact_id=mia) == []
    p = ii(create_contact("Ben").id, fixed_today, fixed_today)
    thanks.configure(ThanksSettings(interview=None))
    assert record_held(p.id, today=fixed_today).thank_you_id is None


def test_a_thank_you_touch_closes_what_is_owed_and_counts_as_gratitude_for_a_mentor(db, fixed_today):
    mia = create_contact("Mentor Mia").id
    set_role(mia, "mentor", on=fixed_today - timedelta(days=30))
    add_value(mia, "received", "information", fixed_today, today=fixed_today)
    (owed,) = list_owed()
    t = log_touch(mia, "thank-you", fixed_today + timedelta(days=1), "by email")
    assert list_owed() == [] and get_follow_up(owed.follow_up_id).done
    given = list_values(mia, "given")
    assert [(v.category, v.touch_id) for v in given] == [("gratitude", t.id)]
    assert queue(fixed_today + timedelta(days=2)) == []
    undo.undo_last()  # un-log the thank-you: owed again, no gratitude
    assert len(list_owed()) == 1 and list_values(mia, "given") == []


def test_job_search_counts_and_the_week(db, fixed_today):
    monday = fixed_today - timedelta(days=fixed_today.weekday())
    assert monday == fixed_today  # the tests' day is a Monday
    ada, bob = create_contact("Ada Lovelace").id, create_contact("Bob Ross").id
    ii(ada, fixed_today, fixed_today)
    ii(bob, fixed_today + timedelta(days=2), fixed_today)
    plan_conversation(bob, fixed_today, today=fixed_today, kind="coffee")
    held = ii(bob, fixed_today, fixed_today)
    record_held(held.id, today=fixed_today, referrals=["Carol King"])
    log_touch(ada, "informational interview", monday, "not planned, still held")
    log_touch(ada, "informational interview", monday - timedelta(days=1), "last week")
    wednesday = monday + timedelta(days=2)
    c = interview_counts(wednesday)
    assert (c.day_planned, c.day_held, c.week_planned, c.week_held) == (1, 0, 2, 2)
    c = interview_counts(monday)
    assert (c.day_planned, c.day_held) == (1, 2)
    log_touch(bob, "thank-you", fixed_today, "")
    w = week(wednesday)
    assert (w.start, w.referrals, w.thank_yous) == (monday, 1, 1)
    assert [(x.name, x.kind, x.state) for x in w.conversations][:1] == [("Ada Lovelace", "informational interview",
                                                                         "planned")]
    assert len(w.conversations) == 4


def test_the_brief_holds_everything_asked(db, fixed_today):
    ana = create_contact("Ana Introducer")
    ada = create_contact("Ada Lovelace", company="Globex", role="CTO", how_met="PyCon", introduced_by_id=ana.id)
    create_contact("Other Globex", company="Globex")
    set_role(ada.id, "mentor", on=fixed_today - timedelta(days=9))
    for n in range(7):
        log_touch(ada.id, "call", fixed_today - timedelta(days=n + 1), f"call {n}")
    p = ii(ada.id, fixed_today + timedelta(days=1), fixed_today, objectives=["two names"], offer="intro to Bo")
    b = prep_brief(ada.id, today=fixed_today)
    assert b.plan.id == p.id and len(b.touches) == 5 and b.touches[0].note == "call 0"
    assert b.value == (0, 0) and b.same_company == 1
    text = as_text(b, fixed_today)
    for expected in ("CTO · Globex", "how you met: PyCon", "introduced by: Ana Introducer", "purpose: Learn the team",
                     "objective: two names", "ask: Who should I talk to?", "offer: intro to Bo",
                     "1 other contact at Globex", "received 0 · given 0"):
        assert expected in text, expected
    assert prep_brief(today=fixed_today, plan_id=p.id).contact.id == ada.id
    from kith.store.perception.feedback import add_feedback

    add_feedback(ada.id, "Clear on strategy, vague on the numbers.", fixed_today, today=fixed_today)
    assert "2026-03-16: Clear on strategy" in as_text(prep_brief(ada.id, today=fixed_today), fixed_today)


def test_feedback_owes_a_thank_you_through_the_loop(db, fixed_today):
    from kith.store.perception.feedback import add_feedback

    ada = create_contact("Ada Lovelace").id
    f = add_feedback(ada, "Clear on strategy.", fixed_today, today=fixed_today)
    (owed,) = list_owed()
    assert (owed.reason, owed.follow_up_id, owed.due) == ("feedback", f.thank_you_id, fixed_today + timedelta(days=1))
    assert get_follow_up(owed.follow_up_id).what == "Thank Ada for the feedback"
    thanks.configure(ThanksSettings(feedback=None))
    bob = create_contact("Bob Ross").id
    assert add_feedback(bob, "Kind words.", fixed_today, today=fixed_today).thank_you_id is None


def test_conversations_survive_export_and_restore(db, fixed_today, tmp_path):
    from kith.store.core.db import close_db, open_db
    from kith.store.transfer import exporters
    from kith.store.transfer.restore import restore

    ada = create_contact("Ada Lovelace").id
    p = ii(ada, fixed_today, fixed_today, objectives=["x"])
    record_held(p.id, today=fixed_today, answers=["a"], referrals=["Carol"])
    ii(ada, fixed_today + timedelta(days=4), fixed_today)
    data = exporters.snapshot()
    for table in ("conversation_plan", "conversation_referral", "thank_you"):
        assert data["tables"][table]["rows"], table
    path = exporters.export("json", tmp_path / "all.json")
    close_db()
    open_db(tmp_path / "fresh.db")
    restore(path)
    assert exporters.snapshot()["tables"] == data["tables"]


def test_plans_are_searchable(db, fixed_today):
    from kith.store.search.engine import search

    ada = create_contact("Ada Lovelace").id
    p = ii(ada, fixed_today, fixed_today, purpose="Learn how the platform team hires")
    (hit,) = search("platform team", kinds=["conversation"])
    assert (hit.id, hit.contact_id) == (p.id, ada)


def test_the_brief_shows_your_goals_those_about_them_first(db, fixed_today):
    from kith.store.career.goals import add_goal, mark_done

    ada = create_contact("Ada Lovelace", company="Globex")
    assert prep_brief(ada.id, today=fixed_today).goals == ()
    assert "Your goals" not in as_text(prep_brief(ada.id, today=fixed_today), fixed_today)
    add_goal("Move into a staff role at Globex", fixed_today - timedelta(days=9))
    add_goal("Say no to side projects", fixed_today - timedelta(days=5), kind="challenge")
    add_goal("Speak at a conference", fixed_today - timedelta(days=3))
    add_goal("Learn Rust", fixed_today - timedelta(days=2))
    mark_done(add_goal("Finish the course", fixed_today - timedelta(days=1)).id, fixed_today)
    b = prep_brief(ada.id, today=fixed_today)
    assert [(k, t, about) for _, k, t, about in b.goals] == [
        ("goal", "Move into a staff role at Globex", True), ("goal", "Learn Rust", False),
        ("goal", "Speak at a conference", False)]
    assert b.more_goals == 1 and b.as_json()["goals"][0]["mentions_them"] is True
    text = as_text(b, fixed_today)
    assert "Your goals\n  goal: Move into a staff role at Globex (about them)\n  goal: Learn Rust" in text
    assert "+1 more (kith goals)" in text and "Finish the course" not in text
