"""Provides NetworkSettings: the edge strengths and the target nudge, typed (the config fills it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NetworkSettings:
    """Default edge strengths of the warm-path score (1–5) and the stale-target nudge."""

    introduction: int = 4
    colleagues_long: int = 3
    """Colleagues whose time together was a year or more."""
    colleagues_short: int = 2
    shared: int = 2
    """Met at the same event or volunteering engagement."""
    target_stale_days: int = 14
    """In job-search mode a target with no progress for this many days appears in Today (0: never)."""
