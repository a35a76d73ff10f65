"""Provides the plain, immutable records the network store returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

OUTCOMES = ("met", "job lead", "referral", "hire", "nothing yet")
STAGES = ("researching", "reaching out", "talking", "applied", "offer", "closed")


@dataclass(frozen=True)
class OrgInfo:
    id: int
    name: str
    aliases: tuple[str, ...] = ()
    domain: str = ""
    industry: str = ""
    location: str = ""
    notes: str = ""


@dataclass(frozen=True)
class OrgRow:
    """One organisation in a list: how many of your contacts work there now and before."""

    id: int
    name: str
    industry: str
    current: int
    former: int
    stage: str | None = None


@dataclass(frozen=True)
class JobInfo:
    """One employment: ``started``/``ended`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` text."""

    id: int
    contact_id: int
    org_id: int
    org_name: str
    title: str = ""
    started: str | None = None
    ended: str | None = None
    current: bool = False
    approximate: bool = False

    def span(self) -> str:
        """``2019–2022``, ``2021-03–now``, ``until 2020 (about)``."""
        start = self.started or ""
        end = "now" if self.current else (self.ended or "")
        text = f"{start}–{end}" if start else (("until " + end) if end and end != "now" else end)
        return f"{text} (about)" if self.approximate and text else text


@dataclass(frozen=True)
class IntroInfo:
    """One introduction. ``by_id`` None: you made it; ``first_id`` None: you were introduced."""

    id: int
    by_id: int | None
    by_name: str
    first_id: int | None
    first_name: str
    second_id: int
    second_name: str
    day: date
    note: str = ""
    outcome: str = "nothing yet"

    def line(self) -> str:
        """``Priya Raman introduced you to Marcus Chen``."""
        if self.by_id is None:
            return f"you introduced {self.first_name} and {self.second_name}"
        if self.first_id is None:
            return f"{self.by_name} introduced you to {self.second_name}"
        return f"{self.by_name} introduced {self.first_name} and {self.second_name}"


@dataclass(frozen=True)
class Hop:
    contact_id: int
    name: str
    edge: str
    why: str


@dataclass(frozen=True)
class Route:
    """A warm path from you into an organisation, best first by ``score``."""

    score: float
    hops: tuple[Hop, ...]
    why: str


@dataclass(frozen=True)
class Connector:
    contact_id: int
    name: str
    score: float
    to_you: int
    between: int
    organisations: int
    industries: int
    places: int
    strength: int
    last_touch_on: date | None
    reasons: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class TargetInfo:
    org_id: int
    org_name: str
    stage: str
    note: str
    progressed: date
    current: int = 0
    former: int = 0
