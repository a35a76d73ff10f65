"""Provides the mentor value log: roles (mentor, coach, partner), value given and received,
balances, accountability check-ins with commitments, and the Today queue's give-back and
check-in sources.

Numbers that come from the config (give-back margin, check-in cadence) are passed in as plain
arguments; this module never reads the config itself.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from peewee import CompositeKey, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField, fn

from store import clock
from store.db import db, write
from store.errors import Invalid, NotFound
from store.fold import fold
from store.models import BaseModel, Contact, Touch
from store.queue import QueueContext, QueueItem, source
from store.search_registry import SearchKind, register_kind

ROLES = ("mentor", "coach", "partner")
DIRECTIONS = ("received", "given")
RECEIVED_CATEGORIES = (
    "accountability", "information", "introduction", "new perspective", "thought process",
    "thinking differently", "questioning", "systems and processes",
)
GIVEN_CATEGORIES = ("gratitude", "insight or information", "introduction", "follow-up")
CATEGORIES = {"received": RECEIVED_CATEGORIES, "given": GIVEN_CATEGORIES}
OUTCOMES = ("kept", "missed")
DEFAULT_QUESTIONS = ("What am I doing well?", "What do I need to fix?", "Who should I talk to?")

# Defaults of tui.config.MentorsConfig, repeated here because store never imports tui.
DEFAULT_GIVE_BACK_MARGIN = 3
DEFAULT_GIVE_BACK_AFTER_DAYS = 60
DEFAULT_CHECK_IN_DAYS = 14

MAX_NOTE = 10_000
MAX_QUESTION = 300
MAX_QUESTIONS = 12
MAX_COMMITMENT = 500


# Value notes are searchable (code 4 is reserved for mentor entries); Enter opens the Mentors area.
VALUE_KIND = register_kind(SearchKind(
    name="value", label="Value", code=4, table="value_entry",
    rows_sql=("SELECT e.id, e.contact_id, c.name, e.direction || ' · ' || e.category || ' · ' || e.date, e.note "
              "FROM value_entry e JOIN contact c ON c.id = e.contact_id WHERE e.id IN ({ids})"),
    fts_columns=("note",), opens="mode:mentors",
))


# -- models -------------------------------------------------------------------------------------


class MentorRole(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    role = TextField()
    since = DateField()

    class Meta:
        primary_key = CompositeKey("contact", "role")


class ValueEntry(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    date = DateField()
    direction = TextField()
    category = TextField()
    note = TextField(default="")
    touch = ForeignKeyField(Touch, null=True, on_delete="SET NULL")
    created = DateTimeField(default=datetime.now)


class Partner(BaseModel):
    contact = ForeignKeyField(Contact, primary_key=True, on_delete="CASCADE")
    cadence_days = IntegerField(null=True)  # None: the configured default
    questions = TextField(default="[]")  # JSON list; empty: the default questions


class CheckIn(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    date = DateField()
    answers = TextField(default="[]")  # JSON list of [question, answer]
    note = TextField(default="")
    created = DateTimeField(default=datetime.now)


class Commitment(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    check_in = ForeignKeyField(CheckIn, on_delete="CASCADE")
    what = TextField()
    outcome = TextField(null=True)
    reviewed_in = ForeignKeyField(CheckIn, null=True, on_delete="SET NULL", backref="reviewed")


# -- records ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueEntryInfo:
    id: int
    contact_id: int
    date: date
    direction: str
    category: str
    note: str = ""
    touch_id: int | None = None


@dataclass(frozen=True)
class ValueLogged:
    """What ``add_value`` did: the entry, and whether the contact just became a mentor."""

    entry: ValueEntryInfo
    made_mentor: bool


@dataclass(frozen=True)
class MentorRow:
    """One line of the Mentors screen: roles, counts each way and the latest of each."""

    contact_id: int
    name: str
    roles: tuple[str, ...]
    since: date
    received: int = 0
    given: int = 0
    last_given_on: date | None = None
    last_given_category: str | None = None
    last_received_on: date | None = None
    last_received_category: str | None = None
    last_received_note: str = ""
    last_touch_on: date | None = None
    last_touch_kind: str | None = None

    @property
    def balance(self) -> int:
        """Received minus given: above zero, you owe them."""
        return self.received - self.given


@dataclass(frozen=True)
class CommitmentInfo:
    id: int
    contact_id: int
    check_in_id: int
    what: str
    outcome: str | None = None
    reviewed_in_id: int | None = None


@dataclass(frozen=True)
class CheckInInfo:
    id: int
    contact_id: int
    date: date
    answers: tuple[tuple[str, str], ...] = ()
    note: str = ""
    commitments: tuple[CommitmentInfo, ...] = ()
    """The commitments made at this check-in."""
    reviewed: tuple[CommitmentInfo, ...] = ()
    """Earlier commitments marked kept or missed at this check-in."""


@dataclass(frozen=True)
class PartnerInfo:
    contact_id: int
    name: str
    is_partner: bool
    cadence_days: int | None
    """Own check-in cadence; None means the configured default."""
    questions: tuple[str, ...]
    custom_questions: bool
    since: date | None
    last_check_in_on: date | None
    open_commitments: tuple[CommitmentInfo, ...]
    kept: int = 0
    missed: int = 0

    def cadence(self, default_days: int = DEFAULT_CHECK_IN_DAYS) -> int:
        return self.cadence_days or default_days

    def next_due(self, default_days: int = DEFAULT_CHECK_IN_DAYS) -> date | None:
        """The day the next check-in is due (from the last one, else from becoming a partner)."""
        anchor = self.last_check_in_on or self.since
        return anchor + timedelta(days=self.cadence(default_days)) if anchor else None


# -- parsing ------------------------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(fold(text or "").replace("_", " ").split())


def _pick(field: str, text: str, choices: Sequence[str], what: str) -> str:
    wanted = _words(text)
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
    return _pick("role", text, ROLES, "role")


def parse_direction(text: str) -> str:
    """Return ``received`` or ``given`` (``r``, ``g``, any prefix works)."""
    return _pick("direction", text, DIRECTIONS, "direction")


def parse_category(direction: str, text: str) -> str:
    """Return the category of ``direction`` that ``text`` names (case-insensitive unique prefix).

    Raises:
        Invalid: unknown or ambiguous; the message lists the valid categories.
    """
    direction = parse_direction(direction)
    return _pick("category", text, CATEGORIES[direction], f"{direction} category")


# -- roles --------------------------------------------------------------------------------------


def _require_contact(contact_id: int) -> None:
    if not Contact.select().where(Contact.id == contact_id).exists():
        raise NotFound(f"no contact with id {contact_id}")


def get_roles(contact_id: int) -> tuple[str, ...]:
    """Return the contact's roles in the order mentor, coach, partner."""
    have = {r for (r,) in MentorRole.select(MentorRole.role).where(MentorRole.contact == contact_id).tuples()}
    return tuple(r for r in ROLES if r in have)


def _add_role(contact_id: int, role: str, on: date) -> bool:
    exists = MentorRole.select().where((MentorRole.contact == contact_id) & (MentorRole.role == role)).exists()
    if not exists:
        MentorRole.insert(contact=contact_id, role=role, since=on).execute()
    return not exists


def set_role(contact_id: int, role: str, present: bool = True, on: date | None = None) -> tuple[str, ...]:
    """Give the contact ``role`` (or take it away); return the roles it has now.

    Raises:
        NotFound: no such contact.
        Invalid: not a role.
    """
    role = parse_role(role)
    with write():
        _require_contact(contact_id)
        if present:
            _add_role(contact_id, role, on or clock.today())
        else:
            MentorRole.delete().where((MentorRole.contact == contact_id) & (MentorRole.role == role)).execute()
    return get_roles(contact_id)


def set_roles(contact_id: int, roles: Sequence[str], on: date | None = None) -> tuple[str, ...]:
    """Make the contact's roles exactly ``roles``; roles kept keep their ``since`` day."""
    wanted = {parse_role(r) for r in roles}
    with write():
        _require_contact(contact_id)
        have = set(get_roles(contact_id))
        for role in wanted - have:
            _add_role(contact_id, role, on or clock.today())
        gone = have - wanted
        if gone:
            MentorRole.delete().where((MentorRole.contact == contact_id) & MentorRole.role.in_(sorted(gone))).execute()
    return get_roles(contact_id)


# -- value entries ------------------------------------------------------------------------------


def _entry(v: ValueEntry) -> ValueEntryInfo:
    return ValueEntryInfo(v.id, v.contact_id, v.date, v.direction, v.category, v.note, v.touch_id)


def _clean_note(note: str | None) -> str:
    note = (note or "").replace("\r\n", "\n").strip()
    if len(note) > MAX_NOTE:
        raise Invalid("note", f"the note is longer than {MAX_NOTE:,} characters")
    return note


def add_value(contact_id: int, direction: str, category: str, on: date, note: str = "",
              touch_id: int | None = None) -> ValueLogged:
    """Log value received from or given to a contact; someone with no role becomes a mentor.

    Raises:
        NotFound: no such contact, or no such touch.
        Invalid: unknown direction or category, a touch of someone else, a note over the cap.
    """
    direction = parse_direction(direction)
    category = parse_category(direction, category)
    note = _clean_note(note)
    if not isinstance(on, date):
        raise Invalid("date", "the date is missing")
    with write():
        _require_contact(contact_id)
        if touch_id is not None:
            owner = Touch.select(Touch.contact).where(Touch.id == touch_id).scalar()
            if owner is None:
                raise NotFound(f"no touch with id {touch_id}")
            if owner != contact_id:
                raise Invalid("touch", f"touch {touch_id} is with someone else")
        made_mentor = not MentorRole.select().where(MentorRole.contact == contact_id).exists()
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
    with write():
        if not ValueEntry.delete().where(ValueEntry.id == entry_id).execute():
            raise NotFound(f"no value entry with id {entry_id}")


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


def list_mentors(include_archived: bool = False) -> list[MentorRow]:
    """Return everyone with a role (mentor, coach, partner), by name, with their balances."""
    roles: dict[int, list[tuple[str, date]]] = {}
    for cid, role, since in MentorRole.select(MentorRole.contact, MentorRole.role, MentorRole.since).tuples():
        roles.setdefault(cid, []).append((role, since))
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
    q = (Contact.select(Contact.id, Contact.name, Contact.last_touch_on, Contact.last_touch_kind)
         .where(Contact.id.in_(list(roles))).order_by(Contact.name.collate("NOCASE"), Contact.id))
    if not include_archived:
        q = q.where(Contact.archived == False)  # noqa: E712 (peewee expression)
    out = []
    for cid, name, last_touch_on, last_touch_kind in q.tuples():
        have = dict(roles[cid])
        given = latest.get((cid, "given"), (None, None, ""))
        received = latest.get((cid, "received"), (None, None, ""))
        out.append(MentorRow(
            contact_id=cid, name=name, roles=tuple(r for r in ROLES if r in have), since=min(have.values()),
            received=counts.get((cid, "received"), 0), given=counts.get((cid, "given"), 0),
            last_given_on=given[0], last_given_category=given[1],
            last_received_on=received[0], last_received_category=received[1], last_received_note=received[2],
            last_touch_on=last_touch_on, last_touch_kind=last_touch_kind,
        ))
    return out


def get_mentor(contact_id: int) -> MentorRow:
    """Return one contact's mentor row (roles may be empty if it has none)."""
    for row in list_mentors(include_archived=True):
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


def _ago(day: date | None, today: date) -> str:
    if day is None:
        return "never"
    days = (today - day).days
    if days == 0:
        return "today"
    return f"{days} d ago" if days > 0 else f"in {-days} d"


def _snippet(text: str, limit: int = 40) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def give_back_reason(row: MentorRow, why: GiveBack, today: date) -> str:
    """``40 d since you gave · received 5, given 1 · last: introduction: to Globex 40 d ago``.

    Numbers first: a narrow terminal cuts the end of the line, never what the row is about.
    """
    quiet = (f"{why.quiet_days} d since you gave" if row.last_given_on
             else f"{why.quiet_days} d with nothing given")
    parts = [quiet, f"received {row.received}, given {row.given}"]
    if row.last_received_category:
        note = _snippet(row.last_received_note)
        last = row.last_received_category + (f": {note}" if note else "")
        parts.append(f"last: {last} {_ago(row.last_received_on, today)}")
    return " · ".join(parts)


def _settings(ctx: QueueContext) -> dict:
    raw = ctx.settings.get("mentors") if isinstance(ctx.settings, Mapping) else None
    raw = raw if isinstance(raw, Mapping) else {}

    def number(key: str, default: int) -> int:
        value = raw.get(key, default)
        return value if isinstance(value, int) and value > 0 else default

    return {
        "give_back_margin": number("give_back_margin", DEFAULT_GIVE_BACK_MARGIN),
        "give_back_after_days": number("give_back_after_days", DEFAULT_GIVE_BACK_AFTER_DAYS),
        "check_in_days": number("check_in_days", DEFAULT_CHECK_IN_DAYS),
    }


def _state(due: date, today: date) -> str:
    if due < today:
        return "overdue"
    return "due" if due == today else "due-soon"


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


def check_in_score(due: date, today: date, window: int) -> float:
    """The check-in item's urgency (see the comment above)."""
    late = (today - due).days
    if late >= 0:
        return round(1.75 + min(late, 30) / 7, 3)
    return round(1.0 - 0.5 * (-late) / (window + 1), 3)


@source("give-back")
def give_back_items(ctx: QueueContext) -> list[QueueItem]:
    """Today-queue items: mentors who gave more than they got (``mentors`` settings apply)."""
    s = _settings(ctx)
    items = []
    for row in list_mentors():
        why = give_back_due(row, ctx.today, s["give_back_margin"], s["give_back_after_days"])
        if why is None:
            continue
        score = give_back_score(row, why, ctx.today, s["give_back_margin"], s["give_back_after_days"])
        items.append(QueueItem("give-back", row.contact_id, row.name, why.due, score,
                               give_back_reason(row, why, ctx.today), None, _state(why.due, ctx.today)))
    return items


# -- accountability partners --------------------------------------------------------------------


def _commitment(c: Commitment) -> CommitmentInfo:
    return CommitmentInfo(c.id, c.contact_id, c.check_in_id, c.what, c.outcome, c.reviewed_in_id)


def _questions(raw: str) -> tuple[str, ...]:
    try:
        values = json.loads(raw or "[]")
    except ValueError:
        values = []
    return tuple(str(q) for q in values if str(q).strip())


def get_partner(contact_id: int) -> PartnerInfo:
    """Return a contact's check-in setup: cadence, questions, last check-in, open commitments."""
    c = Contact.get_or_none(Contact.id == contact_id)
    if c is None:
        raise NotFound(f"no contact with id {contact_id}")
    p = Partner.get_or_none(Partner.contact == contact_id)
    own = _questions(p.questions) if p else ()
    since = (MentorRole.select(MentorRole.since)
             .where((MentorRole.contact == contact_id) & (MentorRole.role == "partner")).scalar())
    last = CheckIn.select(fn.MAX(CheckIn.date)).where(CheckIn.contact == contact_id).scalar()
    if isinstance(last, str):
        last = date.fromisoformat(last)
    commitments = list(Commitment.select().where(Commitment.contact == contact_id).order_by(Commitment.id))
    return PartnerInfo(
        contact_id=c.id, name=c.name, is_partner=since is not None, cadence_days=p.cadence_days if p else None,
        questions=own or DEFAULT_QUESTIONS, custom_questions=bool(own), since=since, last_check_in_on=last,
        open_commitments=tuple(_commitment(x) for x in commitments if x.outcome is None),
        kept=sum(1 for x in commitments if x.outcome == "kept"),
        missed=sum(1 for x in commitments if x.outcome == "missed"),
    )


def clean_questions(questions: Sequence[str]) -> tuple[str, ...]:
    """Trim, drop blanks and duplicates; raise Invalid if too many or too long."""
    out: list[str] = []
    for q in questions:
        q = " ".join(str(q).split())
        if not q or q in out:
            continue
        if len(q) > MAX_QUESTION:
            raise Invalid("questions", f"a question is longer than {MAX_QUESTION} characters")
        out.append(q)
    if len(out) > MAX_QUESTIONS:
        raise Invalid("questions", f"keep it to {MAX_QUESTIONS} questions or fewer")
    return tuple(out)


_UNSET = object()


def set_partner(contact_id: int, cadence_days=_UNSET, questions=_UNSET) -> PartnerInfo:
    """Set a partner's own check-in cadence (None: the default) and/or questions (empty: default).

    Only the arguments given are written.
    """
    changes: dict = {}
    if cadence_days is not _UNSET:
        if cadence_days is not None:
            try:
                cadence_days = int(cadence_days)
            except (TypeError, ValueError):
                raise Invalid("cadence_days", f"the cadence must be a number of days, not {cadence_days!r}") from None
            if not 1 <= cadence_days <= 365:
                raise Invalid("cadence_days", "the check-in cadence must be between 1 and 365 days")
        changes["cadence_days"] = cadence_days
    if questions is not _UNSET:
        cleaned = clean_questions(questions or ())
        changes["questions"] = json.dumps(list(cleaned if cleaned != DEFAULT_QUESTIONS else ()), ensure_ascii=False)
    with write():
        _require_contact(contact_id)
        if not Partner.select().where(Partner.contact == contact_id).exists():
            Partner.insert(contact=contact_id).execute()
        if changes:
            Partner.update(changes).where(Partner.contact == contact_id).execute()
    return get_partner(contact_id)



def assign_roles(contact_id: int, roles: Sequence[str], on: date, *, add_to_existing: bool = False,
                 cadence_days=_UNSET, questions=_UNSET) -> tuple[str, ...]:
    """Set a contact's roles and, for a partner, the check-in cadence and questions, in one write.

    ``add_to_existing`` keeps roles the contact already has (adding a mentor by name).
    """
    with write():
        wanted = set(roles) | (set(get_roles(contact_id)) if add_to_existing else set())
        now = set_roles(contact_id, sorted(wanted), on=on)
        if "partner" in now:
            set_partner(contact_id, cadence_days=cadence_days, questions=questions)
    return now

def record_check_in(contact_id: int, on: date, answers: Sequence[tuple[str, str]] = (),
                    commitments: Sequence[str] = (), outcomes: Mapping[int, str] | None = None,
                    note: str = "") -> CheckInInfo:
    """Record a check-in with a partner: answers, new commitments, and last time's kept or missed.

    ``outcomes`` maps an open commitment's id to ``kept`` or ``missed``; commitments left out
    stay open for the next check-in.

    Raises:
        NotFound: no such contact.
        Invalid: not a partner, an unknown outcome or commitment, a commitment too long.
    """
    if not isinstance(on, date):
        raise Invalid("date", "the date is missing")
    pairs = []
    for question, answer in answers:
        question, answer = " ".join(str(question).split()), str(answer or "").replace("\r\n", "\n").strip()
        if len(answer) > MAX_NOTE:
            raise Invalid("answers", f"an answer is longer than {MAX_NOTE:,} characters")
        if question and answer:
            pairs.append([question, answer])
    new = []
    for what in commitments:
        what = " ".join(str(what).split())
        if len(what) > MAX_COMMITMENT:
            raise Invalid("commitments", f"a commitment is longer than {MAX_COMMITMENT} characters")
        if what:
            new.append(what)
    marks = {}
    for cid, outcome in (outcomes or {}).items():
        if outcome not in OUTCOMES:
            raise Invalid("outcomes", f"an outcome is kept or missed, not {outcome!r}")
        marks[int(cid)] = outcome
    note = _clean_note(note)
    with write():
        _require_contact(contact_id)
        if not MentorRole.select().where((MentorRole.contact == contact_id) & (MentorRole.role == "partner")).exists():
            name = Contact.select(Contact.name).where(Contact.id == contact_id).scalar()
            raise Invalid("contact", f"{name} is not an accountability partner yet; give them the partner role first")
        if marks:
            mine = {c for (c,) in Commitment.select(Commitment.id)
                    .where((Commitment.contact == contact_id) & Commitment.id.in_(list(marks))).tuples()}
            if set(marks) - mine:
                raise Invalid("outcomes", f"commitment {min(set(marks) - mine)} is not one made with this partner")
        ci = CheckIn.create(contact=contact_id, date=on, answers=json.dumps(pairs, ensure_ascii=False), note=note,
                            created=datetime.now())
        for outcome in OUTCOMES:
            ids = [c for c, o in marks.items() if o == outcome]
            if ids:
                Commitment.update(outcome=outcome, reviewed_in=ci.id).where(Commitment.id.in_(ids)).execute()
        for what in new:
            Commitment.create(contact=contact_id, check_in=ci.id, what=what)
    return get_check_in(ci.id)


def set_outcome(commitment_id: int, outcome: str | None) -> CommitmentInfo:
    """Mark one commitment kept or missed (None reopens it)."""
    if outcome is not None and outcome not in OUTCOMES:
        raise Invalid("outcome", f"an outcome is kept or missed, not {outcome!r}")
    with write():
        if not Commitment.update(outcome=outcome).where(Commitment.id == commitment_id).execute():
            raise NotFound(f"no commitment with id {commitment_id}")
    return _commitment(Commitment.get_by_id(commitment_id))


def _check_in(ci: CheckIn) -> CheckInInfo:
    made = Commitment.select().where(Commitment.check_in == ci.id).order_by(Commitment.id)
    reviewed = Commitment.select().where(Commitment.reviewed_in == ci.id).order_by(Commitment.id)
    answers = []
    try:
        answers = [tuple(map(str, pair))[:2] for pair in json.loads(ci.answers or "[]")]
    except ValueError:
        pass
    return CheckInInfo(ci.id, ci.contact_id, ci.date, tuple(a for a in answers if len(a) == 2), ci.note,
                       tuple(_commitment(c) for c in made), tuple(_commitment(c) for c in reviewed))


def get_check_in(check_in_id: int) -> CheckInInfo:
    """Return one check-in with its commitments."""
    ci = CheckIn.get_or_none(CheckIn.id == check_in_id)
    if ci is None:
        raise NotFound(f"no check-in with id {check_in_id}")
    return _check_in(ci)


def list_check_ins(contact_id: int) -> list[CheckInInfo]:
    """Return a partner's check-ins, newest first."""
    q = CheckIn.select().where(CheckIn.contact == contact_id).order_by(CheckIn.date.desc(), CheckIn.id.desc())
    return [_check_in(ci) for ci in q]


def list_partners(include_archived: bool = False) -> list[PartnerInfo]:
    """Return every contact with the partner role."""
    q = (MentorRole.select(MentorRole.contact).join(Contact)
         .where(MentorRole.role == "partner").order_by(Contact.name.collate("NOCASE")))
    if not include_archived:
        q = q.where(Contact.archived == False)  # noqa: E712
    return [get_partner(cid) for (cid,) in q.tuples()]


def check_in_reason(p: PartnerInfo, due: date, today: date, default_days: int) -> str:
    """``overdue 2 d · check-in every 14 d · last 16 d ago · 2 open commitments`` (numbers first)."""
    days = (due - today).days
    when = "due today" if days == 0 else (f"overdue {-days} d" if days < 0 else f"due in {days} d")
    parts = [when, f"check-in every {p.cadence(default_days)} d"]
    parts.append(f"last {_ago(p.last_check_in_on, today)}" if p.last_check_in_on else "first check-in")
    n = len(p.open_commitments)
    if n:
        parts.append(f"{n} open commitment{'s' if n != 1 else ''}")
    return " · ".join(parts)


@source("check-in")
def check_in_items(ctx: QueueContext) -> list[QueueItem]:
    """Today-queue items: accountability check-ins due (or due within ``ctx.due_soon_days``)."""
    default_days = _settings(ctx)["check_in_days"]
    items = []
    for p in list_partners():
        due = p.next_due(default_days)
        if due is None or due > ctx.today + timedelta(days=ctx.due_soon_days):
            continue
        items.append(QueueItem("check-in", p.contact_id, p.name, due, check_in_score(due, ctx.today, ctx.due_soon_days),
                               check_in_reason(p, due, ctx.today, default_days), p.contact_id,
                               _state(due, ctx.today)))
    return items


# -- demo data ----------------------------------------------------------------------------------

_DEMO_RECEIVED = (
    ("introduction", "Introduced me to the Globex platform lead"),
    ("new perspective", "Reframed the offer as a learning bet, not a pay bump"),
    ("information", "How Initech's hiring committee really decides"),
    ("thought process", "Walked me through how she picks projects"),
    ("accountability", "Asked where the portfolio draft was; I sent it that night"),
    ("questioning", "Why do I want a manager role at all?"),
    ("systems and processes", "Her weekly review template"),
    ("thinking differently", "Treat the network like a garden, not a funnel"),
)
_DEMO_GIVEN = (
    ("gratitude", "Thank-you note after the intro landed"),
    ("insight or information", "Sent the salary survey she asked about"),
    ("introduction", "Introduced her to a data lead at Hooli"),
    ("follow-up", "Told him how the Globex interview went"),
)


def demo(rng: random.Random, today: date, contact_ids: list[int]) -> None:
    """Demo mentors, value both ways and a partner with check-ins (called by store.demo)."""
    del rng  # a local generator keeps this data the same whatever other extensions draw
    rnd = random.Random(404)
    live = [cid for cid in contact_ids[:30]
            if not Contact.select(Contact.archived).where(Contact.id == cid).scalar()]
    if len(live) < 6:
        return
    day = lambda n: today - timedelta(days=n)  # noqa: E731
    plan = [  # (contact, roles, role since, received days ago, given days ago)
        (live[1], ("mentor",), 300, (140, 95, 70, 41, 12), (120,)),
        (live[3], ("mentor", "coach"), 260, (90, 60, 30), (80, 45, 20)),
        (live[5], ("mentor",), 120, (75, 50), ()),
        (live[2], ("partner",), 80, (), ()),
        (live[4], ("coach", "partner"), 150, (100,), (99,)),
    ]
    for cid, roles, since, received, given in plan:
        for role in roles:
            MentorRole.insert(contact=cid, role=role, since=day(since)).execute()
        for n in received:
            category, note = rnd.choice(_DEMO_RECEIVED)
            ValueEntry.insert(contact=cid, date=day(n), direction="received", category=category, note=note,
                              created=datetime.combine(day(n), datetime.min.time())).execute()
        for n in given:
            category, note = rnd.choice(_DEMO_GIVEN)
            ValueEntry.insert(contact=cid, date=day(n), direction="given", category=category, note=note,
                              created=datetime.combine(day(n), datetime.min.time())).execute()
    # The partner met every two weeks; the last check-in was 16 days ago, so one is overdue.
    partner = live[2]
    Partner.insert(contact=partner, cadence_days=None).execute()
    Partner.insert(contact=live[4], cadence_days=30,
                   questions=json.dumps(["What did I ship?", "What am I avoiding?", "Who should I talk to?"])).execute()
    promises = (("Send 5 outreach messages", "Finish the portfolio case study"),
                ("Book two informational interviews", "Draft the 30-second pitch"),
                ("Ask Hooli's recruiter for feedback", "Update LinkedIn headline"))
    previous: list[int] = []
    for i, n in enumerate((44, 30, 16)):
        answers = [[q, a] for q, a in zip(DEFAULT_QUESTIONS, (
            "Showing up every week; the outreach is steady",
            "I stall after first calls; follow up within two days",
            "Talk to someone who moved from engineering into product",
        ))]
        ci = CheckIn.insert(contact=partner, date=day(n), answers=json.dumps(answers),
                            created=datetime.combine(day(n), datetime.min.time())).execute()
        for j, cid in enumerate(previous):
            Commitment.update(outcome="kept" if (i + j) % 3 else "missed", reviewed_in=ci).where(
                Commitment.id == cid).execute()
        previous = [Commitment.insert(contact=partner, check_in=ci, what=w).execute() for w in promises[i]]
    ci = CheckIn.insert(contact=live[4], date=day(9), answers="[]",
                        created=datetime.combine(day(9), datetime.min.time())).execute()
    Commitment.insert(contact=live[4], check_in=ci, what="Write the conference talk proposal").execute()
