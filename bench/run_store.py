"""The in-process groups: the Today queue, import/export/restore, the demo build, memory over imports.

Each times the store function a command or screen calls, wall and CPU (``time.process_time``).
"""

from __future__ import annotations

import json
import random
import subprocess
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.databases import PYTHON, ROOT, SIZES, child_env, scratch_copy
from bench.measures import Result, median


def _timed(fn) -> tuple[float, float, object]:
    started, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - started, time.process_time() - cpu, out


def run_queue(db: Path, repeats: int, size: str) -> dict[str, Result]:
    """Today's queue as each weekday asks it, the slowest reported: a slow source asks on one weekday
    only, so today alone would hide what the others cost. The day stays today (a later day would
    also have a longer backlog); only which weekday's slow sources ask changes."""
    from kith.store.core.clock import today
    from kith.store.core.db import close_db, open_db
    from kith.store.today import queue
    from kith.tui.config import Config
    from kith.tui.settings import context_for

    real_slow_day = queue.slow_day
    open_db(db)
    try:
        ctx = context_for(Config(), today())
        days = []
        for offset in range(7):
            weekday = ctx.today + timedelta(days=offset)
            queue.slow_day = lambda name, _day, weekday=weekday: real_slow_day(name, weekday)
            first, _, items = _timed(lambda: queue.build_queue(ctx))
            walls, cpus = [], []
            for _ in range(max(3, repeats)):
                wall, cpu, _ = _timed(lambda: queue.build_queue(ctx))
                walls.append(wall)
                cpus.append(cpu)
            asked = [name for name in sorted(queue.SLOW) if real_slow_day(name, weekday)]
            days.append((median(walls), median(cpus), walls, weekday, len(items), first, asked))
        backlog = sum(len(fn(ctx)) for fn in queue.load_sources().values())
    finally:
        queue.slow_day = real_slow_day
        close_db()
    wall, cpu, walls, weekday, shown, first, asked = max(days, key=lambda d: d[0])
    spread = ", ".join(f"{d[3]:%a} {d[0] * 1000:.0f}" for d in days)
    return {"today_queue": Result(wall, cpu=cpu, samples=walls,
                                  detail=f"{backlog} items from the sources, {shown} shown; slowest with "
                                         f"{weekday:%A}'s slow sources ({', '.join(asked) or 'none'}); first (cold) "
                                         f"{first * 1000:.0f} ms; by weekday (ms): {spread}")}


def run_transfer(db: Path, repeats: int, size: str) -> dict[str, Result]:
    from kith.store.core.db import close_db, open_db
    from kith.store.people.contacts import count_contacts
    from kith.store.transfer import exporters
    from kith.store.transfer.importers import import_file
    from kith.store.transfer.restore import restore

    heavy = max(1, repeats // 2)
    results: dict[str, Result] = {}
    with tempfile.TemporaryDirectory(prefix="kith-bench-") as folder:
        folder = Path(folder)
        csv = folder / "Connections.csv"
        csv.write_text(linkedin_csv(30_000, random.Random(7)), encoding="utf-8")
        walls, cpus = [], []
        for i in range(heavy):
            open_db(folder / f"import-{i}.db")
            try:
                wall, cpu, summary = _timed(lambda: import_file("linkedin", csv))
            finally:
                close_db()
            walls.append(wall)
            cpus.append(cpu)
        results["linkedin_import"] = Result(median(walls), cpu=median(cpus), samples=walls,
                                            detail=summary.line() if hasattr(summary, "line") else "")
        source = scratch_copy(db, folder)
        open_db(source)
        try:
            n = count_contacts(include_archived=True)
            for kind, name in (("vcard", "vcard_export"), ("json", "json_export")):
                walls, cpus = [], []
                for i in range(heavy):
                    target = folder / f"out-{i}.{kind}"
                    wall, cpu, _ = _timed(lambda k=kind, t=target: exporters.export(k, t))
                    walls.append(wall)
                    cpus.append(cpu)
                size_mb = (folder / f"out-0.{kind}").stat().st_size / 1e6
                results[name] = Result(median(walls), cpu=median(cpus), samples=walls,
                                       detail=f"{n} contacts, {size_mb:.0f} MB")
        finally:
            close_db()
        walls, cpus = [], []
        for i in range(heavy):
            open_db(folder / f"restored-{i}.db")
            try:
                wall, cpu, rows = _timed(lambda: restore(folder / "out-0.json"))
            finally:
                close_db()
            walls.append(wall)
            cpus.append(cpu)
        results["restore"] = Result(median(walls), cpu=median(cpus), samples=walls,
                                    detail=f"{sum(rows.values())} rows")
    return results


def run_demo(db: Path, repeats: int, size: str) -> dict[str, Result]:
    from kith.store.core.db import close_db, open_db
    from kith.store.demo import build_demo

    contacts, touches = SIZES[size]
    runs = max(1, repeats // 2) if size == "10k" else 1
    walls, cpus = [], []
    with tempfile.TemporaryDirectory(prefix="kith-bench-") as folder:
        for i in range(runs):
            open_db(Path(folder) / f"demo-{i}.db")
            try:
                wall, cpu, _ = _timed(lambda: build_demo(date(2026, 3, 16), contacts=contacts, touches=touches))
            finally:
                close_db()
            walls.append(wall)
            cpus.append(cpu)
    return {"demo_build": Result(median(walls), cpu=median(cpus), samples=walls,
                                 detail=f"{contacts} contacts, {touches} touches, in-process")}


def run_growth(db: Path, repeats: int, size: str) -> dict[str, Result]:
    done = subprocess.run([PYTHON, str(ROOT / "bench" / "import_growth.py")], capture_output=True, text=True,
                          check=True, env=child_env())
    memory = json.loads(done.stdout)
    heap, rss = memory["heap"], memory["rss"]
    return {"import_growth": Result(heap[-1] - heap[1], unit="MB", samples=heap,
                                    detail="Python heap growth from import 2 to 10 (2,000 new rows each); "
                                           "MB heap " + " ".join(f"{x:.1f}" for x in heap)
                                           + "; RSS (SQLite's page cache grows with the file) "
                                           + " ".join(f"{x:.0f}" for x in rss))}


FIRST = ("Ada", "Grace", "José", "Priya", "Wei", "Fatima", "Kenji", "Olu", "Zoë", "Marcus", "Łukasz", "Amara")
LAST = ("Lovelace", "Hopper", "Núñez", "Raman", "Zhang", "Al-Sayed", "Watanabe", "O'Brien", "Müller", "Okafor")
COMPANIES = ("Globex", "Initech", "\"Acme, Inc.\"", "Umbrella GmbH", "Tencent", "Hooli")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def linkedin_csv(n: int, rng: random.Random, offset: int = 0) -> str:
    """A LinkedIn Connections.csv of ``n`` rows, with the notes LinkedIn puts above the header."""
    lines = ["\ufeffNotes:", "\"Some email addresses may be blank in this export.\"", "",
             "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for i in range(offset, offset + n):
        f, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"{f.lower()}.{i}@example.com" if rng.random() < 0.3 else ""
        role = "\"Engineer, Platform\"" if rng.random() < 0.2 else "Engineer"
        lines.append(f"{f},{last} {i},https://www.linkedin.com/in/p{i},{email},{rng.choice(COMPANIES)},{role},"
                     f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2010, 2025)}")
    return "\r\n".join(lines) + "\r\n"
