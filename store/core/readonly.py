"""Provides open_read_only(): read a kith database whose folder kith cannot write to.

A WAL database needs its ``-shm`` (and ``-wal``) file beside it; in a read-only folder (a mounted
backup, another user's share) SQLite cannot create them and every query failed with "unable to
open database file", so even ``kith contacts`` or an export to elsewhere was impossible. Read
commands fall back to this: SQLite's read-only mode, and when the side files are absent (the
last kith closed cleanly, so the main file holds everything) its ``immutable`` mode, which needs
no side files at all.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from kith.store.core.db import BUSY_TIMEOUT_S, DB_ERRORS, close_db, db, map_error
from kith.store.core.errors import StoreError


def open_read_only(path: Path | str) -> None:
    """Open the existing kith database at ``path`` for reading only; nothing is ever written.

    Raises:
        NotKithDatabase, DatabaseTooNew: as ``open_db``.
        StoreError: it cannot be read, or its schema needs an upgrade (which is a write).
    """
    from kith.store.core.migrations import check, latest

    path = Path(path).expanduser().absolute()
    wal = Path(f"{path}-wal")
    # immutable ignores a -wal file: only safe when there is none (or it is empty).
    immutable = not wal.exists() or wal.stat().st_size == 0
    uri = f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")
    close_db()
    db.init(uri, uri=True, pragmas={"foreign_keys": 1, "busy_timeout": BUSY_TIMEOUT_S * 1000},
            timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    try:
        db.connect()
        version = check(db, path)
    except DB_ERRORS as exc:
        close_db()
        raise map_error(exc, path) from None
    except StoreError:
        close_db()
        raise
    if version != latest():
        close_db()
        raise StoreError(f"{path} needs a schema upgrade, which is a write, and its folder is read-only")
