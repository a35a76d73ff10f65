"""Provides the undo steps of the network tables: put rows back, delete rows, set columns back.

Steps name a table from the list below (never SQL), so an undo log entry cannot run anything else.
"""

from __future__ import annotations

from kith.store.core import undo
from kith.store.core.db import db

TABLES = ("organisation", "organisation_alias", "employment", "introduction", "knows", "target")
_KEYS = {"target": "organisation_id"}


def _table(step: dict) -> str:
    table = step["table"]
    if table not in TABLES:
        raise ValueError(f"not a network table: {table!r}")
    return table


def row_of(table: str, row_id: int) -> dict | None:
    """A row as a plain dict (for an undo step that puts it back)."""
    cur = db.execute_sql(f"SELECT * FROM {table} WHERE {_KEYS.get(table, 'id')} = ?", (row_id,))
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None


def record_delete(table: str, row_id: int) -> None:
    """Undo will delete this (new) row."""
    undo.record("network.delete", table=table, id=row_id)


def record_restore(table: str, row_id: int) -> None:
    """Undo will put this row back as it is now (call before changing or deleting it)."""
    row = row_of(table, row_id)
    if row is not None:
        undo.record("network.restore", table=table, row=row)


def apply(step: dict) -> None:
    """Reverse one recorded network change."""
    table = _table(step)
    key = _KEYS.get(table, "id")
    if step["op"] == "network.delete":
        db.execute_sql(f"DELETE FROM {table} WHERE {key} = ?", (step["id"],))
    elif step["op"] == "network.restore":
        row = step["row"]
        cols = ", ".join(row)
        try:
            # UPDATE when the row is there: a REPLACE would delete it first and cascade to its children.
            if db.execute_sql(f"SELECT 1 FROM {table} WHERE {key} = ?", (row[key],)).fetchone():
                sets = ", ".join(f"{c} = ?" for c in row if c != key)
                db.execute_sql(f"UPDATE {table} SET {sets} WHERE {key} = ?",
                               (*(v for c, v in row.items() if c != key), row[key]))
            else:
                db.execute_sql(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(row))})",
                               tuple(row.values()))
        except Exception as exc:  # a contact it pointed to is gone since: nothing to put back
            if "FOREIGN KEY" not in str(exc).upper():
                raise
    else:
        raise ValueError(f"unknown network undo step {step['op']!r}")
