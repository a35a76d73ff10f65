"""The one benchmark: ``python -m bench [--sizes 10k,30k] [--quick] [--only NAME] [--json PATH]``.

Builds (once, cached by size) the 10k/100k and 30k/300k demo databases, measures every item of
issue 19 as the median of several runs with its floor measured in the same run, prints one table
(measure, goal, floor, result, CPU, met?) and writes the same as JSON (default
``bench/out/bench-<time>.json``) for comparing runs. The machine may be shared: the load average
is printed, and CPU time stands beside wall time where it helps.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import run_cli, run_store, run_tui  # noqa: E402
from bench.databases import ROOT, SIZES, database  # noqa: E402
from bench.measures import BY_NAME, MEASURES, Result  # noqa: E402

GROUPS = {
    "tui": run_tui.run,
    "cli": run_cli.run,
    "queue": run_store.run_queue,
    "transfer": run_store.run_transfer,
    "demo": run_store.run_demo,
    "growth": run_store.run_growth,
}


def _fmt(value: float | None, unit: str) -> str:
    if value is None or value != value:
        return "-"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def table(size: str, results: dict[str, Result]) -> str:
    head = f"{'measure':<58} {'goal':<24} {'floor':>8} {'result':>9} {'cpu':>8} {'ratio':>6}  met?"
    lines = [f"== {size} ({SIZES[size][0]:,} contacts / {SIZES[size][1]:,} touches)", head, "-" * len(head)]
    for m in MEASURES:
        r = results.get(m.name)
        if r is None:
            continue
        met = m.met(r, size)
        ratio = f"{r.value / r.floor:.1f}×" if r.floor else ""
        lines.append(f"{m.title:<58} {m.goal:<24} {_fmt(r.floor, r.unit):>8} {_fmt(r.value, r.unit):>9} "
                     f"{_fmt(r.cpu, r.unit):>8} {ratio:>6}  {'-' if met is None else 'yes' if met else 'NO'}")
        if r.detail:
            lines.append(f"    {r.detail}")
    return "\n".join(lines)


def cpu_reference() -> float:
    """Seconds a fixed pure-Python loop takes here now (the best of five): the same machine was
    measured two to three times slower at some hours than at others, so runs compare only with
    this beside them."""
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        sum(range(5_000_000))
        best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,30k", help="comma-separated: 10k, 30k (default both)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a rough reading)")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help=f"only this measure (repeatable): {', '.join(BY_NAME)}")
    parser.add_argument("--repeats", type=int, default=None, help="runs per measure (default 5, --quick 2)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached databases")
    parser.add_argument("--json", metavar="PATH", help="where to write the results (default bench/out/)")
    args = parser.parse_args(argv)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES] + [n for n in args.only or () if n not in BY_NAME]
    if unknown:
        parser.error(f"unknown: {', '.join(unknown)}")
    repeats = args.repeats or (2 if args.quick else 5)
    wanted = set(args.only or BY_NAME)
    groups = [g for g in GROUPS if any(BY_NAME[n].group == g for n in wanted)]
    report = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "repeats": repeats, "cpus": os.cpu_count(),
              "load_before": os.getloadavg(), "sizes": {}}
    report["cpu_reference_s"] = cpu_reference()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs; "
          f"{repeats} runs per measure; CPU reference {report['cpu_reference_s'] * 1000:.0f} ms", flush=True)
    for size in sizes:
        db, built = database(size, rebuild=args.rebuild)
        print(f"{size}: {db}" + (f" (built now in {built:.1f} s)" if built else " (cached)"), flush=True)
        results: dict[str, Result] = {}
        for group in groups:
            started = time.perf_counter()
            got = GROUPS[group](db, repeats, size)
            results.update({k: v for k, v in got.items() if k in wanted})
            print(f"  {group}: {time.perf_counter() - started:.0f} s", flush=True)
        print(table(size, results), flush=True)
        report["sizes"][size] = {
            name: {**vars(r), "goal": BY_NAME[name].goal, "met": BY_NAME[name].met(r, size)}
            for name, r in results.items()}
    report["load_after"] = os.getloadavg()
    out = Path(args.json) if args.json else ROOT / "bench" / "out" / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
