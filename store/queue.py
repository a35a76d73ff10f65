"""Provides the Today queue: items from pluggable sources, ranked by one urgency score.

A source is a function ``(ctx: QueueContext) -> list[QueueItem]`` registered with
``@source("name")``. Areas add their own (mentor give-back, check-ins, ...) in their module and
list that module in SOURCE_MODULES; nothing else here changes.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

# Modules whose import registers sources (keep this list the only place that names them).
SOURCE_MODULES: list[str] = []


@dataclass(frozen=True)
class QueueContext:
    """What every source needs: the day, the cadence settings (from the config), the window."""

    today: date
    tier_cadence: dict[str, int]
    """Tier -> cadence in days, already adjusted for the mode (job search tightens)."""
    due_soon_days: int = 7
    settings: dict = field(default_factory=dict)
    """Extra per-source settings (e.g. mentors' give-back margin), keyed by source name."""


@dataclass(frozen=True)
class QueueItem:
    """One row of the Today queue."""

    source: str
    """Which source produced it: cadence, follow-up, birthday, give-back, check-in, ..."""
    contact_id: int
    contact_name: str
    due: date
    score: float
    """Urgency: higher first."""
    reason: str
    """Why it is here, e.g. ``overdue 12 d · every 30 d · last: coffee 42 d ago``."""
    ref_id: int | None = None
    """The id of the row behind the item (follow-up id, partner id, ...), if any."""
    state: str = "due"
    """on-track, due-soon, due or overdue: drives the row's colour."""

    @property
    def key(self) -> tuple[str, int, int | None]:
        """Stable identity of the item (for snoozing, undo and keeping the cursor)."""
        return (self.source, self.contact_id, self.ref_id)


SourceFn = Callable[[QueueContext], list[QueueItem]]
SOURCES: dict[str, SourceFn] = {}


def source(name: str) -> Callable[[SourceFn], SourceFn]:
    """Register a queue source under ``name``."""

    def register(fn: SourceFn) -> SourceFn:
        SOURCES[name] = fn
        return fn

    return register


def load_sources() -> dict[str, SourceFn]:
    """Import every source module once and return the registry."""
    for module in SOURCE_MODULES:
        importlib.import_module(module)
    return SOURCES
