"""Provides the undo steps of volunteering changes: delete an added row, put fields or rows back.

Steps name a table from ``TABLES`` (never SQL), so an undo log entry cannot run anything else;
``kith.store.undo_steps`` hands every op starting with ``volunteering.`` to ``apply``.
"""

from __future__ import annotations

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import StoreError

TABLES = ("engagement", "volunteer_hours", "engagement_skill", "engagement_met")


def added(table: str, row_id: int) -> None:
    """Undo will delete this (new) row."""
    undo.record("volunteering.delete", table=table, id=row_id)


def added_skill(engagement_id: int, skill_id: int) -> None:
    undo.record("volunteering.unlink-skill", engagement_id=engagement_id, skill_id=skill_id)


def changed(table: str, row_id: int, before: dict) -> None:
    """Undo will write these fields of the row back (call before the update)."""
    undo.record("volunteering.set", table=table, id=row_id, values=before)


def removed(table: str, rows: list[dict]) -> None:
    """Undo will insert these rows again, ids included (call before the delete)."""
    if rows:
        undo.record("volunteering.insert", table=table, rows=rows)


def rows_of(table: str, column: str, value) -> list[dict]:
    _check(table)
    if column not in ("id", "engagement_id"):
        raise StoreError(f"not a volunteering key: {column!r}")
    cur = db.execute_sql(f"SELECT * FROM {table} WHERE {column} = ?", (value,))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _check(table: str | None) -> str:
    if table not in TABLES:
        raise StoreError(f"cannot undo a change to {table!r}")
    return table


def apply(step: dict) -> None:
    """Reverse one recorded volunteering change."""
    op = step["op"]
    if op == "volunteering.unlink-skill":
        db.execute_sql("DELETE FROM engagement_skill WHERE engagement_id = ? AND skill_id = ?",
                       (step["engagement_id"], step["skill_id"]))
        return
    table = _check(step.get("table"))
    if op == "volunteering.delete":
        db.execute_sql(f"DELETE FROM {table} WHERE id = ?", (step["id"],))
    elif op == "volunteering.set":
        values = step["values"]
        sets = ", ".join(f'"{k}" = ?' for k in values)
        db.execute_sql(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), step["id"]))
    elif op == "volunteering.insert":
        for row in step["rows"]:
            if row.get("touch_id") and not db.execute_sql("SELECT 1 FROM touch WHERE id = ?",
                                                          (row["touch_id"],)).fetchone():
                row = {**row, "touch_id": None}  # the meeting's touch was deleted since
            cols = ", ".join(f'"{c}"' for c in row)
            try:
                db.execute_sql(f"INSERT OR IGNORE INTO {table} ({cols}) VALUES ({', '.join('?' * len(row))})",
                               tuple(row.values()))
            except Exception as exc:  # a contact or touch it pointed to is gone since: nothing to put back
                if "FOREIGN KEY" not in str(exc).upper():
                    raise
    else:
        raise StoreError(f"cannot undo {op!r}: this kith is older than the change")
