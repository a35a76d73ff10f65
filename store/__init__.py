"""Provides kith's data layer: a Peewee/SQLite store that knows nothing of Textual.

Laid out by area (core, people, today, mentors, brand, search, transfer). Importing any part of
the store loads ``wiring``, which registers every queue source, search kind and undo step.
"""

from kith.store import wiring  # noqa: F401 (the registries, filled by plain imports)
