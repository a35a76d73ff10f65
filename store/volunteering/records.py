"""Provides the plain, immutable records the volunteering store returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SKILL_HOW = ("used", "learned")


def hours_text(minutes: int) -> str:
    """``150`` -> ``2.5``; ``60`` -> ``1``; ``20`` -> ``0.33`` (hours, at most two decimals)."""
    text = f"{minutes / 60:.2f}".rstrip("0").rstrip(".")
    return text or "0"


@dataclass(frozen=True)
class EngagementInfo:
    """One engagement with its totals (hours as minutes: exact sums)."""

    id: int
    organisation_id: int
    organisation: str
    role: str
    started: date
    ended: date | None
    note: str
    minutes: int = 0
    days_logged: int = 0
    last_day: date | None = None
    people: int = 0
    skills: tuple[tuple[str, str], ...] = ()
    """(skill name, used or learned), by name."""

    @property
    def title(self) -> str:
        return f"{self.organisation} ({self.role})" if self.role else self.organisation

    @property
    def hours(self) -> str:
        return hours_text(self.minutes)

    def active_on(self, day: date) -> bool:
        return self.started <= day and (self.ended is None or day <= self.ended)

    def span(self) -> str:
        return f"{self.started.isoformat()}–{self.ended.isoformat() if self.ended else 'now'}"

    def as_json(self) -> dict:
        return {"id": self.id, "organisation_id": self.organisation_id, "organisation": self.organisation,
                "role": self.role, "from": self.started.isoformat(),
                "to": self.ended.isoformat() if self.ended else None, "note": self.note,
                "hours": float(hours_text(self.minutes)), "minutes": self.minutes, "days_logged": self.days_logged,
                "last_day": self.last_day.isoformat() if self.last_day else None, "people_met": self.people,
                "skills": [{"name": n, "how": h} for n, h in self.skills]}


@dataclass(frozen=True)
class HoursEntry:
    id: int
    engagement_id: int
    day: date
    minutes: int
    note: str

    @property
    def hours(self) -> str:
        return hours_text(self.minutes)


@dataclass(frozen=True)
class Meeting:
    """Someone met at an engagement on a day (``touch_id``: the ``event`` touch logged with it)."""

    id: int
    engagement_id: int
    contact_id: int
    name: str
    day: date
    touch_id: int | None
    engagement: str = ""


@dataclass(frozen=True)
class SharedEngagement:
    """An engagement where you met a contact: when first and last, and how many times."""

    engagement_id: int
    title: str
    first_met: date
    last_met: date
    times: int
    started: date
    ended: date | None
