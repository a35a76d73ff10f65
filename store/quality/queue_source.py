"""Provides the Today sources of give and take (slow nudges, each person at most weekly):

* ``help-offer``: someone you received from lately and gave nothing to lately: ask them
  "How can I help you?" (``quality.help_nudges`` turns it off).
* ``time-to-receive``: someone you have given much more than you received: it may be time to
  ask for something (``quality.receive_margin``; 0 turns it off).

Settings come from ``ctx.settings.areas["quality"]`` (a ``QualitySettings``; defaults without one).
"""

from __future__ import annotations

from kith.store.quality.settings import QualitySettings
from kith.store.today.queue import QueueContext, QueueItem, source

SCORE = 0.8  # below anyone due: a slow nudge never pushes a person off the top of the day


def _weekly_turn(contact_id: int, ctx: QueueContext) -> bool:
    # Each person's nudge shows one day a week (their own weekday), so it is never daily noise.
    return (ctx.today.toordinal() + contact_id) % 7 == 0


def _settings(ctx: QueueContext) -> QualitySettings:
    found = ctx.settings.areas.get("quality")
    return found if isinstance(found, QualitySettings) else QualitySettings()


def _names(ids: list[int]) -> dict[int, str]:
    from kith.store.core.db import db

    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(db.execute_sql(f"SELECT id, name FROM contact WHERE archived = 0 AND id IN ({marks})", ids))


@source("help-offer", slow=True)
def help_offer_items(ctx: QueueContext) -> list[QueueItem]:
    """People you have only taken from lately."""
    from kith.store.quality.give_take import balances

    s = _settings(ctx)
    if not s.help_nudges:
        return []
    days = s.give_take_days
    found = {cid: b for cid, b in balances(ctx.today, days, ctx.today.toordinal() % 7).items()
             if b.received_recent and not b.given_recent and _weekly_turn(cid, ctx)}
    names = _names(sorted(found))
    return [QueueItem("help-offer", cid, names[cid], ctx.today, SCORE,
                      f"How can I help you? {found[cid].received_recent} received in {days} d, nothing given back")
            for cid in sorted(names)]


@source("time-to-receive", slow=True)
def time_to_receive_items(ctx: QueueContext) -> list[QueueItem]:
    """People you have given much more than you received."""
    from kith.store.quality.give_take import balances

    margin = _settings(ctx).receive_margin
    if not margin:
        return []
    found = {cid: b for cid, b in balances(ctx.today, weekday_turn=ctx.today.toordinal() % 7).items()
             if b.net >= margin and _weekly_turn(cid, ctx)}
    names = _names(sorted(found))
    return [QueueItem("time-to-receive", cid, names[cid], ctx.today, SCORE * 0.9,
                      f"Know when it's time to receive: you gave {found[cid].given}, received {found[cid].received}")
            for cid in sorted(names)]
