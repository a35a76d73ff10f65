"""Provides likely-duplicate pairs of contacts and merging two contacts into one.

Pairs are found by blocking keys, never by comparing every pair: the folded name with look-alike
letters mapped to Latin (Cyrillic ``а`` vs Latin ``a``), the same email, the same profile URL, and
similar names (rapidfuzz) among contacts sharing a surname key. A merge moves every row of every
table that refers to the other contact (found through ``PRAGMA foreign_key_list``, so tables that
later migrations add are included) and combines the fields of both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid
from kith.store.core.fold import fold
from kith.store.core.records import ContactInfo
from kith.store.people import hooks
from kith.store.people.contacts import _search_key, get_contact
from kith.store.people.keys import url_key

# Letters that look like Latin ones (Unicode confusables, the common Cyrillic and Greek ones).
CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "ո": "n",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "ϲ": "c", "ℓ": "l",
})
SIMILAR = 90


def name_key(name: str) -> str:
    """The name folded, look-alikes mapped, punctuation dropped, words sorted."""
    text = fold(fold(name).translate(CONFUSABLES))
    words = "".join(ch if ch.isalnum() else " " for ch in text).split()
    return " ".join(sorted(words))


def key_letters(name: str) -> str:
    """The folded name's letters and digits in order, every space and punctuation mark dropped."""
    return "".join(ch for ch in fold(fold(name).translate(CONFUSABLES)) if ch.isalnum())


@dataclass(frozen=True)
class DuplicatePair:
    """Two contacts that are probably one person, and why."""

    a_id: int
    a_name: str
    b_id: int
    b_name: str
    reasons: tuple[str, ...]
    score: int


def find_duplicates() -> list[DuplicatePair]:
    """Return likely duplicate pairs, strongest first (most reasons, then by name)."""
    from rapidfuzz import fuzz

    rows = db.execute_sql(
        "SELECT id, name, emails, links, company FROM contact WHERE archived = 0 ORDER BY id").fetchall()
    reasons: dict[tuple[int, int], set[str]] = {}
    names = {cid: name for cid, name, *_rest in rows}
    companies = {cid: fold(company or "") for cid, _n, _e, _l, company in rows}

    def pair(a: int, b: int, why: str) -> None:
        if a != b:
            reasons.setdefault((min(a, b), max(a, b)), set()).add(why)

    buckets: dict[tuple[str, str], list[int]] = {}
    keys: dict[int, str] = {}
    for cid, name, emails, links, _company in rows:
        key = name_key(name)
        keys[cid] = key
        if key:
            buckets.setdefault(("name", key), []).append(cid)
            # "Tom O'Brien" and "Tom OBrien": the same letters in the same order
            buckets.setdefault(("letters", key_letters(name)), []).append(cid)
            words = key.split()
            for w in {words[0], words[-1]}:
                if len(w) >= 3:
                    buckets.setdefault(("word", w), []).append(cid)
        for e in json.loads(emails or "[]"):
            buckets.setdefault(("email", e.strip().lower()), []).append(cid)
        for u in json.loads(links or "[]"):
            buckets.setdefault(("url", url_key(u)), []).append(cid)
    why_of = {"name": "same name", "email": "same email", "url": "same profile URL"}
    for (kind, _value), ids in buckets.items():
        if len(ids) < 2:
            continue
        if kind in why_of:
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    pair(a, b, why_of[kind])
        elif kind == "letters" and len(ids) <= 200:
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    if keys[a] != keys[b]:
                        pair(a, b, "same name but punctuation")
        elif len(ids) <= 200:  # a very common word (e.g. "lee") is not worth n² comparisons
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    if keys[a] != keys[b] and len(keys[a].split()) > 1 and len(keys[b].split()) > 1 \
                            and fuzz.ratio(keys[a], keys[b]) >= SIMILAR:
                        pair(a, b, "similar name")
    for (a, b), why in reasons.items():
        if companies[a] and companies[a] == companies[b]:
            why.add("same company")
    out = [DuplicatePair(a, names[a], b, names[b], tuple(sorted(w)), len(w)) for (a, b), w in reasons.items()]
    return sorted(out, key=lambda p: (-p.score, fold(p.a_name), p.a_id, p.b_id))


# -- merging --------------------------------------------------------------------------------------


def _references() -> list[tuple[str, str, str]]:
    """(table, column, on_delete) for every foreign key pointing at contact.id, in every table."""
    out = []
    tables = [r[0] for r in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for t in tables:
        for r in db.execute_sql(f'PRAGMA foreign_key_list("{t}")'):
            # (id, seq, table, from, to, on_update, on_delete, match)
            if r[2] == "contact" and (r[4] in (None, "id")):
                out.append((t, r[3], r[6]))
    return out


def merge(keep_id: int, other_id: int, today=None) -> ContactInfo:
    """Merge contact ``other_id`` into ``keep_id`` and delete it; return the kept contact.

    Every touch, follow-up, tag and row of other tables that refers to the other contact moves to
    the kept one. A single value of the other contact that differs from the kept one's (company,
    role, connected-on…) is kept as a dated "Before merge with #N" line in the notes. A row that would
    clash with a unique constraint (e.g. a tag both already have)
    is a true duplicate and is dropped with the other contact.

    Raises:
        NotFound: either id is unknown.
        Invalid: both ids are the same.
    """
    from kith.store.people.contacts import normalise
    from kith.store.people.merge_fields import plan_changes

    if keep_id == other_id:
        raise Invalid("other", "a contact cannot be merged with itself")
    with undo.irreversible("merge", "merged two contacts"):
        keep, other = get_contact(keep_id), get_contact(other_id)
        changes = normalise(plan_changes(keep, other, today))
        hooks.before_merge(keep_id, other_id, today)
        for table, column, _on_delete in _references():
            if table == "contact":
                db.execute_sql(f'UPDATE contact SET "{column}" = NULL WHERE id = ? AND "{column}" = ?',
                               (keep_id, other_id))
            db.execute_sql(f'UPDATE OR IGNORE "{table}" SET "{column}" = ? WHERE "{column}" = ?',
                           (keep_id, other_id))
        if other.last_touch_on and (not keep.last_touch_on or other.last_touch_on > keep.last_touch_on):
            db.execute_sql("UPDATE contact SET last_touch_on = ?, last_touch_kind = ? WHERE id = ?",
                           (other.last_touch_on.isoformat(), other.last_touch_kind, keep_id))
        db.execute_sql("DELETE FROM contact WHERE id = ?", (other_id,))
        from kith.store.people.contacts import _set_tags, _to_db
        from kith.store.people.models import Contact

        merged = {**get_contact(keep_id).__dict__, **changes}
        row = _to_db({k: v for k, v in changes.items()})
        row["search_key"] = _search_key(merged, merged["tags"])
        row["updated"] = datetime.now()
        row["version"] = Contact.version + 1
        Contact.update(row).where(Contact.id == keep_id).execute()
        if "tags" in changes:
            _set_tags(keep_id, changes["tags"])
        hooks.after_merge(keep_id)
    return get_contact(keep_id)
