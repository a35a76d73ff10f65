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

from datetime import date

from store import clock
from store.db import db
from store.network.edges import edges_to
from store.network.records import Hop, Route
from store.network.settings import NetworkSettings

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
    edges = edges_to(set(staff), settings, skip_org=org_id, today=today)
    people = _people({*staff, *(e.other for e in edges)})
    routes: list[tuple] = []

    def member_text(cid: int) -> str:
        current, title, ended = staff[cid]
        name = people[cid][0]
        if current:
            return f"{name}, {title} at {org_name}" if title else f"{name} at {org_name}"
        until = f" until {ended[:4]}" if ended else ""
        return f"{name}, formerly {title + ' ' if title else ''}at {org_name}{until}"

    for cid, (current, _title, _ended) in staff.items():
        name, strength, last, kind = people[cid]
        score = strength * DIRECT * recency(last, today) * (1.0 if current else 0.5)
        why = f"you → {member_text(cid)} ({_you_text(strength, last, kind, today)})"
        hop = Hop(cid, name, "you", _you_text(strength, last, kind, today))
        routes.append((round(score, 3), 1, name.casefold(), Route(round(score, 3), (hop,), why)))
    best: dict[int, tuple] = {}
    for e in edges:
        if e.other not in people or (e.other in staff and staff[e.other][0]):
            continue  # archived, or already inside (a first-degree route)
        name, strength, last, _kind = people[e.other]
        score = strength * e.strength * recency(last, today) * (1.0 if staff[e.member][0] else 0.5)
        key = (score, staff[e.member][0], -e.member)
        if e.other not in best or key > best[e.other][0]:
            best[e.other] = (key, e)
    for other, ((score, _cur, _m), e) in best.items():
        name, strength, last, kind = people[other]
        you = _you_text(strength, last, kind, today)
        hops = (Hop(other, name, "you", you), Hop(e.member, people[e.member][0], e.kind, e.why))
        why = f"you → {name} ({you}) → {member_text(e.member)} ({e.why})"
        routes.append((round(score, 3), 2, name.casefold(), Route(round(score, 3), hops, why)))
    routes.sort(key=lambda r: (-r[0], r[1], r[2]))
    found = [r[3] for r in routes]
    return found[:limit] if limit else found


def _people(ids: set[int]) -> dict[int, tuple[str, int, date | None, str | None]]:
    """Non-archived contacts among ``ids``: name, your strength, last touch day and kind."""
    out = {}
    id_list = sorted(ids)
    for i in range(0, len(id_list), 900):
        chunk = id_list[i:i + 900]
        for cid, name, strength, last, kind in db.execute_sql(
                f"SELECT id, name, strength, last_touch_on, last_touch_kind FROM contact "
                f"WHERE archived = 0 AND id IN ({','.join('?' * len(chunk))})", chunk):
            out[cid] = (name, strength, date.fromisoformat(str(last)[:10]) if last else None, kind)
    return out
