"""Provides the introductions ledger: who introduced whom, when, in what context, with what outcome.

Three shapes: X introduced you to Y (``by``=X, ``first`` None, ``second``=Y; this is Y's
introduced-by), you introduced X and Y (``by`` None: a give-back to both) and X introduced Y and
Z (what you learn about others). Logging one logs an ``introduction`` touch with each of the
people involved. A contact's introduced-by is the newest "introduced you to" entry; the
``contact.introduced_by_id`` column is only kept in step with it (like ``last_touch_on``).
"""

from __future__ import annotations

from datetime import date, datetime

from kith.store.core import clock, undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.network import undo_steps
from kith.store.network.records import OUTCOMES, IntroInfo

MAX_NOTE = 2000
_SELECT = ("SELECT i.id, i.by_id, coalesce(b.name, ''), i.first_id, coalesce(f.name, ''), i.second_id, s.name, "
           "i.day, i.note, i.outcome FROM introduction i LEFT JOIN contact b ON b.id = i.by_id "
           "LEFT JOIN contact f ON f.id = i.first_id JOIN contact s ON s.id = i.second_id")


def _info(row) -> IntroInfo:
    iid, by, by_name, first, first_name, second, second_name, day, note, outcome = row
    return IntroInfo(iid, by, by_name, first, first_name, second, second_name,
                     date.fromisoformat(str(day)[:10]), note, outcome)


def parse_outcome(text: str) -> str:
    wanted = " ".join(text.lower().replace("-", " ").split())
    for outcome in OUTCOMES:
        if wanted == outcome or (len(wanted) >= 3 and outcome.startswith(wanted)):
            return outcome
    raise Invalid("outcome", f"unknown outcome {text!r}; use one of: {', '.join(OUTCOMES)}")


def _name(contact_id: int) -> str:
    row = db.execute_sql("SELECT name FROM contact WHERE id = ?", (contact_id,)).fetchone()
    if row is None:
        raise NotFound(f"no contact with id {contact_id}")
    return row[0]


def record_introduction(by_id: int | None, first_id: int | None, second_id: int, on: date, note: str = "",
                        outcome: str = "nothing yet", log_touches: bool = True) -> IntroInfo:
    """Add one introduction (see the module for the three shapes); undoable.

    Raises:
        Invalid: someone introduced to themselves, nobody named as the introducer, a bad outcome.
        NotFound: a contact id that does not exist.
    """
    from kith.store.people.touches import log_touch

    people = [p for p in (by_id, first_id, second_id) if p is not None]
    if by_id is None and first_id is None:
        raise Invalid("by", "say who made the introduction, or the two people you introduced")
    if len(set(people)) != len(people):
        raise Invalid("new", "nobody can be introduced to themselves")
    outcome = parse_outcome(outcome)
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise Invalid("note", f"keep the note under {MAX_NOTE} characters")
    with undo.action("introduction") as draft:
        for p in people:
            _name(p)  # each must exist
        cur = db.execute_sql("INSERT INTO introduction (by_id, first_id, second_id, day, note, outcome, created) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (by_id, first_id, second_id, on.isoformat(), note, outcome, datetime.now()))
        undo_steps.record_delete("introduction", cur.lastrowid)
        intro = get_introduction(cur.lastrowid)
        draft.summary = intro.line()
        draft.contact_id = second_id
        if by_id is not None and first_id is None:
            _sync_column(second_id)
        if log_touches:
            what = f"introduction: {intro.line()}" + (f" ({note})" if note else "")
            for p in people:
                log_touch(p, "introduction", on, what[:1000])
    return intro


def get_introduction(intro_id: int) -> IntroInfo:
    row = db.execute_sql(f"{_SELECT} WHERE i.id = ?", (intro_id,)).fetchone()
    if row is None:
        raise NotFound(f"no introduction with id {intro_id}")
    return _info(row)


def list_introductions(contact_id: int | None = None) -> list[IntroInfo]:
    """Every introduction (or those a contact was part of), newest first."""
    where, args = "", ()
    if contact_id is not None:
        where, args = " WHERE ? IN (i.by_id, i.first_id, i.second_id)", (contact_id,)
    rows = db.execute_sql(f"{_SELECT}{where} ORDER BY i.day DESC, i.id DESC", args)
    return [_info(r) for r in rows]


def introduced_by(contact_id: int) -> tuple[int, str] | None:
    """Who introduced you to this contact (the newest such entry), as (id, name), or None."""
    row = db.execute_sql("SELECT i.by_id, c.name FROM introduction i JOIN contact c ON c.id = i.by_id "
                         "WHERE i.second_id = ? AND i.first_id IS NULL ORDER BY i.day DESC, i.id DESC LIMIT 1",
                         (contact_id,)).fetchone()
    return (row[0], row[1]) if row else None


def set_outcome(intro_id: int, outcome: str) -> IntroInfo:
    """Change an introduction's outcome; undoable."""
    outcome = parse_outcome(outcome)
    with undo.action("introduction outcome") as draft:
        intro = get_introduction(intro_id)
        undo_steps.record_restore("introduction", intro_id)
        db.execute_sql("UPDATE introduction SET outcome = ? WHERE id = ?", (outcome, intro_id))
        draft.summary = f"{intro.line()}: {outcome}"
    return get_introduction(intro_id)


def _sync_column(contact_id: int) -> None:
    found = introduced_by(contact_id)
    db.execute_sql("UPDATE contact SET introduced_by_id = ? WHERE id = ?", (found[0] if found else None, contact_id))


def contact_introducer_set(contact_id: int, introducer_id: int | None, on: date | None = None) -> None:
    """Inside a write: the contact form or ``kith edit --introduced-by`` set who introduced you.

    A new introducer becomes a ledger entry (no touch: it happened before); clearing it removes
    the "introduced you to" entries for this contact.
    """
    if _undoing() or not _has_ledger():
        return
    current = introduced_by(contact_id)
    if introducer_id is None:
        for (iid,) in db.execute_sql("SELECT id FROM introduction WHERE second_id = ? AND first_id IS NULL "
                                     "AND by_id IS NOT NULL", (contact_id,)).fetchall():
            undo_steps.record_restore("introduction", iid)
            db.execute_sql("DELETE FROM introduction WHERE id = ?", (iid,))
    elif current is None or current[0] != introducer_id:
        day = on or clock.today()
        cur = db.execute_sql("INSERT INTO introduction (by_id, first_id, second_id, day, outcome, created) "
                             "VALUES (?, NULL, ?, ?, 'met', ?)", (introducer_id, contact_id, day.isoformat(),
                                                                  datetime.now()))
        undo_steps.record_delete("introduction", cur.lastrowid)


def imported_introducers(pairs: list[tuple[int, int]], on: date) -> int:
    """Inside an import's write: (introducer, contact) pairs become ledger entries; return how many."""
    if not _has_ledger():
        return 0
    have = {(b, s) for b, s in db.execute_sql(
        "SELECT by_id, second_id FROM introduction WHERE first_id IS NULL AND by_id IS NOT NULL")}
    new = [(b, s, on.isoformat(), str(datetime.now())) for b, s in pairs if (b, s) not in have and b != s]
    db.cursor().executemany("INSERT INTO introduction (by_id, first_id, second_id, day, outcome, created) "
                            "VALUES (?, NULL, ?, ?, 'met', ?)", new)
    return len(new)


def _has_ledger() -> bool:
    return bool(db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'introduction'").fetchone())


def _undoing() -> bool:
    draft = getattr(undo._state, "draft", None)
    return draft is not None and draft.action == "undo"
