"""Provides undoable writes to the mentor value log: logging an entry and editing one.

``store.mentors`` owns the value log itself; these wrap it so each change lands in the undo
log. A value entry logged with a touch (a give-back) joins that touch's undo entry: one undo
removes both.
"""

from __future__ import annotations

import json
from datetime import date

from kith.store.core import undo
from kith.store.core.db import db, write
from kith.store.core.errors import Invalid
from kith.store.mentors import value as mentors


def add_value(contact_id: int, direction: str, category: str, on: date, note: str = "",
              touch_id: int | None = None, today: date | None = None) -> mentors.ValueLogged:
    """Log a value entry as ``store.mentors.add_value`` does, undoably.

    Raises:
        NotFound, Invalid: as ``store.mentors.add_value``.
    """
    with write():
        entry_id, steps = _touch_entry(touch_id) if touch_id is not None else (None, [])
        if entry_id is not None:
            # The newest entry logged this touch: removing the value entry joins it.
            logged = mentors.add_value(contact_id, direction, category, on, note, touch_id, today)
            steps.append({"op": "delete_value", "id": logged.entry.id})
            db.execute_sql("UPDATE undo_log SET steps = ? WHERE id = ?", (json.dumps(steps), entry_id))
            return logged
        with undo.action("value", contact_id=contact_id) as draft:
            logged = mentors.add_value(contact_id, direction, category, on, note, touch_id, today)
            draft.summary = f"logged value {logged.entry.direction} · {logged.entry.category}"
            undo.record("delete_value", id=logged.entry.id)
    return logged


def _touch_entry(touch_id: int) -> tuple[int | None, list]:
    row = db.execute_sql("SELECT id, steps FROM undo_log WHERE undone = 0 ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return None, []
    steps = json.loads(row[1] or "[]")
    if not isinstance(steps, list) or {"op": "delete_touch", "id": touch_id} not in steps:
        return None, []
    return row[0], steps


def update_value(entry_id: int, direction: str | None = None, category: str | None = None,
                 on: date | None = None, note: str | None = None) -> mentors.ValueEntryInfo:
    """Change a value entry's direction, category, day or note (None leaves a field); undoable.

    Raises:
        NotFound: no such entry.
        Invalid: unknown direction or category (for the direction it ends up with), a note over the cap.
    """
    with undo.action("edit value") as draft:
        old = mentors.get_value(entry_id)
        new_direction = mentors.parse_direction(direction) if direction is not None else old.direction
        if category is not None or new_direction != old.direction:
            if category is None:
                raise Invalid("category", f"say the category too: {old.category!r} is not a {new_direction} one")
            new_category = mentors.parse_category(new_direction, category)
        else:
            new_category = old.category
        changes = {"direction": new_direction, "category": new_category}
        if on is not None:
            if not isinstance(on, date):
                raise Invalid("date", "the date is missing")
            changes["date"] = on.isoformat()
        if note is not None:
            changes["note"] = mentors.clean_note(note)
        before = {"direction": old.direction, "category": old.category, "date": old.date.isoformat(),
                  "note": old.note}
        changes = {k: v for k, v in changes.items() if v != before[k]}
        if changes:
            draft.contact_id, draft.ref_id = old.contact_id, entry_id
            draft.summary = f"edited value entry #{entry_id} ({', '.join(changes)})"
            undo.record("set_value", id=entry_id, values={k: before[k] for k in changes})
            sets = ", ".join(f"{k} = ?" for k in changes)
            db.execute_sql(f"UPDATE value_entry SET {sets} WHERE id = ?", (*changes.values(), entry_id))
    return mentors.get_value(entry_id)
