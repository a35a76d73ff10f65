"""Provides kith's data layer: a Peewee/SQLite store that knows nothing of Textual.

Laid out by area (core, people, today, mentors, brand, search, transfer). Importing any part of
the store loads ``wiring``, which registers every queue source, search kind and undo step;
except in the one light reader, ``kith find``, which sets ``kith.light_store`` before its first
store import and opens no peewee database (see tui/cli/quick_find.py).
"""

import kith
from kith.store import search_kinds  # noqa: F401 (every search kind, first: their one order)

if not getattr(kith, "light_store", False):
    from kith.store import wiring  # noqa: F401 (the registries, filled by plain imports)
