"""Provides restore(): load a JSON or TOML export into an EMPTY kith database.

Generic like the export: every table of the file is written back column by column, in one
``BEGIN IMMEDIATE`` transaction with foreign keys checked at commit. Rows go in children first,
so triggers that keep a parent in step (e.g. a contact's last touch) find no parent yet and
cannot alter the restored values; FTS triggers on each table still rebuild the search index.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from kith.store.core.db import db, write
from kith.store.core.errors import StoreError
from kith.store.core.validate import text_problem
from kith.store.transfer.exporters import FORMAT, FORMAT_VERSION, data_tables
from kith.store.transfer.importers.common import read_text

# Columns renamed by a migration: (schema that renamed it, table, old name) -> new name, so an
# export from before still restores (schema 6 made mentor roles dated periods).
RENAMED = {(6, "mentor_role", "since"): "started"}


def _current_name(schema: int, table: str, column: str) -> str:
    for (since, t, old), new in RENAMED.items():
        if schema < since and t == table and old == column:
            return new
    return column


class RestoreError(StoreError):
    """The file cannot be restored; nothing was written."""


def load_export(path: Path | str) -> dict:
    """Read a kith JSON or TOML export (by content, not by name)."""
    text = read_text(path)
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise RestoreError(f"{path} is not valid JSON ({str(exc)[:120]})") from None
    else:
        import tomllib

        try:
            data = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError) as exc:
            raise RestoreError(f"{path} is neither JSON nor valid TOML ({str(exc)[:120]})") from None
        for t in (data.get("tables") or {}).values():
            if isinstance(t, dict) and isinstance(t.get("rows"), list):
                t["rows"] = [[r.get(c) for c in t.get("columns", [])] for r in t["rows"] if isinstance(r, dict)]
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("tables"), dict):
        raise RestoreError(f"{path} is not a kith JSON or TOML export")
    version = data.get("version")
    if type(version) is not int or version != FORMAT_VERSION:  # noqa: E721 (True is not version 1)
        raise RestoreError(f"{path} is a kith export of format version {str(version)[:20]!r}; "
                           f"this kith reads version {FORMAT_VERSION} only")
    return data


def _value(v):
    if isinstance(v, dict) and "$base64" in v:
        return base64.b64decode(v["$base64"])
    return v


def _check_texts(path, table: str, cols: list[str], rows: list[list]) -> None:
    # The store's text rule (no NUL, no lone surrogate) holds for restored rows too; a restore
    # is all or nothing, so the first bad value names its row and column and nothing is written.
    for number, row in enumerate(rows, 1):
        for col, value in zip(cols, row):
            problem = text_problem(value) if isinstance(value, str) else None
            if problem:
                raise RestoreError(
                    f"{path}: table {table}, row {number}, {col}: the value {problem}; nothing was restored")


def _children_first(tables: list[str]) -> list[str]:
    parents = {t: {r[2] for r in db.execute_sql(f'PRAGMA foreign_key_list("{t}")')} - {t} for t in tables}
    order: list[str] = []
    remaining = list(tables)
    while remaining:
        # a table goes once nothing remaining refers to it (its children are already in)
        ready = [t for t in remaining if not any(t in parents[o] for o in remaining if o != t)]
        if not ready:
            ready = remaining[:1]  # a cycle: deferred foreign keys make any order valid
        for t in ready:
            order.append(t)
            remaining.remove(t)
    return order


def _index_foreign_keys(tables: list[str]) -> list[str]:
    """Index every foreign-key column that has no index yet; return the new indexes' names.

    Children go in before their parents, so every child row is a deferred violation until its
    parent arrives, and SQLite then looks for the parent's children: without an index that is a
    scan of the child table per parent row (a 30,000-contact restore took minutes).
    """
    made = []
    for table in tables:
        indexed = {db.execute_sql(f'PRAGMA index_info("{name}")').fetchone()[2]
                   for _, name, *_ in db.execute_sql(f'PRAGMA index_list("{table}")')}
        for column in sorted({r[3] for r in db.execute_sql(f'PRAGMA foreign_key_list("{table}")')} - indexed):
            name = f"restore_{table}_{column}"
            db.execute_sql(f'CREATE INDEX "{name}" ON "{table}" ("{column}")')
            made.append(name)
    return made


def _search_triggers_aside(tables: list[str]) -> list[tuple[object, str]]:
    """Drop the insert triggers that index the restored tables' text; return (kind, trigger SQL).

    Indexing row by row from a trigger cost about 80 µs a row; the rows are indexed in one pass
    afterwards (``_index_search``), with the same SQL the kind's migration uses.
    """
    from kith.store.search.registry import KINDS

    aside = []
    for kind in KINDS.values():
        if kind.fts_columns and kind.table in tables:
            name = f"search_{kind.name.replace('-', '_')}_ai"
            row = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                 (name,)).fetchone()
            if row:
                db.execute_sql(f'DROP TRIGGER "{name}"')
                aside.append((kind, row[0]))
    return aside


def _index_search(aside: list[tuple[object, str]]) -> None:
    from kith.store.search.registry import CODE_SHIFT, FTS_TABLE, fts_reindex_sql
    from kith.store.search.words import add_words, forget_words

    for kind, trigger in aside:
        db.execute_sql(trigger)
        rows = f"rowid BETWEEN {kind.rowid_base} AND {kind.rowid_base + CODE_SHIFT - 1}"
        forget_words(rows)  # the word index is counted here, in one pass (store/search/words.py)
        for sql in fts_reindex_sql(kind, words=False):
            db.execute_sql(sql)
        add_words(body for (body,) in db.execute_sql(f"SELECT body FROM {FTS_TABLE} WHERE {rows}"))


def restore(path: Path | str) -> dict[str, int]:
    """Load the export at ``path``; return rows written per table.

    Raises:
        RestoreError: not an export, from a newer schema, or the database is not empty.
    """
    data = load_export(path)
    version = db.execute_sql("PRAGMA user_version").fetchone()[0]
    if int(data.get("schema") or 0) > version:
        raise RestoreError(f"{path} comes from a newer kith (schema {data.get('schema')}, this one {version})")
    ours = set(data_tables())
    unknown = [t for t in data["tables"] if t not in ours]
    if unknown:
        raise RestoreError(f"{path} has tables this kith does not know: {', '.join(sorted(unknown))}")
    counts: dict[str, int] = {}
    with write():
        if db.execute_sql("SELECT count(*) FROM contact").fetchone()[0]:
            raise RestoreError("the database is not empty: restore into a new one (kith --db NEW.db restore FILE)")
        db.execute_sql("PRAGMA defer_foreign_keys = ON")
        made = _index_foreign_keys(list(data["tables"]))
        aside = _search_triggers_aside(list(data["tables"]))
        for table in _children_first(list(data["tables"])):
            t = data["tables"][table]
            cols = [_current_name(int(data.get("schema") or 0), table, c) for c in t.get("columns") or []]
            have = {r[1] for r in db.execute_sql(f'PRAGMA table_info("{table}")')}
            missing = [c for c in cols if c not in have]
            if missing:
                raise RestoreError(f"{path}: table {table} has columns this kith does not know: {', '.join(missing)}")
            # rows a migration seeded are replaced by the export's own
            db.execute_sql(f'DELETE FROM "{table}"')
            if not cols or not t.get("rows"):
                counts[table] = 0
                continue
            sql = (f'INSERT INTO "{table}" ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in cols)}) '
                   f'VALUES ({", ".join("?" * len(cols))})')
            rows = [[_value(v) for v in r] for r in t["rows"]]
            if any(len(r) != len(cols) for r in rows):
                raise RestoreError(f"{path}: table {table} has a row with the wrong number of values")
            _check_texts(path, table, cols, rows)
            db.cursor().executemany(sql, rows)
            counts[table] = len(rows)
        if int(data.get("schema") or 0) < 18:  # a thank-you's channel still in its note, as before m0018
            from kith.store.core.migrations.m0018_thank_channel import move_channels_out_of_notes

            move_channels_out_of_notes(db)
        for name in made:
            db.execute_sql(f'DROP INDEX "{name}"')
        _index_search(aside)
    return counts
