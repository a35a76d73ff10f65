"""Provides helpers shared by the benchmark scripts: timing a real terminal through tmux."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SCRIPT = ROOT / ".venv" / "bin" / "kith"
KITH = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "kith.tui"]


def kith(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KITH, *args], capture_output=True, text=True, check=True, env={**os.environ, **(env or {})})


def big_db(folder: Path, contacts: int = 10_000, touches: int = 100_000) -> tuple[Path, float]:
    """Build (once) a benchmark-sized demo database; return its path and the build seconds."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{contacts}-{touches}.db"
    if path.exists():
        return path, float("nan")
    started = time.perf_counter()
    kith("--db", str(path), "demo", "--contacts", str(contacts), "--touches", str(touches))
    return path, time.perf_counter() - started


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def time_to_screen(command: list[str], wait_for: str, keys: list[str] = (), size=(80, 24), timeout=15.0,
                   session="kith-bench") -> tuple[float, int]:
    """Start ``command`` in a tmux pane; return (seconds until ``wait_for`` is on screen, peak RSS KiB).

    ``keys`` are sent one by one as soon as the previous screen is painted (the first entry may be
    a (text, key) pair: wait for text, then press key).
    """
    if not shutil.which("tmux"):
        raise SystemExit("tmux is needed for this benchmark")
    tmux("kill-session", "-t", session)
    started = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]), " ".join(command))
    pending = list(keys)
    peak = 0
    while time.perf_counter() - started < timeout:
        screen = tmux("capture-pane", "-p", "-t", session)
        if pending and pending[0][0] in screen:
            tmux("send-keys", "-t", session, pending.pop(0)[1])
        elif not pending and wait_for in screen:
            elapsed = time.perf_counter() - started
            peak = _peak_rss(session)
            tmux("send-keys", "-t", session, "q")
            time.sleep(0.2)
            tmux("kill-session", "-t", session)
            return elapsed, peak
        time.sleep(0.01)
    tmux("kill-session", "-t", session)
    raise SystemExit(f"timed out waiting for {wait_for!r}")


def _peak_rss(session: str) -> int:
    pid = tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip()
    best = 0
    for p in [pid] + subprocess.run(["pgrep", "-P", pid], capture_output=True, text=True).stdout.split():
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    best = max(best, int(line.split()[1]))
        except OSError:
            pass
    return best


def summary(name: str, values: list[float], unit: str = "s") -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return (f"{name}: median {statistics.median(values):.3f} {unit}, p95 {p95:.3f} {unit}, "
            f"min {values[0]:.3f} {unit}, max {values[-1]:.3f} {unit} (n={len(values)})")
