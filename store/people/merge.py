"""Provides the merge preview (field by field: kept, added, conflicting) and the backed-up merge.

A merge keeps everything of both contacts: lists are joined, a field only the other contact has
is added, and a single value both have that differs stays the kept contact's while the other's
is written into a dated note line ("2026-03-16: Before merge with #12 Tom OBrien: company
Initech; role CTO"). ``merge_with_backup`` backs the database up (store.files, a new unique name
beside it) before it changes anything; the CLI and the TUI both call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kith.store.core.fold import fold
from kith.store.core.records import ContactInfo
from kith.store.people.merge_fields import (  # noqa: F401 (re-exported: the preview's pieces)
    LIST_LABELS,
    SINGLE_FIELDS,
    _differs,
    _shown,
    conflicts,
    note_line,
    plan_changes,
)


@dataclass(frozen=True)
class FieldPlan:
    """One field of the preview: what ``keep`` has, what it gets, and what becomes a note."""

    label: str
    outcome: str  # "kept", "added" or "conflict"
    kept: str
    other: str


@dataclass(frozen=True)
class MergePlan:
    keep: ContactInfo
    other: ContactInfo
    fields: tuple[FieldPlan, ...]
    moved: tuple[tuple[str, int], ...]  # (table, rows) that move from other to keep
    note: str

    def lines(self) -> list[str]:
        """The preview as plain lines (the caller makes them terminal-safe)."""
        k, o = self.keep, self.other
        out = [f"merge #{o.id} {o.name} into #{k.id} {k.name}:"]
        for f in self.fields:
            if f.outcome == "kept":
                out.append(f"  kept      {f.label}: {f.kept}")
            elif f.outcome == "added":
                out.append(f"  added     {f.label}: {f.other}")
            else:
                out.append(f"  conflict  {f.label}: keeps {f.kept}; {f.other} is kept in the notes")
        if self.moved:
            out.append("  moved     " + ", ".join(f"{table.replace('_', ' ')}: {n}" for table, n in self.moved))
        if self.note:
            out.append(f"  note line: {self.note}")
        return out


def merge_plan(keep_id: int, other_id: int, today: date | None = None) -> MergePlan:
    """What merging ``other_id`` into ``keep_id`` would do; reads only, changes nothing.

    Raises:
        NotFound: either id is unknown.  Invalid: both ids are the same.
    """
    from kith.store.core.db import db
    from kith.store.core.errors import Invalid
    from kith.store.people.contacts import get_contact
    from kith.store.people.duplicates import _references
    from kith.store.people.keys import url_key
    from kith.store.people.merge_fields import _union

    if keep_id == other_id:
        raise Invalid("other", "a contact cannot be merged with itself")
    keep, other = get_contact(keep_id), get_contact(other_id)
    clashing = {label for label, _ in conflicts(keep, other)}
    fields: list[FieldPlan] = []
    for field, label in SINGLE_FIELDS:
        a, b = _shown(keep, field), _shown(other, field)
        if label in clashing:
            fields.append(FieldPlan(label, "conflict", a, b))
        elif a:
            fields.append(FieldPlan(label, "kept", a, b))
        elif b:
            fields.append(FieldPlan(label, "added", a, b))
    for field, label in LIST_LABELS:
        mine = list(getattr(keep, field))
        key = {"tags": lambda t: (t.kind, fold(t.name)), "links": url_key}.get(field, str.lower)
        new = _union(mine, getattr(other, field), key)[len(mine):]
        if mine:
            fields.append(FieldPlan(label, "kept", _shown(keep, field), ""))
        if new:
            shown = ", ".join(t.label() if field == "tags" else str(t) for t in new)
            fields.append(FieldPlan(label, "added", "", shown))
    if other.notes and other.notes not in keep.notes:
        fields.append(FieldPlan("notes", "added", "", f"{len(other.notes)} characters of #{other.id}'s notes"))
    moved = []
    for table, column, _ in _references():
        if table == "contact":
            continue  # people the other introduced: they point at the kept contact afterwards
        n = db.execute_sql(f'SELECT count(*) FROM "{table}" WHERE "{column}" = ?', (other_id,)).fetchone()[0]
        if n:
            moved.append((table, n))
    return MergePlan(keep, other, tuple(fields), tuple(moved), note_line(keep, other, today))


def merge_with_backup(keep_id: int, other_id: int, today: date | None = None) -> tuple[ContactInfo, Path]:
    """Back the database up (a new unique name beside it), then merge; return (kept contact, backup).

    Raises:
        WriteRefused, WriteFailed: the backup could not be written; nothing was merged.
        NotFound, Invalid: as ``merge``.
    """
    from kith.store.core.errors import Invalid
    from kith.store.core.files import backup_database
    from kith.store.people.contacts import get_contact
    from kith.store.people.duplicates import merge

    if keep_id == other_id:
        raise Invalid("other", "a contact cannot be merged with itself")
    get_contact(keep_id), get_contact(other_id)  # an unknown id fails before a backup is made
    backup = backup_database().path
    return merge(keep_id, other_id, today), backup
