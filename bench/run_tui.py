"""The terminal group: kith in a real pty at 80x24 beside the minimal Textual app, same run.

Per repeat: the minimal app's first paint and key-to-paint (the floors); kith's cold start to
Today; a separate start pressing 2 as soon as the nav bar shows (start to Contacts); after two
seconds on Today, every area visited twice (first visit, then again), key to painted; keystrokes
in each list, the contacts filter and search; peak memory after every area was visited.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.databases import KITH, PYTHON, ROOT, child_env
from bench.measures import Result, median, p95
from bench.terminal import Terminal

ESC, DOWN, BACKSPACE = "\x1b", "\x1b[B", "\x7f"
# Each area's key and the text that shows only once its data is painted.
AREAS = (("contacts", "2", " contacts · by name"), ("mentors", "3", "Ledger ·"), ("brand", "4", "Words "),
         ("network", "5", "routes in"), ("career", "6", "Last used"), ("today", "1", "●"))
TODAY_MARK = "●"  # a row of the queue (the header alone is not the data)
READ_TODAY_S = 2.0
"""A user reads Today before switching: kith builds the other areas meanwhile. A key pressed at once
is measured by ``start to Contacts`` (2 pressed as soon as the nav bar shows)."""


def _minimal(repeats: int) -> tuple[list[float], list[float], list[float]]:
    paints, keys, cpus = [], [], []
    for _ in range(repeats):
        with Terminal([PYTHON, str(ROOT / "bench" / "minimal_app.py")], env=child_env()) as t:
            paints.append(t.wait_painted("minimal-ready") - t.started)
            cpus.append(t.cpu_seconds())
            for _ in range(3):
                took = t.key_to_paint("t")
                if took is not None:
                    keys.append(took)
    return paints, keys, cpus


# How a user leaves the focused filter of an area before pressing a digit (digits type into filters).
LEAVE = {"1": None, "2": ESC, "3": None, "4": None, "5": DOWN, "6": ESC}
_where = {"key": "1"}


_cpu: dict[str, list[float]] = {"key": []}  # kith's CPU seconds per keystroke, and per switch by area key


def _switch(t: Terminal, key: str, marker: str, timeout: float = 30.0) -> float:
    leave = LEAVE.get(_where["key"])
    if leave:
        t.send(leave)
        time.sleep(0.3)  # a lone ESC is held back until the parser knows no sequence follows
    t.settle(0.15)
    _where["key"] = key
    start = t.mark()
    cpu = t.cpu_seconds()
    sent = t.send(key)
    took = t.wait_painted(marker, start, timeout=timeout) - sent
    _cpu.setdefault(key, []).append(t.cpu_seconds() - cpu)
    return took


def _keystrokes(t: Terminal, into: dict[str, list[float]]) -> None:
    def press(where: str, key: str) -> None:
        t.settle(0.12)
        cpu = t.cpu_seconds()
        took = t.key_to_paint(key)
        if took is not None:
            into.setdefault(where, []).append(took)
            _cpu["key"].append(t.cpu_seconds() - cpu)

    for _ in range(4):  # the area visits end on Today
        press("today list ↓", DOWN)
    _switch(t, "2", AREAS[0][2])
    for ch in "ana":
        press("contacts filter", ch)
    for _ in range(3):
        press("contacts filter", BACKSPACE)
    press("contacts filter", DOWN)  # into the list
    for _ in range(4):
        press("contacts list ↓", DOWN)
    _where["key"] = "list"  # the list has focus: digits switch areas
    _switch(t, "3", AREAS[1][2])
    for _ in range(3):
        press("mentors list ↓", DOWN)
    _switch(t, "5", "Organisations")
    for ch in "glo":
        press("network filter", ch)
    for _ in range(3):
        press("network filter", BACKSPACE)
    t.send(DOWN)
    time.sleep(0.3)
    t.settle(0.15)
    start = t.mark()
    t.send("/")
    t.wait_painted("typos are fine", start)
    for ch in "ada lo":
        press("search", ch)


def _key_of(area: str) -> str:
    return next(key for name, key, _ in AREAS if name == area)


def _session(db: Path, colds, cold_cpu, first, again, keys, peaks) -> None:
    """One kith start: cold start to Today, every area twice, the keystrokes, the peak memory."""
    with Terminal([*KITH, "--db", str(db)], env=child_env()) as t:
        _where["key"] = "1"
        colds.append(t.wait_painted(TODAY_MARK, timeout=60) - t.started)
        cold_cpu.append(t.cpu_seconds())
        time.sleep(READ_TODAY_S)
        t.settle(0.3)
        for visit, visits in enumerate((first, again)):
            for area, key, marker in AREAS:
                visits.setdefault(area, []).append(_switch(t, key, marker))
                if visit == 0:  # the worst area's CPU is reported for its first visits
                    _cpu.setdefault(f"first-{key}", []).append(_cpu[key][-1])
        _keystrokes(t, keys)
        peaks.append(t.peak_rss_kib() / 1024)


def _start_to_contacts(db: Path) -> float:
    with Terminal([*KITH, "--db", str(db)], env=child_env()) as t:
        t.wait_painted("1 Today", timeout=60)
        start = t.mark()
        t.send("2")
        return t.wait_painted(AREAS[0][2], start, timeout=60) - t.started


def run(db: Path, repeats: int, size: str) -> dict[str, Result]:
    _minimal(1)  # untimed: compiles the bytecode (kept in the cache) and warms the page cache
    _session(db, [], [], {}, {}, {}, [])
    _cpu.clear()
    _cpu["key"] = []
    paints, floor_keys, floor_cpu = _minimal(repeats)
    colds, cold_cpu, contacts, peaks = [], [], [], []
    first: dict[str, list[float]] = {}
    again: dict[str, list[float]] = {}
    keys: dict[str, list[float]] = {}
    for _ in range(repeats):
        _session(db, colds, cold_cpu, first, again, keys, peaks)
        contacts.append(_start_to_contacts(db))
        time.sleep(0.2)
    floor_paint = median(paints)
    floor_key = median(floor_keys)
    worst_area = max(first, key=lambda a: median(first[a]))
    all_switches = [x for v in (*first.values(), *again.values()) for x in v]
    all_keys = [x for v in keys.values() for x in v]
    per_area = ", ".join(f"{a} {median(first[a]) * 1000:.0f}/{median(again[a]) * 1000:.0f}" for a in first)
    per_list = ", ".join(f"{w} {p95(v) * 1000:.0f}" for w, v in keys.items())
    slowest_list = max(keys, key=lambda w: p95(keys[w])) if keys else "-"
    return {
        "cold_today": Result(median(colds), cpu=median(cold_cpu), floor=floor_paint,
                             floor_label="minimal Textual app first paint", samples=colds,
                             detail=f"ratio {median(colds) / floor_paint:.2f}× (floor CPU {median(floor_cpu):.2f} s)"),
        "cold_contacts": Result(median(contacts), floor=floor_paint, floor_label="minimal Textual app first paint",
                                samples=contacts, detail=f"ratio {median(contacts) / floor_paint:.2f}×"),
        "area_switch": Result(median(first[worst_area]), cpu=median(_cpu[f"first-{_key_of(worst_area)}"]),
                              floor=floor_key, floor_label="minimal app key to paint",
                              samples=all_switches,
                              detail=f"worst: {worst_area}; ms first/again: {per_area}"),
        "keystroke": Result(p95(all_keys), cpu=p95(_cpu["key"]), floor=floor_key,
                            floor_label="minimal app key to paint",
                            samples=all_keys, detail=f"p95 ms per place: {per_list}; worst {slowest_list}"),
        "peak_memory": Result(max(peaks), unit="MB", samples=peaks, detail="VmHWM after every area and search"),
    }
