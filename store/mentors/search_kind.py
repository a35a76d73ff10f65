"""Declares value notes are searchable (code 4 is reserved for mentor entries); Enter opens the Mentors area.

Kept apart from the models (no peewee here) so ``kith find`` can load every kind cheaply."""

from __future__ import annotations

from kith.store.search.registry import SearchKind, register_kind

VALUE_KIND = register_kind(SearchKind(
    name="value", label="Value", code=4, table="value_entry",
    rows_sql=("SELECT e.id, e.contact_id, c.name, e.direction || ' · ' || e.category || ' · ' || e.date, e.note "
              "FROM value_entry e JOIN contact c ON c.id = e.contact_id WHERE e.id IN ({ids})"),
    fts_columns=("note",), opens="mode:mentors",
))
