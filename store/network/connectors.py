"""Provides the power-connector ranking: who makes introductions, how far they reach, how close you are.

The seed note's definition, made measurable. For each contact who made at least one
introduction:

    score = (3 × introductions to you + 2 × introductions between your contacts
             + distinct organisations + industries + places those introductions reached)
            × your strength with them / 3 × recency (as in ``kith.store.network.paths``)

Organisations are the introduced people's current employers, industries those employers'
industry, places the people's locations. Archived contacts are left out.
"""

from __future__ import annotations

from datetime import date

from kith.store.core import clock
from kith.store.core.db import db
from kith.store.network.paths import STRENGTH_WORDS, recency
from kith.store.network.records import Connector

_REACH_SQL = """
WITH reached AS (
    SELECT by_id AS by, first_id AS person FROM introduction WHERE by_id IS NOT NULL AND first_id IS NOT NULL
    UNION ALL SELECT by_id, second_id FROM introduction WHERE by_id IS NOT NULL)
SELECT r.by, count(DISTINCT e.organisation_id), count(DISTINCT nullif(lower(o.industry), '')),
       count(DISTINCT nullif(lower(c.location), ''))
FROM reached r JOIN contact c ON c.id = r.person
LEFT JOIN employment e ON e.contact_id = r.person AND e.current = 1
LEFT JOIN organisation o ON o.id = e.organisation_id
GROUP BY r.by
"""


def rank_connectors(today: date | None = None, limit: int | None = None) -> list[Connector]:
    """Connectors best first, each with its reasons (counted in SQL: 5,000 introductions in a few ms)."""
    today = today or clock.today()
    made = {by: (to_you, between) for by, to_you, between in db.execute_sql(
        "SELECT by_id, sum(first_id IS NULL), sum(first_id IS NOT NULL) FROM introduction "
        "WHERE by_id IS NOT NULL GROUP BY by_id")}
    if not made:
        return []
    reach = {by: (orgs, industries, places) for by, orgs, industries, places in db.execute_sql(_REACH_SQL)}
    out = []
    for by, name, strength, last in db.execute_sql(
            "SELECT id, name, strength, last_touch_on FROM contact WHERE archived = 0 AND id IN "
            "(SELECT DISTINCT by_id FROM introduction WHERE by_id IS NOT NULL)"):
        to_you, between = made[by]
        orgs, industries, places = reach.get(by, (0, 0, 0))
        last_day = date.fromisoformat(str(last)[:10]) if last else None
        points = 3 * to_you + 2 * between + orgs + industries + places
        score = round(points * strength / 3 * recency(last_day, today), 3)
        reasons = []
        if to_you:
            reasons.append(f"introduced you to {to_you} {'person' if to_you == 1 else 'people'}")
        if between:
            reasons.append(f"{between} introduction{'s' if between != 1 else ''} between your contacts")
        reasons.append(f"reached {orgs} organisation{'s' if orgs != 1 else ''}, "
                       f"{industries} industr{'ies' if industries != 1 else 'y'}, "
                       f"{places} place{'s' if places != 1 else ''}")
        ago = "no touch yet" if last_day is None else f"last touch {(today - last_day).days} d ago"
        reasons.append(f"{STRENGTH_WORDS.get(strength, strength)} with you, {ago}")
        out.append(Connector(by, name, score, to_you, between, orgs, industries, places, strength, last_day,
                             tuple(reasons)))
    out.sort(key=lambda c: (-c.score, -(c.to_you + c.between), c.name.casefold(), c.contact_id))
    return out[:limit] if limit else out


def drafted_ask(connector: Connector, org_name: str | None = None) -> str:
    """The follow-up text for asking a connector for an introduction."""
    if org_name:
        return f"Ask {connector.name} for an introduction to someone at {org_name}"
    return f"Ask {connector.name} for an introduction: who should I meet next?"
