"""Provides the network's search kinds: organisations (by name and alias) and introductions (by note).

Both are matched in memory on a folded key (no full-text triggers, so migration 14 stays plain SQL).
"""

from kith.store.search.registry import SearchKind, register_kind

ORGANISATION_KIND = register_kind(SearchKind(
    name="organisation", label="Organisation", code=130, table="organisation",
    rows_sql=("SELECT o.id, NULL, o.name, trim(o.industry || CASE WHEN o.industry != '' AND o.location != '' "
              "THEN ' · ' ELSE '' END || o.location), o.notes FROM organisation o WHERE o.id IN ({ids})"),
    fts_contact=None,
    short_sql=("SELECT o.id, kith_fold(o.name || ' ' || coalesce((SELECT group_concat(a.alias, ' ') FROM "
               "organisation_alias a WHERE a.organisation_id = o.id), '')), o.name, NULL, 0 FROM organisation o"),
    opens="mode:network",
))
"""Organisations in the app-wide search; Enter opens the Network area's Organisations tab on it."""

INTRODUCTION_KIND = register_kind(SearchKind(
    name="introduction", label="Introduction", code=131, table="introduction",
    rows_sql=("SELECT i.id, i.second_id, CASE WHEN i.first_id IS NULL THEN b.name || ' introduced you to ' || s.name "
              "WHEN i.by_id IS NULL THEN 'you introduced ' || f.name || ' and ' || s.name "
              "ELSE b.name || ' introduced ' || f.name || ' and ' || s.name END, "
              "i.outcome || ' · ' || i.day, i.note FROM introduction i "
              "LEFT JOIN contact b ON b.id = i.by_id LEFT JOIN contact f ON f.id = i.first_id "
              "JOIN contact s ON s.id = i.second_id WHERE i.id IN ({ids})"),
    fts_contact="second_id",
    short_sql="SELECT id, kith_fold(note), note, day, 0 FROM introduction WHERE note != ''",
    weight=-5,
))
"""Introductions by their note (where you met, what it was about); Enter opens the person introduced."""
