"""Provides the people met at an engagement: meeting someone logs an ``event`` touch with the
engagement as its note, and links them; a new person can be added on the spot.

The contact page's "shared engagements" are the engagements where you met that person.
"""

from __future__ import annotations

from datetime import date, datetime

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.volunteering import undo_steps
from kith.store.volunteering.common import MAX_NOTE, clean, day_value, not_future
from kith.store.volunteering.engagements import get_engagement
from kith.store.volunteering.records import Meeting, SharedEngagement


def touch_note(title: str, note: str = "") -> str:
    """The ``event`` touch's note: the engagement as context, then what was said."""
    return f"volunteering at {title}" + (f": {note}" if note else "")


def meet(engagement_id: int, today: date, contact_id: int | None = None, new_name: str | None = None,
         day: date | None = None, note: str = "") -> Meeting:
    """Record meeting someone at the engagement on ``day`` (default today): an ``event`` touch plus the link.

    Give ``contact_id`` for someone kith knows, or ``new_name`` to add them on the spot (how met:
    the engagement). Undo removes the meeting, its touch and a person added with it.

    Raises:
        NotFound: no such engagement or contact.
        Invalid: neither or both of contact and name; a day ahead or outside the engagement;
            the same person already met there that day.
    """
    from kith.store.people.contacts import create_contact, get_contact
    from kith.store.people.touches import log_touch

    if (contact_id is None) == (not (new_name or "").strip()):
        raise Invalid("person", "say who you met: someone in kith, or a new name")
    day = not_future(day or today, today, "the day")
    note = clean(note, "note", MAX_NOTE, multiline=True)
    with undo.action("met") as draft:
        e = get_engagement(engagement_id)
        if day < e.started:
            raise Invalid("day", f"{day.isoformat()} is before {e.title} started ({e.started.isoformat()})")
        if e.ended and day > e.ended:
            raise Invalid("day", f"{day.isoformat()} is after {e.title} ended ({e.ended.isoformat()})")
        if contact_id is None:
            person = create_contact(new_name, how_met=f"volunteering at {e.title}"[:300])
        else:
            person = get_contact(contact_id)
        if db.execute_sql("SELECT 1 FROM engagement_met WHERE engagement_id = ? AND contact_id = ? AND day = ?",
                          (engagement_id, person.id, day.isoformat())).fetchone():
            raise Invalid("person", f"{person.name} is already logged as met at {e.title} on {day.isoformat()}")
        touch = log_touch(person.id, "event", day, touch_note(e.title, note))
        cur = db.execute_sql("INSERT INTO engagement_met (engagement_id, contact_id, day, touch_id, created) "
                             "VALUES (?, ?, ?, ?, ?)", (engagement_id, person.id, day.isoformat(), touch.id,
                                                        datetime.now()))
        undo_steps.added("engagement_met", cur.lastrowid)
        draft.contact_id = person.id
        draft.summary = f"met {person.name} at {e.title} on {day.isoformat()}"
    return Meeting(cur.lastrowid, engagement_id, person.id, person.name, day, touch.id, e.title)


_MET = ("SELECT m.id, m.engagement_id, m.contact_id, c.name, m.day, m.touch_id, "
        "o.name || CASE WHEN e.role != '' THEN ' (' || e.role || ')' ELSE '' END "
        "FROM engagement_met m JOIN contact c ON c.id = m.contact_id JOIN engagement e ON e.id = m.engagement_id "
        "JOIN organisation o ON o.id = e.organisation_id")


def _meeting(row) -> Meeting:
    mid, eid, cid, name, day, tid, title = row
    return Meeting(mid, eid, cid, name, day_value(day), tid, title)


def list_met(engagement_id: int) -> list[Meeting]:
    """Everyone met at the engagement, newest meeting first."""
    get_engagement(engagement_id)
    rows = db.execute_sql(f"{_MET} WHERE m.engagement_id = ? ORDER BY m.day DESC, m.id DESC", (engagement_id,))
    return [_meeting(r) for r in rows]


def meetings_since(day: date) -> list[Meeting]:
    """Every meeting on or after ``day`` with someone not archived, newest first."""
    rows = db.execute_sql(f"{_MET} WHERE m.day >= ? AND c.archived = 0 ORDER BY m.day DESC, m.id DESC",
                          (day.isoformat(),))
    return [_meeting(r) for r in rows]


def shared_engagements(contact_id: int) -> list[SharedEngagement]:
    """The engagements where you met the contact, the latest meeting first."""
    if not db.execute_sql("SELECT 1 FROM contact WHERE id = ?", (contact_id,)).fetchone():
        raise NotFound(f"no contact with id {contact_id}")
    rows = db.execute_sql(
        "SELECT e.id, o.name || CASE WHEN e.role != '' THEN ' (' || e.role || ')' ELSE '' END, min(m.day), "
        "max(m.day), count(*), e.started, e.ended FROM engagement_met m JOIN engagement e ON e.id = m.engagement_id "
        "JOIN organisation o ON o.id = e.organisation_id WHERE m.contact_id = ? GROUP BY e.id "
        "ORDER BY max(m.day) DESC, e.id DESC", (contact_id,))
    return [SharedEngagement(eid, title, day_value(first), day_value(last), n, day_value(s), day_value(end))
            for eid, title, first, last, n, s, end in rows]
