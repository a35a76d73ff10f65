"""Tests of the Today queue: sources, ranking and reasons, snoozes, review actions and undo."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from kith.store.core.errors import Invalid, NotFound
from kith.store.people.contacts import create_contact, set_archived, update_contact
from kith.store.people.followups import add_follow_up, get_follow_up, list_follow_ups
from kith.store.people.touches import list_touches
from kith.store.today import queue, review
from kith.store.today.queue import QueueContext, QueueItem, build_queue, source
from kith.store.today.snoozes import get_snooze, parse_span, snooze
from kith.tui.config import Config, TodayConfig
from kith.tui.settings import REASON_WORDS, context_for

TODAY = date(2026, 3, 16)
TIERS = {"inner": 14, "close": 30, "network": 90, "dormant": 0}


def ctx(today=TODAY, **kw) -> QueueContext:
    """The context the interface builds: reasons worded by tui/format.py."""
    return QueueContext(today, TIERS, **{"words": REASON_WORDS, **kw})


def touched(name, days_ago, tier="close", kind="coffee", **fields):
    from kith.store.people.touches import log_touch

    c = create_contact(name, tier=tier, **fields)
    if days_ago is not None:
        log_touch(c.id, kind, TODAY - timedelta(days=days_ago), "")
    return c


def test_order_and_reasons(db):
    ada = touched("Ada", 42)                      # close, 12 d overdue
    bob = touched("Bob", 14, tier="inner")        # due today, inner
    cy = touched("Cy", 120, tier="network")       # 30 d overdue on 90
    touched("Dee", 3)                             # on track: not listed
    fu = add_follow_up(bob.id, TODAY - timedelta(days=2), "Send the deck")
    items = build_queue(ctx())
    got = [(i.source, i.contact_name, i.reason) for i in items]
    assert got == [
        ("follow-up", "Bob", "follow-up overdue 2 d: Send the deck"),
        ("cadence", "Ada", "overdue 12 d · every 30 d · last: coffee 42 d ago"),
        ("cadence", "Bob", "due today · every 14 d · last: coffee 14 d ago"),
        ("cadence", "Cy", "overdue 30 d · every 90 d · last: coffee 4 mo ago"),  # as every list words 120 d
    ]
    assert items[0].ref_id == fu.id and items[0].state == "overdue" and items[2].state == "due"
    assert [i.days_overdue(TODAY) for i in items] == [2, 12, 0, 30]
    assert items[1].contact_id == ada.id and items[3].contact_id == cy.id


def test_score_weighs_tier_and_strength(db):
    weak = touched("Weak", 60, strength=1)
    strong = touched("Strong", 60, strength=5)
    inner = touched("Inner", 28, tier="inner", strength=1)  # same ratio (1 cadence late), better tier
    order = [i.contact_id for i in build_queue(ctx())]
    assert order == [strong.id, inner.id, weak.id]


def test_archived_and_no_cadence_contacts_are_left_out(db):
    a = touched("Archived", 100)
    set_archived(a.id)
    touched("Dormant", 500, tier="dormant")
    touched("Never", 500, cadence_days=0)
    assert build_queue(ctx()) == []


def test_birthdays_in_window_with_feb_29_policy(db):
    create_contact("Leap", birthday_month=2, birthday_day=29, birthday_year=1992, cadence_days=0)
    create_contact("Far", birthday_month=6, birthday_day=1, cadence_days=0)
    items = build_queue(ctx(date(2026, 2, 25)))
    assert [(i.source, i.due, i.reason, i.state) for i in items] == [
        ("birthday", date(2026, 2, 28), "birthday in 3 d, 28 Feb (turns 34)", "due-soon")]
    on_day = build_queue(ctx(date(2026, 2, 28)))[0]
    assert on_day.reason == "birthday today (turns 34)" and on_day.state == "due"
    assert build_queue(ctx(date(2026, 3, 1))) == []
    assert build_queue(ctx(date(2028, 2, 28)))[0].reason == "birthday in 1 d, 29 Feb (turns 36)"


def test_birthday_window_crosses_the_year_end(db):
    create_contact("Jan", birthday_month=1, birthday_day=3, cadence_days=0)
    items = build_queue(ctx(date(2026, 12, 29)))
    assert [(i.due, i.reason) for i in items] == [(date(2027, 1, 3), "birthday in 5 d, 3 Jan")]


def test_snooze_hides_until_the_day_then_it_returns(db):
    c = touched("Ada", 42)
    item = build_queue(ctx())[0]
    assert snooze(item.source, c.id, None, TODAY + timedelta(days=3), TODAY) is None
    assert build_queue(ctx()) == []
    assert build_queue(ctx(TODAY + timedelta(days=2))) == []
    back = build_queue(ctx(TODAY + timedelta(days=3)))
    assert [i.contact_id for i in back] == [c.id] and back[0].reason.startswith("overdue 15 d")


def test_snooze_is_per_item(db):
    c = touched("Ada", 42)
    fu = add_follow_up(c.id, TODAY, "Call back")
    snooze("follow-up", c.id, fu.id, TODAY + timedelta(days=1), TODAY)
    assert [i.source for i in build_queue(ctx())] == ["cadence"]


def test_snooze_refuses_today_or_the_past(db):
    c = touched("Ada", 42)
    with pytest.raises(Invalid):
        snooze("cadence", c.id, None, TODAY, TODAY)
    with pytest.raises(NotFound):
        snooze("cadence", 9999, None, TODAY + timedelta(days=1), TODAY)


@pytest.mark.parametrize("text, days", [("3d", 3), ("1w", 7), ("2 weeks", 14), ("10", 10), ("1 day", 1)])
def test_parse_span(text, days):
    assert parse_span(text) == timedelta(days=days)


@pytest.mark.parametrize("text", ["", "0d", "soon", "-3d", "3m", "99999"])
def test_parse_span_refuses(text):
    with pytest.raises(ValueError):
        parse_span(text)


def test_review_actions_and_undo_in_the_store(db):
    ada, bob = touched("Ada", 42), touched("Bob", 50)
    fu = add_follow_up(bob.id, TODAY, "Send the deck")
    items = {(i.source, i.contact_name): i for i in build_queue(ctx())}

    review.log_touch(items["cadence", "Ada"], "coffee", TODAY, "talked roadmap", TODAY)
    review.snooze(items["cadence", "Bob"], TODAY + timedelta(days=7), TODAY)
    review.mark_done(items["follow-up", "Bob"], TODAY)
    assert build_queue(ctx()) == []
    p = review.progress(TODAY)
    assert (p.touched, p.snoozed, p.done) == (1, 1, 1) and len(p.handled_keys) == 3

    assert review.undo_last(TODAY).action == "done"
    assert get_follow_up(fu.id).done is False
    assert review.undo_last(TODAY).action == "snooze"
    assert get_snooze("cadence", bob.id, None) is None
    undone = review.undo_last(TODAY)
    assert (undone.action, undone.contact_name) == ("touch", "Ada")
    assert [t.note for t in list_touches(ada.id)] == [""]  # the logged touch is gone
    assert review.undo_last(TODAY) is None
    assert len(build_queue(ctx())) == 3
    assert review.progress(TODAY).handled_keys == frozenset()


def test_touch_on_a_follow_up_item_closes_it_and_undo_reopens(db):
    c = touched("Ada", 2)
    fu = add_follow_up(c.id, TODAY, "Thank-you note")
    item = build_queue(ctx())[0]
    review.log_touch(item, "email", TODAY, "sent it", TODAY)
    assert get_follow_up(fu.id).done and build_queue(ctx()) == []
    review.undo_last(TODAY)
    assert not get_follow_up(fu.id).done and len(list_touches(c.id)) == 1


def test_touch_on_a_birthday_hides_it_until_after_the_day(db):
    create_contact("Bday", birthday_month=3, birthday_day=18, cadence_days=0)
    item = build_queue(ctx())[0]
    review.log_touch(item, "message", TODAY, "", TODAY)
    assert build_queue(ctx()) == [] and build_queue(ctx(date(2026, 3, 18))) == []
    review.undo_last(TODAY)
    assert len(build_queue(ctx())) == 1


def test_undo_snooze_restores_an_earlier_snooze(db):
    c = touched("Ada", 42)
    item = build_queue(ctx())[0]
    snooze("cadence", c.id, None, TODAY + timedelta(days=2), TODAY)
    review.snooze(item, TODAY + timedelta(days=30), TODAY)
    review.undo_last(TODAY)
    assert get_snooze("cadence", c.id, None) == TODAY + timedelta(days=2)


def test_add_follow_up_from_the_queue_and_undo(db):
    c = touched("Ada", 42)
    item = build_queue(ctx())[0]
    review.add_follow_up(item, TODAY + timedelta(days=7), "Book coffee", TODAY)
    assert [f.what for f in list_follow_ups(c.id)] == ["Book coffee"]
    assert review.progress(TODAY).follow_ups_added == 1
    review.undo_last(TODAY)
    assert list_follow_ups(c.id) == []


def test_mark_done_refuses_a_cadence_item(db):
    touched("Ada", 42)
    with pytest.raises(NotFound):
        review.mark_done(build_queue(ctx())[0], TODAY)


def test_undo_is_per_day(db):
    touched("Ada", 42)
    review.snooze(build_queue(ctx())[0], TODAY + timedelta(days=1), TODAY)
    assert review.undo_last(TODAY + timedelta(days=1)) is None


def test_daily_counts_split_interviews_and_outreach(db):
    from kith.store.people.touches import log_touch

    c = create_contact("Ada")
    log_touch(c.id, "informational interview", TODAY, "")
    log_touch(c.id, "email", TODAY, "")
    log_touch(c.id, "call", TODAY, "")
    log_touch(c.id, "call", TODAY - timedelta(days=1), "")
    assert review.daily_counts(TODAY) == review.DailyCounts(1, 2)


def test_a_new_source_plugs_in(db, monkeypatch):
    c = create_contact("Mentor", cadence_days=0)
    monkeypatch.setattr(queue, "SOURCES", dict(queue.SOURCES))

    @source("give-back")
    def give_back(context):
        return [QueueItem("give-back", c.id, "Mentor", context.today, 9.0, "received 4, given 0", ref_id=1)]

    items = build_queue(ctx())
    assert [(i.source, i.reason) for i in items] == [("give-back", "received 4, given 0")]
    snooze("give-back", c.id, 1, TODAY + timedelta(days=1), TODAY)
    assert build_queue(ctx()) == []


def test_context_from_config_applies_the_mode():
    steady = context_for(Config(), TODAY)
    job = context_for(replace(Config(), mode="job-search", today=TodayConfig(job_search_cadence_factor=0.5)), TODAY)
    assert steady.tier_cadence == {"inner": 14, "close": 30, "network": 90, "dormant": 0}
    assert job.tier_cadence == {"inner": 7, "close": 15, "network": 45, "dormant": 0}
    # Typed settings now (QueueSettings), no longer a dict of config sections: same facts.
    assert job.settings.mode == "job-search" and job.settings.give_back_margin == Config().mentors.give_back_margin
    assert steady.due_soon_days == 7


def test_a_contact_renamed_keeps_its_queue_row(db):
    c = touched("Ada", 42)
    update_contact(c.id, {"name": "Ada King"})
    assert build_queue(ctx())[0].contact_name == "Ada King"


def test_upcoming_lists_the_next_dues_soonest_first(db):
    from kith.store.today.sources import upcoming

    touched("Later", 5)                     # close: due in 25 d
    soon = touched("Soon", 10, tier="inner")  # due in 4 d
    touched("Due", 50)                      # already due: not upcoming
    touched("Never", 1, tier="dormant")
    got = upcoming(ctx(), limit=5)
    assert [(i.contact_name, i.reason, i.state) for i in got] == [
        ("Soon", "due in 4 d · every 14 d", "due-soon"), ("Later", "due in 25 d · every 30 d", "on-track")]
    assert got[0].contact_id == soon.id and got[0].due == TODAY + timedelta(days=4)
