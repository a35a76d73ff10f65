"""Provides touches: logging an interaction with a contact, listing and deleting them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from peewee import fn

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.core.records import THANK_CHANNELS, TOUCH_KINDS, TouchInfo
from kith.store.core.validate import check_text
from kith.store.people.models import Contact, Touch

MAX_NOTE = 100_000

THANKED: Callable[[int, int, date], object] | None = None
"""Called with (contact id, touch id, day) inside the write when a thank-you touch is logged; the
thank-you loop (``kith.store.conversations``) sets it from ``kith.store.wiring``."""


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


def _clean_note(note: str | None) -> str:
    note = check_text("note", (note or "").replace("\r\n", "\n").strip(), "the note")
    if len(note) > MAX_NOTE:
        raise Invalid("note", f"the note is longer than {MAX_NOTE:,} characters")
    return note


def _info(t: Touch) -> TouchInfo:
    return TouchInfo(t.id, t.contact_id, t.date, t.kind, t.note, t.channel)


def _refresh_last_touch(contact_id: int) -> None:
    last = (Touch.select(Touch.date, Touch.kind).where(Touch.contact == contact_id)
            .order_by(Touch.date.desc(), Touch.id.desc()).first())
    Contact.update(last_touch_on=last.date if last else None, last_touch_kind=last.kind if last else None) \
        .where(Contact.id == contact_id).execute()


def log_touch(contact_id: int, kind: str, on: date, note: str = "", channel: str | None = None) -> TouchInfo:
    """Record an interaction; the contact's cadence restarts from it. A thank-you keeps its
    ``channel`` (one of ``THANK_CHANNELS``; email when not given); other kinds have none.

    Raises:
        NotFound: no such contact.
        Invalid: unknown kind, unknown channel, or a note over the size cap.
    """
    kind = parse_kind(kind)
    note = _clean_note(note)
    if channel is not None and channel not in THANK_CHANNELS:
        raise Invalid("channel", f"unknown way to thank {channel!r}; use one of: {', '.join(THANK_CHANNELS)}")
    channel = (channel or "email") if kind == "thank-you" else None
    if not isinstance(on, date):
        raise Invalid("date", "the date is missing")
    with undo.action("log touch", contact_id=contact_id) as draft:
        name = Contact.select(Contact.name).where(Contact.id == contact_id).scalar()
        if name is None:
            raise NotFound(f"no contact with id {contact_id}")
        extra = {"channel": channel} if channel else {}  # no column named on a schema before migration 18
        t = Touch.create(contact=contact_id, date=on, kind=kind, note=note, created=datetime.now(), **extra)
        _refresh_last_touch(contact_id)
        draft.summary = f"logged {kind} with {name} on {on.isoformat()}"
        undo.record("delete_touch", id=t.id)
        if kind == "thank-you" and THANKED is not None:  # closes what is owed to them
            THANKED(contact_id, t.id, on)
    return _info(t)


def update_touch(touch_id: int, kind: str | None = None, on: date | None = None, note: str | None = None,
                 today: date | None = None) -> TouchInfo:
    """Change a touch's kind, date or note (None leaves a field as it is); undo puts them back.

    Raises:
        NotFound: no such touch.
        Invalid: unknown kind, a note over the cap, or a day after ``today`` (when given).
    """
    changes: dict = {}
    if kind is not None:
        changes["kind"] = parse_kind(kind)
    if on is not None:
        if not isinstance(on, date):
            raise Invalid("date", "the date is missing")
        if today is not None and on > today:
            raise Invalid("date", f"{on.isoformat()} is still ahead: a touch is something that happened")
        changes["date"] = on
    if note is not None:
        changes["note"] = _clean_note(note)
    with undo.action("edit touch") as draft:
        t = Touch.get_or_none(Touch.id == touch_id)
        if t is None:
            raise NotFound(f"no touch with id {touch_id}")
        changes = {k: v for k, v in changes.items() if v != getattr(t, k)}
        if changes:
            draft.contact_id = t.contact_id
            draft.ref_id = touch_id
            draft.summary = f"edited touch #{touch_id} ({', '.join(changes)})"
            undo.record("set_touch", id=touch_id, kind=t.kind, date=t.date.isoformat(), note=t.note)
            Touch.update(changes).where(Touch.id == touch_id).execute()
            _refresh_last_touch(t.contact_id)
    return _info(Touch.get_by_id(touch_id))


def get_touch(touch_id: int) -> TouchInfo:
    """Return one touch.

    Raises:
        NotFound: no such touch.
    """
    t = Touch.get_or_none(Touch.id == touch_id)
    if t is None:
        raise NotFound(f"no touch with id {touch_id}")
    return _info(t)


def delete_touch(touch_id: int) -> None:
    """Delete a touch; the contact's last touch is recomputed; undo brings it back."""
    with undo.action("delete touch") as draft:
        t = Touch.get_or_none(Touch.id == touch_id)
        if t is None:
            raise NotFound(f"no touch with id {touch_id}")
        draft.contact_id = t.contact_id
        draft.summary = f"deleted touch #{touch_id}"
        undo.record("insert_touch", id=t.id, contact_id=t.contact_id, kind=t.kind, date=t.date.isoformat(),
                    note=t.note, created=str(t.created), channel=t.channel)
        t.delete_instance()
        _refresh_last_touch(t.contact_id)


def remove_touch(touch_id: int) -> None:
    """Undo of logging: delete the touch and the value entries logged with it (a give-back)."""
    contact_id = Touch.select(Touch.contact).where(Touch.id == touch_id).scalar()
    if contact_id is None:
        return
    db.execute_sql("DELETE FROM value_entry WHERE touch_id = ?", (touch_id,))
    Touch.delete().where(Touch.id == touch_id).execute()
    _refresh_last_touch(contact_id)


def restore_touch(touch_id: int, kind: str, on: str, note: str) -> None:
    """Undo of an edit: put a touch's kind, date and note back."""
    contact_id = Touch.select(Touch.contact).where(Touch.id == touch_id).scalar()
    if contact_id is None:
        return
    Touch.update(kind=kind, date=date.fromisoformat(on), note=note).where(Touch.id == touch_id).execute()
    _refresh_last_touch(contact_id)


def insert_touch(step: dict) -> None:
    """Undo of a delete: put the touch back with its id (skipped if its contact is gone)."""
    if not Contact.select().where(Contact.id == step["contact_id"]).exists():
        return
    Touch.insert(id=step["id"], contact=step["contact_id"], kind=step["kind"], date=date.fromisoformat(step["date"]),
                 note=step["note"], channel=step.get("channel"),
                 created=step["created"]).on_conflict_ignore().execute()
    _refresh_last_touch(step["contact_id"])


def list_touches(contact_id: int) -> list[TouchInfo]:
    """Return a contact's touches, newest first."""
    q = Touch.select().where(Touch.contact == contact_id).order_by(Touch.date.desc(), Touch.id.desc())
    return [_info(t) for t in q]


def count_touches() -> int:
    """Return how many touches are stored."""
    return Touch.select(fn.COUNT(Touch.id)).scalar()
