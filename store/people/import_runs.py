"""Provides record_import(): remember an import and the contacts it added.

The filter ``added:last-import`` (``kith.store.people.filters``) reads what this stores; the
importer calls it inside its transaction.
"""

from __future__ import annotations

from datetime import datetime

from kith.store.core.db import db


def record_import(source: str, added_ids: list[int]) -> int:
    """Remember an import and the contacts it added (call inside the import's transaction)."""
    cur = db.execute_sql("INSERT INTO import_run (source, added, created) VALUES (?, ?, ?)",
                         (source[:500], len(added_ids), datetime.now()))
    run_id = cur.lastrowid
    for start in range(0, len(added_ids), 900):
        chunk = added_ids[start:start + 900]
        db.execute_sql(f"UPDATE contact SET import_run_id = ? WHERE id IN ({','.join('?' * len(chunk))})",
                       [run_id, *chunk])
    return run_id
