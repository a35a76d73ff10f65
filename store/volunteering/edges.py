"""Provides the network's edge source from volunteering: people met at one engagement know each other.

Registered in ``kith.store.network.edges.EXTRA_SOURCES`` (by ``follow.register``); strength is the
network's ``edge_shared`` one (same event or volunteering engagement, 2 by default).
"""

from __future__ import annotations

import json
from collections import defaultdict

from kith.store.core.db import db
from kith.store.network.edges import Edge
from kith.store.network.settings import NetworkSettings

KIND = "volunteering"


def met_together(members: set[int], settings: NetworkSettings) -> list[Edge]:
    """Edges from everyone met at an engagement to each of ``members`` met there too."""
    if not members:
        return []
    sql = ("SELECT m.engagement_id, m.contact_id, o.name || CASE WHEN e.role != '' THEN ' (' || e.role || ')' "
           "ELSE '' END FROM engagement_met m JOIN engagement e ON e.id = m.engagement_id "
           "JOIN organisation o ON o.id = e.organisation_id WHERE m.engagement_id IN "
           "(SELECT engagement_id FROM engagement_met WHERE contact_id IN (SELECT value FROM json_each(?)))")
    people: dict[int, set[int]] = defaultdict(set)
    titles: dict[int, str] = {}
    for eid, cid, title in db.execute_sql(sql, (json.dumps(sorted(members)),)):
        people[eid].add(cid)
        titles[eid] = title
    out = []
    for eid, met in people.items():
        if len(met) < 2:
            continue
        why = f"both met volunteering at {' '.join(titles[eid].split())[:60]}"
        for m in met & members:
            for other in met - {m}:
                out.append(Edge(other, m, KIND, settings.edge_shared, why))
    return out
