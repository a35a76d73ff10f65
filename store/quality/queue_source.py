"""Provides the Today sources of give and take (slow nudges: the queue asks each on one weekday,
so each person at most weekly, and caps all slow items together):

* ``help-offer``: someone you received from lately and gave nothing to lately: ask them
  "How can I help you?" (``quality.help_nudges`` turns it off).
* ``time-to-receive``: someone you have given much more than you received: it may be time to
  ask for something (``quality.receive_margin``; 0 turns it off).

Settings come from ``ctx.settings.areas["quality"]`` (a ``QualitySettings``; defaults without one).
"""

from __future__ import annotations

from datetime import timedelta

from kith.store.quality.settings import QualitySettings
from kith.store.today.queue import QueueContext, QueueItem, source

SCORE = 0.8  # below anyone due: a slow nudge never pushes a person off the top of the day


def _settings(ctx: QueueContext) -> QualitySettings:
    found = ctx.settings.areas.get("quality")
    return found if isinstance(found, QualitySettings) else QualitySettings()


# One query per nudge: the sums, the test and the names in SQLite. Going through ``balances`` (every
# contact's four sums as Python objects, then their names) took 35-38 ms at 30,000 contacts.
# Introductions made for someone only count as given, so they are looked up for those who received
# (NOT EXISTS), not summed for everyone: at 30,000 contacts, 2.5 ms -> 0.6.
_HELP_OFFER = """
SELECT c.id, c.name, t.received FROM (
    SELECT cid, sum(received) AS received FROM (
        SELECT contact_id AS cid, sum(direction != 'given') AS received, sum(direction = 'given') AS given
            FROM value_entry WHERE date >= ?1 GROUP BY contact_id
        UNION ALL SELECT introduced_by_id, count(*), 0 FROM contact
            WHERE introduced_by_id IS NOT NULL AND date(created) >= ?1 GROUP BY introduced_by_id)
    GROUP BY cid HAVING sum(received) > 0 AND sum(given) = 0) AS t
JOIN contact AS c ON c.id = t.cid
WHERE c.archived = 0 AND NOT EXISTS (SELECT 1 FROM touch WHERE kind = 'introduction' AND contact_id = t.cid
    AND date >= ?1)
ORDER BY c.id"""

# Given counts introductions made for them (touches) and value given; received, value received and
# the people they introduced. Only someone given at least the margin can pass, so a contact's
# introductions go on to the sums only when they reach the margin alone or when value was also
# given to them: at 30,000 contacts that drops 9,100 of 9,500 groups, 5.1 ms -> 2.5.
_TIME_TO_RECEIVE = """
SELECT c.id, c.name, t.given, t.received FROM (
    SELECT cid, sum(given) AS given, sum(received) AS received FROM (
        SELECT contact_id AS cid, sum(direction = 'given') AS given, sum(direction != 'given') AS received
            FROM value_entry GROUP BY contact_id
        UNION ALL SELECT contact_id, count(*), 0 FROM touch WHERE kind = 'introduction' GROUP BY contact_id
            HAVING count(*) >= ?1 OR contact_id IN (SELECT contact_id FROM value_entry WHERE direction = 'given')
        UNION ALL SELECT introduced_by_id, 0, count(*) FROM contact WHERE introduced_by_id IS NOT NULL
            GROUP BY introduced_by_id)
    GROUP BY cid HAVING sum(given) - sum(received) >= ?1) AS t
JOIN contact AS c ON c.id = t.cid WHERE c.archived = 0 ORDER BY c.id"""


@source("help-offer", slow=True)
def help_offer_items(ctx: QueueContext) -> list[QueueItem]:
    """People you have only taken from lately (as ``give_take.only_taken``)."""
    from kith.store.core.db import db

    s = _settings(ctx)
    if not s.help_nudges:
        return []
    days = s.give_take_days
    since = (ctx.today - timedelta(days=days)).isoformat()
    return [QueueItem("help-offer", cid, name, ctx.today, SCORE,
                      f"How can I help you? {received} received in {days} d, nothing given back")
            for cid, name, received in db.execute_sql(_HELP_OFFER, (since,))]


@source("time-to-receive", slow=True)
def time_to_receive_items(ctx: QueueContext) -> list[QueueItem]:
    """People you have given much more than you received (as ``give_take.time_to_receive``)."""
    from kith.store.core.db import db

    margin = _settings(ctx).receive_margin
    if not margin:
        return []
    return [QueueItem("time-to-receive", cid, name, ctx.today, SCORE * 0.9,
                      f"Know when it's time to receive: you gave {given}, received {received}")
            for cid, name, given, received in db.execute_sql(_TIME_TO_RECEIVE, (margin,))]
