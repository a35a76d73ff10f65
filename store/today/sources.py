"""Provides the Today queue's own sources: cadence, follow-ups and birthdays.

Urgency scores (higher first), chosen so a row's rank can be read from its reason:

* cadence: ``weight × (1 + min(days overdue / cadence, 4))``; weight = tier weight (inner 1.5,
  close 1.25, network 1, dormant 0.6, any other tier 1) × strength factor (0.9 for strength 1 …
  1.3 for strength 5). Due today scores its weight; a full cadence late scores twice that.
* follow-up: ``2 + min(days overdue, 30) / 7``: a promise outranks a cadence that just fell due.
* birthday: 2.5 on the day; before it, ``1 - 0.5 × days to go / (window + 1)``.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import chain

from kith.store.core.db import db
from kith.store.today.cadence import DUE, DUE_SOON, OVERDUE
from kith.store.today.queue import QueueContext, QueueItem, source

TIER_WEIGHT = {"inner": 1.5, "close": 1.25, "network": 1.0, "dormant": 0.6}
MAX_LATE_RATIO = 4.0


def _cases(mapping: dict) -> tuple[str, list]:
    return " ".join("WHEN ? THEN ?" for _ in mapping), [x for pair in mapping.items() for x in pair]


# The distinct tiers of active contacts, one index seek each (a loose index scan): own cadences
# are asked per tier so that every part of the cadence query reads a narrow range of the index.
_TIERS = ("tiers(tier) AS (SELECT min(tier) FROM contact INDEXED BY contact_queue WHERE archived = 0 "
          "UNION ALL SELECT (SELECT min(tier) FROM contact INDEXED BY contact_queue WHERE archived = 0 "
          "AND tier > tiers.tier) FROM tiers WHERE tiers.tier IS NOT NULL)")
_TIERS_PER_QUERY = 200  # two parts each


@source("cadence")
def cadence_items(ctx: QueueContext) -> list[QueueItem]:
    """Contacts whose next touch is due today or overdue.

    No touch scan: the last touch is kept on the contact. A contact is due when its base day
    (last touch, else the day it was added) is on or before its threshold day. The query reads
    only the due rows of a covering index (``contact_queue``: archived, tier, cadence_days,
    last_touch_on, created, ...): per tier on its cadence, the range of last touches up to the
    tier's threshold (a plain ISO string comparison) and the never-touched added up to it; per
    tier again, the few contacts with their own cadence, tested with julianday. At 30,000
    contacts this reads about 2,000 entries where one pass over every contact read 30,000.
    """
    today = ctx.today
    tiers = {t: d for t, d in ctx.tier_cadence.items() if d > 0}
    base = "coalesce(last_touch_on, substr(created, 1, 10))"
    last = "CASE WHEN last_touch_on IS NULL THEN NULL ELSE coalesce(last_touch_kind, 'touch') END"
    strength = "(0.8 + 0.1 * coalesce(strength, 3))"
    weights, weight_args = _cases(TIER_WEIGHT)
    own = (f"WITH RECURSIVE {_TIERS} SELECT id, name, coalesce(CASE tier {weights} END, 1.0) * {strength}, "
           f"cadence_days, {base}, {last} FROM contact INDEXED BY contact_queue WHERE archived = 0 "
           f"AND tier IN (SELECT tier FROM tiers) AND cadence_days > 0 AND julianday({base}) + cadence_days "
           "<= julianday(?)")
    # On a tier's cadence the tier is known: its weight and cadence are constants of the part.
    tier_part = f"SELECT id, name, ? * {strength}, ?, {base}, {last} FROM contact INDEXED BY contact_queue " \
                "WHERE archived = 0 AND tier = ? AND cadence_days IS NULL AND "
    # substr(created, 1, 10) <= threshold, read as a range: created sorts below the next day
    per_tier = (f"{tier_part}last_touch_on <= ? UNION ALL {tier_part}last_touch_on IS NULL AND created < ? "
                "AND substr(created, 1, 10) <= ?")
    # SQLite takes at most 500 parts in one compound SELECT: hundreds of tiers ask in batches.
    queries: list[tuple[list[str], list]] = [([own], [*weight_args, today.isoformat()])]
    for n, (tier, days) in enumerate(tiers.items()):
        if n and n % _TIERS_PER_QUERY == 0:
            queries.append(([], []))
        threshold = today - timedelta(days=days)
        known = [TIER_WEIGHT.get(tier, 1.0), days, tier]
        queries[-1][0].append(per_tier)
        queries[-1][1].extend([*known, threshold.isoformat(), *known, (threshold + timedelta(days=1)).isoformat(),
                               threshold.isoformat()])
    out: list[QueueItem] = []
    append = out.append
    today_ord = today.toordinal()
    fromiso, fromord = date.fromisoformat, date.fromordinal
    # A 30,000-contact backlog holds a few hundred distinct days: each is parsed and worded once.
    days_seen: dict[str, tuple[date, str]] = {}
    dues: dict[int, tuple[date, str]] = {}
    ago, due_words = ctx.words.ago, ctx.words.due
    rows = chain.from_iterable(db.execute_sql(" UNION ALL ".join(sqls), query_args) for sqls, query_args in queries)
    for cid, name, weight, cadence, since_day, last_kind in rows:
        known = days_seen.get(since_day)
        if known is None:
            since = fromiso(since_day)
            known = days_seen[since_day] = (since, ago(since, today))
        since, since_words = known
        late = today_ord - since.toordinal() - cadence
        due_known = dues.get(late)
        if due_known is None:
            due = fromord(today_ord - late)
            due_known = dues[late] = (due, due_words(due, today))
        due, due_said = due_known
        detail = f"last: {last_kind} {since_words}" if last_kind else f"never contacted (added {since_words})"
        append(QueueItem("cadence", cid, name, due, weight * (1 + min(late / cadence, MAX_LATE_RATIO)),
                         f"{due_said} · every {cadence} d · {detail}", None, OVERDUE if late else DUE))
    return out


@source("follow-up")
def follow_up_items(ctx: QueueContext) -> list[QueueItem]:
    """Open follow-ups of active contacts due today or earlier."""
    sql = ("SELECT f.id, f.contact_id, c.name, f.due, f.what FROM follow_up f JOIN contact c ON c.id = f.contact_id "
           "WHERE f.done = 0 AND c.archived = 0 AND f.due <= ? "
           "AND f.id NOT IN (SELECT follow_up_id FROM thank_you)")  # thank-yous are their own source
    out = []
    append, today = out.append, ctx.today
    days: dict[str, tuple[date, float, str, str]] = {}  # each due day parsed, scored and worded once
    for fid, cid, name, due_text, what in db.execute_sql(sql, (today.isoformat(),)):
        known = days.get(due_text)
        if known is None:
            due = date.fromisoformat(str(due_text)[:10])
            late = (today - due).days
            known = days[due_text] = (due, 2.0 + min(late, 30) / 7, f"follow-up {ctx.words.due(due, today)}: ",
                                      OVERDUE if late else DUE)
        due, score, head, state = known
        append(QueueItem("follow-up", cid, name, due, score, head + what, fid, state))
    return out


def birthday_on(month: int, day: int, year: int) -> date:
    """The day a birthday is celebrated in ``year``.

    Feb 29 policy: in a year without Feb 29 the birthday is celebrated on Feb 28 (the last day
    of the month it was born in), so it never slips into March.
    """
    if month == 2 and day == 29:
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 2, 28)
    return date(year, month, day)


def next_birthday(month: int, day: int, today: date) -> date:
    """The first celebration of the birthday on or after ``today`` (this year or next)."""
    this_year = birthday_on(month, day, today.year)
    return this_year if this_year >= today else birthday_on(month, day, today.year + 1)


@source("birthday")
def birthday_items(ctx: QueueContext) -> list[QueueItem]:
    """Birthdays today or within the due-soon window (across the year end too)."""
    window = ctx.due_soon_days
    # Only the months the window touches (at most a few with a long window): a narrow index read.
    months = sorted({(ctx.today + timedelta(days=n)).month for n in range(0, window + 1)})
    if len(months) == 12:
        months = list(range(1, 13))
    marks = ", ".join("?" * len(months))
    sql = ("SELECT id, name, birthday_month, birthday_day, birthday_year FROM contact INDEXED BY contact_birthday "
           f"WHERE birthday_month IN ({marks}) AND birthday_day IS NOT NULL AND archived = 0")
    out = []
    for cid, name, month, day, year in db.execute_sql(sql, months):
        try:
            when = next_birthday(month, day, ctx.today)
        except ValueError:
            continue  # an impossible day written by hand into the file: nothing to celebrate
        to_go = (when - ctx.today).days
        if to_go > window:
            continue
        turns = f" (turns {when.year - year})" if year and when.year > year else ""
        if to_go == 0:
            out.append(QueueItem("birthday", cid, name, when, 2.5, f"birthday {ctx.words.ago(when, ctx.today)}{turns}",
                                 None, DUE))
        else:
            reason = f"birthday {ctx.words.ago(when, ctx.today)}, {ctx.words.day(when)}{turns}"
            out.append(QueueItem("birthday", cid, name, when, 1.0 - 0.5 * to_go / (window + 1), reason, None,
                                 DUE_SOON))
    return out


def upcoming(ctx: QueueContext, limit: int = 3) -> list[QueueItem]:
    """The next cadence touches that are not due yet, soonest first (for an empty queue's "coming up")."""
    tiers = {t: d for t, d in ctx.tier_cadence.items() if d > 0}
    if tiers:
        cad_case, cad_args = _cases(tiers)
        cadence = f"coalesce(cadence_days, CASE tier {cad_case} END)"
    else:
        cadence, cad_args = "cadence_days", []
    sql = (f"SELECT id, name, cad, base FROM (SELECT id, name, {cadence} AS cad, "
           "coalesce(last_touch_on, substr(created, 1, 10)) AS base FROM contact INDEXED BY contact_queue "
           "WHERE archived = 0) WHERE cad > 0 AND julianday(base) + cad > julianday(?) "
           "ORDER BY julianday(base) + cad, id LIMIT ?")
    out = []
    for cid, name, cad, base in db.execute_sql(sql, [*cad_args, ctx.today.isoformat(), limit]):
        due = date.fromisoformat(base) + timedelta(days=cad)
        to_go = (due - ctx.today).days
        state = DUE_SOON if to_go <= ctx.due_soon_days else "on-track"
        out.append(QueueItem("cadence", cid, name, due, 0.0, f"{ctx.words.due(due, ctx.today)} · every {cad} d", None,
                             state))
    return out
