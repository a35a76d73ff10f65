"""Provides the newsletter's part of the demo: two sent issues (with replies), a draft, a few opt-outs.

Deterministic (its own seeded generator, so other demo parts are unchanged). Written inside the
demo's one transaction without the undo log: `u` never undoes the demo.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from kith.store.core.db import db
from kith.store.newsletter.audience import preview_filter
from kith.store.newsletter.sending import log_send

ISSUES = (
    ("Autumn update: a new role and two talks", 60, "tier:dormant",
     "Hello all,\n\nA quick note on what changed since spring: I joined the platform team, gave two talks "
     "(slides inside) and started mentoring two early-career engineers.\n",
     "- Introductions to people running data platforms in fintech\n- Feedback on my talk abstract"),
    ("What I learned shipping the data platform", 10, "tier:close\ntier:inner",
     "Three lessons from a year of shipping a data platform: start with the contracts, measure the "
     "boring things, and write the runbook before the incident.\n",
     "- Who should I talk to about streaming at scale?"),
    ("Winter notes (draft)", None, "tier:network\ntier:close",
     "Draft: the year in review, what I am reading, and an ask.\n", ""),
)


def demo(rng_unused, today: date, contact_ids: list[int]) -> None:
    rng = random.Random(15)
    now = datetime.combine(today, datetime.min.time())
    if len(contact_ids) > 3:
        for cid in rng.sample(contact_ids, 3):
            db.execute_sql("UPDATE contact SET newsletter_opt_out = 1 WHERE id = ?", (cid,))
    for subject, days_ago, audience, body, help_text in ISSUES:
        cur = db.execute_sql("INSERT INTO newsletter_issue (subject, body, help, audience, created, updated) "
                             "VALUES (?, ?, ?, ?, ?, ?)", (subject, body, help_text, audience, now, now))
        if days_ago is None:
            continue
        sent_on = today - timedelta(days=days_ago)
        members = preview_filter(audience, today).inside
        if not members:
            continue
        log_send(cur.lastrowid, subject, members, sent_on)
        # Replies from people touched since anyway: no one's last touch (Today, the lists) moves.
        later = {r[0] for r in db.execute_sql("SELECT id FROM contact WHERE last_touch_on > ?",
                                              ((sent_on + timedelta(days=5)).isoformat(),))}
        repliers = [m for m in members if m.contact_id in later]
        for m in rng.sample(repliers, min(3, len(repliers))):
            replied = sent_on + timedelta(days=rng.randint(1, 5))
            touch = db.execute_sql("INSERT INTO touch (contact_id, date, kind, note, created) VALUES (?, ?, ?, ?, ?)",
                                   (m.contact_id, replied.isoformat(), "message",
                                    f"replied to the newsletter: {subject}", now))
            db.execute_sql("INSERT INTO newsletter_reply (issue_id, touch_id) VALUES (?, ?)",
                           (cur.lastrowid, touch.lastrowid))
