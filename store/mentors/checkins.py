"""Provides accountability check-ins: partners' cadence and questions, check-ins with their
answers, commitments made at one check-in and marked kept or missed at a later one, the history,
and the Today queue's check-in source.

History is never rewritten: a commitment is marked once, at a check-in with the partner it was
made with, and a marked one is refused. Re-exported by ``store.mentors``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from peewee import DateField, DateTimeField, ForeignKeyField, IntegerField, TextField, fn

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.mentors.roles import contact_name, current_since, last_ended, require_contact
from kith.store.people.models import BaseModel, Contact
from kith.store.today.queue import QueueSettings

OUTCOMES = ("kept", "missed")
DEFAULT_QUESTIONS = ("What am I doing well?", "What do I need to fix?", "Who should I talk to?")

# Defaults of tui.config.MentorsConfig, repeated here because store never imports tui.
DEFAULT_GIVE_BACK_MARGIN = QueueSettings.give_back_margin
DEFAULT_GIVE_BACK_AFTER_DAYS = QueueSettings.give_back_after_days
DEFAULT_CHECK_IN_DAYS = QueueSettings.check_in_days

MAX_NOTE = 10_000
MAX_QUESTION = 300
MAX_QUESTIONS = 12
MAX_COMMITMENT = 500


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


@dataclass(frozen=True)
class CommitmentInfo:
    id: int
    contact_id: int
    check_in_id: int
    what: str
    outcome: str | None = None
    reviewed_in_id: int | None = None

    @property
    def state(self) -> str:
        """``open``, ``kept`` or ``missed``."""
        return self.outcome or "open"


@dataclass(frozen=True)
class CheckInInfo:
    id: int
    contact_id: int
    date: date
    answers: tuple[tuple[str, str], ...] = ()
    note: str = ""
    commitments: tuple[CommitmentInfo, ...] = ()
    """The commitments made at this check-in (with their state now)."""
    reviewed: tuple[CommitmentInfo, ...] = ()
    """Earlier commitments marked kept or missed at this check-in."""

    def as_json(self) -> dict:
        def one(c: CommitmentInfo) -> dict:
            return {"id": c.id, "what": c.what, "state": c.state, "made_in": c.check_in_id,
                    "reviewed_in": c.reviewed_in_id}

        return {"id": self.id, "date": self.date.isoformat(),
                "answers": [{"question": q, "answer": a} for q, a in self.answers], "note": self.note,
                "commitments": [one(c) for c in self.commitments], "reviewed": [one(c) for c in self.reviewed]}


@dataclass(frozen=True)
class PartnerInfo:
    contact_id: int
    name: str
    is_partner: bool
    """A partner now (a current partner period)."""
    cadence_days: int | None
    """Own check-in cadence; None means the configured default."""
    questions: tuple[str, ...]
    custom_questions: bool
    since: date | None
    last_check_in_on: date | None
    open_commitments: tuple[CommitmentInfo, ...]
    kept: int = 0
    missed: int = 0
    ended: date | None = None
    """When the last partner period ended (a former partner, or one taken on again)."""

    def cadence(self, default_days: int = DEFAULT_CHECK_IN_DAYS) -> int:
        return self.cadence_days or default_days

    def next_due(self, default_days: int = DEFAULT_CHECK_IN_DAYS) -> date | None:
        """The day the next check-in is due (from the last one, else from becoming a partner).

        A partner taken on again counts from the new period unless a check-in happened in it.
        """
        if not self.is_partner:
            return None
        anchor = self.last_check_in_on or self.since
        if self.ended and self.since and (self.last_check_in_on is None or self.last_check_in_on <= self.ended):
            anchor = self.since
        return anchor + timedelta(days=self.cadence(default_days)) if anchor else None


def clean_note(note: str | None) -> str:
    from kith.store.core.validate import check_text

    note = check_text("note", (note or "").replace("\r\n", "\n").strip(), "the note")
    if len(note) > MAX_NOTE:
        raise Invalid("note", f"the note is longer than {MAX_NOTE:,} characters")
    return note


def _commitment(c: Commitment) -> CommitmentInfo:
    return CommitmentInfo(c.id, c.contact_id, c.check_in_id, c.what, c.outcome, c.reviewed_in_id)


def _questions(raw: str | None) -> tuple[str, ...]:
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
    since = current_since(contact_id, "partner")
    last = CheckIn.select(fn.MAX(CheckIn.date)).where(CheckIn.contact == contact_id).scalar()
    if isinstance(last, str):
        last = date.fromisoformat(last)
    commitments = Commitment.select().where(Commitment.contact == contact_id).order_by(Commitment.id)
    return _partner_info(c.id, c.name, p.cadence_days if p else None, p.questions if p else None, since, last,
                         last_ended(contact_id, "partner"), [_commitment(x) for x in commitments])


def _partner_info(contact_id: int, name: str, cadence_days: int | None, questions: str | None,
                  since: date | None, last: date | None, ended: date | None,
                  made: list[CommitmentInfo]) -> PartnerInfo:
    """One partner's setup from what ``get_partner`` and ``list_partners`` read (``since`` None: not a partner)."""
    own = _questions(questions)
    return PartnerInfo(
        contact_id=contact_id, name=name, is_partner=since is not None, cadence_days=cadence_days,
        questions=own or DEFAULT_QUESTIONS, custom_questions=bool(own), since=since, last_check_in_on=last,
        open_commitments=tuple(x for x in made if x.outcome is None),
        kept=sum(1 for x in made if x.outcome == "kept"), missed=sum(1 for x in made if x.outcome == "missed"),
        ended=ended,
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
    with undo.action("check-in setup", contact_id=contact_id) as draft:
        require_contact(contact_id)
        draft.summary = f"changed the check-in setup of {contact_name(contact_id)}"
        before = Partner.select(Partner.cadence_days, Partner.questions).where(Partner.contact == contact_id).first()
        if before is None:
            Partner.insert(contact=contact_id).execute()
            undo.record("restore_partner", contact_id=contact_id, row=None)
        elif changes:
            undo.record("restore_partner", contact_id=contact_id,
                        row={"cadence_days": before.cadence_days, "questions": before.questions})
        if changes:
            Partner.update(changes).where(Partner.contact == contact_id).execute()
    return get_partner(contact_id)


def _check_marks(contact_id: int, name: str, on: date, marks: Mapping[int, str]) -> None:
    """Refuse any outcome that is not for an open commitment made with this partner by ``on``."""
    rows = {c.id: c for c in Commitment.select(Commitment, CheckIn.date.alias("made_on"))
            .join(CheckIn, on=(Commitment.check_in == CheckIn.id)).where(Commitment.id.in_(list(marks)))
            .objects()}
    for cid in sorted(marks):
        c = rows.get(cid)
        if c is None:
            raise Invalid("outcomes", f"there is no commitment {cid}")
        if c.contact_id != contact_id:
            raise Invalid("outcomes", f"commitment {cid} is not one made with {name}")
        if c.outcome is not None:
            when = CheckIn.select(CheckIn.date).where(CheckIn.id == c.reviewed_in_id).scalar()
            at = f" at the check-in of {when}" if when else ""
            raise Invalid("outcomes", f"commitment {cid} was already marked {c.outcome}{at}; "
                                      "a past check-in is not rewritten")
        made_on = c.made_on if isinstance(c.made_on, date) else date.fromisoformat(str(c.made_on))
        if made_on > on:
            raise Invalid("outcomes", f"commitment {cid} was made on {made_on.isoformat()}, after {on.isoformat()}")


def record_check_in(contact_id: int, on: date, answers: Sequence[tuple[str, str]] = (),
                    commitments: Sequence[str] = (), outcomes: Mapping[int, str] | None = None,
                    note: str = "") -> CheckInInfo:
    """Record a check-in with a partner: answers, new commitments, and last time's kept or missed.

    ``outcomes`` maps an open commitment's id to ``kept`` or ``missed``; commitments left out
    stay open for the next check-in.

    Raises:
        NotFound: no such contact.
        Invalid: not a partner now; an outcome for a commitment that is someone else's, already
            marked, made after ``on`` or unknown; a commitment too long. Nothing is written.
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
    note = clean_note(note)
    with undo.action("check-in", contact_id=contact_id) as draft:
        require_contact(contact_id)
        name = Contact.select(Contact.name).where(Contact.id == contact_id).scalar()
        draft.summary = f"recorded a check-in with {name} ({on.isoformat()})"
        if current_since(contact_id, "partner") is None:
            ended = last_ended(contact_id, "partner")
            if ended:
                raise Invalid("contact", f"{name} stopped being an accountability partner on {ended.isoformat()}; "
                                         "give them the partner role again first")
            raise Invalid("contact", f"{name} is not an accountability partner yet; give them the partner role first")
        if marks:
            _check_marks(contact_id, name, on, marks)
        ci = CheckIn.create(contact=contact_id, date=on, answers=json.dumps(pairs, ensure_ascii=False), note=note,
                            created=datetime.now())
        # Deleting the check-in deletes its new commitments; outcomes it marked open again first.
        undo.record("delete_check_in", id=ci.id)
        if marks:
            undo.record("reopen_commitments", ids=sorted(marks))
        for outcome in OUTCOMES:
            ids = [c for c, o in marks.items() if o == outcome]
            if ids:
                # ``outcome IS NULL`` again: a mark never overwrites an earlier one, even in a race.
                (Commitment.update(outcome=outcome, reviewed_in=ci.id)
                 .where(Commitment.id.in_(ids) & Commitment.outcome.is_null()).execute())
        for what in new:
            Commitment.create(contact=contact_id, check_in=ci.id, what=what)
    return get_check_in(ci.id)


def _answers(raw: str) -> tuple[tuple[str, str], ...]:
    try:
        pairs = [tuple(map(str, pair))[:2] for pair in json.loads(raw or "[]")]
    except (ValueError, TypeError):
        return ()
    return tuple(a for a in pairs if len(a) == 2)


def _build(ci: CheckIn, commitments: list[Commitment]) -> CheckInInfo:
    made = [c for c in commitments if c.check_in_id == ci.id]
    reviewed = [c for c in commitments if c.reviewed_in_id == ci.id]
    return CheckInInfo(ci.id, ci.contact_id, ci.date, _answers(ci.answers), ci.note,
                       tuple(_commitment(c) for c in made), tuple(_commitment(c) for c in reviewed))


def get_check_in(check_in_id: int) -> CheckInInfo:
    """Return one check-in with its commitments."""
    ci = CheckIn.get_or_none(CheckIn.id == check_in_id)
    if ci is None:
        raise NotFound(f"no check-in with id {check_in_id}")
    commitments = list(Commitment.select().where((Commitment.check_in == ci.id) | (Commitment.reviewed_in == ci.id))
                       .order_by(Commitment.id))
    return _build(ci, commitments)


def list_check_ins(contact_id: int, limit: int | None = None) -> list[CheckInInfo]:
    """Return a partner's check-ins, newest first (the ``limit`` newest), with what each made and reviewed."""
    q = CheckIn.select().where(CheckIn.contact == contact_id).order_by(CheckIn.date.desc(), CheckIn.id.desc())
    if limit is not None:
        q = q.limit(limit)
    check_ins = list(q)
    if not check_ins:
        return []
    commitments = list(Commitment.select().where(Commitment.contact == contact_id).order_by(Commitment.id))
    return [_build(ci, commitments) for ci in check_ins]


def count_check_ins(contact_id: int) -> int:
    return CheckIn.select().where(CheckIn.contact == contact_id).count()


# Every current partner in two queries (as ``get_partner`` reads one in six): the Today queue asks
# for them on every build, where six peewee queries per partner took 1 ms each.
_PARTNERS = """
SELECT r.contact_id, c.name, p.cadence_days, p.questions, r.started,
    (SELECT max(date) FROM check_in WHERE contact_id = r.contact_id),
    (SELECT max(ended) FROM mentor_role WHERE contact_id = r.contact_id AND role = 'partner' AND ended IS NOT NULL)
FROM mentor_role AS r JOIN contact AS c ON c.id = r.contact_id LEFT JOIN partner AS p ON p.contact_id = r.contact_id
WHERE r.role = 'partner' AND r.ended IS NULL AND (c.archived = 0 OR ?1) ORDER BY c.name COLLATE NOCASE, c.id"""
_PARTNER_COMMITMENTS = """
SELECT id, contact_id, check_in_id, what, outcome, reviewed_in_id FROM commitment
WHERE contact_id IN (SELECT contact_id FROM mentor_role WHERE role = 'partner' AND ended IS NULL) ORDER BY id"""


def list_partners(include_archived: bool = False) -> list[PartnerInfo]:
    """Return every contact who is a partner now (former partners are left out), by name."""
    def day(text: str | None) -> date | None:
        return date.fromisoformat(str(text)[:10]) if text else None

    rows = db.execute_sql(_PARTNERS, (int(include_archived),)).fetchall()
    commitments: dict[int, list[CommitmentInfo]] = {}
    if rows:
        for row in db.execute_sql(_PARTNER_COMMITMENTS):
            commitments.setdefault(row[1], []).append(CommitmentInfo(*row))
    return [_partner_info(cid, name, cadence, questions, day(since), day(last), day(ended), commitments.get(cid, []))
            for cid, name, cadence, questions, since, last, ended in rows]
