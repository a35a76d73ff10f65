"""Provides the plain, immutable records the Brand area's store functions return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kith.store.brand.wordcount import pace_wpm


@dataclass(frozen=True)
class PitchInfo:
    id: int
    name: str
    channel: str
    target_seconds: int | None
    char_limit: int | None
    text: str
    """The latest saved version."""
    draft: str | None
    """Unsaved typing, or None when there is none."""
    versions: int
    created: datetime
    updated: datetime

    @property
    def written(self) -> bool:
        """True when the target is a character limit (a written piece)."""
        return self.char_limit is not None

    @property
    def working_text(self) -> str:
        """What the editor shows: the draft if any, else the saved text."""
        return self.draft if self.draft is not None else self.text

    @property
    def target_label(self) -> str:
        if self.char_limit:
            return f"{self.char_limit:,} chars"
        if self.target_seconds:
            return f"{self.target_seconds} s"
        return "any"


@dataclass(frozen=True)
class VersionInfo:
    id: int
    pitch_id: int
    number: int
    text: str
    created: datetime


@dataclass(frozen=True)
class RehearsalInfo:
    id: int
    pitch_id: int
    version_number: int | None
    seconds: float
    words: int
    created: datetime

    @property
    def wpm(self) -> float:
        return pace_wpm(self.words, self.seconds) if self.seconds > 0 else 0.0
