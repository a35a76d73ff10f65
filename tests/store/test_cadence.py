"""Tests of the cadence rule: next due, states, restart on touch, leap days and year ends."""

from datetime import date, datetime, timedelta

import pytest

from kith.store.people.contacts import create_contact, get_contact
from kith.store.people.touches import delete_touch, log_touch
from kith.store.today.cadence import DUE, DUE_SOON, ON_TRACK, OVERDUE, effective_cadence, next_due, state_of, status
from kith.store.today.queue import QueueContext
from kith.store.today.sources import birthday_on, cadence_items, next_birthday
from kith.tui.settings import REASON_WORDS

TIERS = {"inner": 14, "close": 30, "network": 90, "dormant": 0}


@pytest.mark.parametrize("last, days, due", [
    (date(2026, 1, 31), 30, date(2026, 3, 2)),     # through a short February
    (date(2028, 1, 31), 30, date(2028, 3, 1)),     # leap year: Feb has 29 days
    (date(2028, 2, 28), 1, date(2028, 2, 29)),
    (date(2028, 2, 29), 365, date(2029, 2, 28)),   # a year after a leap day, by days
    (date(2026, 2, 28), 1, date(2026, 3, 1)),
    (date(2026, 12, 31), 1, date(2027, 1, 1)),     # year end
    (date(2026, 12, 20), 14, date(2027, 1, 3)),
    (date(2026, 1, 31), 1, date(2026, 2, 1)),      # month end
])
def test_next_due_is_plain_day_arithmetic(last, days, due):
    assert next_due(last, date(2020, 1, 1), days) == due


def test_never_touched_counts_from_creation_and_accepts_datetimes():
    assert next_due(None, date(2026, 1, 31), 30) == date(2026, 3, 2)
    assert next_due(None, datetime(2026, 1, 31, 23, 59), 30) == date(2026, 3, 2)


def test_no_cadence_means_never_due():
    assert next_due(date(2026, 1, 1), date(2025, 1, 1), None) is None
    assert next_due(date(2026, 1, 1), date(2025, 1, 1), 0) is None
    assert status(None, date(2025, 1, 1), None, date(2026, 1, 1)) is None


def test_effective_cadence_own_wins_and_zero_means_never():
    assert effective_cadence(None, "close", TIERS) == 30
    assert effective_cadence(7, "close", TIERS) == 7
    assert effective_cadence(0, "close", TIERS) is None
    assert effective_cadence(None, "dormant", TIERS) is None
    assert effective_cadence(None, "unknown-tier", TIERS) is None


@pytest.mark.parametrize("offset, state", [(-30, ON_TRACK), (-8, ON_TRACK), (-7, DUE_SOON), (-1, DUE_SOON),
                                           (0, DUE), (1, OVERDUE), (400, OVERDUE)])
def test_states_around_the_window(offset, state):
    today = date(2026, 3, 16)
    assert state_of(today - timedelta(days=offset), today, 7) == state


def test_status_counts_days_overdue_across_feb_29():
    s = status(date(2028, 1, 31), date(2020, 1, 1), 30, date(2028, 3, 3), due_soon_days=7)
    assert (s.due, s.days_overdue, s.state) == (date(2028, 3, 1), 2, OVERDUE)
    s = status(date(2026, 12, 25), date(2020, 1, 1), 14, date(2027, 1, 1))
    assert (s.due, s.days_overdue, s.state) == (date(2027, 1, 8), -7, DUE_SOON)


def _cadence(today):
    return {i.contact_id: i for i in cadence_items(QueueContext(today, TIERS, words=REASON_WORDS))}


def test_logging_a_touch_restarts_the_cadence(db):
    today = date(2026, 3, 16)
    c = create_contact("Ada Lovelace", tier="close")
    log_touch(c.id, "coffee", today - timedelta(days=42), "")
    item = _cadence(today)[c.id]
    assert item.reason == "overdue 12 d · every 30 d · last: coffee 42 d ago"
    assert item.due == date(2026, 3, 4) and item.state == OVERDUE
    touch = log_touch(c.id, "call", today, "")
    assert c.id not in _cadence(today)
    assert c.id in _cadence(today + timedelta(days=30))  # due again a cadence later
    assert _cadence(today + timedelta(days=30))[c.id].reason.startswith("due today · every 30 d · last: call 30 d")
    delete_touch(touch.id)  # removing the touch brings the old due date back
    assert _cadence(today)[c.id].reason.startswith("overdue 12 d")


def test_an_older_touch_logged_late_does_not_move_the_cadence_back(db):
    today = date(2026, 3, 16)
    c = create_contact("Grace Hopper", tier="inner")
    log_touch(c.id, "call", today - timedelta(days=3), "")
    log_touch(c.id, "email", today - timedelta(days=40), "")  # back-filled
    assert get_contact(c.id).last_touch_on == today - timedelta(days=3)
    assert c.id not in _cadence(today)


def test_never_contacted_reason(db):
    c = create_contact("New Person", tier="close")
    created = get_contact(c.id).created.date()
    item = _cadence(created + timedelta(days=35))[c.id]
    assert item.reason == "overdue 5 d · every 30 d · never contacted (added 35 d ago)"


def test_own_cadence_and_job_search_tiers(db):
    today = date(2026, 3, 16)
    own = create_contact("Own Cadence", tier="network", cadence_days=7)
    tier = create_contact("Tier Cadence", tier="network")
    for c in (own, tier):
        log_touch(c.id, "email", today - timedelta(days=50), "")
    steady = {i.contact_id for i in cadence_items(QueueContext(today, TIERS))}
    job = {i.contact_id for i in cadence_items(QueueContext(today, {**TIERS, "network": 45}))}
    assert steady == {own.id} and job == {own.id, tier.id}


@pytest.mark.parametrize("year, day", [(2026, date(2026, 2, 28)), (2027, date(2027, 2, 28)),
                                       (2028, date(2028, 2, 29)), (2100, date(2100, 2, 28))])
def test_feb_29_birthday_is_celebrated_feb_28_in_other_years(year, day):
    assert birthday_on(2, 29, year) == day


def test_next_birthday_crosses_the_year_end():
    assert next_birthday(1, 2, date(2026, 12, 30)) == date(2027, 1, 2)
    assert next_birthday(12, 30, date(2026, 12, 30)) == date(2026, 12, 30)
    assert next_birthday(2, 29, date(2027, 3, 1)) == date(2028, 2, 29)
    assert next_birthday(2, 29, date(2026, 2, 28)) == date(2026, 2, 28)


def test_the_queue_lists_exactly_the_contacts_the_rule_says_are_due(db):
    """The cadence source reads index ranges per tier; the rule (``status``) is the reference, over
    tiers on a cadence, a tier without one (dormant), a tier the config does not know, own cadences
    (0 means never), never-touched contacts added on different days, and archived ones."""
    import random

    from kith.store.core.db import db as conn
    from kith.store.people.contacts import set_archived

    rng = random.Random(19)
    start = date(2026, 1, 1)
    for n in range(240):
        c = create_contact(f"P{n}", tier=rng.choice(["inner", "close", "network", "dormant", "mentor-ish"]),
                           cadence_days=rng.choice([None, None, None, 0, 7, 45]), strength=rng.randint(1, 5))
        added = datetime(2026, 1, 1, rng.randint(0, 23), 30) + timedelta(days=rng.randint(0, 60))
        conn.execute_sql("UPDATE contact SET created = ? WHERE id = ?", (added.isoformat(" "), c.id))
        if rng.random() < 0.7:
            log_touch(c.id, rng.choice(["coffee", "email"]), start + timedelta(days=rng.randint(0, 120)), "")
        if rng.random() < 0.1:
            set_archived(c.id, True)
    for today in (date(2026, 2, 20), date(2026, 4, 1), date(2026, 5, 30)):
        expected = {}
        for row in conn.execute_sql("SELECT id, tier, cadence_days, last_touch_on, created FROM contact "
                                    "WHERE archived = 0").fetchall():
            cid, tier, own, last, created = row
            days = effective_cadence(own, tier, TIERS)
            s = status(date.fromisoformat(last) if last else None, date.fromisoformat(created[:10]), days, today)
            if s and s.days_overdue >= 0:
                expected[cid] = (s.due, days)
        got = _cadence(today)
        assert {cid: (i.due, int(i.reason.split("every ")[1].split(" d")[0])) for cid, i in got.items()} == expected
        assert len(expected) > 20


def test_a_config_with_hundreds_of_tiers_is_asked_in_batches(db):
    # SQLite refuses a compound SELECT of more than 500 parts; each tier on a cadence adds two.
    today = date(2026, 3, 16)
    tiers = {f"t{n}": 10 + n % 40 for n in range(600)}
    people = {}
    for n in (0, 199, 200, 401, 599):
        c = create_contact(f"P{n}", tier=f"t{n}")
        log_touch(c.id, "email", today - timedelta(days=tiers[f"t{n}"]), "")  # due today
        people[c.id] = tiers[f"t{n}"]
    got = {i.contact_id: i for i in cadence_items(QueueContext(today, tiers, words=REASON_WORDS))}
    assert {cid: i.due for cid, i in got.items()} == {cid: today for cid in people}
    assert all(got[cid].reason.startswith(f"due today · every {days} d") for cid, days in people.items())
