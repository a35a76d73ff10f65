"""Declares pitches in the app-wide search; Enter opens the Brand area on the pitch.

Kept apart from the models (no peewee here) so ``kith find`` can load every kind cheaply."""

from __future__ import annotations

from kith.store.search.registry import SearchKind, register_kind

PITCH_KIND = register_kind(SearchKind(
    name="pitch", label="Pitch", code=5, table="pitch",
    rows_sql="SELECT id, NULL, name, channel, text FROM pitch WHERE id IN ({ids})",
    fts_columns=("name", "text"), fts_contact=None,
    short_sql="SELECT id, folded, name, updated, 0 FROM pitch",
    opens="mode:brand",
))
