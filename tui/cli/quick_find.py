"""Provides ``kith find``'s light path: the same search over a plain read-only ``sqlite3`` connection.

A cold ``kith find`` spent most of its time importing peewee, every area's models and queue
sources (``store.wiring``) and building every subcommand's parser, to run one read. Here the
command line is read by hand, only the search kinds' declarations are imported
(``store.search_kinds``), and the one ranking (``store.search.engine``) reads through a
``file:...?mode=ro`` connection.

Only the plain, healthy case is answered here: a simple command line, a kith database of the
current schema whose file is as it was at its last clean close. Anything else (another option,
``--kind``, a bad config, a missing, foreign, damaged or older database, text that is not UTF-8,
any SQLite error) returns None and the full command runs, with its messages and exit statuses.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from urllib.parse import quote

MAX_LIMIT = 500
DEFAULT_LIMIT = 20
SQLITE_MAGIC = b"SQLite format 3\x00"


def parse(argv: list[str]) -> tuple[list[str], str | None, str | None, bool, int] | None:
    """(query words, --db, --config, --json, --limit) of a plain ``kith find`` line, else None."""
    options: dict[str, str] = {}
    words: list[str | None] = []
    as_json = seen_find = False
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        name, eq, value = arg.partition("=")
        if seen_find and arg and not arg.startswith("-"):
            if words and words[-1] is None:
                return None  # words after an option: argparse's one run of QUERY words rejects it
            words.append(arg)
            continue
        if words and words[-1] is not None:
            words.append(None)  # the run of words has ended
        if name in ("--db", "--config", "--limit") and (seen_find or name != "--limit"):
            if name in options or not (eq or rest):
                return None  # given twice or without a value: argparse decides
            options[name] = value if eq else rest.pop(0)
            if options[name].startswith("-"):
                return None
        elif arg == "find" and not seen_find:
            seen_find = True
        elif seen_find and arg == "--json" and not as_json:
            as_json = True
        else:
            return None  # anything else (help, --kind, an abbreviation, a word before find)
    query = [w for w in words if w is not None]
    if not seen_find or not query:
        return None
    limit = DEFAULT_LIMIT
    if "--limit" in options:
        text = options["--limit"]
        if not text.isdigit() or not 1 <= int(text) <= MAX_LIMIT:
            return None
        limit = int(text)
    return query, options.get("--db"), options.get("--config"), as_json, limit


def quick_find(argv: list[str]) -> int | None:
    """Answer ``kith find`` on the light path; return its exit status, or None for the full path."""
    parsed = parse(argv)
    if parsed is None:
        return None
    words, db_arg, config_arg, as_json, limit = parsed
    store_loaded = "kith.store" in sys.modules
    import kith

    kith.light_store = True  # the store's package skips its wiring (peewee, every area)
    try:
        results = _search(" ".join(words), db_arg, config_arg, limit)
    finally:
        kith.light_store = False
    if results is None:
        if not store_loaded:
            import kith.store.wiring  # noqa: F401 (the full path needs what importing the store loads)
        return None
    return print_results(results, " ".join(words), as_json)


def _search(query: str, db_arg: str | None, config_arg: str | None, limit: int):
    """The results, or None when the full path must answer (it says why, exits as it always did)."""
    try:
        from kith.store.core.fold import fold

        if not fold(query) or any("\ud800" <= c <= "\udfff" or c == "\x00" for c in query):
            return None
        if db_arg is not None and not db_arg.strip():  # the full command says why
            return None
        path = _database(db_arg, config_arg).expanduser().absolute()
        conn = _open(path)
    except Exception:  # a bad config, path or file: the full path reports it
        return None
    if conn is None:
        return None
    from kith.store.search import engine
    from kith.store.search.text import read_through

    engine.forget(whole=False)
    read_through(conn)
    try:
        results = engine.search(query, limit=limit)
    except Exception:  # damage, text that is not UTF-8 (sqlite3 refuses it), a lock: the full path says
        return None
    finally:
        read_through(None)
        engine.forget()
        conn.close()
    return results


def _database(db_arg: str | None, config_arg: str | None) -> Path:
    """The database in force. Without a config file (the default) the config's checks are not
    even imported: 5 ms of a cold ``kith find``."""
    from kith.tui.paths import config_path, database_file

    if config_arg is None and not os.environ.get("KITH_CONFIG") and not config_path().exists():
        return database_file(db_arg, None)
    from kith.tui.config import database_path, load_config

    return database_path(load_config(config_arg), db_arg)


def _open(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to a sound kith database of this code's schema, else None."""
    from kith.store.core.integrity import recorded_clean
    from kith.store.core.migrations import APPLICATION_ID, latest

    if not path.is_file() or path.stat().st_size == 0 or not recorded_clean(path):
        return None  # missing, empty, or changed since its last check: the full path checks it
    with open(path, "rb") as f:
        if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            return None
    conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=10,
                           isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA query_only = 1")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID or version != latest():
            conn.close()
            return None
        from kith.store.core.fold import fold

        conn.create_function("kith_fold", 1, fold, deterministic=True)
    except sqlite3.Error:
        conn.close()
        return None
    return conn


def print_results(results: list, query: str, as_json: bool) -> int:
    """Print search results as ``kith find`` does (both paths); return the exit status."""
    from kith.tui.cli.output import dump_json, say

    if as_json:
        dump_json([r.as_dict() for r in results])
        return 0 if results else 1
    if not results:
        say(f"No matches for {query!r}.")
        return 1
    width = max(len(r.label) for r in results)
    for r in results:
        head = f"{r.label:<{width}}  #{r.id:<5} {r.title}"
        if r.detail:
            head += f"  ({r.detail})"
        if r.archived:
            head += "  [archived]"
        say(head)
        if r.snippet:
            say(" " * (width + 2), "matched:", r.snippet)
    return 0
