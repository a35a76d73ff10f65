"""Provides the Conversations area's Today sources (people and conversations: never slow).

* ``prepare``: a planned conversation tomorrow, "prepare for ...": score 2.2.
* ``conversation``: a planned conversation today: score 3.0 (it is the day's appointment).
* ``held``: a planned conversation whose day has passed, "held? / move / drop": 2.4 + days late / 7.
* ``thank-you``: a thank-you owed and due: ``2.6 + min(days late, 30) / 7``.

Each item's ``ref_id`` is the plan's id (thank-you: the follow-up's), so ``p`` opens its brief.
"""

from __future__ import annotations

from datetime import date, timedelta

from kith.store.conversations.settings import ConversationsSettings
from kith.store.conversations.thanks import REASON_WORDS
from kith.store.core.db import db
from kith.store.today.cadence import DUE, DUE_SOON, OVERDUE
from kith.store.today.queue import QueueContext, QueueItem, source


def _off(ctx: QueueContext, name: str) -> bool:
    found = ctx.settings.areas.get("conversations")
    return isinstance(found, ConversationsSettings) and name in found.today_off


_PLANS = ("SELECT p.id, p.contact_id, c.name, p.kind, p.day, p.at, p.purpose FROM conversation_plan p "
          "JOIN contact c ON c.id = p.contact_id WHERE p.state = 'planned' AND c.archived = 0 AND ")


def _what(kind: str, at: str | None, purpose: str) -> str:
    text = kind + (f" at {at}" if at else "")
    return f"{text} · {purpose}" if purpose else text


@source("prepare")
def prepare_items(ctx: QueueContext) -> list[QueueItem]:
    """Conversations planned for tomorrow: prepare (the brief is one key away)."""
    if _off(ctx, "prepare"):
        return []
    tomorrow = ctx.today + timedelta(days=1)
    rows = db.execute_sql(_PLANS + "p.day = ?", (tomorrow.isoformat(),))
    return [QueueItem("prepare", cid, name, tomorrow, 2.2, f"prepare for tomorrow's {_what(kind, at, purpose)}",
                      pid, DUE_SOON) for pid, cid, name, kind, _day, at, purpose in rows]


@source("conversation")
def conversation_items(ctx: QueueContext) -> list[QueueItem]:
    """Conversations planned for today."""
    if _off(ctx, "conversation"):
        return []
    rows = db.execute_sql(_PLANS + "p.day = ?", (ctx.today.isoformat(),))
    return [QueueItem("conversation", cid, name, ctx.today, 3.0, f"today: {_what(kind, at, purpose)}", pid, DUE)
            for pid, cid, name, kind, _day, at, purpose in rows]


@source("held")
def held_items(ctx: QueueContext) -> list[QueueItem]:
    """Planned conversations whose day has passed: record them, move them or drop them."""
    if _off(ctx, "held"):
        return []
    out = []
    for pid, cid, name, kind, day, _at, _purpose in db.execute_sql(_PLANS + "p.day < ?", (ctx.today.isoformat(),)):
        day = date.fromisoformat(str(day)[:10])
        late = (ctx.today - day).days
        when = "yesterday" if late == 1 else f"{late} d ago"
        out.append(QueueItem("held", cid, name, day, 2.4 + min(late, 30) / 7,
                             f"held? / move / drop: {kind} planned {when}", pid, OVERDUE))
    return out


@source("thank-you")
def thank_you_items(ctx: QueueContext) -> list[QueueItem]:
    """Thank-yous owed and due: shown as their own kind, not as plain follow-ups."""
    if _off(ctx, "thank-you"):
        return []
    sql = ("SELECT t.follow_up_id, t.contact_id, c.name, t.reason, f.due FROM thank_you t "
           "JOIN follow_up f ON f.id = t.follow_up_id JOIN contact c ON c.id = t.contact_id "
           "WHERE f.done = 0 AND c.archived = 0 AND f.due <= ?")
    out = []
    for fid, cid, name, reason, due in db.execute_sql(sql, (ctx.today.isoformat(),)):
        due = date.fromisoformat(str(due)[:10])
        late = (ctx.today - due).days
        # The envelope sets thank-yous apart from the follow-ups around them.
        head = f"✉ thank-you owed {late} d" if late else "✉ thank-you due today"
        out.append(QueueItem("thank-you", cid, name, due, 2.6 + min(late, 30) / 7,
                             f"{head}: for {REASON_WORDS.get(reason, reason)} · l logs it", fid,
                             OVERDUE if late else DUE))
    return out
