"""Provides register(): volunteering follows the network (its edges, organisation merges).

Called once, from ``kith.store.wiring``.
"""

from __future__ import annotations

from kith.store.network import edges, orgs
from kith.store.volunteering.edges import met_together
from kith.store.volunteering.engagements import orgs_merged


def register() -> None:
    if met_together not in edges.EXTRA_SOURCES:
        edges.EXTRA_SOURCES.append(met_together)
    if orgs_merged not in orgs.MERGE_FOLLOWERS:
        orgs.MERGE_FOLLOWERS.append(orgs_merged)
