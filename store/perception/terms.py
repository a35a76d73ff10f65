"""Provides term extraction: the words and two- and three-word phrases of one feedback text.

Rules (issue 15): text is case- and accent-folded; phrases are built from the raw tokens of one
clause (they never cross punctuation) and dropped only when they start or end with a stop word,
so "calm under pressure" survives although "under" is a stop word; single words are dropped when
they are stop words. Words are grouped by their Snowball stem, so "reliable", "reliability" and
"Reliable." are one term. Pure functions, no database: the store keeps what ``extract`` returns.

The stop words are the ``stop-words`` package's English list minus ``KEPT_WORDS``: that list is
built for web search and also holds words people use about someone ("great", "clear", "kind",
"thorough"), which must trend. "kind of" stays a hedge, not praise.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from kith.store.core.fold import fold

MAX_N = 3
"""Longest phrase kept, in words."""

# A token: letters/digits (any script) joined by inner apostrophes ("don't", "O'Brien").
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
# Where a phrase must stop: sentence and clause punctuation, brackets, quotes, dashes, new lines.
_BREAK = re.compile(r"[.!?;:,()\[\]{}\"“”„«»…—–\n\r\t/|•·。、！？；：「」『』（）¿¡]+")
_APOSTROPHE = str.maketrans({"’": "'"})


KEPT_WORDS: frozenset[str] = frozenset({
    # Praise and criticism: "great listener", "a clear writer", "good judgement", "kind to
    # newcomers", "thorough reviews", "could communicate better", "explains poorly".
    "great", "good", "best", "better", "clear", "clearly", "kind", "sincere", "sensible", "serious",
    "seriously", "thorough", "thoroughly", "proud", "willing", "useful", "poorly", "promptly", "quickly",
    # Nouns and adjectives that carry a phrase: "attention to detail", "open to feedback",
    # "always available", "willing to help", "big picture", "high standards", "feel welcome".
    "detail", "open", "available", "help", "big", "high", "welcome",
})
"""Words of the package's list that are kept as terms: words people use about someone. Function
words, fillers ("really", "just", "well"), quantities and web words stay stop words."""

HEDGES: frozenset[tuple[str, str]] = frozenset({("kind", "of")})
"""A kept word followed by this word is a hedge ("kind of slow"), treated as a stop word."""


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The maintained English stop-word list (package ``stop-words``), folded, less ``KEPT_WORDS``."""
    from stop_words import get_stop_words

    return frozenset(fold(w.translate(_APOSTROPHE)) for w in get_stop_words("en")) - KEPT_WORDS


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


# Token -> (folded, stem). Bounded: tokens are short words, and a long-running app sees a
# vocabulary of some thousands, not whole texts (SAFETY.md: no cache keyed on file text).
_TOKEN_CACHE: dict[str, tuple[str, str]] = {}
_TOKEN_CACHE_MAX = 200_000


def _fold_token(token: str) -> tuple[str, str]:
    hit = _TOKEN_CACHE.get(token)
    if hit is not None:
        return hit
    folded = (fold(token.translate(_APOSTROPHE)) if _accents_are_marks(token)
              else unicodedata.normalize("NFC", token.casefold())).replace(" ", "")
    stem = _stemmer().stemWord(folded) if folded.isascii() else folded
    if len(_TOKEN_CACHE) >= _TOKEN_CACHE_MAX:
        _TOKEN_CACHE.clear()
    _TOKEN_CACHE[token] = (folded, stem)
    return folded, stem


def _accents_are_marks(token: str) -> bool:
    """True for Latin, Greek and Cyrillic words, whose accents fold away ("José" is "jose").

    In other scripts a combining mark is part of the letter (Japanese で is not て): keep it.
    """
    return all(ord(ch) < 0x530 or 0x1E00 <= ord(ch) <= 0x1FFF for ch in token)


def tokens(text: str) -> list[list[tuple[int, int, str, str]]]:
    """The clauses of ``text``, each a list of ``(start, end, folded, stem)`` tokens.

    Offsets index the NFC form of ``text`` (what ``normalise`` returns), so a caller can
    highlight the words it shows.
    """
    text = normalise(text)
    clauses: list[list[tuple[int, int, str, str]]] = []
    start = 0
    for brk in [*_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        clause = []
        for m in _TOKEN.finditer(text, start, end):
            folded, stem = _fold_token(m.group())
            if folded:
                clause.append((m.start(), m.end(), folded, stem))
        if clause:
            clauses.append(clause)
        start = brk.end() if brk else end
    return clauses


def normalise(text: str) -> str:
    """NFC, so that a letter and its combining accent are one character (one token)."""
    return unicodedata.normalize("NFC", str(text or ""))


def _keepable_edge(folded: str) -> bool:
    return folded not in stop_words() and not folded.isdigit() and len(folded) > 1


def edge_words(clause: list[tuple[int, int, str, str]]) -> list[bool]:
    """For each token of a clause: may a term start or end with it (not a stop word, not a
    number, not one letter, not the head of a hedge such as "kind of")?"""
    folded = [t[2] for t in clause]
    return [_keepable_edge(w) and (i + 1 == len(folded) or (w, folded[i + 1]) not in HEDGES)
            for i, w in enumerate(folded)]


def extract(text: str) -> dict[tuple[str, str], int]:
    """Return ``{(stem key, folded form): occurrences}`` for the terms of ``text``.

    The stem key is the stems of the words joined by spaces (the grouping); the form is the
    folded words as written (the most common one is shown).
    """
    found: Counter = Counter()
    for clause in tokens(text):
        n_tokens = len(clause)
        edges = edge_words(clause)
        for i in range(n_tokens):
            first = clause[i]
            if not edges[i]:
                continue
            found[(first[3], first[2])] += 1
            for n in range(2, MAX_N + 1):
                if i + n > n_tokens:
                    break
                if not edges[i + n - 1]:
                    continue
                words = clause[i:i + n]
                found[(" ".join(w[3] for w in words), " ".join(w[2] for w in words))] += 1
    return dict(found)


def stem_key(term: str) -> str:
    """The stem key of a term as a user types it ("Calm under pressure" -> "calm under pressur")."""
    return " ".join(t[3] for clause in tokens(term) for t in clause)


def spans(text: str, key: str) -> list[tuple[int, int]]:
    """Where the term with stem key ``key`` occurs in ``normalise(text)``: ``[(start, end), ...]``."""
    wanted = key.split()
    if not wanted:
        return []
    out = []
    for clause in tokens(text):
        stems = [t[3] for t in clause]
        for i in range(len(stems) - len(wanted) + 1):
            if stems[i:i + len(wanted)] == wanted:
                out.append((clause[i][0], clause[i + len(wanted) - 1][1]))
    return out
