"""Provides snoozes: a Today-queue item hidden until a day, when it comes back by itself."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kith.store.core.db import db, write
from kith.store.core.errors import Invalid, NotFound

MAX_SNOOZE_DAYS = 3650


def active_snoozes(today: date) -> set[tuple[str, int, int]]:
    """Return the keys ``(source, contact_id, ref_id or 0)`` hidden on ``today``."""
    rows = db.execute_sql("SELECT source, contact_id, ref_id FROM snooze WHERE until > ?", (today.isoformat(),))
    return {(s, c, r) for s, c, r in rows}


def get_snooze(source: str, contact_id: int, ref_id: int | None) -> date | None:
    """Return the day the item comes back, or None when it is not snoozed (or never was)."""
    row = db.execute_sql("SELECT until FROM snooze WHERE source = ? AND contact_id = ? AND ref_id = ?",
                         (source, contact_id, ref_id or 0)).fetchone()
    return date.fromisoformat(row[0]) if row else None


def snooze(source: str, contact_id: int, ref_id: int | None, until: date, today: date) -> date | None:
    """Hide the item until ``until`` (it shows again on that day); return the previous until, if any.

    Raises:
        Invalid: ``until`` is not after ``today`` or absurdly far.
        NotFound: no such contact.
    """
    if until <= today:
        raise Invalid("until", f"snooze until a day after today ({today.isoformat()}), not {until.isoformat()}")
    if (until - today).days > MAX_SNOOZE_DAYS:
        raise Invalid("until", "snooze for at most ten years")
    with write():
        if db.execute_sql("SELECT 1 FROM contact WHERE id = ?", (contact_id,)).fetchone() is None:
            raise NotFound(f"no contact with id {contact_id}")
        previous = get_snooze(source, contact_id, ref_id)
        db.execute_sql(
            "INSERT INTO snooze (source, contact_id, ref_id, until, created) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (source, contact_id, ref_id) DO UPDATE SET until = excluded.until",
            (source, contact_id, ref_id or 0, until.isoformat(), datetime.now()))
    return previous


def restore(source: str, contact_id: int, ref_id: int | None, until: date | None) -> None:
    """Put a snooze back as it was (``None``: not snoozed); used by undo."""
    with write():
        if until is None:
            db.execute_sql("DELETE FROM snooze WHERE source = ? AND contact_id = ? AND ref_id = ?",
                           (source, contact_id, ref_id or 0))
        else:
            db.execute_sql("UPDATE snooze SET until = ? WHERE source = ? AND contact_id = ? AND ref_id = ?",
                           (until.isoformat(), source, contact_id, ref_id or 0))


def parse_span(text: str) -> timedelta:
    """Parse a snooze length: ``3d``, ``1w``, ``2 weeks``, ``10`` (days).

    Raises:
        ValueError: with a message that says what is accepted.
    """
    import re

    m = re.fullmatch(r"\s*(\d{1,4})\s*(d|day|days|w|wk|week|weeks)?\s*", text.lower())
    if not m or int(m.group(1)) == 0:
        raise ValueError(f"{text!r} is not a snooze length: use 3d, 1w or a number of days")
    n = int(m.group(1)) * (7 if (m.group(2) or "d").startswith("w") else 1)
    if n > MAX_SNOOZE_DAYS:
        raise ValueError("snooze for at most ten years")
    return timedelta(days=n)


def clear_expired(today: date) -> int:
    """Delete snoozes that have run out; return how many."""
    with write():
        return db.execute_sql("DELETE FROM snooze WHERE until <= ?", (today.isoformat(),)).rowcount
