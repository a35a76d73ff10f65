"""Provides the volunteering that covers a gap between your jobs ("helps fill gaps in a resume")."""

from __future__ import annotations

from kith.store.career.jobs import Gap
from kith.store.volunteering.engagements import list_engagements
from kith.store.volunteering.records import EngagementInfo


def covering(gap: Gap) -> list[EngagementInfo]:
    """The engagements that overlap the gap's months (an ongoing one counts up to now), oldest first."""
    found = []
    for e in list_engagements():
        first = e.started.strftime("%Y-%m")
        last = e.ended.strftime("%Y-%m") if e.ended else "9999-12"
        if first <= gap.end and last >= gap.start:
            found.append(e)
    return sorted(found, key=lambda e: (e.started, e.id))
