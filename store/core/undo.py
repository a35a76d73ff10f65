"""Provides the undo log: each change made from the CLI or the TUI, stored with how to reverse it.

A store function that changes something runs inside ``action(...)`` and calls ``record(op, ...)``
with the step that reverses its change. Actions nest: a store call made inside another action
(the review logging a touch and marking the follow-up done) adds its steps to the outer one, so
one undo reverses everything one user action did. Undo applies the steps newest first, in one
transaction, and survives restarts (the log is a table).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from kith.store.core.db import db, write
from kith.store.core.errors import StoreError

_state = threading.local()


@dataclass
class Draft:
    """What the outermost action will write; store functions fill in the summary."""

    action: str
    summary: str = ""
    contact_id: int | None = None
    source: str = ""
    ref_id: int | None = None
    review: bool = False
    day: date | None = None
    steps: list = field(default_factory=list)


@dataclass(frozen=True)
class UndoEntry:
    """One recorded action that can still be (or has been) undone."""

    id: int
    day: date
    action: str
    summary: str
    source: str
    contact_id: int | None
    ref_id: int | None
    review: bool
    contact_name: str

    @property
    def key(self) -> tuple[str, int | None, int | None]:
        return (self.source, self.contact_id, self.ref_id)


@contextmanager
def action(name: str, summary: str = "", *, contact_id: int | None = None, day: date | None = None,
           source: str = "", ref_id: int | None = None, review: bool = False):
    """Run the body as one undoable action in one write transaction; yield its ``Draft``.

    Inside another action the body's steps join the outer action and its draft is a throwaway.
    """
    outer = getattr(_state, "draft", None)
    if outer is not None:
        with write():
            yield Draft(name)
        return
    draft = Draft(name, summary, contact_id, source, ref_id, review, day)
    _state.draft = draft
    try:
        with write():
            yield draft
            if draft.steps:
                _insert(draft)
    finally:
        _state.draft = None


IRREVERSIBLE = "cannot_undo"
"""The step of a change undo cannot reverse: undo stops at it and says so, never jumping over it."""


class CannotUndo(StoreError):
    """The newest change is one undo cannot reverse; nothing was undone."""


@contextmanager
def irreversible(name: str, summary: str):
    """Run the body in one write as a change undo cannot reverse (it is logged as a marker)."""
    with action(name, summary) as draft:
        record(IRREVERSIBLE)
        yield draft


def record(op: str, **data) -> None:
    """Add the step that reverses one change to the action in progress (if any)."""
    draft = getattr(_state, "draft", None)
    if draft is not None:
        draft.steps.append({"op": op, **data})


@contextmanager
def _not_recorded():
    # Applying an undo writes through store functions that would record steps of their own.
    previous = getattr(_state, "draft", None)
    _state.draft = Draft("undo")
    try:
        yield
    finally:
        _state.draft = previous


def _insert(d: Draft) -> None:
    from kith.store.core import clock

    day = d.day or clock.today()
    if not db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'undo_log'").fetchone():
        return  # a database opened below schema 7 (tests of upgrades): nothing to record into
    db.execute_sql(
        "INSERT INTO undo_log (day, action, summary, source, contact_id, ref_id, review, steps, created) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (day.isoformat(), d.action, d.summary, d.source, d.contact_id, d.ref_id or 0, int(d.review),
         json.dumps(d.steps, ensure_ascii=False, default=str), datetime.now()))


_SELECT = ("SELECT u.id, u.day, u.action, u.summary, u.source, u.contact_id, u.ref_id, u.review, c.name "
           "FROM undo_log u LEFT JOIN contact c ON c.id = u.contact_id")


def _entry(row) -> UndoEntry:
    uid, day, act, summary, source, cid, ref, review, name = row
    return UndoEntry(uid, date.fromisoformat(str(day)[:10]), act, summary or "", source or "", cid, ref or None,
                     bool(review), name or "")


def last_entry(day: date | None = None) -> UndoEntry | None:
    """Return the newest entry not yet undone (of ``day`` when given)."""
    where, args = "u.undone = 0", []
    if day is not None:
        where, args = "u.undone = 0 AND u.day = ?", [day.isoformat()]
    row = db.execute_sql(f"{_SELECT} WHERE {where} ORDER BY u.id DESC LIMIT 1", args).fetchone()
    return _entry(row) if row else None


def recent(limit: int = 20) -> list[UndoEntry]:
    """Return the newest entries not yet undone, newest first."""
    rows = db.execute_sql(f"{_SELECT} WHERE u.undone = 0 ORDER BY u.id DESC LIMIT ?", (limit,))
    return [_entry(r) for r in rows]


def _no_reverser(step: dict) -> None:
    raise StoreError(f"cannot undo {step['op']!r}: the store's wiring is not loaded")


_reverse_step: Callable[[dict], None] = _no_reverser
"""Reverses one step through the area that owns its rows; set by ``kith.store.wiring``."""


def use_reverser(fn: Callable[[dict], None]) -> None:
    """Install the function that reverses one step (the areas sit above core, so it is passed in)."""
    global _reverse_step
    _reverse_step = fn


def undo_last(day: date | None = None) -> UndoEntry | None:
    """Reverse the newest action (of ``day`` when given); return it, or None when nothing is left.

    A row that was deleted since is skipped quietly: there is nothing left to reverse.

    Raises:
        CannotUndo: the newest change cannot be undone (nothing is reversed).
    """
    with write():
        entry = last_entry(day)
        if entry is None:
            return None
        raw = db.execute_sql("SELECT steps FROM undo_log WHERE id = ?", (entry.id,)).fetchone()[0]
        steps = _steps(raw)
        if any(step.get("op") == IRREVERSIBLE for step in steps):
            # Reversing an older change instead would undo something the user did not mean.
            raise CannotUndo(f"the last change, {entry.summary or entry.action}, cannot be undone")
        with _not_recorded():
            for step in reversed(steps):
                _reverse_step(step)
        db.execute_sql("UPDATE undo_log SET undone = 1 WHERE id = ?", (entry.id,))
    return entry


def _steps(raw: str) -> list[dict]:
    data = json.loads(raw or "[]")
    if isinstance(data, list):
        return data
    # The daily review's older format: one dict of what to reverse (applied in this order).
    steps = []
    if data.get("snooze"):
        steps.append({"op": "snooze", **data["snooze"]})
    if "reopen_follow_up" in data:
        steps.append({"op": "set_follow_up", "id": data["reopen_follow_up"], "done": False, "done_on": None})
    if "touch_id" in data:
        steps.append({"op": "delete_touch", "id": data["touch_id"]})
    if "delete_follow_up" in data:
        steps.append({"op": "delete_follow_up", "id": data["delete_follow_up"]})
    return list(reversed(steps))
