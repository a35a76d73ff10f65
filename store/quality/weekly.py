"""Provides the weekly review's numbers: one week's touches and more, and the streak of good weeks.

Weeks start on the weekly-review day (Monday by default, so calendar weeks). On that day Today
opens with the week before (``past_week``); ``kith week --date DAY`` shows the week containing
DAY. Conversations are touches of the kinds that are real conversations; commitments kept are
those reviewed as kept at a check-in that week; pitches rehearsed count rehearsals. A dismissed
review stays hidden for the rest of that day (``dismiss``; ``undismiss`` brings it back).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from kith.store.core.db import db, write

CONVERSATION_KINDS = ("coffee", "call", "meeting", "informational interview", "check-in")


@dataclass(frozen=True)
class Week:
    start: date
    end: date
    touches: int
    conversations: int
    introductions_made: int
    introductions_received: int
    new_people: int
    commitments_kept: int
    pitches_rehearsed: int
    streak: int
    """Weeks in a row (ending with this one, or the one before while this one is under way) with at
    least ``streak_min`` touches."""
    streak_min: int

    def as_json(self) -> dict:
        d = asdict(self)
        d["start"], d["end"] = self.start.isoformat(), self.end.isoformat()
        return d

    def lines(self) -> list[str]:
        return [
            f"week {self.start.isoformat()} to {self.end.isoformat()}",
            f"  touches: {self.touches} ({self.conversations} conversations)",
            f"  introductions: {self.introductions_made} made, {self.introductions_received} received",
            f"  new people: {self.new_people}",
            f"  commitments kept: {self.commitments_kept}",
            f"  pitches rehearsed: {self.pitches_rehearsed}",
            f"  streak: {self.streak} week{'s' if self.streak != 1 else ''} with at least {self.streak_min} touches",
        ]


def _one(sql: str, args) -> int:
    return db.execute_sql(sql, args).fetchone()[0] or 0


def _has_table(name: str) -> bool:
    return bool(db.execute_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone())


def week_start(day: date, first_weekday: int = 0) -> date:
    """The first day (weekday ``first_weekday``, 0 = Monday) of the week containing ``day``."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def streak(today: date, minimum: int, max_weeks: int = 520) -> int:
    """Consecutive 7-day weeks, counting back from the one before ``today``, with >= ``minimum`` touches."""
    start = today - timedelta(days=7 * max_weeks)
    counts: dict[int, int] = {}
    for day, n in db.execute_sql("SELECT date, count(*) FROM touch WHERE date >= ? AND date < ? GROUP BY date",
                                 (start.isoformat(), today.isoformat())):
        back = (today - date.fromisoformat(day)).days - 1
        counts[back // 7] = counts.get(back // 7, 0) + n
    weeks = 0
    while weeks < max_weeks and counts.get(weeks, 0) >= max(minimum, 1):
        weeks += 1
    return weeks


def week(today: date, streak_min: int = 3) -> Week:
    """The numbers of the seven days before ``today`` (today itself is not over)."""
    return week_of_span(today - timedelta(days=7), streak_min, today=today)


def past_week(today: date, first_weekday: int = 0, streak_min: int = 3) -> Week:
    """What the weekly review shows on ``today``: the last whole week (weeks start on ``first_weekday``)."""
    return week_of_span(week_start(today, first_weekday) - timedelta(days=7), streak_min, today=today)


def week_containing(day: date, today: date, first_weekday: int = 0, streak_min: int = 3) -> Week:
    """The week (starting on ``first_weekday``) that contains ``day``; ``today`` bounds the streak."""
    return week_of_span(week_start(day, first_weekday), streak_min, today=today)


def week_of_span(start: date, streak_min: int, *, today: date) -> Week:
    """The numbers of the seven days from ``start``."""
    end = start + timedelta(days=6)
    span = (start.isoformat(), end.isoformat())
    kinds = ",".join("?" * len(CONVERSATION_KINDS))
    kept = 0
    if _has_table("commitment"):
        kept = _one("SELECT count(*) FROM commitment m JOIN check_in c ON c.id = m.reviewed_in_id "
                    "WHERE m.outcome = 'kept' AND c.date BETWEEN ? AND ?", span)
    rehearsed = 0
    if _has_table("rehearsal"):
        rehearsed = _one("SELECT count(*) FROM rehearsal WHERE date(created) BETWEEN ? AND ?", span)
    touches = _one("SELECT count(*) FROM touch WHERE date BETWEEN ? AND ?", span)
    # The streak ends with this week once it is over or has enough; while under way, with the one before.
    after = end + timedelta(days=1)
    if after > today and touches < max(streak_min, 1):
        after = start
    return Week(
        start, end, touches=touches,
        conversations=_one(f"SELECT count(*) FROM touch WHERE date BETWEEN ? AND ? AND kind IN ({kinds})",
                           (*span, *CONVERSATION_KINDS)),
        **_introductions(span),
        new_people=_one("SELECT count(*) FROM contact WHERE date(created) BETWEEN ? AND ?", span),
        commitments_kept=kept, pitches_rehearsed=rehearsed,
        streak=streak(after, streak_min), streak_min=streak_min,
    )


def _introductions(span: tuple[str, str]) -> dict[str, int]:
    if _has_table("introduction"):  # the ledger: "you introduced X and Y" / "X introduced you to Y"
        return {"introductions_made": _one("SELECT count(*) FROM introduction WHERE by_id IS NULL "
                                           "AND day BETWEEN ? AND ?", span),
                "introductions_received": _one("SELECT count(*) FROM introduction WHERE by_id IS NOT NULL "
                                               "AND first_id IS NULL AND day BETWEEN ? AND ?", span)}
    return {"introductions_made": _one("SELECT count(*) FROM touch WHERE date BETWEEN ? AND ? "
                                       "AND kind = 'introduction'", span),
            "introductions_received": _one("SELECT count(*) FROM contact WHERE introduced_by_id IS NOT NULL "
                                           "AND date(created) BETWEEN ? AND ?", span)}


# -- showing the review on its day -------------------------------------------------------------------


def is_review_day(today: date, review_weekday: int) -> bool:
    return today.weekday() == review_weekday


def dismissed(today: date) -> bool:
    """Whether the weekly review was put away on ``today``."""
    return bool(db.execute_sql("SELECT 1 FROM weekly_review_dismissal WHERE day = ?",
                               (today.isoformat(),)).fetchone())


def dismiss(today: date) -> None:
    """Put the weekly review away for the rest of ``today`` (it comes back next week)."""
    with write():
        db.execute_sql("INSERT INTO weekly_review_dismissal (day, created) VALUES (?, ?) ON CONFLICT (day) DO NOTHING",
                       (today.isoformat(), datetime.now()))


def undismiss(today: date) -> None:
    """Show the weekly review again on ``today``."""
    with write():
        db.execute_sql("DELETE FROM weekly_review_dismissal WHERE day = ?", (today.isoformat(),))
