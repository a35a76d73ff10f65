"""Today stays short: slow sources on one weekday each, at most N slow items a day, sources off in
config, items about no one; and the career sources (certification expiry, income, skills)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kith.store.career.income import add_income
from kith.store.career.learning import add_learning
from kith.store.career.settings import CareerSettings
from kith.store.career.skills import add_skill
from kith.store.people.contacts import create_contact
from kith.store.today import queue
from kith.store.today.queue import QueueContext, QueueItem, QueueSettings, build_queue, cap_slow, slow_day, source

TODAY = date(2026, 3, 16)
TIERS = {"inner": 14, "close": 30, "network": 90, "dormant": 0}


def ctx(day=TODAY, sources_off=(), slow_per_day=3, career=None) -> QueueContext:
    areas = {"career": CareerSettings(**career)} if career else {}
    settings = QueueSettings(sources_off=frozenset(sources_off), slow_per_day=slow_per_day, areas=areas)
    return QueueContext(day, TIERS, settings=settings)


def week(start=TODAY, **kw) -> dict[date, list[QueueItem]]:
    return {start + timedelta(days=n): build_queue(ctx(start + timedelta(days=n), **kw)) for n in range(7)}


@pytest.fixture
def many_slow_sources(monkeypatch):
    """Ten extra slow sources of five items each (restored after the test)."""
    monkeypatch.setattr(queue, "SOURCES", dict(queue.load_sources()))
    monkeypatch.setattr(queue, "SLOW", set(queue.SLOW))
    monkeypatch.setattr(queue, "load_sources", lambda: queue.SOURCES)
    for n in range(10):
        def make(name):
            def items(c):
                return [QueueItem(name, None, f"{name} {i}", c.today, 0.1 * i, f"why {i}", i) for i in range(5)]
            return items
        source(f"test-slow-{n}", slow=True)(make(f"test-slow-{n}"))
    return [f"test-slow-{n}" for n in range(10)]


def test_each_slow_source_shows_on_one_day_a_week_and_at_most_three_a_day(db, many_slow_sources):
    days = week()
    for day, items in days.items():
        slow = [i for i in items if i.source in queue.SLOW]
        assert len(slow) <= 3, day
        assert all(slow_day(i.source, day) for i in slow)  # only the sources whose weekday it is
    for name in many_slow_sources:
        shown_on = [day for day, items in days.items() if any(i.source == name for i in items)]
        assert len(shown_on) <= 1 and sum(slow_day(name, d) for d in days) == 1


def test_the_daily_cap_is_configurable_and_zero_turns_slow_nudges_off(db, many_slow_sources):
    assert max(len([i for i in items if i.source in queue.SLOW]) for items in week(slow_per_day=1).values()) == 1
    assert not any(i.source in queue.SLOW for items in week(slow_per_day=0).values() for i in items)


def test_cap_takes_each_sources_best_before_anyones_second():
    items = [QueueItem("a", None, "a", TODAY, s, "", n) for n, s in enumerate((0.9, 0.8, 0.7))]
    items += [QueueItem("b", None, "b", TODAY, 0.1, "", 9)]
    assert [(i.source, i.score) for i in cap_slow(items, 3)] == [("a", 0.9), ("b", 0.1), ("a", 0.8)]


def test_people_come_first_and_a_source_can_be_turned_off(db):
    from kith.store.people.touches import log_touch

    ada = create_contact("Ada", tier="inner")
    log_touch(ada.id, "coffee", TODAY - timedelta(days=100), "")  # long overdue all week
    add_learning("CKA", TODAY, kind="certification", status="done", expires=TODAY + timedelta(days=10))
    items = [i for day in week().values() for i in day]
    certs = [i for i in items if i.source == "certification"]
    assert len(certs) == 1
    day_items = next(v for v in week().values() if any(i.source == "certification" for i in v))
    assert [i.source for i in day_items][0] == "cadence"  # the person outranks the slow nudge
    assert not any(i.source == "certification" for d in week(sources_off=["certification"]).values() for i in d)
    assert not any(i.source == "cadence" for d in week(sources_off=["cadence"]).values() for i in d)


def _career_items(name: str, **kw) -> list[QueueItem]:
    return [i for day in week(**kw).values() for i in day if i.source == name]


def test_certification_expiry_in_today_within_60_days(db):
    add_learning("CKA", TODAY, kind="certification", status="done", expires=TODAY + timedelta(days=60))
    add_learning("AWS SA", TODAY, kind="certification", status="done", expires=TODAY + timedelta(days=75))
    add_learning("Dropped cert", TODAY, kind="certification", status="dropped", expires=TODAY + timedelta(days=5))
    (item,) = _career_items("certification")
    assert item.contact_id is None and item.contact_name == "CKA" and item.area == "career"
    assert "certification expires in" in item.reason
    js = item.as_json(TODAY)
    assert js["contact_id"] is None and js["why"] == js["reason"] == item.reason and js["name"] == "CKA"
    both = _career_items("certification", career={"certification_warn_days": 80})
    assert sorted(i.contact_name for i in both) == ["AWS SA", "CKA"] and len({i.due for i in both}) == 2
    shown_on = {d for d, items in week(career={"certification_warn_days": 80}).items()
                if any(i.source == "certification" for i in items)}
    assert len(shown_on) == 1  # the source's day of the week: both certificates that day


def test_income_nudge_at_most_monthly_when_one_stream_dominates(db):
    add_income("Salary", "salary", "9000", TODAY, "EUR", date(2025, 1, 1))
    add_income("Blog", "writing", "100", TODAY, "EUR", date(2025, 1, 1))
    add_income("Course", "teaching", "100", TODAY, "EUR", date(2025, 1, 1))
    month = [date(2026, 4, 1) + timedelta(days=n) for n in range(30)]
    shown = [d for d in month for i in build_queue(ctx(d)) if i.source == "income"]
    assert len(shown) == 1 and shown[0].day <= 7
    (item,) = [i for i in build_queue(ctx(shown[0])) if i.source == "income"]
    assert "97.8% of your EUR income" in item.reason and "target" not in item.reason
    assert not [i for d in month for i in build_queue(ctx(d, career={"largest_share_percent": 99}))
                if i.source == "income"]


def test_no_income_nudge_for_someone_who_does_not_track_income(db):
    month = [date(2026, 4, 1) + timedelta(days=n) for n in range(7)]
    assert not [i for d in month for i in build_queue(ctx(d)) if i.source == "income"]


def test_stale_and_emerging_skill_nudges(db):
    add_skill("Fortran", TODAY, used="2020-01", depth=4)
    add_skill("Rust", TODAY, emerging=True)
    add_skill("Python", TODAY, used="2026-03")
    assert [i.contact_name for i in _career_items("stale-skill")] == ["Fortran"]
    (emerging,) = _career_items("emerging-skill")
    assert emerging.contact_name == "Rust" and "no learning" in emerging.reason
    add_learning("Rust book", TODAY, skills=("Rust",), status="doing")
    assert not _career_items("emerging-skill")
