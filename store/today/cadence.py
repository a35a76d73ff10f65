"""Provides the cadence rule: when a contact is next due for a touch, and its state.

Next due = last touch (the last one that restarts it: see ``restarts_cadence``) + cadence (the
contact's own, else its tier's default). A contact never
touched counts from when it was added. Plain date arithmetic on calendar days (``date +
timedelta``): no month chaining, so Jan 31 + 30 d is Mar 2 (Mar 1 in a leap year) and a year end
or Feb 29 needs no special case. "Today" is always a date in the configured time zone, read
once by the caller from ``store.clock``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

ON_TRACK, DUE_SOON, DUE, OVERDUE = "on-track", "due-soon", "due", "overdue"
STATES = (ON_TRACK, DUE_SOON, DUE, OVERDUE)
BROADCAST_KINDS = ("newsletter",)
"""Touches sent to many at once: the one deliberate exception to "every touch restarts the cadence"."""


@dataclass(frozen=True)
class CadenceRule:
    """Which tiers a broadcast touch (a newsletter) restarts the cadence of (the config's
    ``[newsletter] restarts_cadence``); every other kind of touch restarts every cadence."""

    broadcast_restarts: frozenset[str] = frozenset({"network"})
    """By default a newsletter counts for ``network``; ``inner`` and ``close`` deserve a real conversation."""


RULE = CadenceRule()


def use_rule(rule: CadenceRule) -> None:
    """Use ``rule`` from now on (the CLI and the app call this once with the config's)."""
    global RULE
    RULE = rule


def restarts_cadence(kind: str, tier: str, rule: CadenceRule | None = None) -> bool:
    """True when a touch of ``kind`` restarts the cadence of a contact in ``tier``."""
    return kind not in BROADCAST_KINDS or tier in (rule or RULE).broadcast_restarts


def broadcast_rule() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(broadcast kinds, tiers they restart): the rule in force, as the touch store applies it in SQL."""
    return BROADCAST_KINDS, tuple(sorted(RULE.broadcast_restarts))


def next_due(last_touch_on: date | None, created: date, cadence_days: int | None) -> date | None:
    """Return the day the next touch is due, or None when the contact has no cadence."""
    if not cadence_days:
        return None
    if isinstance(created, datetime):
        created = created.date()
    return (last_touch_on or created) + timedelta(days=cadence_days)


def effective_cadence(own: int | None, tier: str, tier_cadence: dict[str, int]) -> int | None:
    """Days between touches: the contact's own cadence, else its tier's; None means never.

    ``tier_cadence`` is already adjusted for the mode (job search tightens tiers, not own
    cadences, as ``Config.cadence_for`` does). An own cadence of 0 means "never".
    """
    days = own if own is not None else tier_cadence.get(tier, 0)
    return days or None


def state_of(due: date | None, today: date, due_soon_days: int) -> str | None:
    """Return on-track, due-soon (within ``due_soon_days``), due (today) or overdue; None without a cadence."""
    if due is None:
        return None
    late = (today - due).days
    if late > 0:
        return OVERDUE
    if late == 0:
        return DUE
    if -late <= due_soon_days:
        return DUE_SOON
    return ON_TRACK


@dataclass(frozen=True)
class CadenceStatus:
    """Where a contact stands against its cadence on one day."""

    cadence_days: int
    due: date
    days_overdue: int
    """Positive when late, 0 on the due day, negative while not yet due."""
    state: str


def status(last_touch_on: date | None, created: date, cadence_days: int | None, today: date,
           due_soon_days: int = 7) -> CadenceStatus | None:
    """Return the contact's cadence status on ``today``, or None when it has no cadence."""
    due = next_due(last_touch_on, created, cadence_days)
    if due is None:
        return None
    return CadenceStatus(cadence_days, due, (today - due).days, state_of(due, today, due_soon_days))


def days_phrase(days: int) -> str:
    """``3 d`` / ``1 d``: the compact unit used in every reason."""
    return f"{days} d"
