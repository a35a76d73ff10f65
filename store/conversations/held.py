"""Provides recording a held conversation: the plan becomes a logged touch with the answers, what
you learned, the referrals gained (each a contact introduced by this person), next steps (each a
follow-up), a rating and the duration; an informational interview then owes a thank-you."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from kith.store.conversations import thanks
from kith.store.conversations.models import Plan, Referral
from kith.store.conversations.plans import PlanInfo, clean_line, clean_list, clean_long, get_plan
from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid
from kith.store.core.fold import fold

TOUCH_KIND = {"informational interview": "informational interview", "coffee": "coffee",
              "mentor meeting": "meeting", "check-in": "check-in", "call": "call", "other": "other"}
NEXT_STEP_DAYS = 7


@dataclass(frozen=True)
class HeldInfo:
    plan: PlanInfo
    touch_id: int
    referrals: tuple[tuple[int, str, bool], ...]
    """``(contact id, name, created now)`` per referral."""
    follow_up_ids: tuple[int, ...]
    thank_you_id: int | None
    """The thank-you follow-up now owed, if any."""


def find_referral(text: str) -> int | None:
    """The contact a referral names (``#12``, or a whole name), or None for a new person.

    Raises:
        Invalid: the name matches several contacts (say which by ``#id``), or an unknown id.
    """
    t = text.strip()
    if t.startswith("#") and t[1:].isdigit():
        row = db.execute_sql("SELECT id FROM contact WHERE id = ?", (int(t[1:]),)).fetchone()
        if not row:
            raise Invalid("referral", f"no contact with id {t[1:]}")
        return row[0]
    wanted = fold(t)
    ids = [cid for cid, name in db.execute_sql("SELECT id, name FROM contact") if fold(name) == wanted]
    if len(ids) > 1:
        raise Invalid("referral", f"the referral {t!r} matches {len(ids)} contacts "
                                  f"({', '.join('#' + str(i) for i in ids[:5])}): name one by #id")
    return ids[0] if ids else None


def _note(p: PlanInfo, answers: list[str], learned: str, names: list[str], steps: list[str]) -> str:
    lines = [f"{p.kind}: {p.purpose}" if p.purpose else p.kind]
    lines += [f"Q: {q}\nA: {a}" for q, a in zip(p.questions, answers) if a]
    if learned:
        lines.append(f"Learned: {learned}")
    if names:
        lines.append("Referrals: " + ", ".join(names))
    if steps:
        lines.append("Next: " + "; ".join(steps))
    return "\n".join(lines)


def _link_referral(plan: PlanInfo, text: str, on: date) -> tuple[int, str, bool]:
    from kith.store.people.contacts import create_contact, get_contact, update_contact

    before = _last_ledger_id()
    cid = find_referral(text)
    if cid is None:
        made = create_contact(text.strip(), introduced_by_id=plan.contact_id,
                              how_met=f"referred by {plan.contact_name}")
        cid, name, created = made.id, made.name, True
    else:
        c = get_contact(cid)
        name, created = c.name, False
        if c.introduced_by_id is None and cid != plan.contact_id:
            update_contact(cid, {"introduced_by_id": plan.contact_id})
    Referral.insert(plan=plan.id, contact=cid, created_contact=int(created)).on_conflict_ignore().execute()
    _ledger(plan.contact_id, cid, on, before)
    return cid, name, created


def _last_ledger_id() -> int | None:
    """The newest introductions-ledger id (0 when empty), or None without the network area."""
    from kith.store.core.db import db

    if not db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'introduction'").fetchone():
        return None
    return db.execute_sql("SELECT coalesce(max(id), 0) FROM introduction").fetchone()[0]


def _ledger(by_id: int, contact_id: int, on: date, before: int | None) -> None:
    """Record the introduction in the network's ledger when that area is installed, once: setting
    the contact's introduced-by may have added the entry already (then it gets this day and note)."""
    from kith.store.core.db import db

    if before is None:
        return
    known = db.execute_sql("SELECT id FROM introduction WHERE by_id = ? AND first_id IS NULL AND second_id = ? "
                           "ORDER BY id DESC LIMIT 1", (by_id, contact_id)).fetchone()
    if known and known[0] > before:  # added just now, in this undo action: undo removes it
        db.execute_sql("UPDATE introduction SET day = ?, note = ? WHERE id = ?",
                       (on.isoformat(), "referral from a conversation", known[0]))
        return
    if known:
        return
    from kith.store.network.introductions import record_introduction

    record_introduction(by_id, None, contact_id, on, "referral from a conversation")


def record_held(plan_id: int, *, today: date, on: date | None = None, answers: Sequence[str] = (),
                learned: str = "", referrals: Sequence[str] = (), next_steps: Sequence[str] = (),
                rating: int | None = None, minutes: int | None = None) -> HeldInfo:
    """Record a planned conversation as held (on its day unless ``on`` says otherwise).

    Raises:
        NotFound: no such plan.
        Invalid: already held or dropped, a day ahead of today, more answers than questions, a
            referral naming several contacts, a rating outside 1-5, minutes outside 1-1440.
    """
    from kith.store.people.followups import add_follow_up
    from kith.store.people.touches import log_touch

    plan = get_plan(plan_id)
    if plan.state != "planned":
        raise Invalid("plan", f"conversation {plan_id} is {plan.state} already")
    on = on or min(plan.day, today)
    if on > today:
        raise Invalid("day", f"it is planned for {plan.day.isoformat()}: record it once it is held")
    answers = [clean_line("answer", a, 2000) for a in answers]
    if len(answers) > len(plan.questions):
        raise Invalid("answer", f"{len(answers)} answers but the plan has {len(plan.questions)} questions")
    learned = clean_long("learned", learned)
    names = clean_list("referrals", referrals)
    steps = clean_list("next steps", next_steps)
    if rating is not None and not 1 <= rating <= 5:
        raise Invalid("rating", "the rating is 1 to 5")
    if minutes is not None and not 1 <= minutes <= 1440:
        raise Invalid("minutes", "the duration is 1 to 1440 minutes")
    for name in names:
        find_referral(name)  # refuse an ambiguous name before anything is written
    with undo.action("held", contact_id=plan.contact_id, ref_id=plan_id) as draft:
        draft.summary = f"held {plan.kind} with {plan.contact_name}"
        touch = log_touch(plan.contact_id, TOUCH_KIND[plan.kind], on, _note(plan, answers, learned, names, steps))
        gained = tuple(_link_referral(plan, name, on) for name in names)
        follow_ups = tuple(add_follow_up(plan.contact_id, on + timedelta(days=NEXT_STEP_DAYS), s).id for s in steps)
        undo.record("conversations.set_plan", id=plan_id, values={
            "state": "planned", "held_on": None, "touch_id": None, "answers": "[]", "learned": "",
            "rating": None, "minutes": None})
        undo.record("conversations.delete_referrals", plan_id=plan_id)
        Plan.update(state="held", held_on=on, touch=touch.id, answers=json.dumps(answers, ensure_ascii=False),
                    learned=learned, rating=rating, minutes=minutes).where(Plan.id == plan_id).execute()
        thank_id = None
        if plan.kind == "informational interview":
            thank_id = thanks.owe_thanks(plan.contact_id, "interview", today, plan_id=plan_id)
        elif gained:
            thank_id = thanks.owe_thanks(plan.contact_id, "introduction", today, plan_id=plan_id)
    return HeldInfo(get_plan(plan_id), touch.id, gained, follow_ups, thank_id)


def referrals_of(plan_id: int) -> list[tuple[int, str]]:
    """The contacts a held conversation produced."""
    return list(db.execute_sql("SELECT c.id, c.name FROM conversation_referral r JOIN contact c ON c.id = r.contact_id "
                               "WHERE r.plan_id = ? ORDER BY r.id", (plan_id,)))
