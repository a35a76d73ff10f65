"""Provides triage: which contacts are still to be looked at, and storing what the user decided.

A contact stays untriaged until triage stores that it was seen: a tier or strength set, a tag
added, archived or skipped all stamp ``triaged_on``. Each decision is one undoable action.
Imports record an ``import_run`` (``kith.store.people.import_runs``) for ``added:last-import``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.people.filters import Query, matching_ids, parse

INITIATED = {"me": "you invited", "them": "they invited", "in-person": "met in person"}
DEFAULT_QUERY = "triaged:no"


@dataclass(frozen=True)
class TriageCard:
    """What triage shows of one contact."""

    id: int
    name: str
    role: str
    company: str
    location: str
    connected_on: date | None
    tier: str
    strength: int
    tags: tuple[str, ...]
    archived: bool
    triaged_on: date | None
    initiated_by: str | None
    how_met: str
    notes: str

    def as_json(self) -> dict:
        return {"id": self.id, "name": self.name, "role": self.role, "company": self.company,
                "location": self.location, "connected_on": self.connected_on.isoformat() if self.connected_on else None,
                "tier": self.tier, "strength": self.strength, "tags": list(self.tags), "archived": self.archived,
                "triaged_on": self.triaged_on.isoformat() if self.triaged_on else None,
                "initiated_by": self.initiated_by}


def queue(query: Query | str = DEFAULT_QUERY, today: date | None = None) -> list[int]:
    """Ids to triage for ``query`` (default: every untriaged contact), newest additions first."""
    from kith.store.core import clock

    if isinstance(query, str):
        query = parse(query)
    ids = matching_ids(query, today or clock.today())
    created = dict(db.execute_sql("SELECT id, created FROM contact"))
    return sorted(ids, key=lambda i: (str(created.get(i, "")),), reverse=True)


def card(contact_id: int) -> TriageCard:
    """One contact as triage shows it.

    Raises:
        NotFound: no such contact.
    """
    row = db.execute_sql(
        "SELECT id, name, role, company, location, connected_on, tier, strength, archived, triaged_on, "
        "initiated_by, how_met, notes FROM contact WHERE id = ?", (contact_id,)).fetchone()
    if row is None:
        raise NotFound(f"no contact with id {contact_id}")
    tags = [r[0] if r[1] == "other" else f"{r[1]}:{r[0]}" for r in db.execute_sql(
        "SELECT g.name, g.kind FROM contact_tag ct JOIN tag g ON g.id = ct.tag_id WHERE ct.contact_id = ? "
        "ORDER BY g.kind, g.folded", (contact_id,))]
    cid, name, role, company, location, conn, tier, strength, archived, triaged, initiated, how_met, notes = row
    return TriageCard(cid, name, role, company, location, date.fromisoformat(conn) if conn else None, tier, strength,
                      tuple(tags), bool(archived), date.fromisoformat(str(triaged)[:10]) if triaged else None,
                      initiated, how_met, notes)


def decide(contact_id: int, today: date, *, tier: str | None = None, strength: int | None = None,
           add_tag: str | None = None, archive: bool = False, initiated_by: str | None = None) -> TriageCard:
    """Store one triage decision (or a plain skip when nothing is given); the contact counts as seen.

    Raises:
        NotFound, Invalid (a bad tier, strength, tag or initiator).
    """
    from kith.store.people.contacts import get_contact, parse_tag, update_contact

    if initiated_by is not None and initiated_by not in INITIATED:
        raise Invalid("initiated_by", f"who started it: one of {', '.join(INITIATED)}")
    with undo.action("triage", contact_id=contact_id) as draft:
        current = get_contact(contact_id)
        changes: dict = {}
        if tier is not None:
            changes["tier"] = tier
        if strength is not None:
            changes["strength"] = strength
        if add_tag:
            tag = parse_tag(add_tag)
            if tag not in current.tags:
                changes["tags"] = (*current.tags, tag)
        if archive:
            changes["archived"] = True
        if changes:
            update_contact(contact_id, changes)
        old = db.execute_sql("SELECT triaged_on, initiated_by FROM contact WHERE id = ?", (contact_id,)).fetchone()
        undo.record("quality", what="triage", id=contact_id, triaged_on=old[0], initiated_by=old[1])
        db.execute_sql("UPDATE contact SET triaged_on = ?, initiated_by = coalesce(?, initiated_by) WHERE id = ?",
                       (today.isoformat(), initiated_by, contact_id))
        what = ", ".join(changes) or ("who started it" if initiated_by else "skipped")
        draft.summary = f"triaged {current.name} ({what})"
    return card(contact_id)


def restore_triage(step: dict) -> None:
    """Undo of ``decide``'s stamp."""
    db.execute_sql("UPDATE contact SET triaged_on = ?, initiated_by = ? WHERE id = ?",
                   (step["triaged_on"], step["initiated_by"], step["id"]))


def tag_names() -> list[str]:
    """Every tag as triage completes it: ``industry:fintech``, or the bare name for ``other``."""
    return [n if k == "other" else f"{k}:{n}" for n, k in db.execute_sql(
        "SELECT name, kind FROM tag ORDER BY kind, folded")]


def initiator_counts() -> dict[str, int]:
    """How many active connections each side started (Health's accept-or-invite ratio)."""
    out = {k: 0 for k in INITIATED}
    for who, n in db.execute_sql("SELECT initiated_by, count(*) FROM contact WHERE archived = 0 "
                                 "AND initiated_by IS NOT NULL GROUP BY initiated_by"):
        out[who] = n
    return out
