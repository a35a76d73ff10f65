"""Provides what the network knows that says where a contact works and has worked, for relevance.

Other areas (your focus, in ``kith.store.quality``) ask which contacts work or worked at an
organisation whose industry or location is a given word, and whose past titles hold one. Words
match whole and folded ("fintech" is in "Fintech / payments", "London" in "London, UK"; "AI" is
not in "retail"). Set-based: the organisations are matched in memory (a few hundred), then one
indexed query finds their people.
"""

from __future__ import annotations

import json
import re

from kith.store.core.db import db
from kith.store.core.fold import fold


def holds_words(text: str, key: str) -> bool:
    """Whether folded ``key`` appears as whole words in ``text``."""
    words = " ".join(re.sub(r"[^\w]+", " ", fold(text or "")).split())
    return bool(key) and f" {key} " in f" {words} "


def _scope(contact_ids: list[int] | None) -> tuple[str, tuple]:
    if contact_ids is None:
        return "", ()
    return " AND e.contact_id IN (SELECT value FROM json_each(?))", (json.dumps(list(contact_ids)),)


def org_matches(field: str, key: str, contact_ids: list[int] | None = None) -> dict[int, tuple[bool, str]]:
    """Contacts employed at an organisation whose ``field`` ("industry" or "location") holds ``key``:
    contact id -> (it is their current job, the organisation's name); a current job wins."""
    if field not in ("industry", "location"):
        raise ValueError(f"not an organisation field: {field!r}")
    key = " ".join(re.sub(r"[^\w]+", " ", fold(key)).split())
    orgs = {oid: name for oid, name, text in db.execute_sql(
        f"SELECT id, name, {field} FROM organisation WHERE {field} != ''") if holds_words(text, key)}
    if not orgs:
        return {}
    scope, args = _scope(contact_ids)
    out: dict[int, tuple[bool, str]] = {}
    for cid, current, oid in db.execute_sql(
            "SELECT e.contact_id, e.current, e.organisation_id FROM employment e WHERE e.organisation_id IN "
            f"(SELECT value FROM json_each(?)){scope} ORDER BY e.current DESC, e.id", (json.dumps(list(orgs)), *args)):
        out.setdefault(cid, (bool(current), orgs[oid]))
    return out


def past_title_matches(key: str, contact_ids: list[int] | None = None) -> dict[int, str]:
    """Contacts with a past job whose title holds ``key``: contact id -> that organisation's name.

    SQL narrows to titles that could hold it (``LIKE``, or any title with non-ASCII letters,
    which ``LIKE`` cannot fold: its length in bytes differs); the fold decides, once per title.
    """
    key = " ".join(re.sub(r"[^\w]+", " ", fold(key)).split())
    if not key:
        return {}
    scope, args = _scope(contact_ids)
    out: dict[int, int] = {}
    verdicts: dict[str, bool] = {}
    for cid, title, oid in db.execute_sql(
            "SELECT e.contact_id, e.title, e.organisation_id FROM employment e WHERE e.current = 0 AND e.title != '' "
            f"AND (e.title LIKE ? OR length(e.title) != length(CAST(e.title AS BLOB))){scope} "
            "ORDER BY coalesce(e.ended, e.started, '') DESC, e.id DESC", (f"%{key}%", *args)):
        if cid not in out:
            fits = verdicts.get(title)
            if fits is None:
                fits = verdicts[title] = holds_words(title, key)
            if fits:
                out[cid] = oid
    names = dict(db.execute_sql("SELECT id, name FROM organisation WHERE id IN (SELECT value FROM json_each(?))",
                                (json.dumps(sorted(set(out.values()))),)).fetchall())
    return {cid: names[oid] for cid, oid in out.items()}
