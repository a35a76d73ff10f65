"""Provides search across everything: one ranked list from fuzzy short fields and full-text notes.

``search(query, limit=30, kinds=None) -> list[SearchResult]``

How it ranks (all comparisons on FOLDED text, see store/fold.py):

- Short fields (a contact's name, company, role, location, emails, tags: ``contact.search_key``;
  any kind's ``short_sql`` key) are held in memory and matched per query word with rapidfuzz
  (exact substring first, ``partial_ratio`` for typos on words of 4+ characters; every word
  must match). A match in the title (the name) counts more, as do matches at a word start.
- Long text (contact notes, touch notes, follow-ups, and whatever later kinds index) is found by
  the FTS5 trigram table ``search_fts`` (substring, 3+ characters), newest rows first.

New kinds register themselves; see store/search_registry.py (``SearchKind``, ``register_kind``,
``fts_install_sql``). Nothing here imports Textual.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from kith.store.core.db import data_version, db
from kith.store.core.fold import fold
from kith.store.search.match import Span, match_spans, snippet, typo_cutoff
from kith.store.search.registry import CODE_SHIFT, FTS_TABLE, KINDS, SearchKind

MAX_TOKENS = 6
TYPO_MIN = 5
"""Words shorter than this match exactly: one typo in four letters matches half the network."""
FTS_BASE = 45.0
"""An exact substring in long text scores 45..65: above weak typo matches, below name matches."""
SNIPPET_WIDTH = 90
LONG_TEXT = 5000
"""Texts longer than this are folded only near the match (speed)."""


@dataclass(frozen=True)
class SearchResult:
    """One hit, ready to show: spans say which characters matched (for highlighting)."""

    kind: str
    label: str
    id: int
    contact_id: int | None
    title: str
    detail: str
    snippet: str
    score: float
    opens: str = "contact"
    title_spans: tuple[Span, ...] = ()
    detail_spans: tuple[Span, ...] = ()
    snippet_spans: tuple[Span, ...] = ()
    archived: bool = False

    def as_dict(self) -> dict:
        """The result as plain data (``kith find --json``)."""
        return {"kind": self.kind, "id": self.id, "contact_id": self.contact_id, "title": self.title,
                "detail": self.detail, "matched": self.snippet, "score": round(self.score, 1)}


def load_kinds() -> dict[str, SearchKind]:
    """Return the registry (filled by ``kith.store.wiring`` when the store is imported)."""
    return KINDS


@dataclass
class _Short:
    ids: list[int]
    keys: list[str]
    titles: list[str]
    sorts: list
    archived: list[bool]
    _where: dict[int, int] | None = None

    def key_of(self, row_id: int) -> str | None:
        """The key of one row (the id -> position map is built on first use)."""
        if self._where is None:
            self._where = {rid: i for i, rid in enumerate(self.ids)}
        at = self._where.get(row_id)
        return None if at is None else self.keys[at]


@dataclass
class _Hit:
    kind: SearchKind
    id: int
    score: float
    in_text: bool = False
    """The long text matched too: quote it as the snippet."""
    from_text: bool = False
    """Found only by the long text (so the title need not match)."""
    archived: bool = False


class SearchIndex:
    """The in-memory side of the index (short fields), reloaded when the database changes."""

    def __init__(self) -> None:
        self._stamp: tuple | None = None
        self._short: dict[str, _Short] = {}

    def _current_stamp(self) -> tuple:
        conn = db.connection()
        # data_version moves when ANOTHER connection commits; total_changes when this one writes.
        return (db.database, data_version(), conn.total_changes)

    def refresh(self) -> None:
        """Reload the short fields if anything was written since the last load."""
        stamp = self._current_stamp()
        if stamp == self._stamp:
            return
        self._short = {}
        for kind in load_kinds().values():
            if kind.short_sql:
                rows = db.execute_sql(kind.short_sql).fetchall()
                self._short[kind.name] = _Short(
                    [r[0] for r in rows], [r[1] or "" for r in rows], [r[2] or "" for r in rows],
                    [r[3] or "" for r in rows], [bool(r[4]) for r in rows])
        self._stamp = self._current_stamp()

    # -- matching -------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 30, kinds: list[str] | None = None) -> list[SearchResult]:
        """Return up to ``limit`` results for ``query``, best first (empty query: nothing)."""
        tokens = list(dict.fromkeys(fold(query).split()))[:MAX_TOKENS]
        if not tokens or limit <= 0:
            return []
        self.refresh()
        chosen = [k for k in load_kinds().values() if kinds is None or k.name in kinds]
        hits: dict[tuple[str, int], _Hit] = {}
        for kind in chosen:
            if kind.name in self._short:
                for hit in self._fuzzy(kind, tokens, limit):
                    hits[(kind.name, hit.id)] = hit
        for kind in chosen:
            if kind.fts_columns:
                self._full_text(kind, tokens, limit, hits)
        ranked = sorted(hits.values(), key=lambda h: -h.score)[: limit * 2]
        return self._results(ranked, tokens, limit)

    def _fuzzy(self, kind: SearchKind, tokens: list[str], limit: int) -> list[_Hit]:
        from rapidfuzz import fuzz, process

        short = self._short[kind.name]
        keys = short.keys
        scores: dict[int, float] | None = None
        for token in tokens:
            pool = range(len(keys)) if scores is None else list(scores)
            found = {i: 100.0 for i in pool if token in keys[i]}
            if len(token) >= TYPO_MIN and len(found) < limit * 2:
                # Typo tolerance only where exact hits are few: it costs a pass over every key.
                choices = keys if scores is None else {i: keys[i] for i in scores}
                for _, score, i in process.extract(token, choices, scorer=fuzz.partial_ratio, processor=None,
                                                   score_cutoff=typo_cutoff(token), limit=None):
                    found.setdefault(i, score)
            scores = found if scores is None else {i: scores[i] + s for i, s in found.items() if i in scores}
            if not scores:
                return []
        assert scores is not None
        n = len(tokens)
        sorts = short.sorts
        best = heapq.nlargest(max(limit * 3, 60), scores, key=lambda i: (scores[i], str(sorts[i])))
        out = []
        joined = " ".join(tokens)
        for i in best:
            key_mean = scores[i] / n  # how well the words match any short field (0..100)
            title = fold(short.titles[i])
            in_title = starts = 0
            for token in tokens:
                if token in title or (len(token) >= TYPO_MIN and fuzz.partial_ratio(
                        token, title, processor=None, score_cutoff=typo_cutoff(token))):
                    in_title += 1
                if f" {token}" in f" {keys[i]}" or f" {token}" in f" {title}":
                    starts += 1
            # An exact match in any field (a company, a tag) is a strong hit (80); matching the
            # name, at word starts, most of a short name, or its start ranks higher (up to 99).
            score = 0.8 * key_mean + 8 * in_title / n + 6 * starts / n
            if in_title == n and title:
                score += 3 * min(1.0, len(joined) / len(title))
            if title.startswith(joined):
                score += 2
            if short.archived[i]:
                score -= 8
            out.append(_Hit(kind, short.ids[i], score + kind.weight, archived=short.archived[i]))
        return out

    def _full_text(self, kind: SearchKind, tokens: list[str], limit: int, hits: dict) -> None:
        # FTS5's query parser stops at a NUL ("unterminated string"): such words cannot be indexed anyway.
        long_tokens = [t.replace("\x00", "") for t in tokens if len(t.replace("\x00", "")) >= 3]
        if not long_tokens:
            return  # trigrams need 3 characters; short words are matched in the short fields
        match = " ".join('"' + t.replace('"', '""') + '"' for t in long_tokens)
        base = kind.rowid_base
        rows = db.execute_sql(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? AND rowid BETWEEN ? AND ? "
            "ORDER BY rowid DESC LIMIT ?", (match, base, base + CODE_SHIFT - 1, limit * 2)).fetchall()
        ids = [r[0] - base for r in rows]
        if not ids:
            return
        texts = {row[0]: row[4] or "" for row in self._rows(kind, ids)}
        joined = " ".join(tokens)
        for rank, rid in enumerate(ids):
            text = texts.get(rid)
            if text is None:
                continue
            score = FTS_BASE
            if len(text) <= LONG_TEXT:
                folded = fold(text)
                if any(t not in folded for t in tokens):
                    continue  # a short word that is not in the text after all
                padded = f" {folded}"
                starts = sum(1 for t in tokens if f" {t}" in padded)
                score += 10 * starts / len(tokens) + (10 if joined in folded else 0)
            score += kind.weight - rank * 0.01  # newest first among equals
            old = hits.get((kind.name, rid))
            if old is None or old.score < score:
                hits[(kind.name, rid)] = _Hit(kind, rid, score, True, True, old.archived if old else False)
            else:
                old.in_text = True

    def _rows(self, kind: SearchKind, ids: list[int]) -> list[tuple]:
        out = []
        for start in range(0, len(ids), 500):
            chunk = ",".join(str(int(i)) for i in ids[start:start + 500])
            out += db.execute_sql(kind.rows_sql.format(ids=chunk)).fetchall()
        return out

    def _results(self, ranked: list[_Hit], tokens: list[str], limit: int) -> list[SearchResult]:
        by_kind: dict[str, list[_Hit]] = {}
        for hit in ranked:
            by_kind.setdefault(hit.kind.name, []).append(hit)
        rows: dict[tuple[str, int], tuple] = {}
        for name, group in by_kind.items():
            for row in self._rows(group[0].kind, [h.id for h in group]):
                rows[(name, row[0])] = row
        out = []
        for hit in ranked:
            row = rows.get((hit.kind.name, hit.id))
            if row is None:
                continue  # deleted since the index was read
            _, contact_id, title, detail, text = (*row, "", "", "", "")[:5]
            title, detail, text = title or "", detail or "", text or ""
            title_spans = match_spans(title, tokens)
            detail_spans = match_spans(detail, tokens)
            if hit.in_text:
                shown, spans = _quote(text, tokens)
            elif not hit.from_text and not title_spans and not detail_spans:
                shown, spans = self._what_matched(hit, tokens)
            else:
                shown, spans = "", []
            out.append(SearchResult(
                hit.kind.name, hit.kind.label, hit.id, contact_id, title, detail, shown, hit.score,
                hit.kind.opens, tuple(title_spans), tuple(detail_spans), tuple(spans), hit.archived))
            if len(out) >= limit:
                break
        return out

    def _what_matched(self, hit: _Hit, tokens: list[str]) -> tuple[str, list[Span]]:
        # The match was in a field not shown (an email, a tag): quote the words of the key.
        short = self._short.get(hit.kind.name)
        if short is None:
            return "", []
        key = short.key_of(hit.id)
        if key is None:
            return "", []
        words = [w for w in key.split() if any(t in w for t in tokens)]
        if not words:
            from rapidfuzz import fuzz

            words = [w for w in key.split()
                     if any(fuzz.partial_ratio(t, w) >= typo_cutoff(t) for t in tokens if len(t) >= TYPO_MIN)]
        text = " ".join(dict.fromkeys(words))[:SNIPPET_WIDTH]
        return text, match_spans(text, tokens)


def _quote(text: str, tokens: list[str]) -> tuple[str, list[Span]]:
    """The part of ``text`` around the first match, with the matched spans."""
    offset = 0
    if len(text) > LONG_TEXT:
        # Folding a 100 KB note per character costs tens of ms: fold only a window around a
        # first guess (casefold finds the spot whenever the word is typed without accents).
        lowered = text.casefold()
        at = min((p for p in (lowered.find(t) for t in tokens) if p >= 0), default=0)
        offset = max(0, at - 300)
        text = text[offset: at + 600]
    shown, spans = snippet(text, match_spans(text, tokens, fuzzy=False), SNIPPET_WIDTH)
    if offset and not shown.startswith("…"):
        shown, spans = "…" + shown, [(a + 1, b + 1) for a, b in spans]
    return shown, spans


_INDEX = SearchIndex()


def search(query: str, limit: int = 30, kinds: list[str] | None = None) -> list[SearchResult]:
    """Search everything registered for ``query``; return up to ``limit`` results, best first.

    ``kinds`` restricts the search to those kind names (``contact``, ``touch``, ``follow-up``, ...).
    """
    return _INDEX.search(query, limit, kinds)


def kind_names() -> list[str]:
    """Return the names of every searchable kind."""
    return list(load_kinds())


def rebuild_index() -> int:
    """Re-index every kind's long text from its table; return how many rows the index holds."""
    from kith.store.core.db import write
    from kith.store.search.registry import fts_reindex_sql

    with write():
        for kind in load_kinds().values():
            for statement in fts_reindex_sql(kind):
                db.execute_sql(statement)
    return db.execute_sql(f"SELECT count(*) FROM {FTS_TABLE}").fetchone()[0]
