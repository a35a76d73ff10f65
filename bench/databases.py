"""Provides the benchmark databases: the demo network at each size, built once and cached.

The cache lives in ``$KITH_BENCH_CACHE`` or ``~/.cache/kith-bench``, one file per size, schema and
demo: the newest migration's number and a digest of the demo's sources are in the file name, so a
new migration or a changed demo part builds a fresh one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SCRIPT = ROOT / ".venv" / "bin" / "kith"
KITH = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "kith.tui"]
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable

SIZES = {"10k": (10_000, 100_000), "30k": (30_000, 300_000)}


def cache_folder() -> Path:
    folder = Path(os.environ.get("KITH_BENCH_CACHE") or Path.home() / ".cache" / "kith-bench")
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def child_env() -> dict[str, str]:
    """The environment kith runs in under the benchmark: with compiled bytecode, as when installed.

    (A shell with PYTHONDONTWRITEBYTECODE would compile every module on every start.) The bytecode
    is kept in the cache folder, out of the tree.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache_folder() / "pycache")
    return env


def _schema_tag() -> str:
    names = sorted(p.stem for p in (ROOT / "store" / "core" / "migrations").glob("m[0-9]*.py"))
    digest = hashlib.sha256()
    for source in sorted([ROOT / "store" / "demo.py", *(ROOT / "store").glob("*/demo.py")]):
        digest.update(source.read_bytes())
    return f"{names[-1].split('_')[0] if names else 'm0'}-{digest.hexdigest()[:8]}"


def database(size: str, rebuild: bool = False) -> tuple[Path, float | None]:
    """The cached database for ``size`` ("10k" or "30k"); the build's seconds when built now."""
    contacts, touches = SIZES[size]
    path = cache_folder() / f"demo-{contacts}-{touches}-{_schema_tag()}.db"
    if path.exists() and not rebuild:
        return path, None
    for suffix in ("", "-wal", "-shm", ".checked"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    partial = path.with_suffix(".building.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run([*KITH, "--db", str(partial), "demo", "--contacts", str(contacts), "--touches", str(touches)],
                   check=True, capture_output=True, env=child_env())
    took = time.perf_counter() - started
    # A checkpointed single file: the copy is whole (no -wal left behind).
    subprocess.run([PYTHON, "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                    "c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.close()", str(partial)], check=True)
    shutil.move(partial, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return path, took


def scratch_copy(path: Path, folder: Path) -> Path:
    """A copy of a cached database to write into (benchmarks never change the cache)."""
    target = folder / path.name
    shutil.copyfile(path, target)
    os.chmod(target, 0o600)
    return target
