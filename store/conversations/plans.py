"""Provides planned conversations: plan one with a purpose, move it, drop it, list them.

A plan is what you mean to get out of a conversation: its kind, day and optional time, the
purpose (required for an informational interview), objectives, talking points, questions (the
three feedback questions unless you give your own) and what you can offer them. Holding it is
``store.conversations.held``. Every write is undoable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from kith.store.conversations.models import FEEDBACK_QUESTIONS, PLAN_KINDS, Plan
from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.core.validate import check_text
from kith.store.people.models import Contact

MAX_SHORT = 500
MAX_LONG = 10_000
MAX_ITEMS = 20
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_UNSET = object()


@dataclass(frozen=True)
class PlanInfo:
    id: int
    contact_id: int
    contact_name: str
    kind: str
    day: date
    at: str | None
    purpose: str
    objectives: tuple[str, ...]
    points: tuple[str, ...]
    questions: tuple[str, ...]
    offer: str
    state: str
    held_on: date | None = None
    touch_id: int | None = None
    answers: tuple[str, ...] = ()
    learned: str = ""
    rating: int | None = None
    minutes: int | None = None

    def when(self) -> str:
        """``2026-03-17 10:00`` or just the day."""
        return f"{self.day.isoformat()} {self.at}" if self.at else self.day.isoformat()

    def as_json(self) -> dict:
        return {
            "id": self.id, "contact_id": self.contact_id, "name": self.contact_name, "kind": self.kind,
            "day": self.day.isoformat(), "at": self.at, "purpose": self.purpose, "objectives": list(self.objectives),
            "points": list(self.points), "questions": list(self.questions), "offer": self.offer,
            "state": self.state, "held_on": self.held_on.isoformat() if self.held_on else None,
            "touch_id": self.touch_id, "answers": list(self.answers), "learned": self.learned,
            "rating": self.rating, "minutes": self.minutes,
        }


def parse_kind(text: str) -> str:
    """The plan kind ``text`` names (``informational``, ``mentor``, ``check in`` work)."""
    wanted = " ".join((text or "").lower().replace("_", " ").replace("-", " ").split())
    for kind in PLAN_KINDS:
        plain = kind.replace("-", " ")
        if wanted == plain or (len(wanted) >= 3 and plain.startswith(wanted)):
            return kind
    raise Invalid("kind", f"unknown kind {text!r}; use one of: {', '.join(PLAN_KINDS)}")


def parse_time(text: str | None) -> str | None:
    """``9:30`` -> ``09:30``; empty -> None."""
    if text is None or not text.strip():
        return None
    m = _TIME.match(text.strip())
    if not m:
        raise Invalid("at", f"the time {text!r} is not HH:MM (e.g. 09:30)")
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def clean_line(field: str, text: str | None, limit: int = MAX_SHORT) -> str:
    text = " ".join(check_text(field, text or "").split())
    if len(text) > limit:
        raise Invalid(field, f"the {field} is longer than {limit} characters")
    return text


def clean_long(field: str, text: str | None) -> str:
    text = check_text(field, (text or "").replace("\r\n", "\n")).strip()
    if len(text) > MAX_LONG:
        raise Invalid(field, f"the {field} is longer than {MAX_LONG:,} characters")
    return text


def clean_list(field: str, items: Sequence[str] | None) -> list[str]:
    out = [clean_line(field, x) for x in items or ()]
    out = [x for x in out if x]
    if len(out) > MAX_ITEMS:
        raise Invalid(field, f"at most {MAX_ITEMS} {field}")
    return out


def _loads(raw: str) -> tuple[str, ...]:
    try:
        data = json.loads(raw or "[]")
    except ValueError:
        return ()
    return tuple(str(x) for x in data) if isinstance(data, list) else ()


_COLUMNS = ("p.id, p.contact_id, c.name, p.kind, p.day, p.at, p.purpose, p.objectives, p.points, p.questions, "
            "p.offer, p.state, p.held_on, p.touch_id, p.answers, p.learned, p.rating, p.minutes")


def _row(r) -> PlanInfo:
    (pid, cid, name, kind, day, at, purpose, objectives, points, questions, offer, state, held_on, touch_id,
     answers, learned, rating, minutes) = r
    return PlanInfo(pid, cid, name, kind, date.fromisoformat(str(day)[:10]), at, purpose, _loads(objectives),
                    _loads(points), _loads(questions), offer, state,
                    date.fromisoformat(str(held_on)[:10]) if held_on else None, touch_id, _loads(answers),
                    learned, rating, minutes)


def select_plans(where: str = "1", args: Sequence = (), order: str = "p.day, p.at, p.id") -> list[PlanInfo]:
    """Plans with their contact's name matching an SQL condition on ``p`` (plan) and ``c`` (contact)."""
    sql = (f"SELECT {_COLUMNS} FROM conversation_plan p JOIN contact c ON c.id = p.contact_id "
           f"WHERE {where} ORDER BY {order}")
    return [_row(r) for r in db.execute_sql(sql, tuple(args))]


def get_plan(plan_id: int) -> PlanInfo:
    """Return one plan.

    Raises:
        NotFound: no such plan.
    """
    found = select_plans("p.id = ?", (plan_id,))
    if not found:
        raise NotFound(f"no planned conversation with id {plan_id}")
    return found[0]


def list_plans(include_all: bool = False, contact_id: int | None = None) -> list[PlanInfo]:
    """Planned conversations soonest first; ``include_all`` adds held and dropped ones (newest last)."""
    where, args = ("1", []) if include_all else ("p.state = 'planned'", [])
    if contact_id is not None:
        where, args = f"{where} AND p.contact_id = ?", [*args, contact_id]
    return select_plans(where, args)


def next_plan(contact_id: int, today: date) -> PlanInfo | None:
    """The contact's planned conversation to prepare for: the earliest not held (overdue ones first)."""
    found = select_plans("p.state = 'planned' AND p.contact_id = ?", (contact_id,))
    return found[0] if found else None


def plan_conversation(contact_id: int, day: date, *, today: date, kind: str = "informational interview",
                      at: str | None = None, purpose: str = "", objectives: Sequence[str] = (),
                      points: Sequence[str] = (), questions: Sequence[str] | None = None,
                      offer: str = "") -> PlanInfo:
    """Plan a conversation with a contact on ``day`` (today or later).

    ``questions=None`` preloads the three feedback questions; an empty list means none.

    Raises:
        NotFound: no such contact.
        Invalid: a day in the past, an informational interview without a purpose, a bad time,
            unknown kind, or over-long text.
    """
    kind = parse_kind(kind)
    at = parse_time(at)
    if not isinstance(day, date):
        raise Invalid("day", "the day is missing")
    if day < today:
        raise Invalid("day", f"{day.isoformat()} is in the past: plan a conversation for today or later")
    purpose = clean_line("purpose", purpose)
    if kind == "informational interview" and not purpose:
        raise Invalid("purpose", "an informational interview needs a purpose: what do you want from it?")
    values = {
        "objectives": json.dumps(clean_list("objectives", objectives), ensure_ascii=False),
        "points": json.dumps(clean_list("points", points), ensure_ascii=False),
        "questions": json.dumps(clean_list("questions", FEEDBACK_QUESTIONS if questions is None else questions),
                                ensure_ascii=False),
        "offer": clean_line("offer", offer),
    }
    with undo.action("plan", contact_id=contact_id) as draft:
        name = Contact.select(Contact.name).where(Contact.id == contact_id).scalar()
        if name is None:
            raise NotFound(f"no contact with id {contact_id}")
        p = Plan.create(contact=contact_id, kind=kind, day=day, at=at, purpose=purpose, created=datetime.now(),
                        **values)
        draft.summary = f"planned {kind} with {name} on {day.isoformat()}"
        draft.ref_id = p.id
        undo.record("conversations.delete_plan", id=p.id)
    return get_plan(p.id)


def _set(plan_id: int, action: str, summary: str, changes: dict) -> PlanInfo:
    with undo.action(action) as draft:
        current = get_plan(plan_id)
        old = {k: getattr(current, k) for k in changes}
        old = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in old.items()}
        draft.contact_id, draft.ref_id = current.contact_id, plan_id
        draft.summary = f"{summary} {current.kind} with {current.contact_name}"
        undo.record("conversations.set_plan", id=plan_id, values=old)
        Plan.update(changes).where(Plan.id == plan_id).execute()
    return get_plan(plan_id)


def move_plan(plan_id: int, day: date, *, today: date, at=_UNSET) -> PlanInfo:
    """Move a planned (not yet held) conversation to ``day`` (and ``at``, when given).

    Raises:
        NotFound: no such plan.
        Invalid: held or dropped already, or a day in the past.
    """
    if day < today:
        raise Invalid("day", f"{day.isoformat()} is in the past: move it to today or later")
    if get_plan(plan_id).state != "planned":
        raise Invalid("plan", f"conversation {plan_id} is not planned any more")
    changes: dict = {"day": day}
    if at is not _UNSET:
        changes["at"] = parse_time(at)
    return _set(plan_id, "move", f"moved to {day.isoformat()}:", changes)


def drop_plan(plan_id: int) -> PlanInfo:
    """Drop a planned conversation (it stays in the history as dropped; undo brings it back).

    Raises:
        NotFound: no such plan.
        Invalid: held already.
    """
    if get_plan(plan_id).state == "held":
        raise Invalid("plan", f"conversation {plan_id} was held: it cannot be dropped")
    return _set(plan_id, "drop", "dropped", {"state": "dropped"})


def restore_plan(plan_id: int, values: dict) -> None:
    """Undo of a move, drop or record: put a plan's fields back."""
    if values:
        Plan.update(values).where(Plan.id == plan_id).execute()
