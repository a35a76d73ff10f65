"""Provides who knows whom: manual "knows" edges and the edges derived from the data.

Edges are introductions (the introducer knows both, the two know each other), colleagues
(employments at one organisation overlapping in time: a month both were there counts, so jobs
ending and starting in the same month touch; an open current job runs to this month), the same
event (touches of kind ``event`` on one day with the same note) and manual "knows" with a
strength. Derived edges are computed when asked, never stored, and each carries its reason.
Other areas add edge sources to ``EXTRA_SOURCES`` (volunteering: people met at one engagement).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Callable, Iterable, NamedTuple

from store import clock, undo
from store.db import db
from store.errors import Invalid, NotFound
from store.fold import fold
from store.network import undo_steps
from store.network.careers import month_index
from store.network.settings import NetworkSettings


class Edge(NamedTuple):
    """``other`` knows ``member`` (an employee in a path search) with ``strength``, because ``why``."""

    other: int
    member: int
    kind: str
    strength: int
    why: str


# fn(member_ids, settings) -> edges from anyone to those members (another area's data).
EXTRA_SOURCES: list[Callable[[set[int], NetworkSettings], Iterable[Edge]]] = []


def set_knows(a_id: int, b_id: int, strength: int = 3) -> None:
    """Record that two contacts know each other (again: a new strength); undoable."""
    if a_id == b_id:
        raise Invalid("knows", "someone always knows themselves")
    if not 1 <= int(strength) <= 5:
        raise Invalid("strength", "strength is 1 (faint) to 5 (very strong)")
    a_id, b_id = sorted((a_id, b_id))
    with undo.action("knows") as draft:
        names = [db.execute_sql("SELECT name FROM contact WHERE id = ?", (c,)).fetchone() for c in (a_id, b_id)]
        if None in names:
            raise NotFound("no such contact")
        row = db.execute_sql("SELECT id FROM knows WHERE a_id = ? AND b_id = ?", (a_id, b_id)).fetchone()
        if row:
            undo_steps.record_restore("knows", row[0])
            db.execute_sql("UPDATE knows SET strength = ? WHERE id = ?", (int(strength), row[0]))
        else:
            cur = db.execute_sql("INSERT INTO knows (a_id, b_id, strength, created) VALUES (?, ?, ?, ?)",
                                 (a_id, b_id, int(strength), datetime.now()))
            undo_steps.record_delete("knows", cur.lastrowid)
        draft.summary = f"{names[0][0]} knows {names[1][0]} (strength {strength})"


def _interval(started: str | None, ended: str | None, current: int, now: int) -> tuple[int, int] | None:
    start, end = month_index(started), month_index(ended, end=True)
    if current:
        end = now
    if start is None and end is None:
        return None
    start = start if start is not None else end
    end = end if end is not None else start
    return (start, max(start, end))


def _years(a: int, b: int) -> str:
    return str(a // 12) if a // 12 == b // 12 else f"{a // 12}–{b // 12}"


def edges_to(members: set[int], settings: NetworkSettings, skip_org: int | None = None,
             today: date | None = None) -> list[Edge]:
    """Every edge from anyone to one of ``members`` (colleagues at ``skip_org`` left out)."""
    out: list[Edge] = []
    out += _introduction_edges(members, settings)
    out += _knows_edges(members)
    out += _colleague_edges(members, settings, skip_org, today or clock.today())
    out += _event_edges(members, settings)
    for source in EXTRA_SOURCES:
        out += list(source(members, settings))
    return out


def _introduction_edges(members: set[int], settings: NetworkSettings) -> list[Edge]:
    out = []
    rows = db.execute_sql("SELECT i.by_id, i.first_id, i.second_id, i.day, coalesce(b.name, 'you') FROM introduction i "
                          "LEFT JOIN contact b ON b.id = i.by_id")
    for by, first, second, day, by_name in rows:
        people = [p for p in (by, first, second) if p is not None]
        for m in people:
            if m not in members:
                continue
            for other in people:
                if other != m:
                    why = (f"introduced by them on {str(day)[:10]}" if other == by
                           else f"they introduced them on {str(day)[:10]}" if m == by
                           else f"introduced to each other by {by_name} on {str(day)[:10]}")
                    out.append(Edge(other, m, "introduction", settings.introduction, why))
    return out


def _knows_edges(members: set[int]) -> list[Edge]:
    out = []
    for a, b, strength in db.execute_sql("SELECT a_id, b_id, strength FROM knows"):
        if b in members:
            out.append(Edge(a, b, "knows", strength, f"you noted they know each other ({strength}/5)"))
        if a in members:
            out.append(Edge(b, a, "knows", strength, f"you noted they know each other ({strength}/5)"))
    return out


def _colleague_edges(members: set[int], settings: NetworkSettings, skip_org: int | None, today: date) -> list[Edge]:
    """Per organisation, which months one of ``members`` was there (and which 12-month windows one
    covered alone); every other employment there then finds its best overlap in O(1)."""
    now = today.year * 12 + today.month - 1
    if not members:
        return []
    by_org: dict[int, list] = defaultdict(list)
    marks = ",".join("?" * min(len(members), 900))
    member_list = sorted(members)
    orgs: set[int] = set()
    for i in range(0, len(member_list), 900):
        chunk = member_list[i:i + 900]
        orgs.update(o for (o,) in db.execute_sql(
            f"SELECT DISTINCT organisation_id FROM employment WHERE contact_id IN ({','.join('?' * len(chunk))})",
            chunk))
    orgs.discard(skip_org)
    if not orgs:
        return []
    del marks
    names = {}
    org_list = sorted(orgs)
    for i in range(0, len(org_list), 900):
        chunk = org_list[i:i + 900]
        q = ",".join("?" * len(chunk))
        for o, name in db.execute_sql(f"SELECT id, name FROM organisation WHERE id IN ({q})", chunk):
            names[o] = name
        for cid, o, s, e, cur in db.execute_sql(
                f"SELECT contact_id, organisation_id, started, ended, current FROM employment "
                f"WHERE organisation_id IN ({q})", chunk):
            span = _interval(s, e, cur, now)
            if span:
                by_org[o].append((cid, span))
    out: list[Edge] = []
    for o, jobs in by_org.items():
        inside = [(cid, span) for cid, span in jobs if cid in members]
        if not inside:
            continue
        lo = min(s for _c, (s, _e) in inside)
        hi = max(e for _c, (_s, e) in inside)
        size = hi - lo + 1
        active: list = [None] * size
        full: list = [None] * size
        for cid, (s, e) in inside:
            for m in range(s - lo, e - lo + 1):
                active[m] = (cid, s, e)
            for m in range(s - lo, e - lo - 10):
                full[m] = (cid, s, e)
        next_active, next_full = _nexts(active), _nexts(full)
        for cid, (bs, be) in jobs:
            if be < lo or bs > hi:
                continue
            start = max(bs, lo) - lo
            m = next_full[start] if start < size else None
            if m is not None and m + lo + 11 <= be and full[m][0] != cid:
                member, s, e = full[m]
                strength = settings.colleagues_long
            else:
                m = next_active[start]
                if m is None or m + lo > be or active[m][0] == cid:
                    continue
                member, s, e = active[m]
                strength = settings.colleagues_short
            why = f"worked together at {names[o]} {_years(max(s, bs), min(e, be))}"
            out.append(Edge(cid, member, "colleagues", strength, why))
    return out


def _nexts(slots: list) -> list:
    """For each index, the first index at or after it holding something (None: nothing after)."""
    out: list = [None] * (len(slots) + 1)
    nxt = None
    for i in range(len(slots) - 1, -1, -1):
        if slots[i] is not None:
            nxt = i
        out[i] = nxt
    return out


def _event_edges(members: set[int], settings: NetworkSettings) -> list[Edge]:
    groups: dict[tuple, set[int]] = defaultdict(set)
    labels: dict[tuple, str] = {}
    for cid, day, note in db.execute_sql("SELECT contact_id, date, note FROM touch WHERE kind = 'event' AND note != ''"):
        key = (str(day)[:10], fold(note))
        groups[key].add(cid)
        labels.setdefault(key, note)
    out = []
    for key, people in groups.items():
        inside = people & members
        if not inside or len(people) < 2:
            continue
        label = " ".join(labels[key].split())[:40]
        for m in inside:
            for other in people - {m}:
                out.append(Edge(other, m, "event", settings.shared, f"both at {label} on {key[0]}"))
    return out


def edges_between(a_id: int, b_id: int, settings: NetworkSettings | None = None,
                  today: date | None = None) -> list[Edge]:
    """Every edge between two contacts, strongest first, each with its reason."""
    found = [e for e in edges_to({b_id}, settings or NetworkSettings(), None, today) if e.other == a_id]
    return sorted(found, key=lambda e: -e.strength)
