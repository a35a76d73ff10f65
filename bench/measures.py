"""Provides MEASURES: every item issue 19 asks for, with its goal, grouped by how it is measured.

A group runs once and returns results for several measures (one terminal session gives the cold
start, the area switches, the keystrokes and the peak memory). Goals take the result, its floor
and the size, and say whether it is met (None: reported, no goal).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Result:
    value: float  # the median (seconds, or MB for memory)
    unit: str = "s"
    cpu: float | None = None  # CPU seconds beside wall (median), where it helps on a loaded machine
    floor: float | None = None  # the floor measured in the same run
    floor_label: str = ""
    detail: str = ""  # what else a reader needs (counts, per-area times, the slowest case)
    samples: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class Measure:
    name: str
    title: str
    goal: str
    group: str
    met: Callable[[Result, str], bool | None]


def _at_most(limit: float) -> Callable[[Result, str], bool]:
    return lambda r, size: r.value <= limit


def _ratio_at_most(ratio: float) -> Callable[[Result, str], bool | None]:
    return lambda r, size: None if not r.floor else r.value <= ratio * r.floor


def _find_goal(r: Result, size: str) -> bool:
    return r.value <= (0.080 if size == "10k" else 0.120)


def _report(r: Result, size: str) -> None:
    return None


MEASURES: list[Measure] = [
    Measure("cold_today", "Cold start to Today painted (pty 80x24)", "≤ 1.5× minimal app", "tui",
            _ratio_at_most(1.5)),
    Measure("cold_contacts", "Start to Contacts painted (2 at the nav bar)", "report", "tui", _report),
    Measure("area_switch", "Area switch, key to painted (worst area, first visit incl.)", "≤ 50 ms", "tui",
            _at_most(0.050)),
    Measure("keystroke", "Keystroke to paint, p95 (lists, filter, search)", "≤ 30 ms p95", "tui", _at_most(0.030)),
    Measure("today_queue", "Today queue computation (warm, slowest weekday)", "≤ 15 ms", "queue", _at_most(0.015)),
    Measure("find", "kith find QUERY, cold process", "≤ 80 ms 10k, ≤ 120 ms 30k", "cli", _find_goal),
    Measure("today_json", "kith today --json, cold process", "≤ 0.3 s", "cli", _at_most(0.3)),
    Measure("prep", "kith prep NAME, cold process", "≤ 0.3 s", "cli", _at_most(0.3)),
    Measure("path", "kith path ORG, cold process", "≤ 0.3 s", "cli", _at_most(0.3)),
    Measure("linkedin_import", "LinkedIn import, 30,000 rows, empty database", "report", "transfer", _report),
    # The goal is 2 s for 10,000 contacts; the 30k database exports its 30,000, held to 6 s.
    Measure("vcard_export", "vCard export of every contact", "≤ 2 s per 10,000", "transfer",
            lambda r, size: r.value <= 2.0 * int(size.rstrip("k")) / 10),
    Measure("json_export", "JSON export, everything", "report", "transfer", _report),
    Measure("restore", "kith restore of that JSON into an empty database", "report", "transfer", _report),
    Measure("demo_build", "Demo build (contacts/touches of the size)", "≤ 3 s at 10k", "demo",
            lambda r, size: r.value <= 3.0 if size == "10k" else None),
    Measure("peak_memory", "Peak memory, TUI after visiting every area", "≤ 150 MB", "tui", _at_most(150.0)),
    Measure("import_growth", "Memory growth over 10 imports in one session", "no growth (≤ 2 MB)", "growth",
            _at_most(2.0)),
]

BY_NAME = {m.name: m for m in MEASURES}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
