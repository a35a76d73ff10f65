"""Benchmark for the network at 10,000 contacts, 30,000 employments, 5,000 introductions.

The benchmark-sized demo (`kith demo --contacts 10000 --touches 100000`) holds about that many
employments and introductions (the script prints the counts).

1. ``kith path ORG`` cold wall time: a new process per run, for the largest organisation and for a
   small one. Goal: median <= 0.3 s.
2. The connectors ranking and one path computation in-process, as the Network area calls them.
   Goal: <= 50 ms.

Run: .venv/bin/python bench/network.py [--db PATH] [--runs 10]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import KITH, big_db, summary  # noqa: E402


def counts(db_path: Path) -> tuple[str, str]:
    from kith.store.core.db import db, open_db

    open_db(db_path)
    for table in ("contact", "employment", "introduction", "organisation", "knows"):
        print(f"{table}: {db.execute_sql(f'SELECT count(*) FROM {table}').fetchone()[0]:,}")
    rows = db.execute_sql("SELECT o.name, count(*) n FROM employment e JOIN organisation o ON o.id = e.organisation_id "
                          "GROUP BY o.id ORDER BY n DESC").fetchall()
    print(f"largest organisation: {rows[0][0]} ({rows[0][1]:,} employments); "
          f"a small one: {rows[len(rows) // 2][0]} ({rows[len(rows) // 2][1]})")
    return rows[0][0], rows[len(rows) // 2][0]


def in_process(big: str, small: str, runs: int) -> None:
    from kith.store.network import find_routes, match_org, rank_connectors

    rank_connectors()  # warm: imports
    org, few = match_org(big).id, match_org(small).id
    # The small organisation is the harder case: its first-degree routes do not fill the list, so
    # colleagues (the bulk of the edges) are read for everyone whose best route could reach it.
    for label, call in (("connectors ranking", rank_connectors),
                        (f"paths into {big} (best 50, as the Targets tab asks)", lambda: find_routes(org, limit=50)),
                        (f"paths into {small} (best 50)", lambda: find_routes(few, limit=50))):
        wall, cpu = [], []
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            call()
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        # The machine may be shared: CPU time shows what the computation itself costs.
        print(summary(f"{label}, in-process, wall", wall, "ms"))
        print(summary(f"{label}, in-process, CPU", cpu, "ms"))


def cold_path(db_path: Path, org: str, runs: int) -> None:
    import resource

    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([*KITH, "--db", str(db_path), "path", org], check=True, capture_output=True)
        wall.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    print(summary(f"kith path {org!r}, cold process, wall", wall, "s"))
    print(summary(f"kith path {org!r}, cold process, CPU", cpu, "s"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    db_path = args.db or big_db(Path(tempfile.gettempdir()) / "kith-bench")[0]
    big, small = counts(db_path)
    in_process(big, small, args.runs)
    for org in (big, small):
        cold_path(db_path, org, args.runs)


if __name__ == "__main__":
    main()
