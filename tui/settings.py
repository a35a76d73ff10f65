"""Provides the store's typed settings built from the Config: the Today queue's context, the
network health numbers' settings and the config's focus terms.

Shared by both faces (``kith today`` and the Today screen build the same queue); the store gets
these dataclasses, never the Config itself.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from kith.store.conversations.settings import ConversationsSettings
from kith.store.conversations.thanks import ThanksSettings
from kith.store.network.settings import NetworkSettings
from kith.store.perception.settings import PerceptionSettings
from kith.store.quality.settings import QualitySettings
from kith.store.today.cadence import CadenceRule
from kith.store.today.queue import QueueContext, QueueSettings, ReasonWords
from kith.tui.config import Config
from kith.tui.format import ago_text, due_reason, short_day

REASON_WORDS = ReasonWords(ago=ago_text, due=due_reason, day=short_day)
"""Today's reasons word days as every other list does (tui/format.py)."""


def queue_settings(config: Config) -> QueueSettings:
    """The queue's knobs from the config (already validated by ``load_config``)."""
    m = config.mentors
    perception = PerceptionSettings(**asdict(config.perception))
    return QueueSettings(mode=config.mode, give_back_margin=m.give_back_margin,
                         give_back_after_days=m.give_back_after_days, check_in_days=m.check_in_days,
                         sources_off=frozenset(config.today.sources_off), slow_per_day=config.today.slow_per_day,
                         areas={"perception": perception, "quality": quality_settings(config), "career": config.career,
                                "conversations": conversations_settings(config),
                                "network": network_settings(config), "volunteering": config.volunteering})


def conversations_settings(config: Config) -> ConversationsSettings:
    """The Conversations area's knobs: Today sources turned off, the weekly target, thank-you days
    (0 in the config turns that kind of thank-you off)."""
    c = config.conversations
    thanks = ThanksSettings(c.thank_interview_days or None, c.thank_feedback_days or None,
                            c.thank_introduction_days or None, c.thank_mentor_value_days or None)
    return ConversationsSettings(today_off=c.today_off, interviews_per_week=c.interviews_per_week, thanks=thanks)


def quality_settings(config: Config) -> QualitySettings:
    """The quality area's Today knobs (give and take nudges, the mode's ranking weights, focus)."""
    q = config.quality
    return QualitySettings(profession=tuple(q.profession), industry=tuple(q.industry), geography=tuple(q.geography),
                           relevance_weight=q.relevance_weight, strength_weight=q.strength_weight,
                           give_take_days=q.give_take_days, help_nudges=q.help_nudges,
                           receive_margin=q.receive_margin)


def network_settings(config: Config) -> NetworkSettings:
    """The Network area's edge strengths and stale-target nudge, from ``[network]``."""
    return config.network  # the [network] section is the store's NetworkSettings


def cadence_rule(config: Config) -> CadenceRule:
    """Which tiers a newsletter restarts the cadence of, from ``[newsletter] restarts_cadence``."""
    return CadenceRule(broadcast_restarts=frozenset(config.newsletter.restarts_cadence))


def context_for(config: Config, today: date) -> QueueContext:
    """The Today queue's context for ``today``: cadences for the mode, the due-soon window, the rules."""
    tiers = {tier: config.cadence_for(tier) or 0 for tier in config.tiers}
    return QueueContext(today=today, tier_cadence=tiers, due_soon_days=config.today.due_soon_days,
                        settings=queue_settings(config), words=REASON_WORDS)


def config_focus(config: Config) -> list:
    """Focus terms from the config's [quality] section (``kith focus`` stores more)."""
    from kith.store.quality.focus import parse_term

    q = config.quality
    return [parse_term(kind, text) for kind in ("profession", "industry", "geography") for text in getattr(q, kind)]


def health_settings(config: Config, focus=None):
    """The typed settings the store's network health numbers need (``focus``: the terms to use,
    by default the stored focus with the config's added)."""
    from kith.store.quality.focus import effective_focus
    from kith.store.quality.health import HealthSettings

    tiers = {t: (config.cadence_for(t) or 0) for t in config.tiers}
    terms = focus if focus is not None else effective_focus(config_focus(config))
    return HealthSettings(tiers, config.today.due_soon_days, config.mode, tuple(terms))
