"""Provides the daily review's actions on queue items, each undoable, and the day's progress.

Every action (log a touch, snooze, mark a follow-up done, add a follow-up) is written together
with a ``review_action`` row that says how to reverse it, in one transaction. ``undo_last``
really reverses the last action of the day in the store, even after a restart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kith.store.people import followups

from kith.store.today import snoozes

from kith.store.people import touches
from kith.store.core.db import db, write
from kith.store.core.errors import NotFound
from kith.store.today.queue import QueueItem
from kith.store.core.records import FollowUpInfo, TouchInfo

PROGRESS_ACTIONS = ("touch", "snooze", "done")


@dataclass(frozen=True)
class ReviewAction:
    """One recorded action of the review."""

    id: int
    day: date
    action: str
    """touch, snooze, done or follow-up."""
    source: str
    contact_id: int
    ref_id: int | None
    contact_name: str

    @property
    def key(self) -> tuple[str, int, int | None]:
        return (self.source, self.contact_id, self.ref_id)


@dataclass(frozen=True)
class Progress:
    """How far today's review has come."""

    touched: int
    snoozed: int
    done: int
    """Follow-ups marked done."""
    follow_ups_added: int
    handled_keys: frozenset
    """Keys ``(source, contact_id, ref_id)`` of items acted on today (not undone)."""


@dataclass(frozen=True)
class DailyCounts:
    """Touches dated on one day: informational interviews and other outreach."""

    interviews: int
    outreach: int


def _record(day: date, action: str, item: QueueItem, undo: dict) -> int:
    cur = db.execute_sql(
        "INSERT INTO review_action (day, action, source, contact_id, ref_id, undo, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (day.isoformat(), action, item.source, item.contact_id, item.ref_id or 0, json.dumps(undo), datetime.now()))
    return cur.lastrowid


def log_touch(item: QueueItem, kind: str, on: date, note: str, day: date) -> TouchInfo:
    """Log a touch with the item's contact; the item leaves the queue.

    A touch restarts the cadence by itself. A follow-up item is also marked done; a birthday
    is hidden until the day after it; an item of any other source is hidden until tomorrow.
    Undo reverses all of it.
    """
    with write():
        touch = touches.log_touch(item.contact_id, kind, on, note)
        undo: dict = {"touch_id": touch.id}
        if item.source == "follow-up" and item.ref_id:
            undo["reopen_follow_up"] = item.ref_id
            followups.set_done(item.ref_id, True, on=day)
        elif item.source != "cadence":
            until = max(item.due, day) + timedelta(days=1)
            undo["snooze"] = _snooze_undo(item, snoozes.snooze(item.source, item.contact_id, item.ref_id, until, day))
        _record(day, "touch", item, undo)
    return touch


def _snooze_undo(item: QueueItem, previous: date | None) -> dict:
    return {"source": item.source, "contact_id": item.contact_id, "ref_id": item.ref_id,
            "until": previous.isoformat() if previous else None}


def snooze(item: QueueItem, until: date, day: date) -> None:
    """Hide the item until ``until``; it comes back on that day."""
    with write():
        previous = snoozes.snooze(item.source, item.contact_id, item.ref_id, until, day)
        _record(day, "snooze", item, {"snooze": _snooze_undo(item, previous)})


def mark_done(item: QueueItem, day: date) -> FollowUpInfo:
    """Mark the follow-up behind the item done today.

    Raises:
        NotFound: the item is not a follow-up.
    """
    if item.source != "follow-up" or not item.ref_id:
        raise NotFound("only a follow-up can be marked done; log a touch (l) or snooze (s) instead")
    with write():
        info = followups.set_done(item.ref_id, True, on=day)
        _record(day, "done", item, {"reopen_follow_up": item.ref_id})
    return info


def add_follow_up(item: QueueItem, due: date, what: str, day: date) -> FollowUpInfo:
    """Add a follow-up for the item's contact (the item itself stays in the queue)."""
    with write():
        info = followups.add_follow_up(item.contact_id, due, what)
        _record(day, "follow-up", item, {"delete_follow_up": info.id})
    return info


def _action(row) -> ReviewAction:
    aid, day, action, source, cid, ref, name = row
    return ReviewAction(aid, date.fromisoformat(str(day)[:10]), action, source, cid, ref or None, name or "")


_SELECT = ("SELECT a.id, a.day, a.action, a.source, a.contact_id, a.ref_id, c.name FROM review_action a "
           "LEFT JOIN contact c ON c.id = a.contact_id")


def last_action(day: date) -> ReviewAction | None:
    """Return the most recent action of ``day`` that can still be undone."""
    row = db.execute_sql(f"{_SELECT} WHERE a.day = ? AND a.undone = 0 ORDER BY a.id DESC LIMIT 1",
                         (day.isoformat(),)).fetchone()
    return _action(row) if row else None


def undo_last(day: date) -> ReviewAction | None:
    """Reverse the last action of ``day`` in the store; return it, or None when nothing is left to undo.

    A touch or follow-up that was edited or deleted since is skipped quietly (nothing to reverse).
    """
    with write():
        row = db.execute_sql(
            "SELECT id, undo FROM review_action WHERE day = ? AND undone = 0 ORDER BY id DESC LIMIT 1",
            (day.isoformat(),)).fetchone()
        if row is None:
            return None
        action = last_action(day)
        steps = json.loads(row[1] or "{}")
        if "snooze" in steps:
            s = steps["snooze"]
            snoozes.restore(s["source"], s["contact_id"], s["ref_id"],
                            date.fromisoformat(s["until"]) if s["until"] else None)
        for key, fn in (("touch_id", touches.delete_touch),
                        ("reopen_follow_up", lambda fid: followups.set_done(fid, False)),
                        ("delete_follow_up", followups.delete_follow_up)):
            if key in steps:
                try:
                    fn(steps[key])
                except NotFound:
                    pass
        db.execute_sql("UPDATE review_action SET undone = 1 WHERE id = ?", (row[0],))
    return action


def progress(day: date) -> Progress:
    """Return what today's review has done so far (undone actions do not count)."""
    counts = {"touch": 0, "snooze": 0, "done": 0, "follow-up": 0}
    keys = set()
    rows = db.execute_sql("SELECT action, source, contact_id, ref_id FROM review_action WHERE day = ? AND undone = 0",
                          (day.isoformat(),))
    for action, src, cid, ref in rows:
        counts[action] += 1
        if action in PROGRESS_ACTIONS:
            keys.add((src, cid, ref or None))
    return Progress(counts["touch"], counts["snooze"], counts["done"], counts["follow-up"], frozenset(keys))


def daily_counts(day: date) -> DailyCounts:
    """Count touches dated ``day``: informational interviews, and every other kind as outreach."""
    rows = db.execute_sql("SELECT kind = 'informational interview', count(*) FROM touch WHERE date = ? GROUP BY 1",
                          (day.isoformat(),))
    got = {bool(k): n for k, n in rows}
    return DailyCounts(got.get(True, 0), got.get(False, 0))
