"""Provides the long-text side of search: notes, touches and follow-ups found in the FTS5 index.

``full_text`` asks the trigram table ``search_fts`` for rows whose text holds every word (each
word may come with its corrections: ``artcle`` or ``article``), optionally only rows of some
contacts (a mixed query, ``ada engines``), newest first; it scores them into ``hits``.
Used by store/search.py; nothing here imports Textual.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from kith.store.core.fold import fold
from kith.store.search.registry import CODE_SHIFT, FTS_TABLE, SearchKind

FTS_BASE = 45.0
"""An exact substring in long text scores 45..65: above weak typo matches, below name matches."""
LONG_TEXT = 5000
"""Texts longer than this are folded only near the match (speed)."""
POOL = 60
"""Candidates taken from each source for any limit up to this (the screen shows 50):
``kith find`` and the screen rank the same candidates, so they list hits in one order."""
MIXED_BONUS = 5.0
"""A note of someone whose company or tags hold the other words ranks this much above plain notes."""
MANY = 1000
"""More matches than this are ranked by walking the kind's rows newest first (see ``candidates``)."""
CORRECTED = 90.0
"""What a corrected word (artcle -> article) is worth against one matched as typed (100)."""


@dataclass
class Hit:
    """One candidate result while ranking."""

    kind: SearchKind
    id: int
    score: float
    in_text: bool = False
    """The long text matched too: quote it as the snippet."""
    from_text: bool = False
    """Found only by the long text (so the title need not match)."""
    archived: bool = False
    exact: bool = False
    """Every word matched as typed (no typo, no correction)."""
    when: str = ""
    """Newest first among equal scores (a touch's date, a contact's last touch)."""
    words: tuple[str, ...] = ()
    """The words to quote in the long text (a corrected word instead of its typo)."""


@dataclass(frozen=True)
class People:
    """A mixed query (``ada engines``): these words matched these contacts' short fields."""

    words: tuple[str, ...]
    scores: dict[int, float]
    """contact id -> summed match score of ``words`` (100 per word: only exact matches count)."""


@dataclass
class Asked:
    """What one search has worked out so far (its typo pass would repeat some of it)."""

    pool: int
    """Candidates taken per source."""
    queries: set = field(default_factory=set)
    by_word: dict[str, set[int]] | None = None
    """Query word -> positions of the contacts whose short fields hold it."""


_reader: sqlite3.Connection | None = None
"""A plain read-only connection that stands in for the store's database (``kith find``'s light
path, which never imports peewee); None: the store's open database."""


def read_through(conn: sqlite3.Connection | None) -> None:
    """Let search read through ``conn`` instead of the store's database (None: back to it)."""
    global _reader
    _reader = conn


def execute(sql: str, params: tuple = ()):
    """Run one read on the database search is reading; return the cursor."""
    if _reader is not None:
        return _reader.execute(sql, params)
    from kith.store.core.db import db

    return db.execute_sql(sql, params)


def stamp() -> tuple:
    """What changes when anything is written: the file, another connection's commits, ours."""
    if _reader is not None:
        return (id(_reader), _reader.execute("PRAGMA data_version").fetchone()[0], _reader.total_changes)
    from kith.store.core.db import data_version, db

    # data_version moves when ANOTHER connection commits; total_changes when this one writes.
    return (db.database, data_version(), db.connection().total_changes)


def order(hit: Hit) -> tuple:
    # One order for every caller (the screen, kith find): score, then newest, then latest row.
    return round(hit.score, 6), hit.when, hit.id


def fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def candidates(kind: SearchKind, match: str, people: People | None, pool: int) -> list[tuple[int, str]]:
    """Ids (and recency) of ``kind``'s rows whose text matches, newest first, at most ``pool``."""
    base = kind.rowid_base
    inner = (f"SELECT rowid - {base} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? "
             f"AND rowid BETWEEN {base} AND {base + CODE_SHIFT - 1}")
    if kind.newest is None and people is None:
        sql = f"{inner} ORDER BY rowid DESC LIMIT {int(pool)}"
        return [(r[0], "") for r in execute(sql, (match,)).fetchall()]
    # Few matches: look each one up by id. Many (a common word): walk the rows newest first (an
    # index on ``newest`` when there is one) until enough match; looking up 10,000 ids costs 15 ms.
    many = execute(f"SELECT count(*) FROM ({inner} LIMIT {MANY + 1})", (match,)).fetchone()[0] > MANY
    where = f"{'+' if many else ''}id IN ({inner})"
    if people is not None:
        where += f" AND {kind.fts_contact} IN ({','.join(str(int(i)) for i in people.scores)})"
    sql = (f"SELECT id, {kind.newest or chr(39) * 2} FROM {kind.table} WHERE {where} "
           f"ORDER BY 2 DESC, id DESC LIMIT {int(pool)}")
    return [(r[0], str(r[1] or "")) for r in execute(sql, (match,)).fetchall()]


def full_text(kind: SearchKind, tokens: list[str], groups: list[tuple[str, ...]], hits: dict,
              done: Asked, people: People | None = None) -> None:
    """Score into ``hits`` the rows of ``kind`` whose text holds a word of every group.

    ``groups[i]`` is ``tokens[i]`` then its corrections. With ``people``, only rows of those
    contacts count, and the words they matched (``people.words``) add to the score.
    ``done`` skips a query already asked during this search.
    """
    # FTS5's query parser stops at a NUL ("unterminated string"): such words cannot be indexed anyway.
    clean = [tuple(w.replace("\x00", "") for w in g) for g in groups]
    searchable = [g for g in clean if len(g[0]) >= 3]
    if not searchable:
        return  # trigrams need 3 characters; short words are matched in the short fields
    match = " AND ".join("(" + " OR ".join(map(fts_phrase, g)) + ")" for g in searchable)
    asked = (kind.name, match, people.words if people else ())
    if asked in done.queries:
        return
    done.queries.add(asked)
    found = candidates(kind, match, people, done.pool)
    if not found:
        return
    shown = {row[0]: row for row in rows(kind, [rid for rid, _ in found])}
    n = len(tokens) + (len(people.words) if people else 0)
    for rid, when in found:
        row = shown.get(rid)
        if row is None:
            continue
        text, title = row[4] or "", fold(row[2] or "")
        words, quality, starts, whole = list(tokens), 100.0 * len(tokens), 0.0, 0.0
        if len(text) <= LONG_TEXT:
            folded = fold(text)
            words = [next((w for w in g if w and w in folded), "") for g in groups]
            if not all(words):
                continue  # a short word that is not in the text after all
            quality = sum(100.0 if w == g[0] else CORRECTED for w, g in zip(words, groups))
            padded = f" {folded}"
            starts = sum(1 for w in words if f" {w}" in padded)
            # A whole word (article) beats the start of a longer one (articles).
            starts += 0.4 * sum(1 for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", folded))
            whole = 10.0 if " ".join(words) in folded else 0.0
        exact = quality == 100.0 * len(tokens)
        if people is None:
            score = FTS_BASE + 10 * starts / n + whole - (100.0 * n - quality) / 10
        else:
            named = people.scores.get(row[1], 0.0)
            exact = exact and named == 100.0 * len(people.words)
            in_title = sum(1 for w in people.words if w in title)
            if in_title == len(people.words):
                # Their name and words of their notes: as strong as a name match (ada engines).
                starts += sum(1 for w in people.words if f" {w}" in f" {title}")
                score = 0.8 * (quality + named) / n + 4 * in_title / n + 6 * starts / n
            else:
                # Their company or a tag: a note hit, a little above the notes of anyone else.
                score = MIXED_BONUS + FTS_BASE + 10 * starts / n - (100.0 * n - quality - named) / 10
        score += kind.weight
        old = hits.get((kind.name, rid))
        if old is None or order(old) < (round(score, 6), when, rid):
            hits[(kind.name, rid)] = Hit(kind, rid, score, True, True, old.archived if old else False,
                                         exact or (old is not None and old.exact), when, tuple(words))
        else:
            old.in_text, old.exact = True, old.exact or exact
            old.words = old.words or tuple(words)


def rows(kind: SearchKind, ids: list[int]) -> list[tuple]:
    """``kind.rows_sql`` for ``ids``: (id, contact_id, title, detail, text) per row still there."""
    out = []
    for start in range(0, len(ids), 500):
        chunk = ",".join(str(int(i)) for i in ids[start:start + 500])
        out += execute(kind.rows_sql.format(ids=chunk)).fetchall()
    return out
