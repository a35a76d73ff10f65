"""Provides the weekly review's numbers: the past seven days, and the streak of good weeks.

The week reviewed is the seven days before ``today`` (today itself is not over). Conversations
are touches of the kinds that are real conversations; commitments kept are those reviewed as
kept at a check-in that week; pitches rehearsed count rehearsals.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta

from kith.store.core.db import db

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
    """Weeks in a row (ending with this one) with at least ``streak_min`` touches."""
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
    """The numbers of the seven days before ``today``."""
    start, end = today - timedelta(days=7), today - timedelta(days=1)
    span = (start.isoformat(), end.isoformat())
    kinds = ",".join("?" * len(CONVERSATION_KINDS))
    kept = 0
    if _has_table("commitment"):
        kept = _one("SELECT count(*) FROM commitment m JOIN check_in c ON c.id = m.reviewed_in_id "
                    "WHERE m.outcome = 'kept' AND c.date BETWEEN ? AND ?", span)
    rehearsed = 0
    if _has_table("rehearsal"):
        rehearsed = _one("SELECT count(*) FROM rehearsal WHERE date(created) BETWEEN ? AND ?", span)
    return Week(
        start, end,
        touches=_one("SELECT count(*) FROM touch WHERE date BETWEEN ? AND ?", span),
        conversations=_one(f"SELECT count(*) FROM touch WHERE date BETWEEN ? AND ? AND kind IN ({kinds})",
                           (*span, *CONVERSATION_KINDS)),
        introductions_made=_one(
            "SELECT count(*) FROM touch WHERE date BETWEEN ? AND ? AND kind = 'introduction'", span),
        introductions_received=_one("SELECT count(*) FROM contact WHERE introduced_by_id IS NOT NULL "
                                    "AND date(created) BETWEEN ? AND ?", span),
        new_people=_one("SELECT count(*) FROM contact WHERE date(created) BETWEEN ? AND ?", span),
        commitments_kept=kept, pitches_rehearsed=rehearsed,
        streak=streak(today, streak_min), streak_min=streak_min,
    )
