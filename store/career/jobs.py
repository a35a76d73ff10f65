"""Provides your own jobs over time and the gaps between them.

Organisations are kept as text on each job for now (the organisations of the network area were
not yet in kith when this was built); a job is the same idea as a contact's employment:
organisation, title, start month, end month (none while current).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kith.store.career import undo as career_undo
from kith.store.career.common import clean, month_index, month_of, not_future, now, parse_month
from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid

GAP_MONTHS = 3
"""A gap longer than this many months is shown ("helps fill gaps in a resume")."""


@dataclass(frozen=True)
class JobInfo:
    id: int
    organisation: str
    title: str
    start: str
    end: str | None
    """None while current."""

    def as_json(self) -> dict:
        return {"id": self.id, "organisation": self.organisation, "title": self.title, "from": self.start,
                "to": self.end, "current": self.end is None}


@dataclass(frozen=True)
class Gap:
    start: str
    """First month without a job."""
    end: str
    """Last month without a job."""
    months: int

    def as_json(self) -> dict:
        return {"from": self.start, "to": self.end, "months": self.months}


def add_job(organisation: str, start: str, today: date, title: str = "", end: str | None = None) -> JobInfo:
    """Add a job from month ``start`` to month ``end`` (None: current)."""
    organisation = clean(organisation, "organisation", limit=200)
    title = clean(title, "title", False, 200)
    start = not_future(parse_month(start, "--from"), today, "--from")
    if end is not None:
        end = not_future(parse_month(end, "--to"), today, "--to")
        if end < start:
            raise Invalid("to", f"--to {end} is before --from {start}")
    with undo.action("job", f"added job at {organisation}"):
        cur = db.execute_sql("INSERT INTO my_job (organisation, title, start_month, end_month, created) "
                             "VALUES (?, ?, ?, ?, ?)", (organisation, title, start, end, now()))
        career_undo.added("my_job", cur.lastrowid)
    return JobInfo(cur.lastrowid, organisation, title, start, end)


def list_jobs() -> list[JobInfo]:
    rows = db.execute_sql("SELECT id, organisation, title, start_month, end_month FROM my_job "
                          "ORDER BY start_month, id")
    return [JobInfo(*r) for r in rows]


def _month(index: int) -> str:
    year, month = divmod(index, 12)
    return f"{year:04d}-{month + 1:02d}"


def gaps(jobs: list[JobInfo], today: date, longer_than: int = GAP_MONTHS) -> list[Gap]:
    """Stretches of more than ``longer_than`` whole months covered by no job, up to this month."""
    if not jobs:
        return []
    covered_to = None
    found = []
    this_month = month_index(month_of(today))
    for job in sorted(jobs, key=lambda j: j.start):
        start = month_index(job.start)
        end = month_index(job.end) if job.end else this_month
        if covered_to is not None and start - covered_to - 1 > longer_than:
            found.append(Gap(_month(covered_to + 1), _month(start - 1), start - covered_to - 1))
        covered_to = end if covered_to is None else max(covered_to, end)
    if this_month - covered_to > longer_than:
        found.append(Gap(_month(covered_to + 1), _month(this_month), this_month - covered_to))
    return found
