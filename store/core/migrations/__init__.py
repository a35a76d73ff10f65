"""Provides the migration runner: numbered modules ``mNNNN_what.py`` with ``up(db)``.

The schema version lives in ``PRAGMA user_version``. Migrations run in one ``BEGIN IMMEDIATE``
transaction that re-reads the version, so two kith processes starting at once never both
migrate. An existing database is backed up before it is upgraded.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path

from kith.store.core.errors import DatabaseTooNew, NotKithDatabase

# 'kith' in ASCII: marks a file as ours, so a foreign SQLite file is refused, never migrated.
APPLICATION_ID = 0x6B697468


def available() -> list[tuple[int, str]]:
    """Return ``(number, module name)`` for every migration, in order."""
    # The folder's file names, not pkgutil: importing it took 3 ms of a cold `kith find`.
    names = {name.partition(".")[0] for folder in __path__ for name in os.listdir(folder)
             if name.endswith((".py", ".pyc"))}
    return sorted((int(name[1:5]), name) for name in names if name.startswith("m") and name[1:5].isdigit())


def latest() -> int:
    """Return the schema version this code writes."""
    return available()[-1][0]


def _state(db) -> tuple[int, int, int]:
    version = db.execute_sql("PRAGMA user_version").fetchone()[0]
    app_id = db.execute_sql("PRAGMA application_id").fetchone()[0]
    tables = db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return version, app_id, tables


def check(db, path: Path) -> int:
    """Return the schema version; refuse a foreign or newer database."""

    version, app_id, tables = _state(db)
    if app_id != APPLICATION_ID and (app_id != 0 or tables or version):
        raise NotKithDatabase(f"{path} is another program's database, not kith's; it was left untouched")
    if version > latest():
        raise DatabaseTooNew(
            f"{path} has schema version {version} but this kith knows only up to {latest()}: upgrade kith"
        )
    return version


def migrate(db, path: Path, backup: Callable[[Path, str, str], Path] | None = None) -> int:
    """Apply pending migrations; return the schema version now in force."""

    version = check(db, path)
    if version == latest():
        return version
    if version > 0:
        # a new name each time (…-2 in the same second): two kith starting at once both back up
        if backup is not None:
            backup(path, f"{path.name}.v{version}", ".bak")
    db.execute_sql("BEGIN IMMEDIATE")
    try:
        version = check(db, path)  # another process may have migrated while we waited
        for number, name in available():
            if number > version:
                importlib.import_module(f"{__name__}.{name}").up(db)
                db.execute_sql(f"PRAGMA user_version = {number}")
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute_sql("COMMIT")
    except BaseException:
        db.execute_sql("ROLLBACK")
        raise
    return latest()
