"""Benchmark for the foundation: build 10,000 contacts / 100,000 touches with `kith demo`, then
cold start to the contacts list painted in a real terminal (tmux, 80x24) and peak memory.

Run: .venv/bin/python bench/foundation.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import KITH, big_db, summary, time_to_screen  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kith-bench-"))
    path, build = big_db(folder)
    print(f"kith demo --contacts 10000 --touches 100000: {build:.2f} s")
    times, peaks = [], []
    env = f"XDG_DATA_HOME={folder} XDG_CONFIG_HOME={folder}"
    for _ in range(args.runs):
        # Start on Today (the default), press 2 as soon as the nav bar is drawn, stop when a row shows.
        seconds, peak = time_to_screen(["env", env, *KITH, "--db", str(path)], wait_for="sorted by name",
                                       keys=[("1 Today", "2")])
        times.append(seconds)
        peaks.append(peak)
    print(summary("cold start to contacts list painted (80x24)", times))
    print(f"peak memory (VmHWM): median {statistics.median(peaks) / 1024:.0f} MB, max {max(peaks) / 1024:.0f} MB")


if __name__ == "__main__":
    main()
