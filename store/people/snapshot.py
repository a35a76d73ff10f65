"""Provides a snapshot of a contact with every row that would go with it, so a delete can be undone.

The rows to keep are found from the schema itself: every table whose foreign key to ``contact``
cascades on delete (touches, follow-ups, snoozes, mentor rows, ...). A table a later migration
adds is covered without a change here. Tags are kept by name, since unused tags are removed.
"""

from __future__ import annotations

from kith.store.core.db import db
from kith.store.core.errors import StoreError

# contact_tag is restored by tag name; the undo log must never be copied into itself.
_SKIP = {"contact", "contact_tag", "undo_log"}


def _tables() -> list[str]:
    return [r[0] for r in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _foreign_keys(table: str) -> list[tuple[str, str, str]]:
    """Return ``(target table, column, on delete)`` for each foreign key of ``table``."""
    return [(r[2], r[3], r[6].upper()) for r in db.execute_sql(f'PRAGMA foreign_key_list("{table}")')]


def _rows(table: str, column: str, value) -> list[dict]:
    cur = db.execute_sql(f'SELECT * FROM "{table}" WHERE "{column}" = ?', (value,))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def take(contact_id: int) -> dict:
    """Return everything needed to re-create the contact as it is now (plain JSON data)."""
    tables: dict[str, list[dict]] = {"contact": _rows("contact", "id", contact_id)}
    for table in _tables():
        if table in _SKIP:
            continue
        for target, column, on_delete in _foreign_keys(table):
            if target == "contact" and on_delete == "CASCADE":
                tables.setdefault(table, []).extend(_rows(table, column, contact_id))
    tags = [list(r) for r in db.execute_sql(
        "SELECT t.name, t.kind FROM tag t JOIN contact_tag ct ON ct.tag_id = t.id WHERE ct.contact_id = ?",
        (contact_id,))]
    introduced = [r[0] for r in db.execute_sql("SELECT id FROM contact WHERE introduced_by_id = ?", (contact_id,))]
    return {"id": contact_id, "tables": tables, "tags": tags, "introduced": introduced}


def _insert_order(tables: list[str]) -> list[str]:
    # Parents first: a table goes in once every table it points to (in the snapshot) is in.
    done: list[str] = ["contact"]
    left = [t for t in tables if t != "contact"]
    while left:
        for t in left:
            needs = {target for target, _, _ in _foreign_keys(t) if target in left and target != t}
            if not needs:
                done.append(t)
                left.remove(t)
                break
        else:  # a cycle: insert the rest as they come (foreign keys are checked per row)
            done.extend(left)
            break
    return done


def restore(snapshot: dict) -> None:
    """Re-create a deleted contact with its rows, ids and tags (inside the caller's transaction).

    Raises:
        StoreError: the contact's id was taken by someone added since.
    """
    from kith.store.people.tags import restore_tags

    cid = snapshot["id"]
    tables = snapshot["tables"]
    if not tables.get("contact"):
        return
    if db.execute_sql("SELECT 1 FROM contact WHERE id = ?", (cid,)).fetchone():
        raise StoreError(f"cannot bring contact #{cid} back: the id is in use again")
    row = dict(tables["contact"][0])
    intro = row.get("introduced_by_id")
    if intro and not db.execute_sql("SELECT 1 FROM contact WHERE id = ?", (intro,)).fetchone():
        row["introduced_by_id"] = None  # the introducer was deleted since
    for table in _insert_order(list(tables)):
        for r in ([row] if table == "contact" else tables[table]):
            cols = ", ".join(f'"{c}"' for c in r)
            marks = ", ".join("?" for _ in r)
            db.execute_sql(f'INSERT OR IGNORE INTO "{table}" ({cols}) VALUES ({marks})', tuple(r.values()))
    restore_tags(cid, snapshot["tags"])
    for other in snapshot["introduced"]:
        db.execute_sql("UPDATE contact SET introduced_by_id = ? WHERE id = ? AND introduced_by_id IS NULL",
                       (cid, other))
