"""Provides the power-connector ranking: who makes introductions, how far they reach, how close you are.

The seed note's definition, made measurable. For each contact who made at least one
introduction:

    score = (3 × introductions to you + 2 × introductions between your contacts
             + distinct organisations + industries + places those introductions reached)
            × your strength with them / 3 × recency (as in ``store.network.paths``)

Organisations are the introduced people's current employers, industries those employers'
industry, places the people's locations. Archived contacts are left out.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from store import clock
from store.db import db
from store.network.paths import STRENGTH_WORDS, recency
from store.network.records import Connector


def rank_connectors(today: date | None = None, limit: int | None = None) -> list[Connector]:
    """Connectors best first, each with its reasons."""
    today = today or clock.today()
    made: dict[int, list[tuple[int | None, int]]] = defaultdict(list)
    for by, first, second in db.execute_sql("SELECT by_id, first_id, second_id FROM introduction "
                                            "WHERE by_id IS NOT NULL"):
        made[by].append((first, second))
    if not made:
        return []
    people = {cid: (name, location, strength, last, archived) for cid, name, location, strength, last, archived
              in db.execute_sql("SELECT id, name, location, strength, last_touch_on, archived FROM contact")}
    employer = {cid: (org, industry) for cid, org, industry in db.execute_sql(
        "SELECT e.contact_id, e.organisation_id, o.industry FROM employment e "
        "JOIN organisation o ON o.id = e.organisation_id WHERE e.current = 1")}
    out = []
    for by, intros in made.items():
        if by not in people or people[by][4]:
            continue
        name, _loc, strength, last, _arch = people[by]
        last_day = date.fromisoformat(str(last)[:10]) if last else None
        to_you = sum(1 for first, _s in intros if first is None)
        between = len(intros) - to_you
        reached = {p for first, second in intros for p in (first, second) if p is not None}
        orgs = {employer[p][0] for p in reached if p in employer}
        industries = {employer[p][1].casefold() for p in reached if p in employer and employer[p][1]}
        places = {people[p][1].casefold() for p in reached if p in people and people[p][1]}
        reach = 3 * to_you + 2 * between + len(orgs) + len(industries) + len(places)
        score = round(reach * strength / 3 * recency(last_day, today), 3)
        reasons = []
        if to_you:
            reasons.append(f"introduced you to {to_you} {'person' if to_you == 1 else 'people'}")
        if between:
            reasons.append(f"{between} introduction{'s' if between != 1 else ''} between your contacts")
        reasons.append(f"reached {len(orgs)} organisation{'s' if len(orgs) != 1 else ''}, "
                       f"{len(industries)} industr{'ies' if len(industries) != 1 else 'y'}, "
                       f"{len(places)} place{'s' if len(places) != 1 else ''}")
        ago = "no touch yet" if last_day is None else f"last touch {(today - last_day).days} d ago"
        reasons.append(f"{STRENGTH_WORDS.get(strength, strength)} with you, {ago}")
        out.append(Connector(by, name, score, to_you, between, len(orgs), len(industries), len(places),
                             strength, last_day, tuple(reasons)))
    out.sort(key=lambda c: (-c.score, -(c.to_you + c.between), c.name.casefold(), c.contact_id))
    return out[:limit] if limit else out


def drafted_ask(connector: Connector, org_name: str | None = None) -> str:
    """The follow-up text for asking a connector for an introduction."""
    if org_name:
        return f"Ask {connector.name} for an introduction to someone at {org_name}"
    return f"Ask {connector.name} for an introduction: who should I meet next?"
