"""Provides VolunteeringSettings: the volunteering rules the store applies (typed; never the Config)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VolunteeringSettings:
    follow_up_days: int = 7
    """Today nudges a follow-up with someone met at a volunteering engagement for this many days
    after the meeting, until any later touch with them (0: never)."""
