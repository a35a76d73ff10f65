"""Provides QualitySettings: what the quality area takes from the config (typed).

The terminal interface builds it (``kith.tui.settings``) and hands it to the Today queue under
``QueueSettings.areas["quality"]``; the store never reads the config.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QualitySettings:
    profession: tuple[str, ...] = ()
    """Focus terms from the config (``"data engineer"`` or ``"data engineer=2"``)."""
    industry: tuple[str, ...] = ()
    geography: tuple[str, ...] = ()
    relevance_weight: float = 0.5
    """Job-search mode: how much a contact's relevance (0-100 %) lifts its Today items (0: off)."""
    strength_weight: float = 0.0
    """Steady mode: how much more a contact's strength (1-5) lifts its Today items (0: off)."""
    give_take_days: int = 90
    """"Lately" for give and take: the last this many days."""
    help_nudges: bool = True
    """Today suggests "How can I help you?" for people you have only taken from lately."""
    receive_margin: int = 3
    """Given minus received at which Today says it may be time to ask (0: never)."""
