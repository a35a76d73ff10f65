"""Provides search across everything: one ranked list from fuzzy short fields and full-text notes.

``search(query, limit=30, kinds=None) -> list[SearchResult]``

How it ranks (all comparisons on FOLDED text, see store/fold.py):

- Short fields (a contact's name, company, role, location, emails, tags: ``contact.search_key``;
  any kind's ``short_sql`` key) are held in memory and matched per query word with rapidfuzz
  (exact substring first, ``partial_ratio`` for typos on words of 4+ characters; every word
  must match). A match in the title (the name) counts more, as do matches at a word start.
- Long text (contact notes, touch notes, follow-ups, and whatever later kinds index) is found by
  the FTS5 trigram table ``search_fts`` (substring, 3+ characters), newest rows first.
- Mixed: some words in a contact's short fields, the rest in a note or touch of theirs
  (``ada engines``).
- Typos in long text: only when nothing matched as typed, each word of 5+ letters also looks
  for the indexed words one typing slip away (two from 9 letters; a spelling vocabulary read
  from the index on first need and kept until the next write), then the index is asked again.
- Order: score, then newest (a touch's date), then the latest row. ``kith find`` and the screen
  both call ``search`` and rank the same candidates whatever their limit.

New kinds register themselves; see store/search_registry.py (``SearchKind``, ``register_kind``,
``fts_install_sql``). Nothing here imports Textual.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from itertools import combinations

from kith.store.core.fold import fold
from kith.store.search.match import Span, match_spans, near_words, quote, typo_cutoff
from kith.store.search.registry import FTS_TABLE, KINDS, WORDS_TABLE, SearchKind
from kith.store.search.short import ShortFields
from kith.store.search.text import (
    LONG_TEXT,
    POOL,
    Asked,
    Hit,
    People,
    execute,
    full_text,
    order,
    rows,
    stamp,
)

MAX_TOKENS = 6
TYPO_MIN = 5
"""Words shorter than this match exactly: one typo in four letters matches half the network."""
SNIPPET_WIDTH = 90
TYPO_WHEN_FEWER = 100
"""A short-field word looks for typos only when fewer rows hold it as typed (a pass over every key)."""
MIXED_WORDS = 4
"""Words tried as a contact's (``ada`` in ``ada engines``); more would multiply the queries."""
MIXED_CONTACTS = 2000
"""Words matching more contacts than this are too vague to narrow their notes and touches."""


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
    """Return the registry (filled by ``kith.store.wiring`` when the store is imported; by
    ``kith.store.search_kinds`` alone in ``kith find``'s light path)."""
    return KINDS


class SearchIndex:
    """The in-memory side of the index (short fields), reloaded when the database changes."""

    def __init__(self, whole: bool = True) -> None:
        self._whole = whole
        """Read every short field at once (the screen's index, kept between keys); else only what a
        query needs (``kith find``, one query per process)."""
        self._stamp: tuple | None = None
        self._short: dict[str, ShortFields] = {}
        self._vocabulary: list[str] | None = None

    def _current_stamp(self) -> tuple:
        return stamp()

    def refresh(self) -> None:
        """Reload the short fields if anything was written since the last load."""
        stamp = self._current_stamp()
        if stamp == self._stamp:
            return
        self._short = {}
        self._vocabulary = None  # built again on the next query with a typo
        for kind in load_kinds().values():
            if kind.short_sql:
                self._short[kind.name] = ShortFields.read(kind.short_sql, self._whole)
        self._stamp = self._current_stamp()

    def vocabulary(self) -> list[str]:
        """The distinct words of every indexed long text, read on first need after a change."""
        if self._vocabulary is None:
            # The word index lists them: reading every text for them took 70 ms at 30,000 contacts.
            self._vocabulary = [row[0] for row in execute(f"SELECT word FROM {WORDS_TABLE}")]
        return self._vocabulary

    # -- matching -------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 30, kinds: list[str] | None = None) -> list[SearchResult]:
        """Return up to ``limit`` results for ``query``, best first (empty query: nothing)."""
        tokens = list(dict.fromkeys(fold(query).split()))[:MAX_TOKENS]
        if not tokens or limit <= 0:
            return []
        self.refresh()
        chosen = [k for k in load_kinds().values() if kinds is None or k.name in kinds]
        hits: dict[tuple[str, int], Hit] = {}
        # Candidates per source: the same for every limit up to POOL, so the order is too.
        done = Asked(max(POOL, limit))
        for kind in chosen:
            if kind.name in self._short:
                for hit in self._fuzzy(kind, tokens, done.pool):
                    hits[(kind.name, hit.id)] = hit
        exact = [(t,) for t in tokens]
        self._long_text(chosen, tokens, exact, hits, done)
        if not any(h.exact for h in hits.values()):
            # Nothing matched as typed: try the indexed words one typo away (artcle -> article).
            groups = self._corrected(tokens)
            if groups != exact:
                self._long_text(chosen, tokens, groups, hits, done)
        ranked = sorted(hits.values(), key=order, reverse=True)[: limit * 2]
        return self._results(ranked, tokens, limit)

    def _corrected(self, tokens: list[str]) -> list[tuple[str, ...]]:
        return [(t, *near_words(t, self.vocabulary())) if len(t) >= TYPO_MIN else (t,) for t in tokens]

    def _token_scores(self, short: ShortFields, token: str, pool: list[int] | None = None) -> dict[int, float]:
        """Rows of ``short`` whose key holds ``token`` (100) or a typo of it (its partial_ratio)."""
        keys = short.keys
        if pool is None:
            found = dict.fromkeys(short.holding(token), 100.0)
        else:  # the rows the words before kept: fewer than hold this word, as a rule
            found = {i: 100.0 for i in pool if token in keys[i]}
        if len(token) >= TYPO_MIN and len(found) < TYPO_WHEN_FEWER:
            # Typo tolerance only where exact hits are few: it costs a pass over every key.
            from rapidfuzz import fuzz, process

            choices = keys if pool is None else {i: keys[i] for i in pool}
            for _, score, i in process.extract(token, choices, scorer=fuzz.partial_ratio, processor=None,
                                               score_cutoff=typo_cutoff(token), limit=None):
                found.setdefault(i, score)
        return found

    def _fuzzy(self, kind: SearchKind, tokens: list[str], pool: int) -> list[Hit]:
        from rapidfuzz import fuzz

        short = self._short[kind.name]
        keys = short.keys
        scores: dict[int, float] | None = None
        for token in tokens:
            found = self._token_scores(short, token, None if scores is None else list(scores))
            scores = found if scores is None else {i: scores[i] + s for i, s in found.items() if i in scores}
            if not scores:
                return []
        assert scores is not None
        n = len(tokens)
        short.details(scores)
        sorts = short.sorts
        ids = short.ids
        # Then the older row first: which rows make the pool must not depend on the order the keys
        # were read in (kith find reads them in key order), nor on the order the words found them.
        # In id order a row's position says it, and is the cheaper key.
        take = pool + pool // 2
        if short.ids_ascending and len(set(scores.values())) == 1:
            # One word matched as typed (the first keys): every score is equal, and a key method in C
            # ranks 25,000 rows in 1.5 ms where a key function took 5 (nlargest keeps the first of equals).
            best = heapq.nlargest(take, sorted(scores), key=short.sort_texts().__getitem__)
        else:
            best = heapq.nlargest(take, scores, key=(lambda i: (scores[i], str(sorts[i]), -i))
                                  if short.ids_ascending else (lambda i: (scores[i], str(sorts[i]), -ids[i])))
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
            out.append(Hit(kind, short.ids[i], score + kind.weight, archived=short.archived[i],
                            exact=key_mean == 100.0, when=str(sorts[i] or "")))
        return out

    def _long_text(self, chosen: list[SearchKind], tokens: list[str], groups: list[tuple[str, ...]],
                   hits: dict, done: Asked) -> None:
        """Hits whose long text holds every word; then hits whose contact's short fields hold some
        words as typed (a name, a company) and whose text holds the others (``ada engines``).
        ``done`` holds what this search already worked out (the typo pass repeats some of it)."""
        for kind in chosen:
            if kind.fts_columns:
                full_text(kind, tokens, groups, hits, done)
        contacts = self._short.get("contact")
        if len(tokens) < 2 or contacts is None:
            return
        if done.by_word is None:  # the same for both passes: which contacts hold each word
            done.by_word = {t: set(found) for t in tokens[:MIXED_WORDS] if (found := contacts.holding(t))}
        by_word = done.by_word
        for size in range(1, len(by_word) + 1):
            for words in combinations(by_word, size):
                rest = [i for i, t in enumerate(tokens) if t not in words]
                if not rest or any(len(tokens[i]) < 3 for i in rest):
                    continue
                common = set.intersection(*(by_word[w] for w in words))
                if len(common) > MIXED_CONTACTS:
                    continue
                people = People(words, {contacts.ids[i]: 100.0 * size for i in common})
                for kind in chosen:
                    if kind.fts_columns and kind.fts_contact:
                        full_text(kind, [tokens[i] for i in rest], [groups[i] for i in rest], hits, done,
                                  people)

    def _results(self, ranked: list[Hit], tokens: list[str], limit: int) -> list[SearchResult]:
        by_kind: dict[str, list[Hit]] = {}
        for hit in ranked:
            by_kind.setdefault(hit.kind.name, []).append(hit)
        found: dict[tuple[str, int], tuple] = {}
        for name, group in by_kind.items():
            for row in rows(group[0].kind, [h.id for h in group]):
                found[(name, row[0])] = row
        out = []
        for hit in ranked:
            row = found.get((hit.kind.name, hit.id))
            if row is None:
                continue  # deleted since the index was read
            _, contact_id, title, detail, text = (*row, "", "", "", "")[:5]
            title, detail, text = title or "", detail or "", text or ""
            title_spans = match_spans(title, tokens)
            detail_spans = match_spans(detail, tokens)
            if hit.in_text:
                shown, spans = quote(text, list(hit.words) or tokens, SNIPPET_WIDTH, LONG_TEXT)
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

    def _what_matched(self, hit: Hit, tokens: list[str]) -> tuple[str, list[Span]]:
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


_INDEX = SearchIndex()


def search(query: str, limit: int = 30, kinds: list[str] | None = None) -> list[SearchResult]:
    """Search everything registered for ``query``; return up to ``limit`` results, best first.

    ``kinds`` restricts the search to those kind names (``contact``, ``touch``, ``follow-up``, ...).
    """
    return _INDEX.search(query, limit, kinds)


def warm() -> None:
    """Load what a first query needs (the short fields, rapidfuzz) before it is typed.

    A store error is left for the search itself to report.
    """
    import rapidfuzz.fuzz  # noqa: F401 (imported here so the first key does not pay for it)

    from kith.store.core.errors import StoreError

    try:
        _INDEX.refresh()
    except StoreError:
        pass


def forget(whole: bool = True) -> None:
    """Drop the short fields held in memory: the next search reads them again (every field of
    every row when ``whole``, else only what each query needs)."""
    global _INDEX
    _INDEX = SearchIndex(whole)


def kind_names() -> list[str]:
    """Return the names of every searchable kind."""
    return list(load_kinds())


def rebuild_index() -> int:
    """Re-index every kind's long text from its table; return how many rows the index holds."""
    from kith.store.core.db import db, write
    from kith.store.search.registry import fts_reindex_sql, words_rebuild_sql

    with write():
        for kind in load_kinds().values():
            for statement in fts_reindex_sql(kind, words=False):
                db.execute_sql(statement)
        for statement in words_rebuild_sql():  # whole: it may not have matched search_fts
            db.execute_sql(statement)
    return db.execute_sql(f"SELECT count(*) FROM {FTS_TABLE}").fetchone()[0]
