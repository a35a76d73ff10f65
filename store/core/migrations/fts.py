"""Provides a frozen copy of the full-text trigger SQL, as migrations 3 to 5 installed it.

Migrations never import live modules: if search's registry changes later, databases built by
these migrations must still come out the same. A kind here is (name, code, table, columns).
"""

from __future__ import annotations

FTS_TABLE = "search_fts"
CODE_SHIFT = 2 ** 40


def _body(columns: tuple[str, ...], row: str) -> str:
    parts = [f"coalesce({row}{col}, '')" for col in columns]
    return "kith_fold(" + " || ' ' || ".join(parts) + ")"


def fts_install_sql(name: str, code: int, table: str, columns: tuple[str, ...]) -> list[str]:
    """Return the SQL that indexes ``table``'s rows and keeps the index in step (triggers)."""
    base, name = code * CODE_SHIFT, name.replace("-", "_")
    insert = (f"INSERT INTO {FTS_TABLE}(rowid, body) SELECT {base} + new.id, {_body(columns, 'new.')} "
              f"WHERE {_body(columns, 'new.')} != ''")
    delete = f"DELETE FROM {FTS_TABLE} WHERE rowid = {base} + old.id"
    cols = ", ".join(columns)
    return [
        f"DROP TRIGGER IF EXISTS search_{name}_ai",
        f"DROP TRIGGER IF EXISTS search_{name}_ad",
        f"DROP TRIGGER IF EXISTS search_{name}_au",
        f"CREATE TRIGGER search_{name}_ai AFTER INSERT ON {table} BEGIN {insert}; END",
        f"CREATE TRIGGER search_{name}_ad AFTER DELETE ON {table} BEGIN {delete}; END",
        f"CREATE TRIGGER search_{name}_au AFTER UPDATE OF {cols} ON {table} BEGIN {delete}; {insert}; END",
        f"DELETE FROM {FTS_TABLE} WHERE rowid BETWEEN {base} AND {base + CODE_SHIFT - 1}",
        f"INSERT INTO {FTS_TABLE}(rowid, body) SELECT {base} + id, body FROM "
        f"(SELECT id, {_body(columns, '')} AS body FROM {table}) WHERE body != ''",
    ]
