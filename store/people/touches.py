"""Provides touches: logging an interaction with a contact, listing and deleting them."""

from __future__ import annotations

from datetime import date, datetime

from peewee import fn

from kith.store.core.db import write
from kith.store.core.errors import Invalid, NotFound
from kith.store.people.models import Contact, Touch
from kith.store.core.records import TOUCH_KINDS, TouchInfo

MAX_NOTE = 100_000


def parse_kind(text: str) -> str:
    """Return the touch kind ``text`` names (case-insensitive; ``informational`` and ``check in`` work).

    Raises:
        Invalid: not a kind; the message lists the kinds.
    """
    wanted = " ".join(text.lower().replace("_", " ").split())
    for kind in TOUCH_KINDS:
        if wanted in (kind, kind.replace("-", " ")) or (len(wanted) >= 4 and kind.startswith(wanted)):
            return kind
    raise Invalid("kind", f"unknown kind {text!r}; use one of: {', '.join(TOUCH_KINDS)}")


def _info(t: Touch) -> TouchInfo:
    return TouchInfo(t.id, t.contact_id, t.date, t.kind, t.note)


def _refresh_last_touch(contact_id: int) -> None:
    last = (Touch.select(Touch.date, Touch.kind).where(Touch.contact == contact_id)
            .order_by(Touch.date.desc(), Touch.id.desc()).first())
    Contact.update(last_touch_on=last.date if last else None, last_touch_kind=last.kind if last else None) \
        .where(Contact.id == contact_id).execute()


def log_touch(contact_id: int, kind: str, on: date, note: str = "") -> TouchInfo:
    """Record an interaction; the contact's cadence restarts from it.

    Raises:
        NotFound: no such contact.
        Invalid: unknown kind or a note over the size cap.
    """
    kind = parse_kind(kind)
    note = (note or "").replace("\r\n", "\n").strip()
    if len(note) > MAX_NOTE:
        raise Invalid("note", f"the note is longer than {MAX_NOTE:,} characters")
    if not isinstance(on, date):
        raise Invalid("date", "the date is missing")
    with write():
        if not Contact.select().where(Contact.id == contact_id).exists():
            raise NotFound(f"no contact with id {contact_id}")
        t = Touch.create(contact=contact_id, date=on, kind=kind, note=note, created=datetime.now())
        _refresh_last_touch(contact_id)
    return _info(t)


def update_touch(touch_id: int, kind: str | None = None, on: date | None = None, note: str | None = None) -> TouchInfo:
    """Change a touch's kind, date or note."""
    changes = {}
    if kind is not None:
        changes["kind"] = parse_kind(kind)
    if on is not None:
        changes["date"] = on
    if note is not None:
        changes["note"] = note.strip()
    with write():
        t = Touch.get_or_none(Touch.id == touch_id)
        if t is None:
            raise NotFound(f"no touch with id {touch_id}")
        if changes:
            Touch.update(changes).where(Touch.id == touch_id).execute()
            _refresh_last_touch(t.contact_id)
    return _info(Touch.get_by_id(touch_id))


def delete_touch(touch_id: int) -> None:
    """Delete a touch; the contact's last touch is recomputed."""
    with write():
        t = Touch.get_or_none(Touch.id == touch_id)
        if t is None:
            raise NotFound(f"no touch with id {touch_id}")
        t.delete_instance()
        _refresh_last_touch(t.contact_id)


def list_touches(contact_id: int) -> list[TouchInfo]:
    """Return a contact's touches, newest first."""
    q = Touch.select().where(Touch.contact == contact_id).order_by(Touch.date.desc(), Touch.id.desc())
    return [_info(t) for t in q]


def count_touches() -> int:
    """Return how many touches are stored."""
    return Touch.select(fn.COUNT(Touch.id)).scalar()
