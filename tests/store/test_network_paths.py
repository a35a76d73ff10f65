"""Warm paths with a limit read only what can reach the list: the same ranking as reading everything."""

from __future__ import annotations

from datetime import date

import pytest

from kith.store.core.db import db as database
from kith.store.demo import build_demo
from kith.store.network import find_routes

TODAY = date(2026, 3, 16)


@pytest.fixture
def demo_network(db, monkeypatch):
    import kith.store.core.clock

    monkeypatch.setattr(kith.store.core.clock, "today", lambda tz=None: TODAY)
    build_demo(TODAY, contacts=400, touches=2400)
    return [r[0] for r in database.execute_sql(
        "SELECT organisation_id FROM employment GROUP BY organisation_id ORDER BY count(*) DESC, organisation_id")]


def test_a_limited_search_ranks_exactly_like_the_full_one(demo_network):
    orgs = demo_network[:3] + demo_network[len(demo_network) // 2::max(1, len(demo_network) // 6)]
    kinds_seen = set()
    for org in orgs:
        everything = find_routes(org, today=TODAY)
        for limit in (1, 5, 20, 60):
            limited = find_routes(org, today=TODAY, limit=limit)
            assert [(r.score, r.why) for r in limited] == [(r.score, r.why) for r in everything[:limit]], (org, limit)
            kinds_seen |= {r.hops[-1].edge for r in limited if len(r.hops) == 2}
    # The fixture exercises the colleague pruning, not only first-degree routes.
    assert "colleagues" in kinds_seen
