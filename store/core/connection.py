"""Provides the one database object (late-initialised: ``db.open_db`` points it at a file).

Kept apart from ``db`` (opening, migrating, writing) so the file writer can reach the open
database without importing the module that uses it.
"""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from kith.store.core import integrity
from kith.store.core.fold import fold, word_list


class _KithDatabase(SqliteDatabase):
    def _initialize_connection(self, conn):
        # Text another program wrote as invalid UTF-8 would make every query reading it fail.
        conn.text_factory = integrity.tolerant_text
        if integrity.damage():
            conn.execute("PRAGMA query_only = 1")


db = _KithDatabase(None)
"""The one database; ``open_db`` points it at a file."""

db.register_function(fold, "kith_fold", 1)
db.register_function(word_list, "kith_words", 1)


def db_path() -> Path:
    """Return the path of the open database."""
    return Path(db.database)
