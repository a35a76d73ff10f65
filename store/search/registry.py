"""Provides the search registry: what each searchable kind of row is and how it is indexed.

A new entity becomes searchable WITHOUT touching search code, in two steps:

1. Declare it in its own store module (this file is light: no rapidfuzz, no Textual)::

       from kith.store.search.registry import SearchKind, register_kind

       register_kind(SearchKind(
           name="mentor-entry", label="Mentor", code=4, table="mentor_entry",
           rows_sql=("SELECT e.id, e.contact_id, c.name, e.kind || ' · ' || e.on_day, e.note "
                     "FROM mentor_entry e LEFT JOIN contact c ON c.id = e.contact_id WHERE e.id IN ({ids})"),
           fts_columns=("note",), fts_contact="contact_id",
       ))

   ``store.search`` finds such modules by itself: it imports every ``store/*.py`` whose text
   contains ``register_kind(`` before the first search.

2. In the entity's own migration, add the triggers that keep the full-text index in step and
   index the rows that already exist::

       from kith.store.search.registry import fts_install_sql
       from kith.store.mentors.value import MENTOR_KIND        # or build the SearchKind inline

       def up(db):
           ...create the table...
           for statement in fts_install_sql(MENTOR_KIND):   # one by one: trigger bodies hold ';'
               db.execute_sql(statement)

Fields of ``SearchKind``:

- ``name``: the ``--kind`` value and the label key (``contact``, ``touch``, ``follow-up``, ...).
- ``label``: what the search screen shows beside a result (``Touch``).
- ``code``: unique small integer. A row's full-text id is ``code * 2**40 + row id``, so every
  kind owns one contiguous rowid range of the shared FTS5 table ``search_fts``. Taken:
  1 contact, 2 touch, 3 follow-up; reserved: 4 mentor entries, 5 pitches; 6+ free.
- ``table``: the source table the triggers watch.
- ``rows_sql``: ``SELECT id, contact_id, title, detail, text ... WHERE <id> IN ({ids})``:
  the five columns shown for hits (``contact_id`` may be NULL, ``text`` is the long text whose
  match is quoted as the snippet). ``{ids}`` is replaced by a comma list of integers.
- ``fts_columns``: long-text columns indexed (folded) in ``search_fts`` (substring search).
- ``fts_contact``: unused by the index itself; documents which column links to a contact.
- ``short_sql``: optional ``SELECT id, key, title, sort, archived FROM ...``: rows whose
  already-folded ``key`` is fuzzy-matched (typo-tolerant) in memory; ``sort`` breaks ties
  (higher first, may be NULL), ``archived`` (0/1) ranks a row lower.
- ``opens``: what Enter does: ``contact`` opens the row's contact; ``mode:<name>`` switches
  the app to that area (which may implement ``show_search_result(result)``).
- ``weight``: added to every score of this kind (e.g. -5 ranks it below equal matches).
- ``newest``: optional SQL expression over ``table``'s columns (``date``) that orders its rows
  newest first among hits of equal score; without it the higher row id comes first.

The index holds FOLDED text (``kith_fold``, the SQL name of ``store.fold.fold``, registered on
every connection) because SQLite 3.40's trigram tokenizer cannot drop accents itself.
"""

from __future__ import annotations

from dataclasses import dataclass

FTS_TABLE = "search_fts"
WORDS_TABLE = "search_fts_words"
"""Each word of ``search_fts``'s text (3+ letters or digits) with how many rows hold it: the
spelling vocabulary. Derived like the index's own tables, so never exported or restored."""
CODE_SHIFT = 2 ** 40
"""A kind's rowid range starts at ``code * CODE_SHIFT``; row ids stay below it."""


@dataclass(frozen=True)
class SearchKind:
    """One searchable kind of row (see the module docstring)."""

    name: str
    label: str
    code: int
    table: str
    rows_sql: str
    fts_columns: tuple[str, ...] = ()
    fts_contact: str | None = "contact_id"
    short_sql: str | None = None
    opens: str = "contact"
    weight: float = 0.0
    newest: str | None = None

    @property
    def rowid_base(self) -> int:
        return self.code * CODE_SHIFT


KINDS: dict[str, SearchKind] = {}
"""Every registered kind by name, in registration order."""


def register_kind(kind: SearchKind) -> SearchKind:
    """Add ``kind`` to the registry (idempotent for the same declaration) and return it.

    Raises:
        ValueError: another kind already uses this name or code.
    """
    for other in KINDS.values():
        if other == kind:
            return kind
        if other.name == kind.name or other.code == kind.code:
            raise ValueError(f"search kind {kind.name!r} (code {kind.code}) clashes with {other.name!r}")
    if not 0 < kind.code < 8000:
        raise ValueError(f"search kind code must be 1..7999, not {kind.code}")
    KINDS[kind.name] = kind
    return kind


def _body(kind: SearchKind, row: str) -> str:
    parts = [f"coalesce({row}{col}, '')" for col in kind.fts_columns]
    return "kith_fold(" + " || ' ' || ".join(parts) + ")"


def _words_of_row(rowid: str) -> str:
    return f"json_each(kith_words((SELECT body FROM {FTS_TABLE} WHERE rowid = {rowid})))"


def fts_install_sql(kind: SearchKind) -> list[str]:
    """Return the SQL that indexes ``kind``'s existing rows and keeps the index in step.

    Triggers after insert, delete and update of the indexed columns; empty text is not stored.
    Each keeps the word index (``search_fts_words``) in step too: a row's words are counted out
    before it leaves ``search_fts`` and counted in after it arrives.
    """
    if not kind.fts_columns:
        return []
    base, t, name = kind.rowid_base, kind.table, kind.name.replace("-", "_")
    new, old = f"{base} + new.id", f"{base} + old.id"
    insert = (f"INSERT INTO {FTS_TABLE}(rowid, body) SELECT {new}, {_body(kind, 'new.')} "
              f"WHERE {_body(kind, 'new.')} != ''; "
              f"INSERT INTO {WORDS_TABLE} (word, uses) SELECT value, 1 FROM {_words_of_row(new)} "
              "WHERE true ON CONFLICT (word) DO UPDATE SET uses = uses + 1")
    delete = (f"UPDATE {WORDS_TABLE} SET uses = uses - 1 WHERE word IN (SELECT value FROM {_words_of_row(old)}); "
              f"DELETE FROM {WORDS_TABLE} WHERE uses <= 0 AND word IN (SELECT value FROM {_words_of_row(old)}); "
              f"DELETE FROM {FTS_TABLE} WHERE rowid = {old}")
    cols = ", ".join(kind.fts_columns)
    return [
        f"DROP TRIGGER IF EXISTS search_{name}_ai",
        f"DROP TRIGGER IF EXISTS search_{name}_ad",
        f"DROP TRIGGER IF EXISTS search_{name}_au",
        f"CREATE TRIGGER search_{name}_ai AFTER INSERT ON {t} BEGIN {insert}; END",
        f"CREATE TRIGGER search_{name}_ad AFTER DELETE ON {t} BEGIN {delete}; END",
        f"CREATE TRIGGER search_{name}_au AFTER UPDATE OF {cols} ON {t} BEGIN {delete}; {insert}; END",
        *fts_reindex_sql(kind),
    ]


def count_words(rows: str, sign: str) -> str:
    """SQL that adds (``+``) or takes away (``-``) the words of ``search_fts``'s ``rows``."""
    counted = (f"SELECT value AS word, count(*) AS n FROM {FTS_TABLE}, json_each(kith_words(body)) "
               f"WHERE {FTS_TABLE}.{rows} GROUP BY value")
    if sign == "+":
        return (f"INSERT INTO {WORDS_TABLE} (word, uses) SELECT word, n FROM ({counted}) WHERE true "
                "ON CONFLICT (word) DO UPDATE SET uses = uses + excluded.uses")
    return (f"UPDATE {WORDS_TABLE} SET uses = uses - counted.n FROM ({counted}) AS counted "
            f"WHERE {WORDS_TABLE}.word = counted.word")


def fts_reindex_sql(kind: SearchKind, words: bool = True) -> list[str]:
    """Return the SQL that drops and re-adds every indexed row of ``kind``: in both indexes, or
    only in ``search_fts`` when ``words`` is False (the word index is then counted again whole)."""
    if not kind.fts_columns:
        return []
    base = kind.rowid_base
    rows = f"rowid BETWEEN {base} AND {base + CODE_SHIFT - 1}"
    return [
        *([count_words(rows, "-"), f"DELETE FROM {WORDS_TABLE} WHERE uses <= 0"] if words else []),
        f"DELETE FROM {FTS_TABLE} WHERE {rows}",
        f"INSERT INTO {FTS_TABLE}(rowid, body) SELECT {base} + id, body FROM "
        f"(SELECT id, {_body(kind, '')} AS body FROM {kind.table}) WHERE body != ''",
        *([count_words(rows, "+")] if words else []),
    ]


def words_rebuild_sql() -> list[str]:
    """Return the SQL that counts the word index again from ``search_fts`` (after a repair)."""
    return [f"DELETE FROM {WORDS_TABLE}", count_words("rowid IS NOT NULL", "+")]


# -- the kinds of the foundation ------------------------------------------------------------

CONTACT = register_kind(SearchKind(
    name="contact", label="Contact", code=1, table="contact",
    rows_sql=("SELECT id, id, name, trim(role || CASE WHEN role != '' AND company != '' THEN ' · ' ELSE '' END "
              "|| company || CASE WHEN location != '' THEN ' · ' || location ELSE '' END), notes "
              "FROM contact WHERE id IN ({ids})"),
    fts_columns=("notes",), fts_contact="id", newest="updated",
    short_sql="SELECT id, search_key, name, last_touch_on, archived FROM contact",
))
TOUCH = register_kind(SearchKind(
    name="touch", label="Touch", code=2, table="touch",
    rows_sql=("SELECT t.id, t.contact_id, c.name, t.kind || ' · ' || t.date, t.note "
              "FROM touch t JOIN contact c ON c.id = t.contact_id WHERE t.id IN ({ids})"),
    fts_columns=("note",), newest="date",
))
FOLLOW_UP = register_kind(SearchKind(
    name="follow-up", label="Follow-up", code=3, table="follow_up",
    rows_sql=("SELECT f.id, f.contact_id, c.name, "
              "CASE WHEN f.done THEN 'done · ' ELSE 'due · ' END || f.due, f.what "
              "FROM follow_up f JOIN contact c ON c.id = f.contact_id WHERE f.id IN ({ids})"),
    fts_columns=("what",), newest="due",
))
