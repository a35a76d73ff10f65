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

from datetime import date, timedelta

from kith.store.core import clock
from kith.store.core.db import db
from kith.store.network.edges import edges_to
from kith.store.network.records import Hop, Route
from kith.store.network.settings import NetworkSettings

DIRECT = 5
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
    """Routes from you into organisation ``org_id``, best first (see the module for the score)."""
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
    edges = edges_to(set(staff), settings, skip_org=org_id, today=today, not_from=inside_now)
    people = _people(today)
    # Score everything as plain tuples; build the explained routes only for those returned.
    ranked: list[tuple] = []
    for cid, (current, _title, _ended) in staff.items():
        if cid in people:
            name, strength, weight, _last, _kind = people[cid]
            ranked.append((-round(strength * DIRECT * weight * (1.0 if current else 0.5), 3), 1, name.casefold(),
                           cid, None))
    best: dict[int, tuple] = {}
    factor = {cid: 1.0 if current else 0.5 for cid, (current, _t, _e) in staff.items()}
    for e in edges:
        other = e[0]
        person = people.get(other)
        if person is None or other in inside_now:
            continue  # archived, or already inside (a first-degree route)
        key = (person[1] * e[3] * person[2] * factor[e[1]], factor[e[1]], -e[1])
        held = best.get(other)
        if held is None or key > held[0]:
            best[other] = (key, e)
    for other, (key, e) in best.items():
        ranked.append((-round(key[0], 3), 2, people[other][0].casefold(), other, e))
    ranked.sort(key=lambda r: r[:4])
    if limit:
        ranked = ranked[:limit]
    return [_route(r, staff, people, org_name, today) for r in ranked]


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


def _people(today: date) -> dict[int, tuple[str, int, float, str | None, str | None]]:
    """Every non-archived contact: name, your strength, recency weight, last touch day and kind."""
    near, year = (today - timedelta(days=90)).isoformat(), (today - timedelta(days=365)).isoformat()
    out = {}
    for cid, name, strength, last, kind in db.execute_sql(
            "SELECT id, name, strength, last_touch_on, last_touch_kind FROM contact WHERE archived = 0"):
        last = str(last)[:10] if last else None
        weight = 0.3 if last is None else 1.0 if last >= near else 0.7 if last >= year else 0.4
        out[cid] = (name, strength, weight, last, kind)
    return out
