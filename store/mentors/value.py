"""Provides the mentor value log: value given and received, balances, the give-back rule and the
Today queue's give-back source; re-exports roles (``store.roles``) and accountability check-ins
(``store.checkins``) so ``store.mentors`` stays the one import for the Mentors area.

Numbers that come from the config (give-back margin, check-in cadence) are passed in as plain
arguments; this module never reads the config itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from peewee import DateField, DateTimeField, ForeignKeyField, TextField

from kith.store.core import clock, undo
from kith.store.core.db import db, write
from kith.store.core.errors import Invalid, NotFound
from kith.store.mentors.checkins import (  # noqa: F401 (re-exported)
    _UNSET,
    DEFAULT_CHECK_IN_DAYS,
    DEFAULT_GIVE_BACK_AFTER_DAYS,
    DEFAULT_GIVE_BACK_MARGIN,
    DEFAULT_QUESTIONS,
    MAX_COMMITMENT,
    MAX_NOTE,
    MAX_QUESTION,
    MAX_QUESTIONS,
    OUTCOMES,
    CheckIn,
    CheckInInfo,
    Commitment,
    CommitmentInfo,
    Partner,
    PartnerInfo,
    clean_note,
    clean_questions,
    count_check_ins,
    get_check_in,
    get_partner,
    list_check_ins,
    list_partners,
    record_check_in,
    set_partner,
)
from kith.store.mentors.queue_source import (  # noqa: F401 (re-exported)
    check_in_items,
    check_in_reason,
    check_in_score,
)
from kith.store.mentors.queue_source import due_state as _state
from kith.store.mentors.records import MentorRow, ValueEntryInfo, ValueLogged  # noqa: F401 (re-exported)
from kith.store.mentors.roles import (  # noqa: F401 (re-exported)
    ROLES,
    MentorRole,
    RolePeriod,
    all_periods,
    ever_had_role,
    get_roles,
    parse_role,
    pick,
    require_contact,
    role_periods,
    set_role,
    set_roles,
)
from kith.store.mentors.roles import add_role as _add_role
from kith.store.mentors.roles import contact_name as _contact_name
from kith.store.mentors.search_kind import VALUE_KIND  # noqa: F401 (re-exported; declared light for kith find)
from kith.store.people.models import BaseModel, Contact, Touch
from kith.store.today.queue import QueueContext, QueueItem, ReasonWords, source

DIRECTIONS = ("received", "given")
RECEIVED_CATEGORIES = (
    "accountability", "information", "introduction", "new perspective", "thought process",
    "thinking differently", "questioning", "systems and processes",
)
GIVEN_CATEGORIES = ("gratitude", "insight or information", "introduction", "follow-up")
CATEGORIES = {"received": RECEIVED_CATEGORIES, "given": GIVEN_CATEGORIES}


# -- models -------------------------------------------------------------------------------------


class ValueEntry(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    date = DateField()
    direction = TextField()
    category = TextField()
    note = TextField(default="")
    touch = ForeignKeyField(Touch, null=True, on_delete="SET NULL")
    created = DateTimeField(default=datetime.now)


# -- parsing ------------------------------------------------------------------------------------


def parse_direction(text: str) -> str:
    """Return ``received`` or ``given`` (``r``, ``g``, any prefix works)."""
    return pick("direction", text, DIRECTIONS, "direction")


def parse_category(direction: str, text: str) -> str:
    """Return the category of ``direction`` that ``text`` names (case-insensitive unique prefix).

    Raises:
        Invalid: unknown or ambiguous; the message lists the valid categories.
    """
    direction = parse_direction(direction)
    return pick("category", text, CATEGORIES[direction], f"{direction} category")


# -- value entries ------------------------------------------------------------------------------


def _entry(v: ValueEntry) -> ValueEntryInfo:
    return ValueEntryInfo(v.id, v.contact_id, v.date, v.direction, v.category, v.note, v.touch_id)


def add_value(contact_id: int, direction: str, category: str, on: date, note: str = "",
              touch_id: int | None = None, today: date | None = None) -> ValueLogged:
    """Log value received from or given to a contact; someone who never had a role becomes a mentor.

    A former mentor stays former: the entry joins their ledger, no role is restarted.

    Raises:
        NotFound: no such contact, or no such touch.
        Invalid: unknown direction or category, a touch of someone else, a note over the cap.
    """
    direction = parse_direction(direction)
    category = parse_category(direction, category)
    note = clean_note(note)
    if not isinstance(on, date):
        raise Invalid("date", "the date is missing")
    # Value is logged once it happened, as touches are. Without the caller's today (its time
    # zone), allow a day: no zone is more than a day ahead of the machine's.
    if on > (today or clock.today() + timedelta(days=1)):
        raise Invalid("date", f"{on.isoformat()} is still ahead: log value once it happened")
    with write():
        require_contact(contact_id)
        if touch_id is not None:
            owner = Touch.select(Touch.contact).where(Touch.id == touch_id).scalar()
            if owner is None:
                raise NotFound(f"no touch with id {touch_id}")
            if owner != contact_id:
                raise Invalid("touch", f"touch {touch_id} is with someone else")
        made_mentor = not ever_had_role(contact_id)
        if made_mentor:
            _add_role(contact_id, "mentor", on)
        v = ValueEntry.create(contact=contact_id, date=on, direction=direction, category=category, note=note,
                              touch=touch_id, created=datetime.now())
    return ValueLogged(_entry(v), made_mentor)


def get_value(entry_id: int) -> ValueEntryInfo:
    """Return one value entry."""
    v = ValueEntry.get_or_none(ValueEntry.id == entry_id)
    if v is None:
        raise NotFound(f"no value entry with id {entry_id}")
    return _entry(v)


def delete_value(entry_id: int) -> None:
    """Delete a value entry (the contact keeps its roles)."""
    with undo.action("delete value") as draft:
        row = ValueEntry.select().where(ValueEntry.id == entry_id).dicts().first()
        if row is None:
            raise NotFound(f"no value entry with id {entry_id}")
        draft.contact_id = row["contact"]
        draft.summary = f"deleted value entry #{entry_id} of {_contact_name(row['contact'])}"
        undo.record("insert_value", row=row)
        ValueEntry.delete().where(ValueEntry.id == entry_id).execute()


def list_values(contact_id: int | None = None, direction: str | None = None,
                category: str | None = None) -> list[ValueEntryInfo]:
    """Return value entries, newest first, optionally for one contact, direction or category."""
    q = ValueEntry.select().order_by(ValueEntry.date.desc(), ValueEntry.id.desc())
    if contact_id is not None:
        q = q.where(ValueEntry.contact == contact_id)
    if direction:
        q = q.where(ValueEntry.direction == parse_direction(direction))
    if category:
        q = q.where(ValueEntry.category == category)
    return [_entry(v) for v in q]


def list_mentors(include_archived: bool = False, include_former: bool = False) -> list[MentorRow]:
    """Return everyone with a role now (mentor, coach, partner), by name, with their balances.

    ``include_former`` adds those whose every role has ended, after the current ones; their
    ledger counts stay (value exchanged is history, not a role).
    """
    roles = all_periods()
    if not include_former:
        roles = {cid: ps for cid, ps in roles.items() if any(p.current for p in ps)}
    if not roles:
        return []
    counts: dict[tuple[int, str], int] = {}
    latest: dict[tuple[int, str], tuple] = {}
    # One grouped pass in SQLite: with a single max() aggregate, SQLite takes the bare columns
    # (category, note) from the row holding the max, i.e. the newest entry (ties: highest id).
    sql = ("SELECT contact_id, direction, count(*), max(date || printf('#%012d', id)), category, note "
           "FROM value_entry GROUP BY contact_id, direction")
    for cid, direction, n, newest, category, note in db.execute_sql(sql):
        if cid in roles:
            counts[(cid, direction)] = n
            latest[(cid, direction)] = (date.fromisoformat(newest[:10]), category, note)
    # Archived ones are skipped here, not in SQL: with "archived = 0" there SQLite walked the index
    # of every active contact (1.7 ms at 30,000) instead of reading the few mentors by id.
    q = (Contact.select(Contact.id, Contact.name, Contact.last_touch_on, Contact.last_touch_kind, Contact.archived)
         .where(Contact.id.in_(list(roles))).order_by(Contact.name.collate("NOCASE"), Contact.id))
    out = []
    for cid, name, last_touch_on, last_touch_kind, archived in q.tuples():
        if archived and not include_archived:
            continue
        periods = tuple(roles[cid])
        current = [p for p in periods if p.current]
        given = latest.get((cid, "given"), (None, None, ""))
        received = latest.get((cid, "received"), (None, None, ""))
        out.append(MentorRow(
            contact_id=cid, name=name, roles=tuple(r for r in ROLES if any(p.role == r for p in current)),
            since=min(p.started for p in current or periods), periods=periods,
            received=counts.get((cid, "received"), 0), given=counts.get((cid, "given"), 0),
            last_given_on=given[0], last_given_category=given[1],
            last_received_on=received[0], last_received_category=received[1], last_received_note=received[2],
            last_touch_on=last_touch_on, last_touch_kind=last_touch_kind,
        ))
    out.sort(key=lambda r: r.former)  # stable: current first, then former, each by name
    return out


def get_mentor(contact_id: int) -> MentorRow:
    """Return one contact's mentor row (roles may be empty if it has none)."""
    for row in list_mentors(include_archived=True, include_former=True):
        if row.contact_id == contact_id:
            return row
    c = Contact.get_or_none(Contact.id == contact_id)
    if c is None:
        raise NotFound(f"no contact with id {contact_id}")
    return MentorRow(c.id, c.name, (), clock.today(), last_touch_on=c.last_touch_on, last_touch_kind=c.last_touch_kind)


# -- the give-back rule -------------------------------------------------------------------------


@dataclass(frozen=True)
class GiveBack:
    """Why a mentor is due some value back, and since when."""

    due: date
    over_margin: bool
    quiet_days: int
    """Days since you last gave them anything (or since they became a mentor)."""
    too_quiet: bool = False
    """Nothing given for the configured number of days."""


def give_back_due(row: MentorRow, today: date, margin: int = DEFAULT_GIVE_BACK_MARGIN,
                  after_days: int = DEFAULT_GIVE_BACK_AFTER_DAYS) -> GiveBack | None:
    """Apply the give-back rule to one mentor; None when nothing is owed.

    Due when received minus given reaches ``margin``, or when you received something and gave
    nothing for ``after_days`` days (counted from the last thing given, else from the first role).
    """
    if row.received == 0:
        return None  # nothing received yet: nothing to give back for
    anchor = row.last_given_on or row.since
    quiet = (today - anchor).days
    over_margin = row.balance >= margin
    too_quiet = quiet >= after_days
    if not (over_margin or too_quiet):
        return None
    dues = []
    if over_margin:
        dues.append(min(row.last_received_on or today, today))
    if too_quiet:
        dues.append(anchor + timedelta(days=after_days))
    return GiveBack(min(dues), over_margin, quiet, too_quiet)


def _snippet(text: str, limit: int = 40) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def give_back_reason(row: MentorRow, why: GiveBack, today: date, words: ReasonWords) -> str:
    """``40 d since you gave · received 5, given 1 · last: introduction: to Globex 40 d ago``.

    Numbers first: a narrow terminal cuts the end of the line, never what the row is about.
    """
    quiet = (f"{why.quiet_days} d since you gave" if row.last_given_on
             else f"{why.quiet_days} d with nothing given")
    parts = [quiet, f"received {row.received}, given {row.given}"]
    if row.last_received_category:
        note = _snippet(row.last_received_note)
        last = row.last_received_category + (f": {note}" if note else "")
        parts.append(f"last: {last} {words.ago(row.last_received_on, today)}")
    return " · ".join(parts)


# Scores line up with store.today's sources (cadence: tier weight x (1 + lateness), capped at
# 4 cadences late; follow-up: 2 + days late / 7; due-soon items stay below 1):
# * give-back ranks like a close-tier cadence: 1.25 x (1 + min(days past due / after_days, 4)),
#   plus 0.05 per point of balance over the margin, so the most-owed mentor comes first;
# * a check-in is a standing promise to a partner, so it ranks like a follow-up:
#   1.75 + min(days late, 30) / 7 once due, ``1 - 0.5 x days to go / (window + 1)`` before.
GIVE_BACK_WEIGHT = 1.25
MAX_LATE_RATIO = 4.0


def give_back_score(row: MentorRow, why: GiveBack, today: date, margin: int, after_days: int) -> float:
    """The give-back item's urgency (see the comment above)."""
    late = max((today - why.due).days, 0)
    extra = 0.05 * min(max(row.balance - margin, 0), 20)
    return round(GIVE_BACK_WEIGHT * (1 + min(late / max(after_days, 1), MAX_LATE_RATIO)) + extra, 3)


@source("give-back")
def give_back_items(ctx: QueueContext) -> list[QueueItem]:
    """Today-queue items: current mentors who gave more than they got (``mentors`` settings apply)."""
    s = ctx.settings
    items = []
    for row in list_mentors():
        why = give_back_due(row, ctx.today, s.give_back_margin, s.give_back_after_days)
        if why is None:
            continue
        score = give_back_score(row, why, ctx.today, s.give_back_margin, s.give_back_after_days)
        items.append(QueueItem("give-back", row.contact_id, row.name, why.due, score,
                               give_back_reason(row, why, ctx.today, ctx.words), None, _state(why.due, ctx.today)))
    return items


# -- roles and partners in one write ------------------------------------------------------------


def assign_roles(contact_id: int, roles: Sequence[str], on: date, *, add_to_existing: bool = False,
                 cadence_days=_UNSET, questions=_UNSET) -> tuple[str, ...]:
    """Set a contact's roles and, for a partner, the check-in cadence and questions, in one write.

    ``add_to_existing`` keeps roles the contact already has (adding a mentor by name).
    """
    with undo.action("roles", contact_id=contact_id) as draft:
        wanted = set(roles) | (set(get_roles(contact_id)) if add_to_existing else set())
        draft.summary = f"set the roles of {_contact_name(contact_id)}: {', '.join(sorted(wanted)) or 'none'}"
        now = set_roles(contact_id, sorted(wanted), on=on)
        if "partner" in now:
            set_partner(contact_id, cadence_days=cadence_days, questions=questions)
    return now
