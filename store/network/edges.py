"""Provides who knows whom: manual "knows" edges and the edges derived from the data.

Edges are introductions (the introducer knows both, the two know each other), colleagues
(employments at one organisation overlapping in time: a month both were there counts, so jobs
ending and starting in the same month touch; an open current job runs to this month), the same
event (touches of kind ``event`` on one day with the same note) and manual "knows" with a
strength. Derived edges are computed when asked, never stored, and each carries its reason.
Other areas add edge sources to ``EXTRA_SOURCES`` (volunteering: people met at one engagement).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import NamedTuple

from kith.store.core import clock, undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.core.fold import fold
from kith.store.network import undo_steps
from kith.store.network.settings import NetworkSettings


class Edge(NamedTuple):
    """``other`` knows ``member`` (an employee in a path search) with ``strength``; ``why`` says why.

    ``reason`` is the why as text, or for colleagues ``(organisation, from month, to month)``,
    formatted only when shown (a path search weighs tens of thousands of edges).
    """

    other: int
    member: int
    kind: str
    strength: int
    reason: str | tuple

    @property
    def why(self) -> str:
        if isinstance(self.reason, str):
            return self.reason
        org, start, end = self.reason
        return f"worked together at {org} {_years(start, end)}"


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


def _years(a: int, b: int) -> str:
    return str(a // 12) if a // 12 == b // 12 else f"{a // 12}–{b // 12}"


def edges_to(members: set[int], settings: NetworkSettings, skip_org: int | None = None,
             today: date | None = None, not_from: frozenset[int] = frozenset()) -> list[Edge]:
    """Every edge from anyone (but ``not_from``) to one of ``members`` (colleagues at ``skip_org`` left out)."""
    return [edge for kind in edges_by_kind(members, settings, skip_org, today, not_from) for edge in kind]


def edges_by_kind(members: set[int], settings: NetworkSettings, skip_org: int | None = None,
                  today: date | None = None, not_from: frozenset[int] = frozenset(),
                  colleagues: bool = True) -> list[list[Edge]]:
    """The edges to ``members`` as lists in a fixed order: introductions, knows, colleagues (an
    empty list unless ``colleagues``), events, then each extra source."""
    today = today or clock.today()
    out = [_introduction_edges(members, settings), _knows_edges(members),
           _colleague_edges(members, settings, skip_org, today, not_from) if colleagues else [],
           _event_edges(members, settings)]
    out += [list(source(members, settings)) for source in EXTRA_SOURCES]
    return out


def _ids_json(ids) -> str:
    return json.dumps(sorted(ids))


def _introduction_edges(members: set[int], settings: NetworkSettings) -> list[Edge]:
    out = []
    members_sql = "(SELECT value FROM json_each(?1))"
    rows = db.execute_sql(
        "SELECT i.by_id, i.first_id, i.second_id, i.day, coalesce(b.name, 'you') FROM introduction i "
        "LEFT JOIN contact b ON b.id = i.by_id "
        f"WHERE i.id IN (SELECT id FROM introduction WHERE by_id IN {members_sql} "
        f"UNION SELECT id FROM introduction WHERE first_id IN {members_sql} "
        f"UNION SELECT id FROM introduction WHERE second_id IN {members_sql}) ORDER BY i.id", (_ids_json(members),))
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
                    out.append(Edge(other, m, "introduction", settings.edge_introduction, why))
    return out


def _knows_edges(members: set[int]) -> list[Edge]:
    out = []
    ids = _ids_json(members)
    for a, b, strength in db.execute_sql(
            "SELECT a_id, b_id, strength FROM knows WHERE id IN (SELECT id FROM knows WHERE a_id IN "
            "(SELECT value FROM json_each(?1)) UNION SELECT id FROM knows WHERE b_id IN (SELECT value FROM "
            "json_each(?1))) ORDER BY id", (ids,)):
        if b in members:
            out.append(Edge(a, b, "knows", strength, f"you noted they know each other ({strength}/5)"))
        if a in members:
            out.append(Edge(b, a, "knows", strength, f"you noted they know each other ({strength}/5)"))
    return out


def _month_sql(column: str, end: bool) -> str:
    # ``2019`` is January (December as an end), ``2019-03`` March: months since year 0, in SQL.
    return (f"CASE WHEN {column} IS NULL THEN NULL ELSE CAST(substr({column}, 1, 4) AS INTEGER) * 12 + "
            f"CASE WHEN length({column}) >= 7 THEN CAST(substr({column}, 6, 2) AS INTEGER) ELSE {12 if end else 1} END "
            f"- 1 END")


RECENCY_SQL = ("CASE WHEN c.last_touch_on IS NULL THEN 0.3 WHEN c.last_touch_on >= :near THEN 1.0 "
               "WHEN c.last_touch_on >= :year THEN 0.7 ELSE 0.4 END")
"""Your recency weight with contact ``c`` in SQL (``kith.store.network.paths`` documents it)."""


class Reach(NamedTuple):
    """What a colleague route must reach to matter: ``bar``, the score of your strength × recency
    (``near``: 90 days ago, ``year``: a year ago) × the edge × 1 (``current`` staff) or 0.5."""

    near: str
    year: str
    bar: float
    current: frozenset[int]


def _colleague_edges(members: set[int], settings: NetworkSettings, skip_org: int | None, today: date,
                     not_from: frozenset[int] = frozenset(), reach: Reach | None = None) -> list[Edge]:
    """Per organisation, which months one of ``members`` was there (and which 12-month windows one
    covered alone); every other employment there then finds its best overlap in O(1).

    SQL reads the members' employments and only the others' that overlap the members' time
    there (the rest make no edge); with ``reach``, only those whose best possible route reaches
    its bar.
    """
    now = today.year * 12 + today.month - 1
    if not members:
        return []
    by_org: dict[int, list] = defaultdict(list)
    start = _month_sql("e.started", False)
    end = f"CASE WHEN e.current = 1 THEN {now} ELSE {_month_sql('e.ended', True)} END"
    # Others' employments that overlap the members' time at the organisation (no other can make an
    # edge) and, with a reach, whose best possible route (× the best edge there) reaches its bar.
    reaches = "" if reach is None else (
        f" AND p.top * (SELECT c.strength * {RECENCY_SQL} FROM contact c WHERE c.id = e.contact_id "
        "AND c.archived = 0) >= :bar")
    dated = "coalesce(s, f) AS s, max(coalesce(s, f), coalesce(f, s)) AS f"  # one date stands for both
    sql = f"""
        WITH mine AS MATERIALIZED (
            SELECT cid, org, {dated},
                   CASE WHEN cid IN (SELECT value FROM json_each(:current)) THEN 1.0 ELSE 0.5 END AS factor
            FROM (SELECT e.contact_id AS cid, e.organisation_id AS org, {start} AS s, {end} AS f FROM employment e
                  WHERE e.contact_id IN (SELECT value FROM json_each(:members)) AND e.organisation_id != :skip)),
        span AS MATERIALIZED (SELECT org, min(s) AS s, max(f) AS f, max(factor) * max(:long, :short) AS top
                              FROM mine GROUP BY org)
        SELECT e.contact_id, e.organisation_id, e.s, e.f FROM (
            SELECT id, contact_id, organisation_id, current, {dated}
            FROM (SELECT e.id, e.contact_id, e.organisation_id, e.current, {start} AS s, {end} AS f FROM employment e
                  WHERE e.organisation_id IN (SELECT org FROM span) AND e.organisation_id != :skip)) e
        JOIN span p ON p.org = e.organisation_id
        WHERE e.contact_id IN (SELECT cid FROM mine) OR (e.s <= p.f AND p.s <= e.f{reaches})
        ORDER BY e.organisation_id, e.current, e.id"""
    args = {"members": _ids_json(members), "skip": skip_org or 0, "long": settings.edge_colleagues_long,
            "short": settings.edge_colleagues_short, "current": _ids_json(reach.current if reach else ())}
    if reach is not None:
        args.update(near=reach.near, year=reach.year, bar=reach.bar - 0.001)  # a little under, for rounding
    for cid, o, start, end in db.execute_sql(sql, args):
        if start is None:
            if end is None:
                continue  # no dates and not current: no telling when they were there
            start = end
        elif end is None:
            end = start
        by_org[o].append((cid, start, max(start, end)))
    names = dict(db.execute_sql("SELECT id, name FROM organisation WHERE id IN (SELECT value FROM json_each(?))",
                                (json.dumps(list(by_org)),)).fetchall())
    out: list[Edge] = []
    long_, short = settings.edge_colleagues_long, settings.edge_colleagues_short
    for o, jobs in by_org.items():
        inside = [j for j in jobs if j[0] in members]
        if not inside:
            continue
        lo = min(j[1] for j in inside)
        hi = max(j[2] for j in inside)
        size = hi - lo + 1
        active: list = [None] * size
        full: list = [None] * size
        for job in inside:
            _cid, s, e = job
            active[s - lo:e - lo + 1] = [job] * (e - s + 1)
            if e - s >= 11:
                full[s - lo:e - lo - 10] = [job] * (e - s - 10)
        next_active, next_full = _nexts(active), _nexts(full)
        name = names.get(o, "")
        for cid, bs, be in jobs:
            if be < lo or bs > hi or cid in not_from:
                continue
            start = max(bs, lo) - lo
            m = next_full[start]
            if m is not None and m + lo + 11 <= be and full[m][0] != cid:
                member, s, e = full[m]
                strength = long_
            else:
                m = next_active[start]
                if m is None or m + lo > be or active[m][0] == cid:
                    continue
                member, s, e = active[m]
                strength = short
            out.append(Edge(cid, member, "colleagues", strength, (name, max(s, bs), min(e, be))))
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
    labels: dict[tuple, tuple[int, str]] = {}
    folded: dict[str, str] = {}
    # Only events on a day one of the members was at one (the rest cannot reach them), grouped by
    # day and note in SQLite from the event-day index (m0021). ``first`` orders the rows as they
    # were read one by one (by contact, then id): a day's label is its first row's note.
    events = ("SELECT date, note, group_concat(contact_id), min(contact_id * 4294967296 + id) AS first "
              "FROM touch INDEXED BY touch_event_day WHERE kind = 'event' AND note != '' AND date IN "
              "(SELECT date FROM touch WHERE kind = 'event' AND contact_id IN (SELECT value FROM json_each(?))) "
              "GROUP BY date, note")
    for day, note, ids, first in db.execute_sql(events, (_ids_json(members),)):
        key = (str(day)[:10], folded.get(note) or folded.setdefault(note, fold(note)))
        groups[key].update(map(int, ids.split(",")))
        if key not in labels or first < labels[key][0]:
            labels[key] = (first, note)
    out = []
    # In the order the rows were read one by one: by first contact, then day, then that row's id.
    for key in sorted(groups, key=lambda k: (labels[k][0] >> 32, k[0], labels[k][0] & 0xFFFFFFFF)):
        people = groups[key]
        if len(people) < 2:
            continue
        inside = people & members
        if not inside:
            continue
        why = f"both at {' '.join(labels[key][1].split())[:40]} on {key[0]}"
        for m in inside:
            for other in people - {m}:
                out.append(Edge(other, m, "event", settings.edge_shared, why))
    return out


def edges_between(a_id: int, b_id: int, settings: NetworkSettings | None = None,
                  today: date | None = None) -> list[Edge]:
    """Every edge between two contacts, strongest first, each with its reason."""
    found = [e for e in edges_to({b_id}, settings or NetworkSettings(), None, today) if e.other == a_id]
    return sorted(found, key=lambda e: -e.strength)
