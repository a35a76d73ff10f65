"""Declares the engagements app-wide search finds: by organisation, role or note (Enter opens Career).

The triggers that index role and note are written out in migration m0019 (code 168); the
organisation's name is matched in memory on its folded key.
"""

from __future__ import annotations

from kith.store.search.registry import SearchKind, register_kind

ENGAGEMENT_KIND = register_kind(SearchKind(
    name="engagement", label="Volunteering", code=168, table="engagement",
    rows_sql=("SELECT e.id, NULL, o.name || CASE WHEN e.role != '' THEN ' · ' || e.role ELSE '' END, "
              "'volunteering · ' || e.started || CASE WHEN e.ended IS NULL THEN '–now' ELSE '–' || e.ended END, "
              "e.note FROM engagement e JOIN organisation o ON o.id = e.organisation_id WHERE e.id IN ({ids})"),
    fts_columns=("role", "note"), fts_contact=None,
    short_sql=("SELECT e.id, o.match_key || ' ' || kith_fold(e.role), o.name || ' · ' || e.role, e.started, "
               "CASE WHEN e.ended IS NULL THEN 0 ELSE 1 END FROM engagement e "
               "JOIN organisation o ON o.id = e.organisation_id"),
    opens="mode:career", newest="started",
))
