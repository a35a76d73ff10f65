"""Provides log_crash(): write a traceback, without local variables, to an owner-only file."""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path


def crash_log_path() -> Path:
    from kith.tui.config import default_data_dir

    return default_data_dir() / "crash.log"


def log_crash(exc: BaseException) -> Path | None:
    """Append ``exc``'s traceback to the crash log (0600) and return its path, or None if unwritable.

    Only the stack and the exception are written: local variables can hold private notes.
    """
    from kith.store.core.files import make_private_dir, protected_reason

    path = crash_log_path()
    try:
        make_private_dir(path.parent)
        if protected_reason(path):  # never append to a database planted under the log's name
            return None
        # O_NOFOLLOW: a link planted at the log's name cannot redirect the write
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="replace") as f:
            f.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            f.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    except OSError:
        return None
    return path


def crash_line(exc: BaseException, path: Path | None) -> str:
    """The one line shown to the user after a crash."""
    from kith.tui.literal import safe_text

    where = f"; details in {path}" if path else ""
    return f"kith: unexpected error: {safe_text(type(exc).__name__)}: {safe_text(str(exc), limit=200)}{where}"
