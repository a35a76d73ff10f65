"""Provides volunteering's Today source ``met``: follow up with someone met at an engagement.

An item about a person (never slow): shown from the meeting day until ``follow_up_days`` after it,
and gone as soon as any later touch with them is logged (the follow-up). Only the latest meeting
with each person counts. Score ``1.6 + 0.6 × days since / window``: below a promised follow-up
(2+), above most cadence items, rising as the window closes. Off with ``follow_up_days = 0`` or
``[today] sources_off = ["met"]``.
"""

from __future__ import annotations

from datetime import date, timedelta

from kith.store.core.db import db
from kith.store.today.cadence import DUE, DUE_SOON
from kith.store.today.queue import QueueContext, QueueItem, source
from kith.store.volunteering.settings import VolunteeringSettings

SOURCE = "met"

# CROSS JOIN keeps the meetings first (a few rows, by day): SQLite otherwise walked every active
# contact to look for their meetings, 2.6 ms at 30,000 contacts for nine meetings.
_SQL = (
    "SELECT m.id, m.contact_id, c.name, m.day, o.name || CASE WHEN e.role != '' THEN ' (' || e.role || ')' "
    "ELSE '' END FROM engagement_met m CROSS JOIN contact c ON c.id = m.contact_id "
    "JOIN engagement e ON e.id = m.engagement_id JOIN organisation o ON o.id = e.organisation_id "
    "WHERE m.day >= ? AND m.day <= ? AND c.archived = 0 AND NOT EXISTS (SELECT 1 FROM touch t "
    "WHERE t.contact_id = m.contact_id AND t.id != coalesce(m.touch_id, 0) "
    "AND (t.date > m.day OR (t.date = m.day AND t.id > coalesce(m.touch_id, 0)))) "
    "ORDER BY m.day DESC, m.id DESC")


def _settings(ctx: QueueContext) -> VolunteeringSettings:
    found = ctx.settings.areas.get("volunteering")
    return found if isinstance(found, VolunteeringSettings) else VolunteeringSettings()


def _ago(days: int) -> str:
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} d ago"


@source(SOURCE)
def met_items(ctx: QueueContext) -> list[QueueItem]:
    """People met at a volunteering engagement in the last ``follow_up_days`` days, not yet followed up."""
    window = _settings(ctx).follow_up_days
    if window <= 0:
        return []
    today = ctx.today
    out: list[QueueItem] = []
    seen: set[int] = set()
    for mid, cid, name, day, title in db.execute_sql(_SQL, ((today - timedelta(days=window)).isoformat(),
                                                            today.isoformat())):
        if cid in seen:
            continue
        seen.add(cid)
        met_on = date.fromisoformat(str(day)[:10])
        since = (today - met_on).days
        due = met_on + timedelta(days=window)
        left = (due - today).days
        # "follow up" first: a narrow Today row cuts the end of the reason.
        why = (f"follow up {'today' if left == 0 else f'within {left} d'}: met volunteering at {title} "
               f"{_ago(since)}")
        out.append(QueueItem(SOURCE, cid, name, due, 1.6 + 0.6 * since / window, why, mid,
                             DUE if left == 0 else DUE_SOON))
    return out
