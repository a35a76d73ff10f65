"""Provides the demo network's part of quantity and quality (called by store.demo): a focus, who
started each connection, triage done for most people, and ratings and durations on some touches.

Deterministic, and plain SQL updates so the 10,000-contact benchmark network builds in moments.
"""

from __future__ import annotations

import random
from datetime import date

from kith.store.core.db import db
from kith.store.core.fold import fold

FOCUS = (("industry", "fintech", 2.0), ("geography", "London", 1.0), ("profession", "engineering", 1.0))


def build(rng: random.Random, today: date, contact_ids: list[int]) -> None:
    del rng  # a local generator keeps this data the same whatever other extensions draw
    del today
    for kind, name, weight in FOCUS:
        db.execute_sql("INSERT OR IGNORE INTO focus_term (kind, name, folded, weight) VALUES (?, ?, ?, ?)",
                       (kind, name, fold(name), weight))
    # Who started it: a healthy mix; a few unknown (imported before kith asked).
    db.execute_sql("UPDATE contact SET initiated_by = CASE id % 5 WHEN 0 THEN 'me' WHEN 1 THEN 'them' "
                   "WHEN 2 THEN 'me' WHEN 3 THEN 'in-person' ELSE NULL END")
    # Most people were triaged when added; every seventh is still waiting (as after an import).
    db.execute_sql("UPDATE contact SET triaged_on = date(created) WHERE id % 7 != 3")
    # Conversations carry a rating and a length now and then.
    db.execute_sql("UPDATE touch SET rating = 2 + (id % 4), duration_min = 15 * (1 + id % 6) "
                   "WHERE kind IN ('coffee', 'call', 'meeting', 'informational interview') AND id % 3 = 0")
