"""Provides mentor roles with their history: a contact holds a role (mentor, coach, partner) for
periods that start and end on a day. Removing a role ends its period instead of deleting it, so
a former mentor stays in the ledger; adding it again starts a new period.

Re-exported by ``store.mentors``; nothing here imports it (it imports this module).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from peewee import DateField, ForeignKeyField, TextField

from kith.store.core import clock, undo
from kith.store.core.errors import Invalid, NotFound
from kith.store.core.fold import fold
from kith.store.people.models import BaseModel, Contact

ROLES = ("mentor", "coach", "partner")


class MentorRole(BaseModel):
    """One period in which a contact held a role; ``ended`` is None while it is current."""

    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    role = TextField()
    started = DateField()
    ended = DateField(null=True)


@dataclass(frozen=True)
class RolePeriod:
    role: str
    started: date
    ended: date | None = None

    @property
    def current(self) -> bool:
        return self.ended is None

    def label(self) -> str:
        """``mentor 2024-03-01 – 2026-11-30`` (or ``mentor since 2024-03-01`` while current)."""
        if self.ended is None:
            return f"{self.role} since {self.started.isoformat()}"
        return f"{self.role} {self.started.isoformat()} – {self.ended.isoformat()}"


# -- parsing ------------------------------------------------------------------------------------


def words(text: str) -> str:
    return " ".join(fold(text or "").replace("_", " ").split())


def pick(field: str, text: str, choices: Sequence[str], what: str) -> str:
    """The one choice ``text`` names (whole or unique prefix), else Invalid listing the choices."""
    wanted = words(text)
    if wanted:
        for choice in choices:
            if wanted in (choice, choice.replace("-", " ")):
                return choice
        hits = [c for c in choices if c.startswith(wanted) or c.replace("-", " ").startswith(wanted)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise Invalid(field, f"{text!r} could be {', '.join(hits)}; type more of it")
    raise Invalid(field, f"unknown {what} {text!r}; use one of: {', '.join(choices)}")


def parse_role(text: str) -> str:
    """Return the role ``text`` names (case-insensitive unique prefix).

    Raises:
        Invalid: not a role; the message lists the roles.
    """
    return pick("role", text, ROLES, "role")


# -- reading ------------------------------------------------------------------------------------


def require_contact(contact_id: int) -> None:
    if not Contact.select().where(Contact.id == contact_id).exists():
        raise NotFound(f"no contact with id {contact_id}")


def contact_name(contact_id: int) -> str:
    """The contact's name, for undo summaries."""
    return Contact.select(Contact.name).where(Contact.id == contact_id).scalar() or f"#{contact_id}"


def _ordered(roles) -> tuple[str, ...]:
    have = set(roles)
    return tuple(r for r in ROLES if r in have)


def get_roles(contact_id: int) -> tuple[str, ...]:
    """Return the contact's current roles in the order mentor, coach, partner."""
    q = MentorRole.select(MentorRole.role).where((MentorRole.contact == contact_id) & MentorRole.ended.is_null())
    return _ordered(r for (r,) in q.tuples())


def role_periods(contact_id: int) -> tuple[RolePeriod, ...]:
    """Every period the contact held a role, oldest first."""
    q = (MentorRole.select(MentorRole.role, MentorRole.started, MentorRole.ended)
         .where(MentorRole.contact == contact_id).order_by(MentorRole.started, MentorRole.id))
    return tuple(RolePeriod(*row) for row in q.tuples())


def all_periods() -> dict[int, list[RolePeriod]]:
    """Contact id -> its role periods, oldest first (one query for the Mentors list)."""
    out: dict[int, list[RolePeriod]] = {}
    q = (MentorRole.select(MentorRole.contact, MentorRole.role, MentorRole.started, MentorRole.ended)
         .order_by(MentorRole.started, MentorRole.id))
    for cid, role, started, ended in q.tuples():
        out.setdefault(cid, []).append(RolePeriod(role, started, ended))
    return out


def current_since(contact_id: int, role: str) -> date | None:
    """The day the contact's current period in ``role`` started; None if they do not hold it."""
    return (MentorRole.select(MentorRole.started)
            .where((MentorRole.contact == contact_id) & (MentorRole.role == role) & MentorRole.ended.is_null())
            .scalar())


def last_ended(contact_id: int, role: str) -> date | None:
    """The day the contact's latest finished period in ``role`` ended, if any."""
    return (MentorRole.select(MentorRole.ended)
            .where((MentorRole.contact == contact_id) & (MentorRole.role == role) & MentorRole.ended.is_null(False))
            .order_by(MentorRole.ended.desc()).scalar())


def ever_had_role(contact_id: int) -> bool:
    return MentorRole.select().where(MentorRole.contact == contact_id).exists()


# -- writing ------------------------------------------------------------------------------------


def add_role(contact_id: int, role: str, on: date) -> bool:
    """Start a period in ``role`` unless one is current; True if one was started (inside a write)."""
    if current_since(contact_id, role) is not None:
        return False
    ended = last_ended(contact_id, role)
    # A new period never overlaps the previous one.
    period_id = MentorRole.insert(contact=contact_id, role=role, started=max(on, ended) if ended else on).execute()
    undo.record("delete_role_period", id=period_id)
    return True


def end_role(contact_id: int, role: str, on: date) -> bool:
    """End the current period in ``role`` on ``on``; True if there was one (inside a write)."""
    since = current_since(contact_id, role)
    if since is None:
        return False
    current = (MentorRole.contact == contact_id) & (MentorRole.role == role) & MentorRole.ended.is_null()
    for period in MentorRole.select(MentorRole.id).where(current):
        undo.record("reopen_role_period", id=period.id)
    MentorRole.update(ended=max(on, since)).where(current).execute()
    return True


def set_role(contact_id: int, role: str, present: bool = True, on: date | None = None) -> tuple[str, ...]:
    """Give the contact ``role`` (a new period) or end it on ``on``; return the roles it has now.

    Raises:
        NotFound: no such contact.
        Invalid: not a role.
    """
    role = parse_role(role)
    with undo.action("role", contact_id=contact_id) as draft:
        require_contact(contact_id)
        draft.summary = f"{'gave' if present else 'ended'} the {role} role of {contact_name(contact_id)}"
        if present:
            add_role(contact_id, role, on or clock.today())
        else:
            end_role(contact_id, role, on or clock.today())
    return get_roles(contact_id)


def set_roles(contact_id: int, roles: Sequence[str], on: date | None = None) -> tuple[str, ...]:
    """Make the contact's current roles exactly ``roles``: roles kept keep their period, roles
    dropped end on ``on``, new ones start on ``on``."""
    wanted = {parse_role(r) for r in roles}
    day = on or clock.today()
    with undo.action("roles", contact_id=contact_id) as draft:
        require_contact(contact_id)
        have = set(get_roles(contact_id))
        draft.summary = f"set the roles of {contact_name(contact_id)}: {', '.join(sorted(wanted)) or 'none'}"
        for role in sorted(wanted - have):
            add_role(contact_id, role, day)
        for role in sorted(have - wanted):
            end_role(contact_id, role, day)
    return get_roles(contact_id)
