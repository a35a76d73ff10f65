"""Measures the mentor log at scale: list_mentors, the ledger and both queue sources.

Run: .venv/bin/python bench/mentors.py   (builds a throwaway database under /tmp)
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kith.store.core.db import db, open_db  # noqa: E402
from kith.store.demo import build_demo  # noqa: E402
from kith.store.mentors import value as m  # noqa: E402
from kith.store.today.queue import QueueContext  # noqa: E402


def timed(label: str, fn, repeat: int = 5):
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    print(f"{label:<44} {best * 1000:8.1f} ms")
    return result


def main() -> None:
    today = date(2026, 3, 16)
    path = Path(tempfile.mkdtemp()) / "bench.db"
    open_db(path)
    build_demo(today, contacts=10_000, touches=100_000)
    rng = random.Random(1)
    ids = [cid for (cid,) in db.execute_sql("SELECT id FROM contact ORDER BY id").fetchall()]
    mentors = rng.sample(ids, 500)
    made = datetime.combine(today, datetime.min.time())
    with db.atomic("IMMEDIATE"):
        db.execute_sql("DELETE FROM mentor_role")
        for i, cid in enumerate(mentors):
            roles = ("mentor", "partner") if i % 10 == 0 else ("mentor",)
            for role in roles:
                m.MentorRole.insert(contact=cid, role=role, started=today - timedelta(days=400)).execute()
        rows = []
        for _ in range(50_000):
            direction = rng.choice(m.DIRECTIONS)
            rows.append((rng.choice(mentors), today - timedelta(days=rng.randint(0, 700)), direction,
                         rng.choice(m.CATEGORIES[direction]), "a note about what happened", made))
        fields = [m.ValueEntry.contact, m.ValueEntry.date, m.ValueEntry.direction, m.ValueEntry.category,
                  m.ValueEntry.note, m.ValueEntry.created]
        for i in range(0, len(rows), 900):
            m.ValueEntry.insert_many(rows[i:i + 900], fields=fields).execute()
        for cid in mentors[::10]:
            for n in range(20):
                ci = m.CheckIn.insert(contact=cid, date=today - timedelta(days=14 * n + 3), created=made).execute()
                m.Commitment.insert(contact=cid, check_in=ci, what="ship it",
                                    outcome=None if n == 0 else "kept").execute()
    print(f"10,000 contacts, 100,000 touches, {len(mentors)} mentors, 50 partners, 50,000 value entries, "
          f"1,000 check-ins")
    ctx = QueueContext(today=today, tier_cadence={})
    rows = timed("list_mentors()", m.list_mentors)
    timed("list_values(one mentor)", lambda: m.list_values(rows[0].contact_id))
    timed("give_back_items(ctx)", lambda: m.give_back_items(ctx))
    timed("check_in_items(ctx)", lambda: m.check_in_items(ctx))
    timed("add_value (one write)", lambda: m.add_value(rows[0].contact_id, "given", "gratitude", today), repeat=3)


if __name__ == "__main__":
    main()
