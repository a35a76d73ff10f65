"""Provides the Mentors area's Today-queue pieces: the check-in source and the helpers the
give-back source (in ``mentors.value``) shares with it."""

from __future__ import annotations

from datetime import date, timedelta

from kith.store.mentors.checkins import (
    PartnerInfo,
    list_partners,
)
from kith.store.today.queue import QueueContext, QueueItem, ReasonWords, source

# -- the Today queue ----------------------------------------------------------------------------


def due_state(due: date, today: date) -> str:
    if due < today:
        return "overdue"
    return "due" if due == today else "due-soon"


def check_in_reason(p: PartnerInfo, due: date, today: date, default_days: int, words: ReasonWords) -> str:
    """``overdue 2 d · check-in every 14 d · last 16 d ago · 2 open commitments`` (numbers first)."""
    parts = [words.due(due, today), f"check-in every {p.cadence(default_days)} d"]
    parts.append(f"last {words.ago(p.last_check_in_on, today)}" if p.last_check_in_on else "first check-in")
    n = len(p.open_commitments)
    if n:
        parts.append(f"{n} open commitment{'s' if n != 1 else ''}")
    return " · ".join(parts)


def check_in_score(due: date, today: date, window: int) -> float:
    """The check-in item's urgency: a standing promise ranks like a follow-up
    (``1.75 + min(days late, 30) / 7`` once due, ``1 - 0.5 x days to go / (window + 1)`` before)."""
    late = (today - due).days
    if late >= 0:
        return round(1.75 + min(late, 30) / 7, 3)
    return round(1.0 - 0.5 * (-late) / (window + 1), 3)


@source("check-in")
def check_in_items(ctx: QueueContext) -> list[QueueItem]:
    """Today-queue items: check-ins with current partners due (or due within ``ctx.due_soon_days``)."""
    default_days = ctx.settings.check_in_days
    items = []
    for p in list_partners():
        due = p.next_due(default_days)
        if due is None or due > ctx.today + timedelta(days=ctx.due_soon_days):
            continue
        items.append(QueueItem("check-in", p.contact_id, p.name, due, check_in_score(due, ctx.today, ctx.due_soon_days),
                               check_in_reason(p, due, ctx.today, default_days, ctx.words), p.contact_id,
                               due_state(due, ctx.today)))
    return items
