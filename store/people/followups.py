"""Provides follow-ups: dated promises to a contact, and marking them done."""

from __future__ import annotations

from datetime import date, datetime

from kith.store.core import clock, undo
from kith.store.core.errors import Invalid, NotFound
from kith.store.core.records import FollowUpInfo
from kith.store.core.validate import check_text
from kith.store.people.models import Contact, FollowUp

MAX_WHAT = 1000


def _info(f: FollowUp) -> FollowUpInfo:
    return FollowUpInfo(f.id, f.contact_id, f.due, f.what, bool(f.done), f.done_on)


def _clean_what(what: str) -> str:
    what = " ".join(check_text("what", what or "", "the follow-up").split())
    if not what:
        raise Invalid("what", "say what to follow up on")
    if len(what) > MAX_WHAT:
        raise Invalid("what", f"keep it under {MAX_WHAT} characters")
    return what


def add_follow_up(contact_id: int, due: date, what: str) -> FollowUpInfo:
    """Add a follow-up due on ``due``; undo deletes it.

    Raises:
        NotFound: no such contact.
        Invalid: ``what`` is empty or too long.
    """
    what = _clean_what(what)
    with undo.action("add follow-up", contact_id=contact_id) as draft:
        name = Contact.select(Contact.name).where(Contact.id == contact_id).scalar()
        if name is None:
            raise NotFound(f"no contact with id {contact_id}")
        f = FollowUp.create(contact=contact_id, due=due, what=what, created=datetime.now())
        draft.summary = f"added follow-up #{f.id} with {name}"
        undo.record("delete_follow_up", id=f.id)
    return _info(f)


def _get(follow_up_id: int) -> FollowUp:
    f = FollowUp.get_or_none(FollowUp.id == follow_up_id)
    if f is None:
        raise NotFound(f"no follow-up with id {follow_up_id}")
    return f


def get_follow_up(follow_up_id: int) -> FollowUpInfo:
    """Return one follow-up."""
    return _info(_get(follow_up_id))


def _record_old(f: FollowUp) -> None:
    undo.record("set_follow_up", id=f.id, due=f.due.isoformat(), what=f.what, done=bool(f.done),
                done_on=f.done_on.isoformat() if f.done_on else None)


def update_follow_up(follow_up_id: int, due: date | None = None, what: str | None = None,
                     done: bool | None = None, on: date | None = None) -> FollowUpInfo:
    """Change a follow-up's due day, text or done state (None leaves a field); undo puts them back.

    ``on`` is the day it was done (default: today) when ``done`` is True.

    Raises:
        NotFound: no such follow-up.
        Invalid: empty or over-long text, a missing day.
    """
    changes: dict = {}
    if due is not None:
        if not isinstance(due, date):
            raise Invalid("due", "the due day is missing")
        changes["due"] = due
    if what is not None:
        changes["what"] = _clean_what(what)
    if done is not None:
        changes["done"] = bool(done)
        changes["done_on"] = (on or clock.today()) if done else None
    action = "done" if done else ("reopen" if done is False else "edit follow-up")
    with undo.action(action) as draft:
        f = _get(follow_up_id)
        current = {"due": f.due, "what": f.what, "done": bool(f.done), "done_on": f.done_on}
        if changes.get("done") and current["done"]:
            changes.pop("done_on")  # already done: keep the day it was done
        changes = {k: v for k, v in changes.items() if v != current[k]}
        if changes:
            draft.contact_id, draft.ref_id = f.contact_id, follow_up_id
            draft.summary = f"{action} follow-up #{follow_up_id}: {f.what}"
            _record_old(f)
            FollowUp.update(changes).where(FollowUp.id == follow_up_id).execute()
    return get_follow_up(follow_up_id)


def set_done(follow_up_id: int, done: bool = True, on: date | None = None) -> FollowUpInfo:
    """Mark a follow-up done on ``on`` (default: today), or reopen it; undo reverses it."""
    return update_follow_up(follow_up_id, done=done, on=on)


def reschedule(follow_up_id: int, due: date) -> FollowUpInfo:
    """Move a follow-up to a new due date."""
    return update_follow_up(follow_up_id, due=due)


def delete_follow_up(follow_up_id: int) -> None:
    """Delete a follow-up; undo brings it back."""
    with undo.action("delete follow-up") as draft:
        f = _get(follow_up_id)
        draft.contact_id, draft.summary = f.contact_id, f"deleted follow-up #{follow_up_id}: {f.what}"
        undo.record("insert_follow_up", id=f.id, contact_id=f.contact_id, due=f.due.isoformat(), what=f.what,
                    done=bool(f.done), done_on=f.done_on.isoformat() if f.done_on else None, created=str(f.created))
        f.delete_instance()


def insert_follow_up(step: dict) -> None:
    """Undo of a delete: put the follow-up back with its id (skipped if its contact is gone)."""
    if not Contact.select().where(Contact.id == step["contact_id"]).exists():
        return
    FollowUp.insert(id=step["id"], contact=step["contact_id"], due=step["due"], what=step["what"],
                    done=step["done"], done_on=step["done_on"], created=step["created"]).on_conflict_ignore().execute()


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


def list_all() -> list[tuple[FollowUpInfo, str, bool]]:
    """Return every follow-up with its contact's name and archived flag: open ones by due day, then done."""
    q = (FollowUp.select(FollowUp, Contact.name, Contact.archived).join(Contact)
         .order_by(FollowUp.done, FollowUp.due, FollowUp.id))
    return [(_info(f), f.contact.name, bool(f.contact.archived)) for f in q]
