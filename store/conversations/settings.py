"""Provides ConversationsSettings: what the Conversations area takes from the config (typed)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kith.store.conversations.thanks import ThanksSettings


@dataclass(frozen=True)
class ConversationsSettings:
    today_off: tuple[str, ...] = ()
    """This area's Today sources not to show (any of ``names.TODAY_SOURCES``)."""
    interviews_per_week: int = 5
    """In job-search mode, the weekly target of informational interviews."""
    thanks: ThanksSettings = field(default_factory=ThanksSettings)
    """Days after the event each kind of thank-you is due (None: that kind is off)."""
