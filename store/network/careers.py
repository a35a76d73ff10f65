"""Provides careers: each contact's employments (organisation, title, from, to; at most one current).

A contact's company and role are its current employment, kept in step both ways: editing them in
kith (form, ``kith edit``) moves the career, and ``add_job(..., current=True)`` updates them. What
the user edited in kith is marked, and an import never overwrites it (``kith.store.network.imports``).
"""

from __future__ import annotations

import re
import threading
from datetime import date, datetime

from kith.store.core import clock, undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.network import undo_steps
from kith.store.network.orgs import _clean_name, org_id_for
from kith.store.network.records import JobInfo

_MONTH = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
_syncing = threading.local()


def parse_month(text: str | None, what: str = "from") -> str | None:
    """``2019`` or ``2019-03`` (kept as text: a career is rarely known to the day)."""
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    if _MONTH.match(text) or re.match(r"^\d{4}-\d{2}-\d{2}$", text):
        return text
    raise Invalid(what, f"{what}: {text!r} is not a year or month (YYYY or YYYY-MM)")


def month_index(text: str | None, end: bool = False) -> int | None:
    """Months since year 0: ``2019`` is January (or December as an end), ``2019-03`` is March."""
    if not text:
        return None
    year = int(text[:4])
    month = int(text[5:7]) if len(text) >= 7 else (12 if end else 1)
    return year * 12 + month - 1


def _info(row) -> JobInfo:
    jid, cid, oid, oname, title, started, ended, current, approx = row
    return JobInfo(jid, cid, oid, oname, title, started, ended, bool(current), bool(approx))


_SELECT = ("SELECT e.id, e.contact_id, e.organisation_id, o.name, e.title, e.started, e.ended, e.current, "
           "e.approximate FROM employment e JOIN organisation o ON o.id = e.organisation_id")


def list_jobs(contact_id: int) -> list[JobInfo]:
    """A contact's career: the current job first, then past ones, latest first."""
    rows = db.execute_sql(f"{_SELECT} WHERE e.contact_id = ? ORDER BY e.current DESC, "
                          "coalesce(e.ended, e.started, '') DESC, e.id DESC", (contact_id,))
    return [_info(r) for r in rows]


def people_at(org_id: int) -> tuple[list[tuple[JobInfo, str]], list[tuple[JobInfo, str]]]:
    """(current, former) employments at an organisation, each with the contact's name."""
    rows = db.execute_sql(f"SELECT c.name, {_SELECT[7:]} JOIN contact c ON c.id = e.contact_id "
                          "WHERE e.organisation_id = ? AND c.archived = 0 ORDER BY c.name", (org_id,))
    now, before = [], []
    for name, *rest in rows:
        job = _info(rest)
        (now if job.current else before).append((job, name))
    return now, before


def add_job(contact_id: int, org: str, title: str = "", started: str | None = None, ended: str | None = None,
            current: bool = False, today: date | None = None) -> JobInfo:
    """Add an employment; a current one ends the previous current job and becomes the company/role.

    Raises:
        NotFound: no such contact.
        Invalid: a bad month, ``ended`` before ``started``, or an empty organisation name.
    """
    started, ended = parse_month(started, "from"), parse_month(ended, "to")
    if started and ended and month_index(ended, True) < month_index(started):
        raise Invalid("to", f"--to {ended} is before --from {started}")
    if current and ended:
        raise Invalid("to", "a current job has no end")
    title = " ".join((title or "").split())[:300]
    _clean_name(org)
    with undo.action("add job", contact_id=contact_id) as draft:
        name = db.execute_sql("SELECT name FROM contact WHERE id = ?", (contact_id,)).fetchone()
        if name is None:
            raise NotFound(f"no contact with id {contact_id}")
        org_id = org_id_for(org)
        if current:
            _end_current(contact_id, started or (today or date.today()).strftime("%Y-%m"), approximate=not started)
        cur = db.execute_sql(
            "INSERT INTO employment (contact_id, organisation_id, title, started, ended, current, org_edited, "
            "title_edited, created) VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?)",
            (contact_id, org_id, title, started, ended, int(current), datetime.now()))
        undo_steps.record_delete("employment", cur.lastrowid)
        job = _info(db.execute_sql(f"{_SELECT} WHERE e.id = ?", (cur.lastrowid,)).fetchone())
        draft.summary = f"added {job.org_name} to {name[0]}'s career"
        if current:
            _set_contact_company(contact_id, job.org_name, title)
    return job


def delete_job(job_id: int) -> None:
    """Remove an employment (undo puts it back)."""
    with undo.action("delete job") as draft:
        row = db.execute_sql("SELECT contact_id, current FROM employment WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise NotFound(f"no job with id {job_id}")
        draft.contact_id = row[0]
        draft.summary = f"removed job #{job_id}"
        undo_steps.record_restore("employment", job_id)
        db.execute_sql("DELETE FROM employment WHERE id = ?", (job_id,))
        if row[1]:
            _set_contact_company(row[0], "", "")


def _end_current(contact_id: int, on: str, approximate: bool) -> None:
    row = db.execute_sql("SELECT id, started FROM employment WHERE contact_id = ? AND current = 1",
                         (contact_id,)).fetchone()
    if row is None:
        return
    undo_steps.record_restore("employment", row[0])
    if row[1] and on < row[1]:
        on = row[1]
    db.execute_sql("UPDATE employment SET current = 0, ended = ?, approximate = ? WHERE id = ?",
                   (on, int(approximate), row[0]))


def _set_contact_company(contact_id: int, company: str, role: str) -> None:
    from kith.store.people.contacts import update_contact

    _syncing.on = True
    try:
        update_contact(contact_id, {"company": company, "role": role})
    finally:
        _syncing.on = False


def contact_changed(contact_id: int, company: str, role: str, changed: set[str], edited: bool = True,
                    today: date | None = None) -> None:
    """Inside a write: the contact's company or role was set in kith; move its career along.

    A new company ends the current job (this month, approximate) and starts a new one; a new role
    retitles the current job; an empty company ends it.
    """
    from kith.store.network.introductions import _undoing

    if getattr(_syncing, "on", False) or _undoing() or not changed & {"company", "role"}:
        return
    if not db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'employment'").fetchone():
        return  # a database below schema 8 (upgrade tests)
    month = (today or clock.today()).strftime("%Y-%m")
    row = db.execute_sql("SELECT id, organisation_id FROM employment WHERE contact_id = ? AND current = 1",
                         (contact_id,)).fetchone()
    from kith.store.network.orgs import _match_id, org_key

    same_org = row is not None and company and _match_id(org_key(company)) == row[1]
    if "company" in changed and not same_org:
        _end_current(contact_id, month, approximate=True)
        if company:
            org_id = org_id_for(company)
            cur = db.execute_sql(
                "INSERT INTO employment (contact_id, organisation_id, title, current, org_edited, title_edited, "
                "created) VALUES (?, ?, ?, 1, ?, ?, ?)",
                (contact_id, org_id, role or "", int(edited), int(edited and "role" in changed), datetime.now()))
            undo_steps.record_delete("employment", cur.lastrowid)
        return
    if row is not None:
        undo_steps.record_restore("employment", row[0])
        sets = "title = ?, title_edited = ?" + (", org_edited = 1" if "company" in changed and edited else "")
        db.execute_sql(f"UPDATE employment SET {sets} WHERE id = ?", (role or "", int(edited), row[0]))


def before_contact_merge(keep_id: int, other_id: int, today: date | None = None) -> None:
    """Inside a contact merge: when both have a current job, the other's becomes a past one (kept)."""
    if not db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'employment'").fetchone():
        return
    if db.execute_sql("SELECT 1 FROM employment WHERE contact_id = ? AND current = 1", (keep_id,)).fetchone():
        _end_current(other_id, (today or clock.today()).strftime("%Y-%m"), approximate=True)
