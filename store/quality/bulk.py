"""Provides bulk actions over a set of contacts: add or remove a tag, set tier, cadence or
strength, archive. Each is ONE undoable action: one undo puts every contact back.

Writes go straight to the rows (one UPDATE per field, tags in batches) so a thousand contacts
take a moment, not seconds; each changed row gets a new version, as single edits do.
"""

from __future__ import annotations

import json
from datetime import datetime

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid
from kith.store.core.fold import fold
from kith.store.core.records import TagInfo
from kith.store.people.contacts import _search_key, parse_tag

FIELDS = ("tier", "strength", "cadence_days", "archived")
_TIER_RE_HINT = "a tier name"


class NothingToDo(Invalid):
    """A bulk action over zero contacts."""

    def __init__(self, message: str = "no contact matches: nothing to change") -> None:
        super().__init__("filter", message)


def _chunks(ids: list[int], size: int = 900):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _in(ids) -> str:
    return ",".join("?" * len(ids))


def set_field(ids: list[int], field: str, value) -> int:
    """Set ``field`` to ``value`` on every contact of ``ids``; return how many changed."""
    if field not in FIELDS:
        raise Invalid(field, f"bulk actions set {', '.join(FIELDS)}, not {field}")
    if not ids:
        raise NothingToDo()
    if field == "strength" and not (isinstance(value, int) and 1 <= value <= 5):
        raise Invalid("strength", "strength is a whole number from 1 to 5")
    if field == "cadence_days" and value is not None and not (isinstance(value, int) and 0 <= value <= 3650):
        raise Invalid("cadence_days", "the cadence is a number of days from 0 to 3650")
    with undo.action("bulk", f"bulk {field}") as draft:
        old: dict[str, object] = {}
        for chunk in _chunks(ids):
            for cid, cur in db.execute_sql(f"SELECT id, {field} FROM contact WHERE id IN ({_in(chunk)})", chunk):
                if cur != value:
                    old[str(cid)] = cur
        changed = [int(k) for k in old]
        for chunk in _chunks(changed):
            db.execute_sql(f"UPDATE contact SET {field} = ?, version = version + 1, updated = ? "
                           f"WHERE id IN ({_in(chunk)})", [value, datetime.now(), *chunk])
        undo.record("quality", what="bulk_field", field=field, old=old)
        shown = {"archived": "archived", "cadence_days": f"cadence {value} d"}.get(field, f"{field} {value}")
        draft.summary = f"bulk: {shown} on {len(changed)} of {len(ids)} contacts"
    return len(changed)


def _tag_id(tag: TagInfo, create: bool) -> int | None:
    row = db.execute_sql("SELECT id FROM tag WHERE kind = ? AND folded = ?", (tag.kind, fold(tag.name))).fetchone()
    if row:
        return row[0]
    if not create:
        return None
    return db.execute_sql("INSERT INTO tag (name, kind, folded) VALUES (?, ?, ?)",
                          (tag.name, tag.kind, fold(tag.name))).lastrowid


def _refresh(ids: list[int]) -> None:
    """Recompute the search keys (they hold tag names) and bump the versions of ``ids``."""
    tags: dict[int, list[TagInfo]] = {}
    for chunk in _chunks(ids):
        for cid, name, kind in db.execute_sql(
                f"SELECT ct.contact_id, g.name, g.kind FROM contact_tag ct JOIN tag g ON g.id = ct.tag_id "
                f"WHERE ct.contact_id IN ({_in(chunk)})", chunk):
            tags.setdefault(cid, []).append(TagInfo(name, kind))
        rows = db.execute_sql(f"SELECT id, name, company, role, location, emails FROM contact "
                              f"WHERE id IN ({_in(chunk)})", chunk).fetchall()
        now = datetime.now()
        for cid, name, company, role, location, emails in rows:
            values = {"name": name, "company": company, "role": role, "location": location,
                      "emails": json.loads(emails or "[]")}
            db.execute_sql("UPDATE contact SET search_key = ?, version = version + 1, updated = ? WHERE id = ?",
                           (_search_key(values, tags.get(cid, ())), now, cid))
    db.execute_sql("DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM contact_tag)")


def _link(ids: list[int], tag: TagInfo) -> None:
    tag_id = _tag_id(tag, create=True)
    for chunk in _chunks(ids):
        db.execute_sql(f"INSERT OR IGNORE INTO contact_tag (contact_id, tag_id) SELECT id, ? FROM contact "
                       f"WHERE id IN ({_in(chunk)})", [tag_id, *chunk])


def _unlink(ids: list[int], tag: TagInfo) -> None:
    tag_id = _tag_id(tag, create=False)
    if tag_id is None:
        return
    for chunk in _chunks(ids):
        db.execute_sql(f"DELETE FROM contact_tag WHERE tag_id = ? AND contact_id IN ({_in(chunk)})", [tag_id, *chunk])


def _holders(ids: list[int], tag: TagInfo) -> set[int]:
    tag_id = _tag_id(tag, create=False)
    if tag_id is None:
        return set()
    out: set[int] = set()
    for chunk in _chunks(ids):
        out |= {r[0] for r in db.execute_sql(
            f"SELECT contact_id FROM contact_tag WHERE tag_id = ? AND contact_id IN ({_in(chunk)})", [tag_id, *chunk])}
    return out


def tag(ids: list[int], text: str, remove: bool = False) -> int:
    """Add (or remove) the tag ``text`` (``industry:fintech`` or ``fintech``); return how many changed."""
    if not ids:
        raise NothingToDo()
    t = parse_tag(text)
    with undo.action("bulk", "bulk tag") as draft:
        holders = _holders(ids, t)
        changed = sorted(holders) if remove else [i for i in ids if i not in holders]
        (_unlink if remove else _link)(changed, t)
        _refresh(changed)
        undo.record("quality", what="bulk_tag", ids=changed, name=t.name, kind=t.kind, removed=remove)
        draft.summary = f"bulk: {'removed' if remove else 'added'} tag {t.label()} on {len(changed)} contacts"
    return len(changed)


def restore(step: dict) -> None:
    """Undo of a bulk action."""
    if step["what"] == "bulk_field":
        field = step["field"]
        assert field in FIELDS
        for cid, value in step["old"].items():
            db.execute_sql(f"UPDATE contact SET {field} = ?, version = version + 1 WHERE id = ?", (value, int(cid)))
    elif step["what"] == "bulk_tag":
        t = TagInfo(step["name"], step["kind"])
        ids = [i for i in step["ids"]]
        (_link if step["removed"] else _unlink)(ids, t)
        _refresh(ids)


def undo_step(step: dict) -> None:
    """Apply one ``quality`` undo step (bulk, triage or focus)."""
    from kith.store.quality.focus import restore_focus
    from kith.store.quality.triage import restore_triage

    what = step["what"]
    if what == "focus":
        restore_focus(step)
    elif what == "triage":
        restore_triage(step)
    elif what == "touch_rating":
        from kith.store.quality.strength import restore_rating

        restore_rating(step)
    else:
        restore(step)
