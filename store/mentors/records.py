"""Provides the plain, immutable records of the value log and the Mentors list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kith.store.mentors.roles import ROLES, RolePeriod


@dataclass(frozen=True)
class ValueEntryInfo:
    id: int
    contact_id: int
    date: date
    direction: str
    category: str
    note: str = ""
    touch_id: int | None = None


@dataclass(frozen=True)
class ValueLogged:
    """What ``add_value`` did: the entry, and whether the contact just became a mentor."""

    entry: ValueEntryInfo
    made_mentor: bool


@dataclass(frozen=True)
class MentorRow:
    """One line of the Mentors screen: roles, counts each way and the latest of each."""

    contact_id: int
    name: str
    roles: tuple[str, ...]
    since: date
    received: int = 0
    given: int = 0
    last_given_on: date | None = None
    last_given_category: str | None = None
    last_received_on: date | None = None
    last_received_category: str | None = None
    last_received_note: str = ""
    last_touch_on: date | None = None
    last_touch_kind: str | None = None
    periods: tuple[RolePeriod, ...] = ()
    """Every period in a role, oldest first (ended ones are the history)."""

    @property
    def balance(self) -> int:
        """Received minus given: above zero, you owe them."""
        return self.received - self.given

    @property
    def former(self) -> bool:
        """Held a role once and holds none now."""
        return not self.roles and bool(self.periods)

    @property
    def former_roles(self) -> tuple[str, ...]:
        """Roles held before and not now, in the order mentor, coach, partner."""
        past = {p.role for p in self.periods if not p.current}
        return tuple(r for r in ROLES if r in past and r not in self.roles)

    @property
    def until(self) -> date | None:
        """The day the last role ended, for a former mentor."""
        return max((p.ended for p in self.periods if p.ended), default=None) if self.former else None
