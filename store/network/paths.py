"""Provides the warm path in: every route from you into an organisation, ranked and explained.

Score of a route (higher first; shorter first at equal score, then by name):

    your strength with the first hop (1–5) × the edge's strength (1–5) × recency × 1 (current
    employee at the end) or 0.5 (former employee)

A first-degree route (you know someone there) has edge strength 5. Edge strengths come from
``NetworkSettings`` (introduction 4, manual "knows" its own 1–5, colleagues 3 for a year or
more together, else 2, the same event or volunteering engagement 2). Recency is how lately you
were in touch with the first hop: 1.0 within 90 days, 0.7 within a year, 0.4 longer, 0.3 never.
Each first hop appears once, with their best way in.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from kith.store.core import clock
from kith.store.core.db import db
from kith.store.network.edges import Reach, _colleague_edges, edges_by_kind
from kith.store.network.records import Hop, Route
from kith.store.network.settings import NetworkSettings

DIRECT = 5
BEST_YOU = 5 * 1.0
"""The most your strength × recency with anyone can be."""
STRENGTH_WORDS = {1: "faint", 2: "weak", 3: "good", 4: "strong", 5: "very strong"}


def recency(last: date | None, today: date) -> float:
    if last is None:
        return 0.3
    days = (today - last).days
    return 1.0 if days <= 90 else 0.7 if days <= 365 else 0.4


def _you_text(strength: int, last: date | None, kind: str | None, today: date) -> str:
    if last is None:
        return f"{STRENGTH_WORDS.get(strength, strength)}, no touch yet"
    days = (today - last).days
    ago = "today" if days == 0 else f"{days} d ago"
    return f"{STRENGTH_WORDS.get(strength, strength)}, {kind or 'touch'} {ago}"


def find_routes(org_id: int, settings: NetworkSettings | None = None, today: date | None = None,
                limit: int | None = None) -> list[Route]:
    """Routes from you into organisation ``org_id``, best first (see the module for the score).

    With a ``limit`` only what can reach the list is read: first-degree routes and the small edge
    kinds (introductions, knows, events) set a bar, and colleagues (the bulk of the edges: every
    employment at every organisation the staff ever worked at) are read only for people whose best
    possible colleague route reaches it. The ranking is the same as reading everything.
    """
    settings = settings or NetworkSettings()
    today = today or clock.today()
    org_name = db.execute_sql("SELECT name FROM organisation WHERE id = ?", (org_id,)).fetchone()
    if org_name is None:
        return []
    org_name = org_name[0]
    staff: dict[int, tuple[bool, str, str | None]] = {}  # contact -> (current, title, ended)
    for cid, cur, title, ended in db.execute_sql(
            "SELECT e.contact_id, e.current, e.title, e.ended FROM employment e JOIN contact c ON c.id = e.contact_id "
            "WHERE e.organisation_id = ? AND c.archived = 0 ORDER BY e.current, coalesce(e.ended, '')", (org_id,)):
        if cid not in staff or not staff[cid][0]:
            staff[cid] = (bool(cur), title, ended)
    if not staff:
        return []
    inside_now = frozenset(cid for cid, (current, _t, _e) in staff.items() if current)
    factor = {cid: 1.0 if current else 0.5 for cid, (current, _t, _e) in staff.items()}
    kinds = edges_by_kind(set(staff), settings, skip_org=org_id, today=today, not_from=inside_now,
                          colleagues=not limit)
    people = _people(today, set(staff) | {e[0] for kind in kinds for e in kind})
    # Score everything as plain tuples; build the explained routes only for those returned.
    ranked: list[tuple] = []
    for cid, (current, _title, _ended) in staff.items():
        if cid in people:
            name, strength, weight, _last, _kind = people[cid]
            ranked.append((-round(strength * DIRECT * weight * (1.0 if current else 0.5), 3), 1, name.casefold(),
                           cid, None))
    if limit:
        # The bar: the limit-th best score known so far (a route only gets better as edges are added).
        known = sorted([r[0] for r in ranked] + [-round(b[0][0], 3) for b in _best(kinds, people, inside_now,
                                                                                     factor).values()])
        bar = -known[limit - 1] if len(known) >= limit else 0.0
        reach = max(settings.edge_colleagues_long, settings.edge_colleagues_short)
        if bar / reach <= BEST_YOU:  # else no colleague route can reach the list
            kinds[2] = _colleague_edges(set(staff), settings, org_id, today, inside_now,
                                        Reach(*_since(today), bar, inside_now) if bar > 0 else None)
        if kinds[2]:
            people.update(_people(today, {e[0] for e in kinds[2]} - set(people)))
    for other, (key, e) in _best(kinds, people, inside_now, factor).items():
        ranked.append((-round(key[0], 3), 2, people[other][0].casefold(), other, e))
    ranked.sort(key=lambda r: r[:4])
    if limit:
        ranked = ranked[:limit]
    return [_route(r, staff, people, org_name, today) for r in ranked]


def _best(kinds: list[list], people: dict, inside_now: frozenset[int], factor: dict) -> dict[int, tuple]:
    """Each second-degree first hop's best edge in: other -> ((score, factor, -member), edge).

    Edges are weighed in the order of ``kinds``; at an equal key the first one seen stays.
    """
    best: dict[int, tuple] = {}
    for kind in kinds:
        for e in kind:
            other = e[0]
            person = people.get(other)
            if person is None or other in inside_now:
                continue  # archived, or already inside (a first-degree route)
            key = (person[1] * e[3] * person[2] * factor[e[1]], factor[e[1]], -e[1])
            held = best.get(other)
            if held is None or key > held[0]:
                best[other] = (key, e)
    return best


def _route(row: tuple, staff: dict, people: dict, org_name: str, today: date) -> Route:
    score, _hops, _name, cid, edge = row
    name, strength, _weight, last, kind = people[cid]
    you = _you_text(strength, date.fromisoformat(last) if last else None, kind, today)
    inside = edge.member if edge else cid
    current, title, ended = staff[inside]
    inside_name = people[inside][0]
    if current:
        member = f"{inside_name}, {title} at {org_name}" if title else f"{inside_name} at {org_name}"
    else:
        member = f"{inside_name}, formerly {title + ' ' if title else ''}at {org_name}" + (
            f" until {ended[:4]}" if ended else "")
    if edge is None:
        return Route(-score, (Hop(cid, name, "you", you),), f"you → {member} ({you})")
    hops = (Hop(cid, name, "you", you), Hop(inside, inside_name, edge.kind, edge.why))
    return Route(-score, hops, f"you → {name} ({you}) → {member} ({edge.why})")


def _since(today: date) -> tuple[str, str]:
    return (today - timedelta(days=90)).isoformat(), (today - timedelta(days=365)).isoformat()


def _people(today: date, ids: set[int]) -> dict[int, tuple[str, int, float, str | None, str | None]]:
    """These contacts (archived ones left out): name, your strength, recency weight, last touch day and kind."""
    near, year = _since(today)
    out = {}
    for cid, name, strength, last, kind in db.execute_sql(
            "SELECT id, name, strength, last_touch_on, last_touch_kind FROM contact WHERE archived = 0 "
            "AND id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(ids)),)):
        last = str(last)[:10] if last else None
        weight = 0.3 if last is None else 1.0 if last >= near else 0.7 if last >= year else 0.4
        out[cid] = (name, strength, weight, last, kind)
    return out
