"""Provides the undo steps of career changes: delete an added row, put changed fields back.

``store.undo`` hands every step whose op starts with ``career-`` to ``apply``.
"""

from __future__ import annotations

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import StoreError

TABLES = ("skill", "learning", "learning_skill", "income_stream", "income_amount", "my_job", "goal")


def added(table: str, row_id: int) -> None:
    """Record that ``row_id`` was inserted into ``table`` (undo deletes it)."""
    undo.record("career-delete", table=table, id=row_id)


def changed(table: str, row_id: int, before: dict) -> None:
    """Record the fields of ``row_id`` as they were before an update (undo writes them back)."""
    undo.record("career-set", table=table, id=row_id, values=before)


def apply(step: dict) -> None:
    table = step.get("table")
    if table not in TABLES:
        raise StoreError(f"cannot undo a change to {table!r}")
    if step["op"] == "career-delete":
        db.execute_sql(f"DELETE FROM {table} WHERE id = ?", (step["id"],))
    elif step["op"] == "career-set":
        values = step["values"]
        sets = ", ".join(f'"{k}" = ?' for k in values)
        db.execute_sql(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), step["id"]))
    else:
        raise StoreError(f"cannot undo {step['op']!r}: this kith is older than the change")
