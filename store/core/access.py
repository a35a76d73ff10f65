"""Provides what a screen needs to read the store without touching connections or change tokens.

Screens ask ``Freshness`` whether anything may have changed before re-reading thousands of rows,
and a worker thread runs a store call through ``in_own_connection`` (each thread needs its own
SQLite connection). tests/test_house.py keeps screens, modals, widgets and flows off ``db``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Freshness:
    """Remembers the store's state when a reader last loaded: ``unchanged()`` is True while no
    kith process has written since ``mark()`` and the extra values (the day, a setting) are equal."""

    def __init__(self) -> None:
        self._seen: object = None

    def mark(self, *extra: object) -> None:
        """Remember the store's state now, with ``extra``."""
        from kith.store.core.db import change_token

        self._seen = (change_token(), extra)

    def unchanged(self, *extra: object) -> bool:
        """True when nothing was written since ``mark`` and ``extra`` equals what it was given."""
        from kith.store.core.db import change_token

        return self._seen is not None and self._seen == (change_token(), extra)


def in_own_connection(fn: Callable[..., T], *args, **kwargs) -> T:
    """Call ``fn(*args, **kwargs)`` on a connection of this thread's own, closed after (for a
    worker thread, which has none)."""
    from kith.store.core.db import db

    with db.connection_context():
        return fn(*args, **kwargs)
