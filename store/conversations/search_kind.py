"""Provides the search kind of planned and held conversations (purpose, objectives, points, offer,
what was learned); Enter opens the person. Migration 11 holds a frozen copy of its triggers."""

from kith.store.search.registry import SearchKind, register_kind

PLAN_KIND = register_kind(SearchKind(
    name="conversation", label="Conversation", code=140, table="conversation_plan",
    rows_sql=("SELECT p.id, p.contact_id, c.name, p.kind || ' · ' || p.state || ' · ' || p.day, "
              "p.purpose || CASE WHEN p.learned != '' THEN ' · ' || p.learned ELSE '' END "
              "FROM conversation_plan p JOIN contact c ON c.id = p.contact_id WHERE p.id IN ({ids})"),
    fts_columns=("purpose", "objectives", "points", "offer", "learned"), newest="day",
))
