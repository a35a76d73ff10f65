"""Provides the Perception area's Today sources, both slow nudges (PRODUCT.md: Today stays short).

- ``feedback-overdue``: a request unanswered ``answer_overdue_days`` after asking is nudged once:
  it shows for the week after it became overdue, then never again (answering, declining or
  snoozing it clears it sooner).
- ``brand-review``: one item for the stalest pitch or tagline not reviewed for
  ``review_after_days`` ("review your elevator pitch (last reviewed 120 d ago)"); it is about no
  one, so its ``contact_id`` is None.
"""

from __future__ import annotations

from datetime import timedelta

from kith.store.perception.settings import PerceptionSettings
from kith.store.today.queue import QueueContext, QueueItem, source

NUDGE_DAYS = 7
"""How long the one overdue-answer nudge stays in Today."""
BRAND_NAME = "Your brand"
"""What the brand-review item shows where a person's name would be."""


def settings_of(ctx: QueueContext) -> PerceptionSettings:
    found = ctx.settings.areas.get("perception")
    return found if isinstance(found, PerceptionSettings) else PerceptionSettings()


@source("feedback-overdue", slow=True)
def feedback_overdue_items(ctx: QueueContext) -> list[QueueItem]:
    """Feedback requests still unanswered ``answer_overdue_days`` after asking (nudged once)."""
    s = settings_of(ctx)
    if not s.feedback_nudge:
        return []
    from kith.store.perception.feedback import list_requests

    items = []
    for r in list_requests(status="asked"):
        due = r.asked_on + timedelta(days=s.answer_overdue_days)
        late = (ctx.today - due).days
        if not 0 <= late < NUDGE_DAYS:
            continue
        asked = (ctx.today - r.asked_on).days
        reason = f"feedback answer overdue · asked {asked} d ago" + (f" via {r.channel}" if r.channel else "")
        items.append(QueueItem("feedback-overdue", r.contact_id, r.name, due, round(0.6 - late / 100, 3),
                               reason, r.id, "overdue"))
    return items


@source("brand-review", slow=True)
def brand_review_items(ctx: QueueContext) -> list[QueueItem]:
    """One item: the stalest pitch or tagline due for a review (and how many more are)."""
    s = settings_of(ctx)
    if not s.review_nudge:
        return []
    from kith.store.perception.brand_review import stale

    found = stale(ctx.today, s.review_after_days)
    if not found:
        return []
    first = found[0]
    reason = f"review your {first.name.lower()} (last reviewed {first.age(ctx.today)} d ago)"
    if len(found) > 1:
        reason += f" · {len(found) - 1} more"
    due = first.last_reviewed + timedelta(days=s.review_after_days)
    return [QueueItem("brand-review", None, BRAND_NAME, due, 0.5, reason, first.pitch_id, "due")]  # type: ignore[arg-type]
