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


# -- the word index (migration 23 on): the spelling vocabulary of typo search ------------------

WORDS_TABLE = "search_words"
WORDS_VOCAB = "search_words_vocab"
_DELETE = re.compile(rf"DELETE FROM {FTS_TABLE} WHERE rowid = (\d+) \+ old\.id")
_INSERT = re.compile(rf"INSERT INTO {FTS_TABLE}\(rowid, body\) SELECT (\d+) \+ new\.id")


def words_install_sql() -> list[str]:
    """Create the word index (filled from ``search_fts``) and the table that lists its words.

    Contentless (the text is in ``search_fts`` already) and without positions: it answers one
    question, which words exist, through ``search_words_vocab``.
    """
    return [
        f"CREATE VIRTUAL TABLE {WORDS_TABLE} USING fts5(body, content = '', detail = none, "
        "tokenize = 'unicode61 remove_diacritics 0')",
        f"CREATE VIRTUAL TABLE {WORDS_VOCAB} USING fts5vocab({WORDS_TABLE}, 'row')",
        f"INSERT INTO {WORDS_TABLE}(rowid, body) SELECT rowid, body FROM {FTS_TABLE}",
    ]


def with_words(trigger_sql: str) -> str:
    """A search trigger's SQL that keeps the word index in step with ``search_fts`` as well.

    A contentless index forgets a row only when told the text it indexed: that is read from
    ``search_fts`` before the row leaves it, and a new row's text after it arrives.
    """
    sql = _DELETE.sub(lambda m: f"INSERT INTO {WORDS_TABLE}({WORDS_TABLE}, rowid, body) SELECT 'delete', "
                                f"rowid, body FROM {FTS_TABLE} WHERE rowid = {m[1]} + old.id; {m[0]}", trigger_sql)
    insert = _INSERT.search(sql)
    if insert:
        if not sql.endswith("; END"):
            raise ValueError(f"unexpected search trigger: {trigger_sql}")
        sql = (f"{sql[:-len(' END')]} INSERT INTO {WORDS_TABLE}(rowid, body) SELECT rowid, body "
               f"FROM {FTS_TABLE} WHERE rowid = {insert[1]} + new.id; END")
    return sql
