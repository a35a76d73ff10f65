"""Provides the draft file: unsaved pitch typing kept beside the database when the app must leave NOW.

On SIGHUP (an SSH drop) the app has moments, and another kith may hold the database's write lock
for seconds: a draft that waits for the lock is lost. So a hang-up writes the draft to
``<database>.draft.json`` (owner-only, atomically: temporary file, fsync, rename), tries the
database once without waiting, and the next start folds whatever the file still holds into the
store (``fold_in``), then removes the file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from kith.store.core.db import db, db_path
from kith.store.core.errors import StoreError

SUFFIX = ".draft.json"


def draft_file(database: Path | None = None) -> Path:
    """The draft file of ``database`` (default: the open one)."""
    path = Path(database) if database is not None else db_path()
    return path.with_name(path.name + SUFFIX)


def _read(path: Path) -> dict[str, str]:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return {}
    pitches = data.get("pitches") if isinstance(data, dict) else None
    if not isinstance(pitches, dict):
        return {}
    return {k: v for k, v in pitches.items() if isinstance(k, str) and k.isdigit() and isinstance(v, str)}


def _write(path: Path, pitches: dict[str, str]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"pitches": pitches}, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def keep_now(pitch_id: int, text: str) -> Path:
    """Keep a pitch's unsaved text at once, never waiting for the write lock; return the file.

    The file is written first; then one try at the database with no busy wait. If that works
    the file's entry is removed again, else it stays for ``fold_in`` on the next start.
    """
    path = draft_file()
    pitches = _read(path)
    pitches[str(pitch_id)] = text
    _write(path, pitches)
    if try_save(pitch_id, text):
        pitches.pop(str(pitch_id), None)
        if pitches:
            _write(path, pitches)
        else:
            path.unlink(missing_ok=True)
    return path


def try_save(pitch_id: int, text: str) -> bool:
    """Save the pitch's draft in the database if nobody holds the write lock; never wait.

    Returns False when the lock is taken (or the write failed); the caller keeps the text.
    """
    from kith.store.brand.pitches import save_draft

    conn = db.connection()
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        save_draft(pitch_id, text)
        return True
    except StoreError:
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")


def fold_in() -> int:
    """Write the drafts a hang-up left beside the open database into it; return how many.

    A pitch deleted meanwhile is dropped; the file is removed once everything is in.
    """
    from kith.store.brand.pitches import save_draft
    from kith.store.core.errors import Invalid, NotFound

    path = draft_file()
    pitches = _read(path)
    count = 0
    for key, text in pitches.items():
        try:
            save_draft(int(key), text)
            count += 1
        except (NotFound, Invalid):
            pass  # the pitch is gone, or the text no longer fits: nothing to fold into
    if path.exists() or path.is_symlink():
        path.unlink(missing_ok=True)
    return count
