"""Benchmark for the newsletter on the benchmark-sized demo (10,000 contacts, 100,000 touches).

1. Marking a 5,000-recipient issue sent: one transaction, 5,000 touches and recipients, the last
   touch recomputed where a newsletter restarts the cadence. Goal: < 1 s. Each run is undone
   (through the undo log) before the next.
2. The audience preview over all 10,000 contacts (everyone in the database is matched, then sorted
   into in and out with reasons). Goal: < 100 ms.

Run: .venv/bin/python bench/newsletter.py [--db PATH] [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import big_db, summary  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, help="a benchmark-sized database (built once if missing)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "kith-bench"
    folder.mkdir(parents=True, exist_ok=True)  # --db skips the build that would have made it
    source = args.db or big_db(folder)[0]
    work = folder / "newsletter-bench.db"
    for suffix in ("", "-wal", "-shm"):  # a copy: the benchmark writes
        Path(str(work) + suffix).unlink(missing_ok=True)
    shutil.copy(source, work)

    import kith.store  # noqa: F401 (the wiring: undo steps, the cadence rule)
    from kith.store.core import undo
    from kith.store.core.db import db, open_db, write
    from kith.store.newsletter import create_issue, mark_sent, preview

    open_db(work)
    today = date.today()
    contacts = db.execute_sql("SELECT count(*) FROM contact").fetchone()[0]
    everyone = create_issue("Everyone", audience="archived:any")
    previews = []
    for _ in range(args.runs * 2):
        started = time.perf_counter()
        found = preview(everyone, today)
        previews.append(time.perf_counter() - started)
    print(f"contacts: {contacts:,}; audience of everyone: {found.summary()}")
    print(summary("audience preview", [v * 1000 for v in previews], "ms"))

    ids = [r[0] for r in db.execute_sql("SELECT id FROM contact WHERE archived = 0 AND newsletter_opt_out = 0 "
                                        "AND emails != '[]' ORDER BY id LIMIT 5000")]
    # The audience: exactly those 5,000 people, through a tag added for the benchmark.
    with write():  # one transaction, as every store write (this is a scratch copy)
        db.execute_sql("INSERT INTO tag (name, kind, folded) VALUES ('bench5k', 'other', 'bench5k')")
        tag_id = db.execute_sql("SELECT id FROM tag WHERE folded = 'bench5k'").fetchone()[0]
        db.execute_sql(f"INSERT INTO contact_tag (contact_id, tag_id) SELECT id, {tag_id} FROM contact "
                       f"WHERE id IN ({','.join(map(str, ids))})")
    issue = create_issue("Five thousand", audience="tag:bench5k")
    sends = []
    for _ in range(args.runs):
        started = time.perf_counter()
        count = mark_sent(issue.id, today, today)
        sends.append(time.perf_counter() - started)
        undo.undo_last()
    print(f"recipients per send: {count:,}")
    print(summary("mark sent (5,000 recipients)", sends))


if __name__ == "__main__":
    main()
