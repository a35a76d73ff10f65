"""Provides NetworkSettings: the edge strengths and the target nudge, typed.

It is also the config's ``[network]`` section as it is (field names are the config keys), so
the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NetworkSettings:
    """Default edge strengths of the warm-path score (1–5) and the stale-target nudge."""

    edge_introduction: int = 4
    """Warm-path strength of an introduction edge (1–5)."""
    edge_colleagues_long: int = 3
    """Colleagues whose time together was a year or more."""
    edge_colleagues_short: int = 2
    """Colleagues whose time together was less than a year."""
    edge_shared: int = 2
    """Met at the same event or volunteering engagement."""
    target_stale_days: int = 14
    """In job-search mode a target with no progress for this many days appears in Today (0: never)."""
