"""Provides a frozen copy of the full-text trigger SQL, as migrations 3 to 5 installed it, and of
the word index migration 23 added beside it (``words_install_sql``, ``with_words``).

Migrations never import live modules: if search's registry changes later, databases built by
these migrations must still come out the same. A kind here is (name, code, table, columns).
"""

from __future__ import annotations

import re

FTS_TABLE = "search_fts"
CODE_SHIFT = 2 ** 40


def _body(columns: tuple[str, ...], row: str) -> str:
    parts = [f"coalesce({row}{col}, '')" for col in columns]
    return "kith_fold(" + " || ' ' || ".join(parts) + ")"


def fts_install_sql(name: str, code: int, table: str, columns: tuple[str, ...]) -> list[str]:
    """Return the SQL that indexes ``table``'s rows and keeps the index in step (triggers), as
    migrations before 23 did. A later migration adding a kind must pass each statement through
    ``with_words`` and count the words of the rows it indexes, or the word index drifts."""
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


# -- the word index (migration 23 on): the spelling vocabulary of typo search ------------------

WORDS_TABLE = "search_fts_words"
"""Each word of ``search_fts``'s text (3+ letters or digits) with how many rows hold it. Named as
the index's own: derived data, never exported, restored or merged."""
_DELETE = re.compile(rf"DELETE FROM {FTS_TABLE} WHERE rowid = (\d+) \+ old\.id")
_INSERT = re.compile(rf"INSERT INTO {FTS_TABLE}\(rowid, body\) SELECT (\d+) \+ new\.id")


def _words_of_row(rowid: str) -> str:
    return f"json_each(kith_words((SELECT body FROM {FTS_TABLE} WHERE rowid = {rowid})))"


def words_install_sql() -> list[str]:
    """Create the word index and fill it from ``search_fts``."""
    return [
        f"CREATE TABLE {WORDS_TABLE} (word TEXT PRIMARY KEY, uses INTEGER NOT NULL) WITHOUT ROWID",
        f"INSERT INTO {WORDS_TABLE} (word, uses) SELECT value, count(*) FROM {FTS_TABLE}, "
        "json_each(kith_words(body)) GROUP BY value",
    ]


def with_words(trigger_sql: str) -> str:
    """A search trigger's SQL that keeps the word index in step with ``search_fts`` as well: a row's
    words are counted out before it leaves ``search_fts`` and counted in after it arrives."""
    def forget(m: re.Match) -> str:
        row = f"{m[1]} + old.id"
        return (f"UPDATE {WORDS_TABLE} SET uses = uses - 1 WHERE word IN (SELECT value FROM {_words_of_row(row)}); "
                f"DELETE FROM {WORDS_TABLE} WHERE uses <= 0 AND word IN (SELECT value FROM {_words_of_row(row)}); "
                f"{m[0]}")

    sql, deletes = _DELETE.subn(forget, trigger_sql)
    insert = _INSERT.search(sql)
    # What each event must do to search_fts: a trigger of another shape would let the words drift.
    needs_delete, needs_insert = (" AFTER DELETE ON " in sql or " AFTER UPDATE " in sql,
                                  " AFTER INSERT ON " in sql or " AFTER UPDATE " in sql)
    if deletes != needs_delete or bool(insert) != needs_insert or (insert and not sql.endswith("; END")):
        raise ValueError(f"unexpected search trigger: {trigger_sql}")
    if insert:
        row = f"{insert[1]} + new.id"
        sql = (f"{sql[:-len(' END')]} INSERT INTO {WORDS_TABLE} (word, uses) SELECT value, 1 FROM "
               f"{_words_of_row(row)} WHERE true ON CONFLICT (word) DO UPDATE SET uses = uses + 1; END")
    return sql
