"""Declares the career rows app-wide search finds: skills, learning and goals (Enter opens Career).

The triggers that index them are written out in migration m0013 (codes 180, 181, 182).
"""

from __future__ import annotations

from kith.store.search.registry import SearchKind, register_kind

SKILL_KIND = register_kind(SearchKind(
    name="skill", label="Skill", code=180, table="skill",
    rows_sql=("SELECT id, NULL, name, kind || ' · depth ' || depth || coalesce(' · last used ' || last_used, ''), "
              "trim(where_used || ' ' || evidence) FROM skill WHERE id IN ({ids})"),
    fts_columns=("name", "where_used", "evidence"), fts_contact=None,
    short_sql="SELECT id, folded, name, last_used, 0 FROM skill",
    opens="mode:career",
))
LEARNING_KIND = register_kind(SearchKind(
    name="learning", label="Learning", code=181, table="learning",
    rows_sql="SELECT id, NULL, title, kind || ' · ' || status, note FROM learning WHERE id IN ({ids})",
    fts_columns=("title", "note"), fts_contact=None, opens="mode:career",
))
GOAL_KIND = register_kind(SearchKind(
    name="goal", label="Goal", code=182, table="goal",
    rows_sql=("SELECT id, NULL, text, kind || ' · since ' || added || CASE WHEN done_on IS NULL THEN '' "
              "ELSE ' · done' END, text FROM goal WHERE id IN ({ids})"),
    fts_columns=("text",), fts_contact=None, opens="mode:career",
))
