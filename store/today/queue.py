"""Provides the Today queue: items from pluggable sources, ranked by one urgency score.

A source is a function ``(ctx: QueueContext) -> list[QueueItem]`` registered with
``@source("name")``. Areas add their own (mentor give-back, check-ins, ...) in their module and
import that module in ``store/wiring.py``; nothing else here changes. ``build_queue`` asks every
source, drops snoozed items and ranks the rest; the screen and ``kith today`` both call it, so
they list the same items in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple


@dataclass(frozen=True)
class QueueSettings:
    """The queue's knobs beyond the cadences, typed and already valid (built from the config by
    the terminal interface; the store never reads a config)."""

    mode: str = "steady"
    """steady or job-search."""
    give_back_margin: int = 3
    """Received minus given at which a mentor's give-back item appears."""
    give_back_after_days: int = 60
    """Days without giving anything back after which the give-back item appears."""
    check_in_days: int = 14
    """Default check-in cadence of an accountability partner."""
    areas: Mapping[str, object] = field(default_factory=dict)
    """Typed settings of areas above Today, by area (``perception``: its PerceptionSettings)."""


@dataclass(frozen=True)
class QueueContext:
    """What every source needs: the day, the cadence settings (from the config), the window."""

    today: date
    tier_cadence: dict[str, int]
    """Tier -> cadence in days, already adjusted for the mode (job search tightens)."""
    due_soon_days: int = 7
    settings: QueueSettings = field(default_factory=QueueSettings)
    """The other sources' knobs (mentors' give-back margin, check-in cadence, the mode)."""


class QueueItem(NamedTuple):
    """One row of the Today queue (immutable; a NamedTuple because 10,000 contacts can make
    thousands of items and a frozen dataclass costs three times as much to build)."""

    source: str
    # Which source produced it: cadence, follow-up, birthday, give-back, check-in, ...
    contact_id: int
    contact_name: str
    due: date
    score: float
    # Urgency: higher first.
    reason: str
    # Why it is here, e.g. ``overdue 12 d · every 30 d · last: coffee 42 d ago``.
    ref_id: int | None = None
    # The id of the row behind the item (follow-up id, partner id, ...), if any.
    state: str = "due"
    # on-track, due-soon, due or overdue: drives the row's colour.

    @property
    def key(self) -> tuple[str, int, int | None]:
        """Stable identity of the item (for snoozing, undo and keeping the cursor)."""
        return (self.source, self.contact_id, self.ref_id)

    def days_overdue(self, today: date) -> int:
        """Days past due on ``today``: negative while not yet due."""
        return (today - self.due).days

    def as_json(self, today: date) -> dict:
        """The item as ``kith today --json`` prints it."""
        return {
            "contact_id": self.contact_id, "contact_name": self.contact_name, "source": self.source,
            "ref_id": self.ref_id, "due": self.due.isoformat(), "days_overdue": self.days_overdue(today),
            "score": round(self.score, 3), "state": self.state, "reason": self.reason,
        }


SourceFn = Callable[[QueueContext], list[QueueItem]]
SOURCES: dict[str, SourceFn] = {}
SLOW: set[str] = set()
"""Sources whose items are slow nudges (brand review, feedback not answered, ...)."""


def source(name: str, *, slow: bool = False) -> Callable[[SourceFn], SourceFn]:
    """Register a queue source under ``name``; ``slow`` marks a nudge that is not about people due."""

    def register(fn: SourceFn) -> SourceFn:
        SOURCES[name] = fn
        if slow:
            SLOW.add(name)
        return fn

    return register


Weighting = Callable[[list[QueueItem], QueueSettings], list[QueueItem]]
WEIGHTINGS: list[Weighting] = []
"""Adjust scores before ranking (areas above Today: the mode lifts relevant or strong people)."""


def use_weighting(fn: Weighting) -> None:
    """Add a score weighting (``kith.store.wiring`` hands over the areas' ones)."""
    if fn not in WEIGHTINGS:
        WEIGHTINGS.append(fn)


def load_sources() -> dict[str, SourceFn]:
    """Return the registry (filled by ``kith.store.wiring`` when the store is imported)."""
    return SOURCES


def rank_key(item: QueueItem) -> tuple:
    """Sort key: most urgent first; ties by due day, then contact id, source and ref (deterministic)."""
    # Indexes, not attribute names, and no string folding: this runs for every item of a
    # 10,000-contact queue.
    return (-item[4], item[3], item[1], item[0], item[6] or 0)


def build_queue(ctx: QueueContext) -> list[QueueItem]:
    """Return the Today queue for ``ctx.today``: every source's items, snoozed ones hidden, ranked.

    Urgency is one number per item (see each source's docstring in ``store.today``); the order
    is by that score, highest first.
    """
    from kith.store.today.snoozes import active_snoozes

    hidden = active_snoozes(ctx.today)
    items: list[QueueItem] = []
    for fn in load_sources().values():
        found = fn(ctx)
        if hidden:
            found = [i for i in found if (i[0], i[1], i[6] or 0) not in hidden]
        items.extend(found)
    for weigh in WEIGHTINGS:
        items = weigh(items, ctx.settings)
    items.sort(key=rank_key)
    return items
