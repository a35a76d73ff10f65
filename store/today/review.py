"""Provides the daily review's actions on queue items, each undoable, and the day's progress.

Every action (log a touch, snooze, mark a follow-up done, add a follow-up) is written together
with its entry in the undo log (``store.undo``, marked as a review action), in one transaction.
``undo_last`` really reverses the last change of the day in the store, even after a restart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import NotFound
from kith.store.core.records import FollowUpInfo, TouchInfo
from kith.store.people import followups, touches
from kith.store.today import snoozes
from kith.store.today.queue import QueueItem

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
    summary: str = ""
    """What the change did, in words (any action of the shared undo log)."""

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


def _review(action: str, item: QueueItem, day: date, summary: str):
    return undo.action(action, summary, contact_id=item.contact_id, day=day, source=item.source,
                       ref_id=item.ref_id, review=True)


def log_touch(item: QueueItem, kind: str, on: date, note: str, day: date, channel: str | None = None) -> TouchInfo:
    """Log a touch with the item's contact; the item leaves the queue.

    A touch restarts the cadence by itself. A follow-up item is also marked done; a birthday
    is hidden until the day after it; an item of any other source is hidden until tomorrow.
    Undo reverses all of it (and a value entry logged with the touch, for a give-back).
    """
    with _review("touch", item, day, f"logged {kind} with {item.contact_name}"):
        touch = touches.log_touch(item.contact_id, kind, on, note, channel=channel)
        if item.source == "follow-up" and item.ref_id:
            followups.set_done(item.ref_id, True, on=day)
        elif item.source != "cadence":
            until = max(item.due, day) + timedelta(days=1)
            _snooze(item, until, day)
    return touch


def _snooze(item: QueueItem, until: date, day: date) -> None:
    previous = snoozes.snooze(item.source, item.contact_id, item.ref_id, until, day)
    undo.record("snooze", source=item.source, contact_id=item.contact_id, ref_id=item.ref_id,
                until=previous.isoformat() if previous else None)


def snooze(item: QueueItem, until: date, day: date) -> None:
    """Hide the item until ``until``; it comes back on that day."""
    with _review("snooze", item, day, f"snoozed {item.contact_name} until {until.isoformat()}"):
        _snooze(item, until, day)


def mark_done(item: QueueItem, day: date) -> FollowUpInfo:
    """Mark the follow-up behind the item done today.

    Raises:
        NotFound: the item is not a follow-up.
    """
    if item.source != "follow-up" or not item.ref_id:
        raise NotFound("only a follow-up can be marked done; log a touch (l) or snooze (s) instead")
    with _review("done", item, day, f"marked done a follow-up with {item.contact_name}"):
        return followups.set_done(item.ref_id, True, on=day)


def add_follow_up(item: QueueItem, due: date, what: str, day: date) -> FollowUpInfo:
    """Add a follow-up for the item's contact (the item itself stays in the queue)."""
    with _review("follow-up", item, day, f"added a follow-up with {item.contact_name}"):
        return followups.add_follow_up(item.contact_id, due, what)


def _action(entry: undo.UndoEntry) -> ReviewAction:
    return ReviewAction(entry.id, entry.day, entry.action, entry.source, entry.contact_id or 0, entry.ref_id,
                        entry.contact_name, entry.summary)


def last_action(day: date) -> ReviewAction | None:
    """Return the most recent change of ``day`` (review or not) that can still be undone."""
    entry = undo.last_entry(day)
    return _action(entry) if entry else None


def undo_last(day: date) -> ReviewAction | None:
    """Reverse the last change of ``day`` in the store; return it, or None when nothing is left to undo.

    The log is the one ``kith undo`` uses: an edit made on another screen or from the CLI today
    is undone too. A touch or follow-up that was deleted since is skipped quietly.
    """
    entry = undo.undo_last(day)
    return _action(entry) if entry else None


def progress(day: date) -> Progress:
    """Return what today's review has done so far (undone actions do not count)."""
    counts = {"touch": 0, "snooze": 0, "done": 0, "follow-up": 0}
    keys = set()
    rows = db.execute_sql("SELECT action, source, contact_id, ref_id FROM undo_log "
                          "WHERE day = ? AND undone = 0 AND review = 1", (day.isoformat(),))
    for action, src, cid, ref in rows:
        if action not in counts:
            continue
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
