"""Provides the prep brief: one page on a person before a conversation.

Who they are (role, organisation, how you met, introduced by), the last five touches with notes,
open follow-ups and thank-yous, open commitments, the mentor value balance, what they said about
you (their feedback entries), the people and organisations you share, and the
plan's purpose, objectives, points, questions and offer. ``sections`` turns it into plain lines
that the command line prints and the screen shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kith.store.conversations.plans import PlanInfo, get_plan, next_plan
from kith.store.conversations.thanks import OwedInfo, list_owed
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.core.records import ContactInfo, FollowUpInfo, TouchInfo

LAST_TOUCHES = 5
NOTE_PREVIEW = 160
GOALS_SHOWN = 3


@dataclass(frozen=True)
class Brief:
    contact: ContactInfo
    plan: PlanInfo | None
    touches: tuple[TouchInfo, ...]
    follow_ups: tuple[FollowUpInfo, ...]
    thanks: tuple[OwedInfo, ...]
    commitments: tuple[str, ...]
    value: tuple[int, int] | None
    """(received, given) for someone who ever had a mentor role."""
    feedback: tuple[str, ...]
    introduced: tuple[str, ...]
    """People they introduced you to (or referred)."""
    same_company: int
    """Other contacts at their organisation."""
    goals: tuple[tuple[int, str, str, bool], ...] = ()
    """Your open goals and challenges (id, kind, text, mentions them), those naming them or their
    organisation first, at most ``GOALS_SHOWN``."""
    more_goals: int = 0

    def as_json(self) -> dict:
        c = self.contact
        return {
            "contact": {"id": c.id, "name": c.name, "role": c.role, "company": c.company, "how_met": c.how_met,
                        "introduced_by": c.introduced_by_name},
            "plan": self.plan.as_json() if self.plan else None,
            "touches": [{"id": t.id, "date": t.date.isoformat(), "kind": t.kind, "channel": t.channel, "note": t.note}
                        for t in self.touches],
            "follow_ups": [{"id": f.id, "due": f.due.isoformat(), "what": f.what} for f in self.follow_ups],
            "thanks_owed": [{"follow_up_id": o.follow_up_id, "reason": o.reason, "due": o.due.isoformat()}
                            for o in self.thanks],
            "commitments": list(self.commitments),
            "value": {"received": self.value[0], "given": self.value[1]} if self.value else None,
            "feedback": list(self.feedback), "introduced": list(self.introduced),
            "same_company": self.same_company,
            "goals": [{"id": i, "kind": k, "text": t, "mentions_them": m} for i, k, t, m in self.goals],
            "more_goals": self.more_goals,
        }


def _touches(contact_id: int) -> tuple[TouchInfo, ...]:
    rows = db.execute_sql("SELECT id, contact_id, date, kind, note, channel FROM touch WHERE contact_id = ? "
                          "ORDER BY date DESC, id DESC LIMIT ?", (contact_id, LAST_TOUCHES))
    return tuple(TouchInfo(i, c, date.fromisoformat(str(d)[:10]), k, n, ch) for i, c, d, k, n, ch in rows)


def _follow_ups(contact_id: int, thank_ids: set[int]) -> tuple[FollowUpInfo, ...]:
    rows = db.execute_sql("SELECT id, contact_id, due, what FROM follow_up WHERE contact_id = ? AND done = 0 "
                          "ORDER BY due, id", (contact_id,))
    return tuple(FollowUpInfo(i, c, date.fromisoformat(str(d)[:10]), w) for i, c, d, w in rows if i not in thank_ids)


def _value(contact_id: int) -> tuple[int, int] | None:
    if not db.execute_sql("SELECT 1 FROM mentor_role WHERE contact_id = ? LIMIT 1", (contact_id,)).fetchone():
        return None
    got = dict(db.execute_sql("SELECT direction, count(*) FROM value_entry WHERE contact_id = ? GROUP BY direction",
                              (contact_id,)).fetchall())
    return got.get("received", 0), got.get("given", 0)


def _feedback(contact_id: int) -> tuple[str, ...]:
    """Their latest feedback entries (the Perception area's), newest first, with the day."""
    rows = db.execute_sql("SELECT given_on, text FROM feedback WHERE contact_id = ? ORDER BY given_on DESC, id DESC "
                          "LIMIT 3", (contact_id,))
    return tuple(f"{str(day)[:10]}: {text}" for day, text in rows)


def _contact(contact_id: int) -> ContactInfo:
    """The fields the brief shows, in one query (the full contact, tags and all, is not needed)."""
    row = db.execute_sql("SELECT c.id, c.name, c.company, c.role, c.how_met, c.introduced_by_id, i.name, c.archived "
                         "FROM contact c LEFT JOIN contact i ON i.id = c.introduced_by_id WHERE c.id = ?",
                         (contact_id,)).fetchone()
    if row is None:
        raise NotFound(f"no contact with id {contact_id}")
    cid, name, company, role, how_met, by_id, by_name, archived = row
    return ContactInfo(cid, name, company or "", role or "", how_met=how_met or "", introduced_by_id=by_id,
                       introduced_by_name=by_name, archived=bool(archived))


def _goals(contact: ContactInfo) -> tuple[tuple[tuple[int, str, str, bool], ...], int]:
    """Your open goals (the Career area's), newest first, those that name them or their organisation
    before the rest; and how many more are open."""
    from kith.store.core.fold import fold

    rows = db.execute_sql("SELECT id, kind, text FROM goal WHERE done_on IS NULL ORDER BY added DESC, id DESC "
                          "LIMIT 50").fetchall()
    if not rows:
        return (), 0
    words = [fold(w) for w in (contact.company, *contact.name.split()) if w and len(w) >= 3]
    pattern = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words)) if words else None

    def mentions(text: str) -> bool:
        return bool(pattern and pattern.search(fold(text)))

    marked = [(i, k, t, mentions(t)) for i, k, t in rows]
    marked.sort(key=lambda g: not g[3])  # stable: newest first within each group
    return tuple(marked[:GOALS_SHOWN]), max(0, len(marked) - GOALS_SHOWN)


def prep_brief(contact_id: int | None = None, *, today: date, plan_id: int | None = None) -> Brief:
    """The brief for a contact (with their next planned conversation) or for one plan.

    Raises:
        NotFound: no such contact or plan.
        Invalid: neither given.
    """
    if plan_id is not None:
        plan = get_plan(plan_id)
        contact_id = plan.contact_id
    elif contact_id is not None:
        plan = None
    else:
        raise Invalid("contact", "say whom to prepare for, or which plan")
    contact = _contact(contact_id)
    if plan is None:
        plan = next_plan(contact_id, today)
    owed = tuple(list_owed(contact_id=contact_id))
    commitments = tuple(w for (w,) in db.execute_sql(
        "SELECT what FROM commitment WHERE contact_id = ? AND outcome IS NULL ORDER BY id", (contact_id,)))
    introduced = tuple(n for (n,) in db.execute_sql(
        "SELECT name FROM contact WHERE introduced_by_id = ? AND archived = 0 ORDER BY name LIMIT 8", (contact_id,)))
    same = 0
    if contact.company:
        same = db.execute_sql("SELECT count(*) FROM contact WHERE company = ? AND id != ? AND archived = 0",
                              (contact.company, contact_id)).fetchone()[0]
    goals, more_goals = _goals(contact)
    return Brief(contact, plan, _touches(contact_id), _follow_ups(contact_id, {o.follow_up_id for o in owed}),
                 owed, commitments, _value(contact_id), _feedback(contact_id), introduced, same, goals, more_goals)


def _preview(text: str) -> str:
    one = " ".join(text.split())
    return one if len(one) <= NOTE_PREVIEW else one[:NOTE_PREVIEW - 1] + "…"


def sections(b: Brief, today: date) -> list[tuple[str, list[str]]]:
    """The brief as ``(heading, lines)`` of plain text; empty sections say so in one line."""
    c = b.contact
    who = [" · ".join(x for x in (c.role, c.company) if x) or "(no role or organisation yet)"]
    if c.how_met:
        who.append(f"how you met: {c.how_met}")
    if c.introduced_by_name:
        who.append(f"introduced by: {c.introduced_by_name}")
    out: list[tuple[str, list[str]]] = [(c.name, who)]
    if b.plan:
        p = b.plan
        days = (p.day - today).days
        when = "today" if days == 0 else ("tomorrow" if days == 1 else (f"in {days} d" if days > 0 else
                                                                          f"{-days} d ago, not recorded"))
        lines = [f"#{p.id} {p.kind} · {p.when()} ({when})" + (f" · {p.state}" if p.state != "planned" else "")]
        lines.append(f"purpose: {p.purpose}" if p.purpose else "purpose: (none)")
        lines += [f"objective: {x}" for x in p.objectives]
        lines += [f"point: {x}" for x in p.points]
        lines += [f"ask: {x}" for x in p.questions]
        if p.offer:
            lines.append(f"offer: {p.offer}")
        out.append(("Plan", lines))
    else:
        out.append(("Plan", ["no conversation planned (kith plan, or n on the brief)"]))
    if b.goals:
        lines = [f"{kind}: {text}" + (" (about them)" if about else "") for _, kind, text, about in b.goals]
        if b.more_goals:
            lines.append(f"+{b.more_goals} more (kith goals)")
        out.append(("Your goals", lines))
    out.append(("Last touches", [f"{t.date.isoformat()} {t.label}" + (f": {_preview(t.note)}" if t.note else "")
                                 for t in b.touches] or ["none yet"]))
    owe = [f"due {f.due.isoformat()}: {f.what}" for f in b.follow_ups]
    owe += [f"due {o.due.isoformat()}: {o.what} (thank-you)" for o in b.thanks]
    owe += [f"commitment: {w}" for w in b.commitments]
    out.append(("Open follow-ups and commitments", owe or ["nothing open"]))
    if b.value:
        received, given = b.value
        lean = "you owe them" if received > given else ("even" if received == given else "you gave more")
        out.append(("Mentor value", [f"received {received} · given {given} · {lean}"]))
    if b.feedback:
        out.append(("What they said about you", [_preview(x) for x in b.feedback]))
    shared = []
    if b.same_company:
        shared.append(f"{b.same_company} other contact{'s' if b.same_company != 1 else ''} at {c.company}")
    if b.introduced:
        shared.append("they introduced you to: " + ", ".join(b.introduced))
    out.append(("Shared people and organisations", shared or ["none recorded"]))
    return out


def as_text(b: Brief, today: date) -> str:
    """The brief as plain text (the command line's output)."""
    parts = []
    for heading, lines in sections(b, today):
        parts.append(heading)
        parts += [f"  {line}" for line in lines]
    return "\n".join(parts)
