"""Benchmark of the prep brief on 10,000 contacts / 100,000 touches.

Run: ``.venv/bin/python bench/prep.py [--runs N]``. Prints:

1. ``kith prep ID`` cold: a new process each run, as a shell runs it, until the brief is printed
   (Python start, imports, opening the database, the brief); goal under 0.3 s.
2. ``kith prep --plan ID`` the same way.
3. ``prep_brief`` in-process, warm (what the ``p`` key costs in the app).

The benchmark database is the demo at that size (its conversations included); the person is
the one with the most touches who has a planned conversation.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import KITH, big_db, summary  # noqa: E402


def pick(path: Path) -> tuple[int, int]:
    """The planned conversation whose person has the most touches: (contact id, plan id)."""
    from kith.store.conversations.plans import list_plans
    from kith.store.core.db import close_db, db, open_db

    open_db(path)
    plans = list_plans()
    counts = dict(db.execute_sql("SELECT contact_id, count(*) FROM touch GROUP BY contact_id").fetchall())
    best = max(plans, key=lambda p: counts.get(p.contact_id, 0))
    print(f"person #{best.contact_id} with {counts.get(best.contact_id, 0)} touches, plan #{best.id}")
    close_db()
    return best.contact_id, best.id


def time_cli(path: Path, args: list[str], runs: int, label: str) -> None:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*KITH, "--db", str(path), *args], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    print(summary(label, times))


def time_in_process(path: Path, contact_id: int, runs: int) -> None:
    from kith.store.conversations.brief import prep_brief, sections
    from kith.store.core.clock import today
    from kith.store.core.db import close_db, open_db

    open_db(path)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        sections(prep_brief(contact_id, today=today()), today())
        times.append((time.perf_counter() - started) * 1000)
    print(summary("prep_brief in-process, warm", times, "ms"))
    close_db()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="process runs (default 11)")
    parser.add_argument("--folder", default=str(Path(tempfile.gettempdir()) / "kith-bench"))
    args = parser.parse_args()
    print("load average before:", " ".join(f"{x:.2f}" for x in os.getloadavg()), f"on {os.cpu_count()} CPUs")
    # As installed (pip compiles the bytecode): with PYTHONDONTWRITEBYTECODE set and no cache,
    # every run would compile kith's ~200 modules again (~0.2 s) and time the compiler instead.
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "editable" / "kith"), quiet=1)
    path, built = big_db(Path(args.folder))
    if built == built:  # not NaN: built now
        print(f"built {path} in {built:.1f} s")
    contact_id, plan_id = pick(path)
    time_cli(path, ["prep", str(contact_id)], args.runs, "kith prep ID, cold process (goal < 0.3 s)")
    time_cli(path, ["prep", "--plan", str(plan_id)], args.runs, "kith prep --plan ID, cold process")
    time_cli(path, ["prep", str(contact_id), "--json"], args.runs, "kith prep ID --json, cold process")
    time_in_process(path, contact_id, 51)


if __name__ == "__main__":
    main()
