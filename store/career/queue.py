"""Provides the career area's Today sources: all slow nudges about no one (``contact_id`` None).

* ``certification``: a certification expiring within ``certification_warn_days`` (or expired in
  the last 30 days); score ``0.5 + 0.4 × (1 - days left / window)``, so the nearest comes first.
* ``income``: the largest stream's share over ``largest_share_percent`` or fewer active streams
  than ``income_streams_target``; asks only in the first week of a month, so with the weekly slot
  of slow sources it shows at most once a month. Score 0.6.
* ``stale-skill``: a hard skill unused for longer than ``stale_months``; score ``0.3 + 0.05 × depth``.
* ``emerging-skill``: an emerging skill with no learning in ``emerging_learning_months``; score 0.45.

Every item is slow (``kith.store.today.queue.cap_slow``): they never push people down the list.
"""

from __future__ import annotations

from kith.store.career.income import summary
from kith.store.career.learning import expiring
from kith.store.career.settings import CareerSettings
from kith.store.career.skills import list_skills
from kith.store.core.db import db
from kith.store.today.cadence import DUE, DUE_SOON, OVERDUE
from kith.store.today.queue import QueueContext, QueueItem, source

AREA = "career"


def _settings(ctx: QueueContext) -> CareerSettings:
    return ctx.settings.areas.get("career") or CareerSettings()


@source("certification", slow=True)
def certification_items(ctx: QueueContext) -> list[QueueItem]:
    """Certifications to renew soon."""
    window = _settings(ctx).certification_warn_days
    out = []
    for cert in expiring(ctx.today, window):
        left = cert.expires_in(ctx.today)
        if left < 0:
            why, state = f"certification expired {-left} d ago ({cert.expires.isoformat()}): renew or drop it", OVERDUE
        elif left == 0:
            why, state = "certification expires today", DUE
        else:
            why, state = f"certification expires in {left} d ({cert.expires.isoformat()}): plan the renewal", DUE_SOON
        score = 0.5 + 0.4 * (1 - max(left, 0) / (window + 1))
        out.append(QueueItem("certification", None, cert.title, cert.expires, score, why, cert.id, state, AREA))
    return out


@source("income", slow=True)
def income_items(ctx: QueueContext) -> list[QueueItem]:
    """Income too dependent on one stream, or too few streams (monthly)."""
    if ctx.today.day > 7:
        return []
    if not db.execute_sql("SELECT 1 FROM income_stream LIMIT 1").fetchone():
        return []  # the user does not track income: nothing to say
    s = summary(ctx.today, _settings(ctx), months=1)
    reasons = []
    if s.over_share:
        name = s.display_group.shares[0][0]
        reasons.append(f"{name} is {s.largest_share}% of your {s.display_currency} income "
                       f"(over {s.share_limit}%): don't give the power over income to others")
    if s.under_target:
        reasons.append(f"{s.count} income stream{'s' if s.count != 1 else ''} active, target {s.target}")
    if not reasons:
        return []
    return [QueueItem("income", None, "Income streams", ctx.today, 0.6, "; ".join(reasons), None, DUE, AREA)]


@source("stale-skill", slow=True)
def stale_skill_items(ctx: QueueContext) -> list[QueueItem]:
    """Hard skills going stale."""
    settings = _settings(ctx)
    out = []
    for skill in list_skills(ctx.today, settings):
        if skill.stale:
            why = (f"hard skill unused since {skill.last_used or skill.first_used} "
                   f"(over {settings.stale_months} months): use it, refresh it, or let it go")
            out.append(QueueItem("stale-skill", None, skill.name, ctx.today, 0.3 + 0.05 * skill.depth, why,
                                 skill.id, DUE, AREA))
    return out


@source("emerging-skill", slow=True)
def emerging_skill_items(ctx: QueueContext) -> list[QueueItem]:
    """Emerging skills nobody is learning."""
    settings = _settings(ctx)
    out = []
    for skill in list_skills(ctx.today, settings):
        if skill.needs_learning:
            why = (f"emerging skill with no learning in {settings.emerging_learning_months} months: "
                   "plan a course, a book or a practice project")
            out.append(QueueItem("emerging-skill", None, skill.name, ctx.today, 0.45, why, skill.id, DUE, AREA))
    return out
