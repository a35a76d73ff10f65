"""Provides follow-ups: dated promises to a contact, and marking them done."""

from __future__ import annotations

from datetime import date, datetime

from kith.store.core import clock
from kith.store.core.db import write
from kith.store.core.errors import Invalid, NotFound
from kith.store.people.models import Contact, FollowUp
from kith.store.core.records import FollowUpInfo

MAX_WHAT = 1000


def _info(f: FollowUp) -> FollowUpInfo:
    return FollowUpInfo(f.id, f.contact_id, f.due, f.what, bool(f.done), f.done_on)


def add_follow_up(contact_id: int, due: date, what: str) -> FollowUpInfo:
    """Add a follow-up due on ``due``.

    Raises:
        NotFound: no such contact.
        Invalid: ``what`` is empty or too long.
    """
    what = " ".join((what or "").split())
    if not what:
        raise Invalid("what", "say what to follow up on")
    if len(what) > MAX_WHAT:
        raise Invalid("what", f"keep it under {MAX_WHAT} characters")
    with write():
        if not Contact.select().where(Contact.id == contact_id).exists():
            raise NotFound(f"no contact with id {contact_id}")
        f = FollowUp.create(contact=contact_id, due=due, what=what, created=datetime.now())
    return _info(f)


def _get(follow_up_id: int) -> FollowUp:
    f = FollowUp.get_or_none(FollowUp.id == follow_up_id)
    if f is None:
        raise NotFound(f"no follow-up with id {follow_up_id}")
    return f


def get_follow_up(follow_up_id: int) -> FollowUpInfo:
    """Return one follow-up."""
    return _info(_get(follow_up_id))


def set_done(follow_up_id: int, done: bool = True, on: date | None = None) -> FollowUpInfo:
    """Mark a follow-up done on ``on`` (default: its due date is kept, done_on = on), or reopen it."""
    with write():
        _get(follow_up_id)
        FollowUp.update(done=done, done_on=(on or clock.today()) if done else None) \
            .where(FollowUp.id == follow_up_id).execute()
    return get_follow_up(follow_up_id)


def reschedule(follow_up_id: int, due: date) -> FollowUpInfo:
    """Move a follow-up to a new due date."""
    with write():
        _get(follow_up_id)
        FollowUp.update(due=due).where(FollowUp.id == follow_up_id).execute()
    return get_follow_up(follow_up_id)


def delete_follow_up(follow_up_id: int) -> None:
    """Delete a follow-up."""
    with write():
        _get(follow_up_id).delete_instance()


def list_follow_ups(contact_id: int) -> list[FollowUpInfo]:
    """Return a contact's follow-ups: open ones first by due date, then done ones."""
    q = FollowUp.select().where(FollowUp.contact == contact_id).order_by(FollowUp.done, FollowUp.due, FollowUp.id)
    return [_info(f) for f in q]


def list_open(until: date | None = None) -> list[FollowUpInfo]:
    """Return open follow-ups of active contacts, due on or before ``until`` if given."""
    q = (FollowUp.select().join(Contact)
         .where((FollowUp.done == False) & (Contact.archived == False))  # noqa: E712
         .order_by(FollowUp.due, FollowUp.id))
    if until is not None:
        q = q.where(FollowUp.due <= until)
    return [_info(f) for f in q]
