"""Provides the config sections of the batch-two areas (perception, quality,
conversations): plain frozen dataclasses, validated by ``kith.tui.config.load_config``.
``[network]`` is the store's ``NetworkSettings`` as it is (``kith.tui.config_sections``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PerceptionConfig:
    answer_overdue_days: int = 14
    """Days after asking for feedback when Today nudges (once) that the answer is overdue."""
    thank_you: bool = True
    """Saving feedback adds a follow-up "Thank X for the feedback" due the next day."""
    review_after_days: int = 90
    """Days after its last review when a pitch or tagline asks for a review in Today."""
    feedback_nudge: bool = True
    """Today shows "feedback answer overdue" (false turns the source off)."""
    review_nudge: bool = True
    """Today shows "review your elevator pitch" (false turns the source off)."""


@dataclass(frozen=True)
class QualityConfig:
    profession: tuple[str, ...] = ()
    """Your focus from the config (``"data engineer"`` or ``"data engineer=2"`` to weigh it double);
    ``kith focus`` stores more, and a stored term wins over the same one here."""
    industry: tuple[str, ...] = ()
    geography: tuple[str, ...] = ()
    relevance_weight: float = 0.5
    """Job-search mode: how much a contact's relevance (0-100 %) lifts its Today items (0: not at all)."""
    strength_weight: float = 0.0
    """Steady mode: how much MORE a contact's strength (1-5) lifts its Today items; the cadence score
    already weighs strength (0.9 for 1 … 1.3 for 5), so 0 keeps that as it is."""
    weekly_review_day: str = "monday"
    """The day Today opens with the weekly review."""
    week_streak_touches: int = 3
    """A week counts towards the streak with at least this many touches."""
    give_take_days: int = 90
    """"Lately" for give and take: the last this many days."""
    help_nudges: bool = True
    """Today suggests "How can I help you?" for people you have only taken from lately."""
    receive_margin: int = 3
    """Given minus received at which Today says it may be time to ask (0: never)."""



@dataclass(frozen=True)
class ConversationsConfig:
    thank_interview_days: int = 1
    """Days after an informational interview its thank-you is due; 0 turns these off."""
    thank_feedback_days: int = 1
    """... after a feedback entry; 0 turns these off."""
    thank_introduction_days: int = 1
    """... after an introduction received; 0 turns these off."""
    thank_mentor_value_days: int = 1
    """... after value received from a mentor; 0 turns these off."""
    interviews_per_week: int = 5
    """In job-search mode, the weekly target of informational interviews (Today's header)."""
    today_off: tuple[str, ...] = ()
    """This area's Today sources not to show: any of prepare, conversation, held, thank-you."""


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
