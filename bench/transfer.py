"""Benchmarks import and export: a generated 30,000-row LinkedIn export (target <= 2 s) and 5,000 vCards.

Run: .venv/bin/python bench/transfer.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kith.store.core.db import close_db, open_db  # noqa: E402
from kith.store.transfer.importers import import_file  # noqa: E402

FIRST = ("Ada", "Grace", "José", "Priya", "Wei", "Fatima", "Kenji", "Olu", "Zoë", "Marcus", "Łukasz", "Amara")
LAST = ("Lovelace", "Hopper", "Núñez", "Raman", "Zhang", "Al-Sayed", "Watanabe", "O'Brien", "Müller", "Okafor")
COMPANIES = ("Globex", "Initech", "\"Acme, Inc.\"", "Umbrella GmbH", "Tencent", "Hooli")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def linkedin_csv(n: int, rng: random.Random) -> str:
    lines = ["\ufeffNotes:", "\"Some email addresses may be blank in this export.\"", "",
             "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for i in range(n):
        f, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"{f.lower()}.{i}@example.com" if rng.random() < 0.3 else ""
        role = "\"Engineer, Platform\"" if rng.random() < 0.2 else "Engineer"
        lines.append(f"{f},{last} {i},https://www.linkedin.com/in/p{i},{email},{rng.choice(COMPANIES)},{role},"
                     f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2010, 2025)}")
    return "\r\n".join(lines) + "\r\n"


def vcards(n: int, rng: random.Random) -> str:
    out = []
    for i in range(n):
        f, last = rng.choice(FIRST), rng.choice(LAST)
        out.append("\r\n".join([
            "BEGIN:VCARD", "VERSION:3.0", f"FN:{f} {last} {i}", f"N:{last} {i};{f};;;",
            f"EMAIL;TYPE=INTERNET:{f.lower()}{i}@example.org", f"TEL;TYPE=CELL:+44 20 7946 {i:04d}",
            "ORG:Globex", "TITLE:Analyst", f"item1.URL:https://example.org/{i}", "item1.X-ABLabel:Site",
            f"BDAY:--{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "CATEGORIES:myContacts,Friends",
            "NOTE:Met at the meetup\\, keen on data.", "END:VCARD"]))
    return "\r\n".join(out) + "\r\n"


def timed(label: str, fn):
    # CPU time beside wall time: on a shared, loaded machine the wall clock mostly measures the queue.
    started, cpu = time.perf_counter(), time.process_time()
    result = fn()
    print(f"{label:<44} {time.perf_counter() - started:6.2f} s wall {time.process_time() - cpu:6.2f} s cpu   "
          f"{result.line() if hasattr(result, 'line') else ''}")
    return result


def main() -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        (d / "Connections.csv").write_text(linkedin_csv(30_000, rng), encoding="utf-8")
        (d / "cards.vcf").write_text(vcards(5_000, rng), encoding="utf-8")
        open_db(d / "kith.db")
        timed("LinkedIn 30,000 rows, empty database", lambda: import_file("linkedin", d / "Connections.csv"))
        timed("LinkedIn 30,000 rows again (all unchanged)", lambda: import_file("linkedin", d / "Connections.csv"))
        timed("LinkedIn 30,000 rows, dry run", lambda: import_file("linkedin", d / "Connections.csv", dry_run=True))
        close_db()
        open_db(d / "cards.db")
        timed("vCard 5,000 cards, empty database", lambda: import_file("vcard", d / "cards.vcf"))
        timed("vCard 5,000 cards again (all unchanged)", lambda: import_file("vcard", d / "cards.vcf"))
        from kith.store.transfer import exporters

        for kind in ("json", "csv", "vcard"):
            started = time.perf_counter()
            exporters.export(kind, d / f"out.{kind}")
            print(f"export {kind} of 5,000 contacts{'':<18} {time.perf_counter() - started:6.2f} s")
        close_db()
        open_db(d / "demo.db")
        from datetime import date

        from kith.store.demo import build_demo
        from kith.store.people.duplicates import find_duplicates

        build_demo(date(2026, 3, 16), contacts=10_000, touches=20_000)
        started = time.perf_counter()
        pairs = find_duplicates()
        took = time.perf_counter() - started
        print(f"duplicates among 10,000 demo contacts{'':<8} {took:6.2f} s   {len(pairs)} pairs")
        close_db()


if __name__ == "__main__":
    import os

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    main()
