"""The command-line group: each short command as a cold process, beside ``python -c pass``.

Runs are interleaved (floor, then each command) so a busy moment of the machine hits all alike.
CPU is the child's user + system time.
"""

from __future__ import annotations

import resource
import subprocess
import time
from pathlib import Path

from bench.databases import KITH, PYTHON, child_env
from bench.measures import Result, median

COMMANDS = {
    "find": ["find", "lovlace"],
    "today_json": ["today", "--json"],
    "prep": ["prep", "Ada Lovelace"],
    "path": ["path", "Globex"],
}


def _timed(argv: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, env=child_env())
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{argv} failed ({done.returncode}): {done.stderr.decode()[-300:]}")
    return took, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def run(db: Path, repeats: int, size: str) -> dict[str, Result]:
    walls: dict[str, list[float]] = {name: [] for name in ("floor", *COMMANDS)}
    cpus: dict[str, list[float]] = {name: [] for name in walls}
    for args in COMMANDS.values():  # once untimed: bytecode and the page cache are warm, as in use
        _timed([*KITH, "--db", str(db), *args])
    for _ in range(repeats):
        wall, cpu = _timed([PYTHON, "-c", "pass"])
        walls["floor"].append(wall)
        cpus["floor"].append(cpu)
        for name, args in COMMANDS.items():
            wall, cpu = _timed([*KITH, "--db", str(db), *args])
            walls[name].append(wall)
            cpus[name].append(cpu)
    floor = median(walls["floor"])
    results = {}
    for name, args in COMMANDS.items():
        value = median(walls[name])
        results[name] = Result(value, cpu=median(cpus[name]), floor=floor, floor_label="python -c pass",
                               samples=walls[name],
                               detail=f"kith {' '.join(args)}; {value / floor:.1f}× the floor")
    return results
