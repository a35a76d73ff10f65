"""Provides what the network does when two contacts are merged: nothing it knows is lost.

The people area moves every row that points at the merged-away contact with one
``UPDATE OR IGNORE`` per column, which drops a row that would break a rule: a "knows" edge whose
ids would end up in the wrong order (``a_id < b_id``) or twice, an introduction that would name
the kept contact twice. This runs first (through ``kith.store.people.hooks``) and moves those rows
itself: a "knows" edge keeps the stronger strength when both had one, the same introduction
recorded for both is kept once (the earlier day, a note where one was missing), and only what
would be about the kept contact and itself (a "knows" between the two, "Ada introduced you to
Ada") goes.
"""

from __future__ import annotations

from datetime import date

from kith.store.core.db import db
from kith.store.network.careers import before_contact_merge as _careers_before_merge
from kith.store.network.introductions import _sync_column


def before_contact_merge(keep_id: int, other_id: int, today: date | None = None) -> None:
    """Inside the merge's write, before the people area moves the other's rows."""
    if not db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'knows'").fetchone():
        return  # a database below the network's schema (upgrade tests)
    _careers_before_merge(keep_id, other_id, today)
    _move_knows(keep_id, other_id)
    _move_introductions(keep_id, other_id)


def _move_knows(keep_id: int, other_id: int) -> None:
    for row_id, a, b, strength in db.execute_sql(
            "SELECT id, a_id, b_id, strength FROM knows WHERE ? IN (a_id, b_id)", (other_id,)).fetchall():
        partner = a if b == other_id else b
        if partner == keep_id:
            db.execute_sql("DELETE FROM knows WHERE id = ?", (row_id,))
            continue
        lo, hi = sorted((keep_id, partner))
        held = db.execute_sql("SELECT id, strength FROM knows WHERE a_id = ? AND b_id = ?", (lo, hi)).fetchone()
        if held:
            db.execute_sql("UPDATE knows SET strength = ? WHERE id = ?", (max(held[1], strength), held[0]))
            db.execute_sql("DELETE FROM knows WHERE id = ?", (row_id,))
        else:
            db.execute_sql("UPDATE knows SET a_id = ?, b_id = ? WHERE id = ?", (lo, hi, row_id))


def _same_people(by, first, second) -> tuple:
    # "X introduced Y and Z" is the same introduction as "X introduced Z and Y".
    return (by, None, second) if first is None else (by, *sorted((first, second)))


def _move_introductions(keep_id: int, other_id: int) -> None:
    swap = lambda p: keep_id if p == other_id else p  # noqa: E731
    rows = db.execute_sql("SELECT id, by_id, first_id, second_id, day, note FROM introduction "
                          "WHERE ? IN (by_id, first_id, second_id) OR ? IN (by_id, first_id, second_id)",
                          (other_id, keep_id)).fetchall()
    held: dict[tuple, tuple] = {}
    for row_id, by, first, second, day, note in rows:
        if other_id not in (by, first, second):
            held.setdefault(_same_people(by, first, second), (row_id, str(day)[:10], note))
    for row_id, by, first, second, day, note in rows:
        if other_id not in (by, first, second):
            continue
        by, first, second = swap(by), swap(first), swap(second)
        people = [p for p in (by, first, second) if p is not None]
        if len(set(people)) != len(people):
            db.execute_sql("DELETE FROM introduction WHERE id = ?", (row_id,))  # about the contact and itself
            continue
        key = _same_people(by, first, second)
        if key in held:
            kept_id, kept_day, kept_note = held[key]
            db.execute_sql("UPDATE introduction SET day = min(day, ?), note = CASE WHEN note = '' THEN ? ELSE note "
                           "END WHERE id = ?", (str(day)[:10], note, kept_id))
            db.execute_sql("DELETE FROM introduction WHERE id = ?", (row_id,))
            continue
        db.execute_sql("UPDATE introduction SET by_id = ?, first_id = ?, second_id = ? WHERE id = ?",
                       (by, first, second, row_id))
        held[key] = (row_id, str(day)[:10], note)


def after_contact_merge(keep_id: int) -> None:
    """After the merge: the kept contact's introduced-by column is the ledger's again."""
    if db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'introduction'").fetchone():
        _sync_column(keep_id)
