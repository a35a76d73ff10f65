"""Provides NewsletterSettings: the newsletter's knobs, typed (the config's ``[newsletter]`` fills it)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_BATCH_SIZE = 100


@dataclass(frozen=True)
class NewsletterSettings:
    batch_size: int = DEFAULT_BATCH_SIZE
    """Addresses per BCC batch: mail services cap recipients per message, terminals cap OSC 52."""
