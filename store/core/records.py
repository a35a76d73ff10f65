"""Provides the plain, immutable records that store functions return."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

TAG_KINDS = ("profession", "industry", "geography", "other")
TOUCH_KINDS = (
    "coffee", "call", "email", "message", "meeting", "event", "informational interview",
    "check-in", "newsletter", "introduction", "other", "thank-you",
)
# How a thank-you was sent (``touch.channel``, migration 18); email unless said otherwise.
THANK_CHANNELS = ("email", "message", "call", "letter", "in person")


@dataclass(frozen=True)
class TagInfo:
    name: str
    kind: str = "other"

    def label(self) -> str:
        """``kind:name``, or just the name for the ``other`` kind."""
        return self.name if self.kind == "other" else f"{self.kind}:{self.name}"


@dataclass(frozen=True)
class ContactInfo:
    id: int
    name: str
    company: str = ""
    role: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    location: str = ""
    notes: str = ""
    tier: str = "network"
    strength: int = 3
    cadence_days: int | None = None
    how_met: str = ""
    introduced_by_id: int | None = None
    introduced_by_name: str | None = None
    birthday_month: int | None = None
    birthday_day: int | None = None
    birthday_year: int | None = None
    connected_on: date | None = None
    last_touch_on: date | None = None
    last_touch_kind: str | None = None
    archived: bool = False
    tags: tuple[TagInfo, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    created: datetime | None = None
    updated: datetime | None = None
    version: int = 1

    @property
    def birthday(self) -> str:
        """The birthday as ``YYYY-MM-DD`` or ``--MM-DD`` (no year), or ``""``."""
        if not self.birthday_month or not self.birthday_day:
            return ""
        year = f"{self.birthday_year:04d}" if self.birthday_year else "-"
        return f"{year}-{self.birthday_month:02d}-{self.birthday_day:02d}"


@dataclass(frozen=True)
class ContactRow:
    """The few fields the contact list draws, loaded fast for 10,000 contacts."""

    id: int
    name: str
    company: str
    role: str
    tier: str
    cadence_days: int | None
    last_touch_on: date | None
    created: date
    archived: bool
    search_key: str


@dataclass(frozen=True)
class TouchInfo:
    id: int
    contact_id: int
    date: date
    kind: str
    note: str = ""
    channel: str | None = None
    """How a thank-you was sent; None for other kinds."""

    @property
    def label(self) -> str:
        """The kind, with the channel of a thank-you: ``thank-you by letter``."""
        return f"{self.kind} by {self.channel}" if self.channel else self.kind


@dataclass(frozen=True)
class FollowUpInfo:
    id: int
    contact_id: int
    due: date
    what: str
    done: bool = False
    done_on: date | None = None
