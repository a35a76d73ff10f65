"""Provides what an import does to careers and the introductions ledger (called by the importers).

A re-import that brings a new company makes the old one a past job (ended on the import day,
marked approximate) and the new one current. A company or role the user edited in kith is never
overwritten: the change is dropped and the summary says "kept your edit" for that field.
Everything runs in bulk inside the import's one transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from kith.store.core.db import db
from kith.store.network.introductions import imported_introducers
from kith.store.network.orgs import _clean_name, org_key

_FIELDS = (("company", "org_edited"), ("role", "title_edited"))


def _ready() -> bool:
    return bool(db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'employment'").fetchone())


def edited_fields() -> dict[int, set[str]]:
    """Contact id -> the fields of its current job the user edited in kith (company, role)."""
    if not _ready():
        return {}
    out: dict[int, set[str]] = {}
    for cid, org_edited, title_edited in db.execute_sql(
            "SELECT contact_id, org_edited, title_edited FROM employment WHERE current = 1 "
            "AND (org_edited = 1 OR title_edited = 1)"):
        out[cid] = {f for f, flag in (("company", org_edited), ("role", title_edited)) if flag}
    return out


def keep_edits(cid: int, current: dict, changes: dict, edited: dict[int, set[str]]) -> list[str]:
    """Drop from ``changes`` what would overwrite an edit made in kith; return one remark per field."""
    remarks = []
    for field in sorted(edited.get(cid, ()) & changes.keys()):
        remarks.append(f"kept your edit of {field} ({current.get(field) or '—'!s}; the file says {changes[field]!r})")
        del changes[field]
    return remarks


class _Orgs:
    def __init__(self) -> None:
        self.ids = dict(db.execute_sql("SELECT match_key, id FROM organisation").fetchall())
        self.ids.update(db.execute_sql("SELECT match_key, organisation_id FROM organisation_alias").fetchall())
        self.by_text: dict[str, int | None] = {}

    def id_for(self, name: str, now: str) -> int | None:
        if name in self.by_text:
            return self.by_text[name]
        key = org_key(name)
        if not key:
            found = None
        elif key in self.ids:
            found = self.ids[key]
        else:
            found = self.ids[key] = db.execute_sql(
                "INSERT INTO organisation (name, match_key, created) VALUES (?, ?, ?)",
                (_clean_name(name), key, now)).lastrowid
        self.by_text[name] = found
        return found


def after_import(new_rows: list[dict], updates: dict[int, dict], state: dict[int, dict],
                 introducers: list[tuple[int, int]], day: date) -> None:
    """Inside the import's write: link organisations, move careers along, add ledger entries."""
    if not _ready():
        return
    now = str(datetime.now())
    orgs = _Orgs()
    inserts = []
    for s in new_rows:
        org = orgs.id_for(s["company"], now) if s.get("company") else None
        if org:
            inserts.append((s["id"], org, s.get("role") or "", now))
    moved = [cid for cid, ch in updates.items() if "company" in ch or "role" in ch]
    current = {}
    for i in range(0, len(moved), 900):
        chunk = moved[i:i + 900]
        for eid, cid, org, started in db.execute_sql(
                f"SELECT id, contact_id, organisation_id, started FROM employment WHERE current = 1 "
                f"AND contact_id IN ({','.join('?' * len(chunk))})", chunk):
            current[cid] = (eid, org, started)
    cur = db.cursor()
    for cid in moved:
        s, ch = state[cid], updates[cid]
        org = orgs.id_for(s["company"], now) if s.get("company") else None
        had = current.get(cid)
        if had and (org == had[1] or "company" not in ch):
            cur.execute("UPDATE employment SET title = ? WHERE id = ?", (s.get("role") or "", had[0]))
            continue
        if had:
            ended = max(day.isoformat(), had[2] or "")
            cur.execute("UPDATE employment SET current = 0, ended = ?, approximate = 1 WHERE id = ?", (ended, had[0]))
        if org:
            inserts.append((cid, org, s.get("role") or "", now))
    cur.executemany("INSERT INTO employment (contact_id, organisation_id, title, current, created) "
                    "VALUES (?, ?, ?, 1, ?)", inserts)
    if introducers:
        imported_introducers(introducers, day)
