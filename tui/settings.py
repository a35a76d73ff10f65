"""Provides the store's typed settings built from the Config: the Today queue's context.

Shared by both faces (``kith today`` and the Today screen build the same queue); the store gets
these dataclasses, never the Config itself.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from kith.store.network.settings import NetworkSettings
from kith.store.perception.settings import PerceptionSettings
from kith.store.today.queue import QueueContext, QueueSettings
from kith.tui.config import Config


def queue_settings(config: Config) -> QueueSettings:
    """The queue's knobs from the config (already validated by ``load_config``)."""
    m = config.mentors
    perception = PerceptionSettings(**asdict(config.perception))
    return QueueSettings(mode=config.mode, give_back_margin=m.give_back_margin,
                         give_back_after_days=m.give_back_after_days, check_in_days=m.check_in_days,
                         areas={"perception": perception, "network": network_settings(config)})


def network_settings(config: Config) -> NetworkSettings:
    """The Network area's edge strengths and stale-target nudge, from ``[network]``."""
    n = config.network
    return NetworkSettings(n.edge_introduction, n.edge_colleagues_long, n.edge_colleagues_short, n.edge_shared,
                           n.target_stale_days)


def context_for(config: Config, today: date) -> QueueContext:
    """The Today queue's context for ``today``: cadences for the mode, the due-soon window, the rules."""
    tiers = {tier: config.cadence_for(tier) or 0 for tier in config.tiers}
    return QueueContext(today=today, tier_cadence=tiers, due_soon_days=config.today.due_soon_days,
                        settings=queue_settings(config))
