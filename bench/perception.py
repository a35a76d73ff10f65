"""Benchmark of the trending terms over 5,000 feedback entries (goal: under 100 ms).

Run: ``.venv/bin/python bench/perception.py [ENTRIES]``. On a fresh database it stores ENTRIES
(default 5,000) feedback texts from 2,500 people (terms extracted once, at save time, as kith does)
and prints the median and 95th percentile of:

1. ``trends (stored terms)``: every term ranked by people, then count, with its trend (what
   ``kith feedback trends`` and the Perception view do; the texts are never re-read);
2. ``trends, top 20 + quotes``: the CLI's default answer, quotes of each term included;
3. ``perception vs message``: the three columns;
4. ``extract one entry``: extracting the terms of one text when it is saved;
and, once, how long extracting all ENTRIES from scratch takes (why terms are stored).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kith.store.core.db import open_db, write  # noqa: E402
from kith.store.demo import build_demo  # noqa: E402
from kith.store.perception.compare import compare  # noqa: E402
from kith.store.perception.feedback import store_terms  # noqa: E402
from kith.store.perception.models import Feedback  # noqa: E402
from kith.store.perception.terms import _TOKEN_CACHE, extract  # noqa: E402
from kith.store.perception.trends import term_json, trends  # noqa: E402

TODAY = date(2026, 3, 16)
WORDS = ("calm under pressure", "reliable", "reliability", "explains data clearly", "generous with introductions",
         "thorough reviewer", "curious about the business", "delegates well", "meticulous", "patient mentor",
         "ships on time", "speaks up early", "owns incidents", "writes crisp documents", "builds trust fast",
         "naïve about politics", "José's favourite analyst", "très fiable", "信頼できる", "strategic thinker",
         "takes on too much", "could share progress more often", "pragmatic architect", "kind to newcomers")


def text(rng: random.Random) -> str:
    parts = rng.sample(WORDS, 4)
    return (f"People say she is {parts[0]} and {parts[1]}. In the last project she was {parts[2]}; "
            f"if anything, {parts[3]}. Overall a {rng.choice(('great', 'solid', 'rare'))} colleague.")


def timed(fn, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def main() -> None:
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    folder = Path(tempfile.mkdtemp(prefix="kith-bench-perception-"))
    open_db(folder / "kith.db")
    build_demo(TODAY, contacts=2600, touches=0)
    Feedback.delete().execute()  # the benchmark's own entries only
    rng = random.Random(15)
    texts = [text(rng) for _ in range(entries)]
    started = time.perf_counter()
    with write():
        for i, t in enumerate(texts):
            cid = 1 + i % 2500
            day = TODAY - timedelta(days=rng.randint(0, 729))
            f = Feedback.create(contact=cid, given_on=day, context="survey", text=t)
            store_terms(f.id, cid, day, t)
    saved = time.perf_counter() - started
    _TOKEN_CACHE.clear()
    started = time.perf_counter()
    for t in texts:
        extract(t)
    cold = time.perf_counter() - started
    rows = sum(1 for _ in open_db.__globals__["db"].execute_sql("SELECT 1 FROM feedback_term"))
    print(f"{entries:,} entries, {rows:,} stored term rows; saving them (extract + insert) {saved:.2f} s; "
          f"extracting all from scratch {cold * 1000:.0f} ms")
    for label, fn, runs in (
        ("trends (stored terms)", lambda: trends(TODAY), 30),
        ("trends, top 20 + quotes", lambda: [term_json(t) for t in trends(TODAY, limit=20)], 10),
        ("perception vs message", lambda: compare(TODAY), 10),
        ("extract one entry", lambda: extract(texts[rng.randrange(entries)]), 500),
    ):
        median, p95 = timed(fn, runs)
        print(f"{label:<26} median {median:8.2f} ms   p95 {p95:8.2f} ms")


if __name__ == "__main__":
    main()
