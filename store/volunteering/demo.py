"""Provides the volunteering part of the demo network: three engagements, their hours and people met.

Deterministic and drawn from no generator, so the other demo parts stay as they were. It runs
after the network's part (organisations exist). People met long ago are people touched since, so
their last touch is unchanged; the two met two days ago were not due even at job search's halved
cadences, so Today gains exactly their follow-up nudges.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from kith.store.core.db import db
from kith.store.network.orgs import org_key

# organisation, role, started (days ago), ended (days ago or None), note, skills (name, how),
# hours: (first day ago, every n days, count, minutes)
_ENGAGEMENTS = (
    ("Code Club", "mentor", 430, None, "Saturday mornings with 11-14 year olds; Python and Scratch.",
     (("Python", "used"), ("Public speaking", "used")), (2, 7, 18, 120)),
    ("City Food Bank", "volunteer driver", 1100, 540, "Weekend deliveries; stopped when the schedule changed.",
     (("Negotiation", "learned"),), (560, 30, 16, 240)),
    ("Open Data Trust", "board member, treasurer", 200, None, "Quarterly accounts and the grants committee.",
     (("Payments", "used"), ("Negotiation", "used")), (12, 28, 7, 150)),
)
# engagement index, days ago, how many people met that day
_MEETINGS = ((0, 2, 2), (0, 60, 2), (0, 150, 1), (1, 700, 2), (2, 90, 2))
DEMO_CADENCE = {"inner": 14, "close": 30, "network": 90, "dormant": 365}


def demo(rng, today: date, contact_ids: list[int]) -> None:
    """Add the volunteering rows (``rng`` is not drawn from)."""
    made = datetime.combine(today, time(9, 0))
    engagement_ids = []
    for org, role, start, end, note, skills, (first, every, count, minutes) in _ENGAGEMENTS:
        key = org_key(org)
        row = db.execute_sql("SELECT id FROM organisation WHERE match_key = ?", (key,)).fetchone()
        org_id = row[0] if row else db.execute_sql(
            "INSERT INTO organisation (name, match_key, created) VALUES (?, ?, ?)", (org, key, made)).lastrowid
        ended = (today - timedelta(days=end)).isoformat() if end is not None else None
        eid = db.execute_sql("INSERT INTO engagement (organisation_id, role, started, ended, note, created) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             (org_id, role, (today - timedelta(days=start)).isoformat(), ended, note, made)).lastrowid
        engagement_ids.append((eid, f"{org} ({role})"))
        for name, how in skills:
            skill = db.execute_sql("SELECT id FROM skill WHERE name = ?", (name,)).fetchone()
            if skill:
                db.execute_sql("INSERT INTO engagement_skill (engagement_id, skill_id, how) VALUES (?, ?, ?)",
                               (eid, skill[0], how))
        db.cursor().executemany(
            "INSERT INTO volunteer_hours (engagement_id, day, minutes, note, created) VALUES (?, ?, ?, ?, ?)",
            [(eid, (today - timedelta(days=first + i * every)).isoformat(), minutes - (30 if i % 4 == 3 else 0),
              "", made) for i in range(count)])
    if contact_ids:
        _meetings(today, engagement_ids, made)


def _meetings(today: date, engagements: list[tuple[int, str]], made: datetime) -> None:
    used: set[int] = set()
    for index, ago, count in _MEETINGS:
        day = today - timedelta(days=ago)
        if ago <= 7:  # met lately: someone not due for a while in either mode (no cadence item moves)
            sql = ("SELECT id FROM contact WHERE archived = 0 AND last_touch_on IS NOT NULL AND cadence_days IS NULL "
                   "AND julianday(last_touch_on) + CASE tier " + " ".join(
                       f"WHEN '{t}' THEN {d // 2}" for t, d in DEMO_CADENCE.items()) + " ELSE 45 END > julianday(?) "
                   "ORDER BY id")
            pool = [cid for (cid,) in db.execute_sql(sql, ((today + timedelta(days=14)).isoformat(),))]
        else:  # met long ago: someone touched since (their last touch stays as it was)
            pool = [cid for (cid,) in db.execute_sql(
                "SELECT id FROM contact WHERE archived = 0 AND last_touch_on > ? ORDER BY id", (day.isoformat(),))]
        eid, title = engagements[index]
        for cid in [c for c in pool if c not in used][3:3 + count]:
            used.add(cid)
            touch = db.execute_sql("INSERT INTO touch (contact_id, date, kind, note, created) VALUES (?, ?, ?, ?, ?)",
                                   (cid, day.isoformat(), "event", f"volunteering at {title}", made)).lastrowid
            db.execute_sql("INSERT INTO engagement_met (engagement_id, contact_id, day, touch_id, created) "
                           "VALUES (?, ?, ?, ?, ?)", (eid, cid, day.isoformat(), touch, made))
            db.execute_sql("UPDATE contact SET last_touch_on = ?, last_touch_kind = 'event' WHERE id = ? "
                           "AND (last_touch_on IS NULL OR last_touch_on <= ?)", (day.isoformat(), cid, day.isoformat()))
