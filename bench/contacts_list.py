"""Benchmark of the Contacts list on 10,000 contacts / 100,000 touches.

Run: ``.venv/bin/python bench/contacts_list.py [--runs N] [--no-terminal]``. Prints:

1. ``build``: ``kith demo --contacts 10000 --touches 100000`` (skipped when the database exists).
2. ``mount``: headless app, from pressing ``2`` on Today until the Contacts screen is mounted
   with every row loaded (first visit: the screen is built).
3. ``reload``: what the screen does after a write (or when another process wrote): read the
   rows, filter and hand the ids to the list (rows are formatted only when they come into view).
   A return from a cancelled modal or an unchanged detail skips even that (a change token).
4. ``filter keystroke``: one character typed into the filter (``ana lo`` letter by letter), as a
   whole pilot key press (includes the pilot's own overhead and the repaint), and the screen's
   own work for it (``apply_filter``: fold, scan 10,000 keys, push ids down; the bench times a
   full scan, while typing on only re-scans the previous result).
5. ``sort``: pressing ``o`` (re-sort 10,000 rows the first time each order is asked for).
6. ``draw``: rendering every visible line of the list at 80x24 from cold (no line cache).
7. ``cold start``: ``kith`` in a real terminal (tmux 80x24), ``2`` pressed as soon as the nav
   bar shows, until the contacts list is painted; and the process's peak memory. For scale, the
   same start until the first screen's nav bar is painted is timed too.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import KITH, big_db, summary, time_to_screen  # noqa: E402


def ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return f"median {statistics.median(values) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  (n={len(values)})"


async def headless(path: Path, runs: int) -> None:
    from kith.store.core.db import open_db
    from kith.tui.app import KithApp
    from kith.tui.config import Config
    from kith.tui.widgets.contact_list import ContactList

    open_db(path)
    mounts: list[float] = []
    for _ in range(max(3, runs // 4)):
        app = KithApp(Config(), path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            started = time.perf_counter()
            await pilot.press("2")
            await pilot.pause()
            mounts.append(time.perf_counter() - started)
            rows = len(app.screen.query_one(ContactList).entries)
    print(f"mount ({rows} rows listed):       {ms(mounts)}")

    app = KithApp(Config(), path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        listing = screen.query_one(ContactList)

        reloads, cpu = [], []
        for _ in range(runs):
            started, c = time.perf_counter(), time.thread_time()
            screen.reload(force=True)
            reloads.append(time.perf_counter() - started)
            cpu.append(time.thread_time() - c)
        print(f"reload:                         {ms(reloads)}")
        print(f"reload (CPU time):              {ms(cpu)}")

        presses, work = [], []
        for _ in range(max(1, runs // 6)):
            await pilot.press("f")
            for ch in "ana lo":
                started = time.perf_counter()
                await pilot.press("space" if ch == " " else ch)
                await pilot.pause()
                presses.append(time.perf_counter() - started)
            shown = len(listing.entries)
            for _ in range(3):
                screen._last_filter = None  # the whole scan, not the narrowing shortcut
                c = time.thread_time()
                screen.apply_filter()
                work.append(time.thread_time() - c)
            await pilot.press(*["backspace"] * 6, "escape")
            await pilot.pause()
        print(f"filter keystroke (pilot):       {ms(presses)}   ('ana lo' -> {shown} rows)")
        print(f"filter work (CPU time):         {ms(work)}")

        sorts, cpu = [], []
        for _ in range(runs // 3 * 3 or 3):
            screen._orders = {"name": screen._by_name}  # each order from scratch, as after a reload
            screen._dues = {}
            started = time.perf_counter()
            await pilot.press("o")
            await pilot.pause()
            sorts.append(time.perf_counter() - started)
            screen._orders = {"name": screen._by_name}
            screen._dues = {}
            c = time.thread_time()
            screen._ordered()
            cpu.append(time.thread_time() - c)
        print(f"sort key (pilot, cold order):   {ms(sorts)}")
        print(f"sort work (CPU time):           {ms(cpu)}")

        draws = []
        for _ in range(runs):
            listing._strips.clear()
            screen._entries.clear()
            c = time.thread_time()
            for y in range(listing.size.height):
                listing.render_line(y)
            draws.append(time.thread_time() - c)
        print(f"draw {listing.size.height} lines (CPU, cold):     {ms(draws)}")

        idle = []
        for _ in range(runs):
            started = time.perf_counter()
            await pilot.press("x")  # bound to nothing here: the pilot's own cost of a key press
            await pilot.pause()
            idle.append(time.perf_counter() - started)
        print(f"unbound key (pilot baseline):   {ms(idle)}")

        pages = []
        for _ in range(runs):
            started = time.perf_counter()
            await pilot.press("pagedown")
            await pilot.pause()
            pages.append(time.perf_counter() - started)
        print(f"page down (pilot):              {ms(pages)}")


def terminal(path: Path, runs: int) -> None:
    firsts = []
    for _ in range(runs):
        # For scale: the same start until the first screen (Today) shows its nav bar.
        elapsed, _ = time_to_screen([*KITH, "--db", str(path)], "? help", session="kith-bench-contacts")
        firsts.append(elapsed)
    print(summary("cold start to first paint of Today (tmux 80x24)", firsts))
    times, peaks = [], []
    for _ in range(runs):
        elapsed, peak = time_to_screen([*KITH, "--db", str(path)], "sorted by name", keys=[("1 Today", "2")],
                                       session="kith-bench-contacts")
        times.append(elapsed)
        peaks.append(peak / 1024)
    print(summary("cold start to contacts list (tmux 80x24)", times))
    print(f"peak memory: max {max(peaks):.0f} MB, median {statistics.median(peaks):.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--no-terminal", action="store_true", help="skip the tmux cold-start timing")
    parser.add_argument("--folder", default=str(Path(tempfile.gettempdir()) / "kith-bench"))
    args = parser.parse_args()
    path, built = big_db(Path(args.folder))
    print(f"database: {path}" + (f" (built in {built:.1f} s)" if built == built else " (reused)"))
    asyncio.run(headless(path, args.runs))
    if not args.no_terminal:
        terminal(path, max(3, args.runs // 2))


if __name__ == "__main__":
    main()
