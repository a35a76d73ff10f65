"""Declares feedback texts in the app-wide search; Enter opens the person who gave it.

Kept apart from the models (no peewee here) so ``kith find`` can load every kind cheaply."""

from __future__ import annotations

from kith.store.search.registry import SearchKind, register_kind

FEEDBACK_KIND = register_kind(SearchKind(
    name="feedback", label="Feedback", code=15, table="feedback",
    rows_sql=("SELECT f.id, f.contact_id, c.name, 'feedback · ' || f.context || ' · ' || f.given_on, f.text "
              "FROM feedback f LEFT JOIN contact c ON c.id = f.contact_id WHERE f.id IN ({ids})"),
    fts_columns=("text",), fts_contact="contact_id",
))
