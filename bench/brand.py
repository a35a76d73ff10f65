"""Benchmark of the brand editor's live figures on a 1,000-word text (goal: 5 ms or less a keystroke).

Run: ``.venv/bin/python bench/brand.py``. Prints the median and 95th percentile of:

1. ``compute``: the pure figures (store.wordcount.compute) of the text;
2. ``figures update``: what the screen does on every TextArea.Changed: read the text, compute,
   build the panel's Content and hand it to the widget (``BrandScreen._refresh_figures``);
3. ``panel render``: drawing the updated panel into terminal lines (what the next frame costs);
4. ``keystroke``: a whole key press in a headless app (pilot press + pause), for scale; this
   includes the pilot's own overhead and the TextArea's re-render.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kith.store.brand.pitches import create_pitch  # noqa: E402
from kith.store.brand.wordcount import compute, count_words  # noqa: E402
from kith.store.core.db import open_db  # noqa: E402

SENTENCE = ("I'm a well-known data engineer who helps 1,000 finance teams trust their numbers at "
            "https://kith.example, and I've cut month-end close from ten days to six. ")


def thousand_words() -> str:
    paragraphs, words = [], 0
    while words < 1000:
        para = "# Who are you?\n" if not paragraphs else ""
        para += SENTENCE * 3
        paragraphs.append(para.strip())
        words = count_words("\n\n".join(paragraphs))
    text = "\n\n".join(paragraphs)
    return " ".join(text.split(" ")[: len(text.split(" ")) - (words - 1000)]) if words > 1000 else text


def timed(fn, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (this thread) milliseconds of each run: on a shared machine the CPU
    time is the cost itself, the wall time adds waiting for other processes."""
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.thread_time()
        fn()
        cpu.append((time.thread_time() - c) * 1000)
        wall.append((time.perf_counter() - t) * 1000)
    return wall, cpu


def _stats(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    return f"median {statistics.median(samples):7.3f} ms  p95 {p95:7.3f} ms"


def report(name: str, samples) -> None:
    if isinstance(samples, tuple):
        wall, cpu = samples
        print(f"{name:<16} wall {_stats(wall)}   cpu {_stats(cpu)}   (n={len(wall)})")
    else:
        print(f"{name:<16} wall {_stats(samples)}   (n={len(samples)})")


async def in_app(text: str, db_path: Path) -> None:
    from kith.tui.app import KithApp
    from kith.tui.config import Config

    app = KithApp(Config(), db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        editor = screen.query_one("#editor")
        assert count_words(editor.text) == 1000, count_words(editor.text)
        report("figures update", timed(screen._refresh_figures, 300))
        figures = screen.query_one("#figures")
        screen._refresh_figures()
        # What the next frame pays for the panel: turning its Content into terminal lines.
        report("panel render", timed(figures._render_content, 300))  # noqa: SLF001
        await pilot.press("e", "end")
        report("keystroke", await keystrokes(pilot))


async def keystrokes(pilot, n: int = 40) -> list[float]:
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        await pilot.press("a")
        await pilot.pause()
        samples.append((time.perf_counter() - t) * 1000)
    return samples


def main() -> None:
    text = thousand_words()
    print(f"text: {count_words(text)} words, {len(text)} characters; goal: figures update + render <= 5 ms")
    report("compute", timed(lambda: compute(text, 130, 110, 160), 1000))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        open_db(path)
        create_pitch("Bench", "elevator pitch", text)
        asyncio.run(in_app(text, path))


if __name__ == "__main__":
    main()
