"""Provides hours: logging the time given to an engagement on a day, and reading it back.

A day holds 24 hours at most, across every engagement together; each entry keeps its own note.
Logging hours also records that the engagement's skills were used that month (Career's currency).
"""

from __future__ import annotations

from datetime import date, datetime

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid
from kith.store.volunteering import undo_steps
from kith.store.volunteering.common import DAY_MINUTES, MAX_NOTE, clean, day_value, not_future, parse_hours
from kith.store.volunteering.engagements import get_engagement
from kith.store.volunteering.records import HoursEntry, hours_text


def log_hours(engagement_id: int, hours, today: date, day: date | None = None, note: str = "") -> HoursEntry:
    """Log ``hours`` (``2``, ``1.5``, ``1:30``) given to the engagement on ``day`` (default today); undoable.

    Raises:
        NotFound: no such engagement.
        Invalid: hours not above 0, over 24, or over what is left of that day; a day ahead, or
            outside the engagement's start and end.
    """
    minutes = parse_hours(hours)
    day = not_future(day or today, today, "the day")
    note = clean(note, "note", MAX_NOTE, multiline=True)
    with undo.action("log hours") as draft:
        e = get_engagement(engagement_id)
        if day < e.started:
            raise Invalid("day", f"{day.isoformat()} is before {e.title} started ({e.started.isoformat()})")
        if e.ended and day > e.ended:
            raise Invalid("day", f"{day.isoformat()} is after {e.title} ended ({e.ended.isoformat()})")
        logged = db.execute_sql("SELECT coalesce(sum(minutes), 0) FROM volunteer_hours WHERE day = ?",
                                (day.isoformat(),)).fetchone()[0]
        if logged + minutes > DAY_MINUTES:
            raise Invalid("hours", f"{day.isoformat()} already holds {hours_text(logged)} h of volunteering; "
                                   f"{hours_text(minutes)} more would pass 24 hours")
        cur = db.execute_sql("INSERT INTO volunteer_hours (engagement_id, day, minutes, note, created) "
                             "VALUES (?, ?, ?, ?, ?)", (engagement_id, day.isoformat(), minutes, note, datetime.now()))
        undo_steps.added("volunteer_hours", cur.lastrowid)
        _skills_used(engagement_id, day, today)
        draft.summary = f"logged {hours_text(minutes)} h at {e.title} on {day.isoformat()}"
    return HoursEntry(cur.lastrowid, engagement_id, day, minutes, note)


def _skills_used(engagement_id: int, day: date, today: date) -> None:
    from kith.store.career.skills import mark_used

    month = f"{day.year:04d}-{day.month:02d}"
    for name, first, last in db.execute_sql(
            "SELECT s.name, s.first_used, s.last_used FROM engagement_skill es JOIN skill s ON s.id = es.skill_id "
            "WHERE es.engagement_id = ?", (engagement_id,)).fetchall():
        if not first or not last or month < first or month > last:
            mark_used(name, today, month)


def list_hours(engagement_id: int) -> list[HoursEntry]:
    """The engagement's hours, newest day first."""
    rows = db.execute_sql("SELECT id, engagement_id, day, minutes, note FROM volunteer_hours "
                          "WHERE engagement_id = ? ORDER BY day DESC, id DESC", (engagement_id,))
    return [HoursEntry(i, e, day_value(d), m, n) for i, e, d, m, n in rows]


def total_minutes(since: date | None = None) -> int:
    """Minutes given to every engagement together (since ``since`` when given)."""
    if since is None:
        return db.execute_sql("SELECT coalesce(sum(minutes), 0) FROM volunteer_hours").fetchone()[0]
    return db.execute_sql("SELECT coalesce(sum(minutes), 0) FROM volunteer_hours WHERE day >= ?",
                          (since.isoformat(),)).fetchone()[0]
