"""Benchmark for search at 10,000 contacts / 100,000 touches (`kith demo --contacts 10000 --touches 100000`).

1. Per-keystroke query time: every prefix of a set of queries typed one character at a time,
   each run through ``store.search.search`` exactly as the search screen calls it (limit 50,
   every kind included), with the short-field cache warm. Goal: p95 <= 30 ms.
2. ``kith find QUERY`` cold wall time: a new process per run (start, open, load, search, print).
   Goal: median <= 0.25 s.

Run: .venv/bin/python bench/search.py [--db PATH] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import KITH, big_db, summary  # noqa: E402

QUERIES = ("lovlace", "globex", "jose alvarez", "ada lovelace", "roadmap", "introduction", "thank-you note",
           "strasse", "fintech", "san francisco", "hiring plans", "lukasz orsted", "pitch feedback", "xq")


def keystrokes(db_path: Path) -> None:
    from kith.store.core.db import open_db
    from kith.store.search.engine import _INDEX, search

    open_db(db_path)
    started = time.perf_counter()
    _INDEX.refresh()
    print(f"first load of the short-field cache (10,000 contacts): {(time.perf_counter() - started) * 1000:.1f} ms")
    search("warm up")  # imports rapidfuzz
    times: list[float] = []
    cpu: list[float] = []
    slowest: list[tuple[float, str]] = []
    for query in QUERIES:
        for n in range(1, len(query) + 1):
            prefix = query[:n]
            started, started_cpu = time.perf_counter(), time.process_time()
            results = search(prefix, limit=50)
            took = (time.perf_counter() - started) * 1000
            cpu.append((time.process_time() - started_cpu) * 1000)
            times.append(took)
            slowest.append((took, prefix))
        assert results is not None
    print(summary("per-keystroke query (all kinds, limit 50), wall", times, "ms"))
    # The machine may be shared: CPU time shows what the query itself costs.
    print(summary("per-keystroke query (all kinds, limit 50), CPU", cpu, "ms"))
    print("slowest keystrokes:", ", ".join(f"{q!r} {t:.1f} ms" for t, q in sorted(slowest, reverse=True)[:5]))


def cold_find(db_path: Path, runs: int, bytecode: bool) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if bytecode:
        # As installed kith runs: with compiled bytecode (kept out of the tree, in a temp folder).
        env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="kith-pycache-")
        subprocess.run([*KITH, "--db", str(db_path), "find", "warm"], capture_output=True, env=env)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    label = "with bytecode cache" if bytecode else "WITHOUT bytecode cache (every module compiled)"
    times: list[float] = []
    cpu: list[float] = []
    for i in range(runs):
        query = ("lovlace", "globex", "roadmap")[i % 3]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([*KITH, "--db", str(db_path), "find", query], capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(summary(f"kith find QUERY, cold process wall time, {label}", times))
    print(summary(f"kith find QUERY, cold process CPU time (user+sys), {label}", cpu))
    started = time.perf_counter()
    subprocess.run([*KITH, "--version"], capture_output=True, check=True, env=env)
    print(f"  (for scale: kith --version takes {time.perf_counter() - started:.3f} s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None, help="an existing benchmark database (default: build one)")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if args.db is None:
        args.db, build = big_db(Path(tempfile.mkdtemp(prefix="kith-bench-")))
        print(f"kith demo --contacts 10000 --touches 100000: {build:.2f} s")
    cold_find(args.db, args.runs, bytecode=True)
    cold_find(args.db, args.runs, bytecode=False)
    keystrokes(args.db)


if __name__ == "__main__":
    main()
