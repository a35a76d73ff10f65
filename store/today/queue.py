"""Provides the Today queue: items from pluggable sources, ranked by one urgency score.

A source is a function ``(ctx: QueueContext) -> list[QueueItem]`` registered with
``@source("name")``, or ``@source("name", slow=True)`` for a slow nudge (see ``cap_slow``).
Areas add their own (mentor give-back, check-ins, ...) in their module and import that module
in ``store/wiring.py``; nothing else here changes. ``build_queue`` asks every
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
    sources_off: frozenset[str] = frozenset()
    """Sources never asked (``[today] sources_off``)."""
    slow_per_day: int = 3
    """At most this many slow nudges a day, all slow sources together."""
    areas: Mapping[str, object] = field(default_factory=dict)
    """Typed settings of areas above Today, by area (``perception``: its PerceptionSettings)."""


def _on_day(day: date, today: date) -> str:
    return f"on {day.isoformat()}"


def _due_on(day: date, today: date) -> str:
    return f"due {day.isoformat()}"


@dataclass(frozen=True)
class ReasonWords:
    """How reasons word a day. The interface hands over tui/format.py's wording (``42 d ago``,
    ``overdue 12 d``, ``3 Jan``) so the screen and ``kith today`` say it as every other list does;
    the store words no day itself, so without it a reason shows plain dates."""

    ago: Callable[[date, date], str] = _on_day
    """``ago(day, today)``: a day before (or after) today, e.g. ``42 d ago``, ``today``, ``in 3 d``."""
    due: Callable[[date, date], str] = _due_on
    """``due(day, today)``: a due day, e.g. ``overdue 12 d``, ``due today``, ``due in 5 d``."""
    day: Callable[[date], str] = date.isoformat
    """``day(day)``: a day of the year, e.g. ``3 Jan``."""


@dataclass(frozen=True)
class QueueContext:
    """What every source needs: the day, the cadence settings (from the config), the window."""

    today: date
    tier_cadence: dict[str, int]
    """Tier -> cadence in days, already adjusted for the mode (job search tightens)."""
    due_soon_days: int = 7
    settings: QueueSettings = field(default_factory=QueueSettings)
    """The other sources' knobs (mentors' give-back margin, check-in cadence, the mode)."""
    words: ReasonWords = field(default_factory=ReasonWords)
    """How reasons word days (the interface's, from tui/format.py)."""


class QueueItem(NamedTuple):
    """One row of the Today queue (immutable; a NamedTuple because 10,000 contacts can make
    thousands of items and a frozen dataclass costs three times as much to build)."""

    source: str
    # Which source produced it: cadence, follow-up, birthday, give-back, check-in, ...
    contact_id: int | None
    # None for an item about no one (a certificate, the income share): then contact_name is its title.
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
    area: str = ""
    # The app area that handles an item about no one (Enter opens it), e.g. "career".

    @property
    def key(self) -> tuple[str, int | None, int | None]:
        """Stable identity of the item (for snoozing, undo and keeping the cursor)."""
        return (self.source, self.contact_id, self.ref_id)

    def days_overdue(self, today: date) -> int:
        """Days past due on ``today``: negative while not yet due."""
        return (today - self.due).days

    def as_json(self, today: date) -> dict:
        """The item as ``kith today --json`` prints it."""
        return {
            "contact_id": self.contact_id, "name": self.contact_name, "contact_name": self.contact_name,
            "source": self.source, "ref_id": self.ref_id, "due": self.due.isoformat(),
            "days_overdue": self.days_overdue(today), "score": round(self.score, 3), "state": self.state,
            "why": self.reason, "reason": self.reason,  # reason: the older name, kept for scripts
        }


SourceFn = Callable[[QueueContext], list[QueueItem]]
SOURCES: dict[str, SourceFn] = {}
SLOW: set[str] = set()
"""Names of the slow sources (capped by ``cap_slow``)."""


def source(name: str, *, slow: bool = False) -> Callable[[SourceFn], SourceFn]:
    """Register a queue source under ``name``; ``slow`` nudges are capped (see ``cap_slow``)."""

    def register(fn: SourceFn) -> SourceFn:
        SOURCES[name] = fn
        if slow:
            SLOW.add(name)
        else:
            SLOW.discard(name)
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
    return (-item[4], item[3], item[1] or 0, item[0], item[6] or 0)


def slow_day(name: str, day: date) -> bool:
    """True on the one weekday on which the slow source ``name`` may show.

    Derived from the day, so the weekly cap holds without writing anything (``kith today`` stays
    read-only): slow sources, sorted by name, take the weekdays in turn (the 1st, 8th, ... on one
    day, the 2nd, 9th, ... on the next), so at most a seventh of them compete on any day.
    """
    index = sorted(SLOW).index(name)
    return (day.toordinal() - index) % 7 == 0


def cap_slow(items: list[QueueItem], per_day: int) -> list[QueueItem]:
    """At most ``per_day`` slow items: each source's best first, then second best, ... by score."""
    by_source: dict[str, list[QueueItem]] = {}
    for item in sorted(items, key=rank_key):
        by_source.setdefault(item[0], []).append(item)
    kept: list[QueueItem] = []
    depth = 0
    while len(kept) < per_day and any(len(v) > depth for v in by_source.values()):
        round_ = sorted((v[depth] for v in by_source.values() if len(v) > depth), key=rank_key)
        kept.extend(round_[: per_day - len(kept)])
        depth += 1
    return kept


def build_queue(ctx: QueueContext) -> list[QueueItem]:
    """Return the Today queue for ``ctx.today``: every source's items, snoozed ones hidden, ranked.

    Sources named in ``[today] sources_off`` are skipped. Slow sources ask only on their weekday
    (``slow_day``) and together give at most ``[today] slow_per_day`` items (default 3).
    Urgency is one number per item (see each source's docstring in ``store.today``); the order
    is by that score, highest first.
    """
    from kith.store.today.snoozes import active_snoozes

    off = ctx.settings.sources_off
    per_day = ctx.settings.slow_per_day
    hidden = active_snoozes(ctx.today)
    items: list[QueueItem] = []
    slow: list[QueueItem] = []
    for name, fn in load_sources().items():
        if name in off:
            continue
        is_slow = name in SLOW
        if is_slow and not slow_day(name, ctx.today):
            continue
        found = fn(ctx)
        if hidden:
            found = [i for i in found if (i[0], i[1], i[6] or 0) not in hidden]
        (slow if is_slow else items).extend(found)
    if slow:
        items.extend(cap_slow(slow, per_day))
    for weigh in WEIGHTINGS:
        items = weigh(items, ctx.settings)
    items.sort(key=rank_key)
    return items
