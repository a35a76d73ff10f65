"""Provides the job-search counts: informational interviews planned and held today and this week,
and the week's conversations, referrals gained and thank-yous sent (``kith week``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kith.store.core.db import db

II = "informational interview"


@dataclass(frozen=True)
class InterviewCounts:
    day_planned: int
    day_held: int
    week_planned: int
    week_held: int

    def as_json(self) -> dict:
        return {"day": {"planned": self.day_planned, "held": self.day_held},
                "week": {"planned": self.week_planned, "held": self.week_held}}


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of ``day``'s week."""
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def _planned(start: date, end: date) -> int:
    return db.execute_sql("SELECT count(*) FROM conversation_plan WHERE state = 'planned' AND kind = ? "
                          "AND day BETWEEN ? AND ?", (II, start.isoformat(), end.isoformat())).fetchone()[0]


def _held(start: date, end: date) -> int:
    # Touches of the kind count, planned or not: an interview logged by hand was held too.
    return db.execute_sql("SELECT count(*) FROM touch WHERE kind = ? AND date BETWEEN ? AND ?",
                          (II, start.isoformat(), end.isoformat())).fetchone()[0]


def interview_counts(today: date) -> InterviewCounts:
    """Informational interviews still planned and held, on ``today`` and in its week (Mon-Sun)."""
    start, end = week_of(today)
    return InterviewCounts(_planned(today, today), _held(today, today), _planned(start, end), _held(start, end))


@dataclass(frozen=True)
class WeekConversation:
    plan_id: int
    contact_id: int
    name: str
    kind: str
    day: date
    state: str
    referrals: tuple[str, ...]


@dataclass(frozen=True)
class Week:
    start: date
    end: date
    conversations: tuple[WeekConversation, ...]
    referrals: int
    thank_yous: int
    interviews: InterviewCounts

    def as_json(self) -> dict:
        return {
            "start": self.start.isoformat(), "end": self.end.isoformat(),
            "conversations": [{"plan_id": c.plan_id, "contact_id": c.contact_id, "name": c.name, "kind": c.kind,
                               "day": c.day.isoformat(), "state": c.state, "referrals": list(c.referrals)}
                              for c in self.conversations],
            "referrals_gained": self.referrals, "thank_yous_sent": self.thank_yous,
            "interviews": self.interviews.as_json(),
        }


def week(day: date, first_weekday: int = 0) -> Week:
    """The conversations of the week containing ``day`` (weeks start on ``first_weekday``, 0 = Monday):
    held on, or planned for, a day in it; the referrals they produced and the thank-yous sent in it.
    The interview counts are ``day``'s and that week's."""
    from kith.store.conversations.thanks import thanks_sent

    start = day - timedelta(days=(day.weekday() - first_weekday) % 7)
    end = start + timedelta(days=6)
    s, e = start.isoformat(), end.isoformat()
    rows = db.execute_sql(
        "SELECT p.id, p.contact_id, c.name, p.kind, coalesce(p.held_on, p.day), p.state FROM conversation_plan p "
        "JOIN contact c ON c.id = p.contact_id "
        "WHERE p.state != 'dropped' AND coalesce(p.held_on, p.day) BETWEEN ? AND ? "
        "ORDER BY coalesce(p.held_on, p.day), p.at, p.id", (s, e)).fetchall()
    refs: dict[int, list[str]] = {}
    for plan_id, name in db.execute_sql(
            "SELECT r.plan_id, c.name FROM conversation_referral r JOIN contact c ON c.id = r.contact_id "
            "JOIN conversation_plan p ON p.id = r.plan_id WHERE p.held_on BETWEEN ? AND ? ORDER BY r.id", (s, e)):
        refs.setdefault(plan_id, []).append(name)
    convs = tuple(WeekConversation(pid, cid, name, kind, date.fromisoformat(str(day)[:10]), state,
                                   tuple(refs.get(pid, ()))) for pid, cid, name, kind, day, state in rows)
    interviews = InterviewCounts(_planned(day, day), _held(day, day), _planned(start, end), _held(start, end))
    return Week(start, end, convs, sum(len(v) for v in refs.values()), thanks_sent(start, end), interviews)
