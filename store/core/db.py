"""Provides the late-initialised database, opening it safely, write transactions and backups.

Every write goes through ``write()``: a ``BEGIN IMMEDIATE`` transaction, so two kith processes
on one file queue for the lock (busy timeout) instead of failing with "database is locked".
"""

from __future__ import annotations

import atexit
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import peewee

from kith.store.core import integrity
from kith.store.core.connection import db, db_path  # noqa: F401 (re-exported: the one database)
from kith.store.core.errors import DatabaseTooNew, NotKithDatabase, StoreError
from kith.store.core.files import backup_beside, make_private_dir  # noqa: F401 (one race-free folder maker; callers import it here too)

BUSY_TIMEOUT_S = 10
SQLITE_MAGIC = b"SQLite format 3\x00"



DB_ERRORS = (sqlite3.DatabaseError, peewee.DatabaseError)
"""What SQLite failures look like: raw from sqlite3, or wrapped by peewee (not a subclass)."""


def _pragmas() -> dict:
    return {
        "foreign_keys": 1,
        "synchronous": "full",  # a committed write survives a power cut, not just a crash
        "busy_timeout": BUSY_TIMEOUT_S * 1000,
        # 8 MB a connection (SQLite's default is 2): 32 MB made a 30,000-contact session peak at
        # 150 MB resident, and the benchmark measured no query slower with 8.
        "cache_size": -8000,
    }


def create_private_file(path: Path) -> bool:
    """Create an empty 0600 file if none exists; return True when this call created it."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    os.fchmod(fd, 0o600)
    os.close(fd)
    return True


_atexit_registered = False
_schema: int | None = None
"""The schema version this process opened the database at (after its own upgrade, if any)."""


def _check_is_kith(path: Path) -> None:
    if not path.is_file():
        raise NotKithDatabase(f"{path} is not a regular file")
    with open(path, "rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    if head and head != SQLITE_MAGIC:
        raise NotKithDatabase(f"{path} is not a kith database (not SQLite); it was left untouched")


def _refuse_what_is_not_ours(path: Path) -> None:
    # SQLite turns an empty file, or a missing one beside a left-over -wal, into a brand new
    # empty database without a word: the user's data would seem gone. Only create what we made.
    wal = Path(str(path) + "-wal")
    if not path.exists() and wal.exists():
        raise NotKithDatabase(
            f"found {wal.name} but no {path.name} in {path.parent}: a write-ahead log without its database; "
            f"nothing was created. Put {path.name} back beside it, or move the -wal away to start afresh")
    if path.is_file() and path.stat().st_size == 0:  # kith never leaves one: see _create_new
        extra = f" (with a left-over {wal.name} beside it)" if wal.exists() else ""
        raise NotKithDatabase(
            f"{path} is an empty file{extra}, not a kith database; it was left untouched. "
            f"Restore it from a backup, or remove it to start a new database")


def _create_new(path: Path) -> None:
    """Build a complete, stamped database under a temporary name, then link it into place.

    Another kith starting at the same moment sees either no file or a whole one, never an
    empty file it would have to refuse; the loser of the link race uses the winner's file.
    """
    from kith.store.core.migrations import migrate

    tmp = path.with_name(f".{path.name}.new{os.getpid()}")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    create_private_file(tmp)
    try:
        db.init(str(tmp), pragmas=_pragmas(), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        try:
            db.connect()
            _ensure_wal()
            migrate(db, tmp)
        except DB_ERRORS as exc:
            raise map_error(exc, path) from None
        finally:
            db.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            return
        except OSError:  # a file system without hard links: an exclusive copy instead
            if not create_private_file(path):
                return
            with open(tmp, "rb") as src, open(path, "r+b") as dst:
                dst.write(src.read())
                os.fsync(dst.fileno())
        integrity.record_clean(path)  # a database just built is sound
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)


def open_db(path: Path | str, check_now: bool = True, as_found: bool = False) -> None:
    """Open (creating if needed) the kith database at ``path`` and bring its schema up to date.

    ``check_now=False`` leaves the damage check to a worker (the TUI); the first write runs it
    anyway if the worker has not yet. A damaged database is opened read-only. ``as_found``
    (``export --salvage``): a damaged file of an older schema is opened read-only as it is, not
    refused, so that what it still holds can be read out.

    Raises:
        NotKithDatabase: the file is not SQLite, is another program's database, or is empty.
        DatabaseTooNew: the file was written by a newer kith.
        DatabaseDamaged: the file is damaged and would need an upgrade to be read.
        StoreError: the file cannot be opened or locked.
    """
    from kith.store.core.migrations import APPLICATION_ID, check, latest, migrate

    global _atexit_registered, _schema
    path = Path(path).expanduser().absolute()
    if not db.is_closed():
        close_db()
    integrity.forget()
    make_private_dir(path.parent)
    _refuse_what_is_not_ours(path)
    if not path.exists():
        _create_new(path)
    _check_is_kith(path)
    integrity.begin(path, check_now)
    db.init(str(path), pragmas=_pragmas(), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    try:
        db.connect()
        version = check(db, path)  # before anything writes: a foreign file is never changed
        if db.execute_sql("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise NotKithDatabase(
                f"{path} is an SQLite file without kith's mark (perhaps a copy made without its -wal); "
                f"it was left untouched")
        if version != latest():
            try:
                integrity.require_writable()  # an upgrade writes: never on a damaged file
            except integrity.DatabaseDamaged:
                if not as_found:
                    raise integrity.refused_upgrade() from None
        if not integrity.damage():
            _ensure_wal()
            migrate(db, path, backup=backup_beside)
        _schema = db.execute_sql("PRAGMA user_version").fetchone()[0]
    except DB_ERRORS as exc:
        db.close()
        raise map_error(exc, path) from None
    except StoreError:
        db.close()
        raise
    if not _atexit_registered:
        atexit.register(close_db)  # a clean close records the file as checked
        _atexit_registered = True
    for suffix in ("-wal", "-shm"):
        side = Path(str(path) + suffix)
        if side.exists() and side.stat().st_mode & 0o077:
            os.chmod(side, 0o600)


def _ensure_wal() -> None:
    # WAL is persistent: set once when the file is new. Switching needs the file to itself, and
    # SQLite can answer "locked" at once (no busy wait) when another new kith is opening it at
    # the same moment, so retry until the other one is done; it usually has switched it by then.
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            if db.execute_sql("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute_sql("PRAGMA journal_mode=wal")
            return
        except DB_ERRORS as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def close_db() -> None:
    """Close the connection of the current thread, if any; record a clean file as checked."""
    if not db.is_closed():
        path = db_path()
        db.close()
        integrity.closed(path)


def data_version() -> int:
    """Return SQLite's data_version: it changes when another connection commits."""
    return db.execute_sql("PRAGMA data_version").fetchone()[0]


def change_token() -> tuple[int, int]:
    """Return a value that changes whenever the database may have changed.

    SQLite's ``total_changes()`` counts the rows this connection wrote; ``PRAGMA data_version``
    moves when another connection commits. A screen that keeps the last token can skip
    re-reading 10,000 rows when nothing was written (a cancelled modal, a look at a detail).
    """
    return db.execute_sql("SELECT total_changes()").fetchone()[0], data_version()


@contextmanager
def write():
    """A write transaction that takes the write lock at once (``BEGIN IMMEDIATE``).

    Nested uses become savepoints of the outer transaction. The damage check runs first if
    it is still due; a damaged database refuses every write (``DatabaseDamaged``).
    """
    integrity.require_writable()
    outermost = not db.in_transaction()
    try:
        with db.atomic("IMMEDIATE"):
            if outermost:
                _refuse_a_newer_schema()
            yield
    except DB_ERRORS as exc:
        raise map_error(exc, db_path()) from None


def _refuse_a_newer_schema() -> None:
    """A newer kith upgraded the file while this one ran (another session, after an update): its
    tables and triggers may need what this kith does not have, so nothing is written."""
    found = db.execute_sql("PRAGMA user_version").fetchone()[0]
    if _schema is not None and found > _schema:
        raise DatabaseTooNew(f"{db_path()} was upgraded by a newer kith while this one was running; "
                             "nothing was written: quit kith and start it again")


def map_error(exc: Exception, path: Path) -> StoreError:
    """Turn a raw sqlite3 error into a store error with a message a user can act on."""
    text = str(exc)
    if integrity.damage() and ("readonly" in text or "malformed" in text):
        return integrity.DatabaseDamaged(integrity.damage())
    if "malformed" in text:
        return NotKithDatabase(f"{path} is damaged ({text}); nothing was written. To recover what can "
                               f"still be read: kith export json --salvage")
    if "not a database" in text:
        return NotKithDatabase(f"{path} is not a kith database or is damaged ({text}); it was left untouched")
    if "locked" in text or "busy" in text:
        return StoreError(f"{path} is busy: another kith is writing; try again in a moment")
    if "full" in text or "no transaction is active" in text:
        return StoreError(f"could not write {path}: the disk may be full ({text})")
    if "readonly" in text or "unable to open" in text:
        return StoreError(f"cannot write {path}: {text}")
    return StoreError(f"database error in {path}: {text}")


def backup_to(dest: Path | str, force: bool = False) -> Path:
    """Copy the open database to ``dest`` with SQLite's backup API (safe while others write).

    Written by store.files: a 0600 temporary file beside ``dest``, renamed; an existing file is
    refused unless ``force``, and the live database or any SQLite file never, even forced.
    """
    from kith.store.core.files import backup_database

    return backup_database(dest, force=force).path
