"""Provides finding contacts for the command line: one by exact name or id, and likely duplicates.

A command acts only on the contact a user named exactly; anything else gets suggestions from
the search behind ``kith find``, never a guess.
"""

from __future__ import annotations

import json

from kith.store.core.db import db
from kith.store.core.errors import Ambiguous, NotFound
from kith.store.core.fold import fold
from kith.store.core.records import ContactInfo
from kith.store.people.contacts import get_contact


class NoExactMatch(NotFound):
    """No contact has exactly this name; ``suggestions`` holds ``(id, name, archived)`` of likely ones."""

    def __init__(self, message: str, suggestions: list[tuple[int, str, bool]]) -> None:
        super().__init__(message)
        self.suggestions = suggestions


def resolve_exact(name_or_id: str) -> ContactInfo:
    """Find one contact, archived ones too, by id (``42``, ``#42``) or by its whole name.

    Case, accents and spacing do not matter; a part of a name or a typo is never taken as a
    guess: ``NoExactMatch`` carries suggestions from the search behind ``kith find``.

    Raises:
        NoExactMatch: no contact has this name (or id).
        Ambiguous: several contacts have this name; ``error.candidates`` lists them.
    """
    text = name_or_id.strip()
    if text.lstrip("#").isdigit():
        return get_contact(int(text.lstrip("#")))
    wanted = fold(text)
    if not wanted:
        raise NoExactMatch("give a name or an id", [])
    ids = [cid for cid, name in db.execute_sql("SELECT id, name FROM contact ORDER BY id") if fold(name) == wanted]
    if len(ids) == 1:
        return get_contact(ids[0])
    if ids:
        raise Ambiguous(f"{len(ids)} contacts are named {text!r}", [get_contact(i) for i in ids[:20]])
    from kith.store.search.engine import search

    hits = search(text, limit=3, kinds=["contact"])
    raise NoExactMatch(f"no contact is named {text!r}", [(h.id, h.title, h.archived) for h in hits])


def likely_duplicates(name: str, company: str = "", emails=()) -> list[tuple[int, str, str]]:
    """Return ``(id, name, why)`` of contacts (archived too) with one of ``emails``, or the same
    name (case, accents and spacing aside) where the companies match or either side has none:
    what ``kith add`` warns about. Two people of one name at two named companies are not flagged.
    """
    wanted_emails = {e.strip().casefold() for e in emails or () if e.strip()}
    folded_name, folded_company = fold(name), fold(company or "")
    out = []
    for cid, other, other_company, other_emails in db.execute_sql(
            "SELECT id, name, company, emails FROM contact ORDER BY id"):
        shared = wanted_emails & {e.casefold() for e in json.loads(other_emails or "[]")}
        if shared:
            out.append((cid, other, f"same email {sorted(shared)[0]}"))
            continue
        if fold(other) != folded_name:
            continue
        theirs = fold(other_company or "")
        if theirs == folded_company:
            out.append((cid, other, "same name and company" if company else "same name, no company"))
        elif not folded_company:
            out.append((cid, other, f"same name, at {other_company}; no company given"))
        elif not theirs:
            out.append((cid, other, "same name; no company on record"))
    return out
