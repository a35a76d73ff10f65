"""Benchmark of the Health numbers and ``kith stats --json`` on 10,000 contacts / 100,000 touches.

Run: ``.venv/bin/python bench/health.py [--runs N] [--contacts N --touches M]``. Prints:

1. ``health()``: every number the Health tab draws (relevance against the demo focus, strength,
   tiers' states, 52 weeks of touches, new per month, give/take, fading, who started it),
   in-process and warm; goal under 150 ms.
2. ``kith stats --json``: the command line started cold, as a shell runs it; goal under 0.4 s.
3. The quality Today sources (give-and-take nudges), warm.
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


def time_health(path: Path, runs: int) -> None:
    from kith.store.core.clock import today
    from kith.store.core.db import close_db, open_db
    from kith.store.quality.health import health
    from kith.store.quality.queue_source import help_offer_items, time_to_receive_items
    from kith.store.today.queue import QueueContext
    from kith.tui.config import Config
    from kith.tui.settings import health_settings

    open_db(path)
    day = today()
    settings = health_settings(Config())
    h = health(day, settings)
    print(f"health: {h.contacts} contacts, {sum(h.touches_per_week)} touches in 52 weeks, "
          f"{h.relevant} relevant, verdict: {h.verdict}")
    times, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        health(day, settings)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    print(summary("health() wall (goal < 150 ms)", times, "ms"))
    print(summary("health() CPU", cpu, "ms"))
    ctx = QueueContext(day, {t: d or 0 for t, d in Config().tiers.items()})
    for fn in (help_offer_items, time_to_receive_items):
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            fn(ctx)
            times.append((time.perf_counter() - started) * 1000)
        print(summary(f"today source {fn.__name__}", times, "ms"))
    close_db()


def time_stats_cli(path: Path, runs: int) -> None:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*KITH, "--db", str(path), "stats", "--json"], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    print(summary("kith stats --json, cold process (goal < 0.4 s)", times, "s"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--touches", type=int, default=100_000)
    parser.add_argument("--folder", default=str(Path(tempfile.gettempdir()) / "kith-bench"))
    args = parser.parse_args()
    path, built = big_db(Path(args.folder), args.contacts, args.touches)
    print(f"database: {path} (built in {built:.1f} s)" if built == built else f"database: {path} (reused)")
    time_health(path, args.runs)
    time_stats_cli(path, max(5, args.runs // 2))


if __name__ == "__main__":
    main()
