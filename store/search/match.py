"""Provides where a query matched inside original text: spans for highlighting and snippets.

The index compares folded text; these functions map the folded positions back to the text as
the user wrote it, so ``jose`` highlights the four characters of ``José`` (or the five of the
decomposed ``Jose\\u0301``). It also holds the spelling side of long-text search: the words a
query word with a typo may have meant (``near_words``).
"""

from __future__ import annotations

from functools import lru_cache

from kith.store.core.fold import fold

Span = tuple[int, int]


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


def fold_map(text: str) -> tuple[str, list[int]]:
    """Return ``fold(text)`` and, for each of its characters, the index it came from in ``text``."""
    if text.isascii() and text.isprintable() and "  " not in text and text.strip() == text:
        return text.lower(), list(range(len(text)))  # the common case, without a loop per character
    out: list[str] = []
    origin: list[int] = []
    gap = -1  # index of the whitespace seen since the last kept character, if any
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and gap < 0:
                gap = i
            continue
        piece = _fold_char(ch)
        if not piece:
            continue
        if gap >= 0:
            out.append(" ")
            origin.append(gap)
            gap = -1
        for p in piece:
            out.append(p)
            origin.append(i)
    return "".join(out), origin


def typo_cutoff(token: str) -> float:
    """The partial_ratio a word needs to count as a typo of ``token``: about one edit, two from 9 letters.

    Indel similarity of one wrong letter in n is about 1 - 1/n, so a fixed cutoff would let
    ``fintech`` match ``biotech`` (77) while rejecting ``lovlace``/``lovelace`` at 90.
    """
    edits = 1 if len(token) < 9 else 2
    return max(75.0, 100.0 * (1 - edits / len(token)) - 0.01)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def match_spans(text: str, tokens: list[str], fuzzy: bool = True, most: int = 8) -> list[Span]:
    """Return the ``(start, end)`` spans of ``text`` that the folded ``tokens`` match.

    Exact (folded) occurrences first; a token with none may match approximately (a typo)
    when ``fuzzy``, using rapidfuzz's best partial alignment.
    """
    if not text or not tokens:
        return []
    folded, origin = fold_map(text)
    found: list[tuple[int, int]] = []
    for token in tokens:
        if not token:
            continue
        at, hits = folded.find(token), 0
        while at >= 0 and hits < most:
            found.append((at, at + len(token)))
            hits += 1
            at = folded.find(token, at + len(token))
        if hits == 0 and fuzzy and len(token) >= 5:
            from rapidfuzz import fuzz

            align = fuzz.partial_ratio_alignment(token, folded, processor=None, score_cutoff=typo_cutoff(token))
            if align is not None and align.dest_end > align.dest_start:
                # An approximate match highlights the whole word it falls in ("Lovelace" for lovlace).
                a, b = align.dest_start, align.dest_end
                while a > 0 and folded[a - 1].isalnum():
                    a -= 1
                while b < len(folded) and folded[b].isalnum():
                    b += 1
                found.append((a, b))
    spans = [(origin[a], origin[b - 1] + 1) for a, b in found if b > a]
    # A folded character can come from a base letter plus combining marks after it: take them too.
    out = []
    for start, end in spans:
        while end < len(text) and not _fold_char(text[end]) and not text[end].isspace():
            end += 1
        out.append((start, end))
    return _merge(out)


def snippet(text: str, spans: list[Span], width: int = 80) -> tuple[str, list[Span]]:
    """Return about ``width`` characters of ``text`` around its first span, and the spans in it.

    Line breaks become spaces so a snippet is one line; a cut is marked with an ellipsis.
    """
    flat = "".join(" " if ch in "\r\n" else ch for ch in text)
    if len(flat) <= width:
        return flat, [s for s in spans if s[1] <= len(flat)]
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 4, len(flat) - width))
    end = min(len(flat), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - start
    inside = [(max(a, start) + shift, min(b, end) + shift) for a, b in spans if b > start and a < end]
    return prefix + flat[start:end] + suffix, inside


def max_edits(token: str) -> int:
    """How many typing slips a word may hold: one, two from 9 letters (as ``typo_cutoff``)."""
    return 1 if len(token) < 9 else 2


def near_words(token: str, vocabulary: list[str], most: int = 6) -> list[str]:
    """The words of ``vocabulary`` within ``max_edits`` of ``token`` (a swap of two letters is one
    edit), closest first: ``artcle`` gives ``article``, ``roadmp`` ``roadmap``."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    edits = max_edits(token)
    found = process.extract(token, vocabulary, scorer=OSA.distance, score_cutoff=edits, limit=None,
                            processor=None)
    # Closest first, then the shorter word (the stem a longer word also contains).
    found.sort(key=lambda hit: (hit[1], len(hit[0]), hit[0]))
    return [word for word, _, _ in found if word != token][:most]


def quote(text: str, words: list[str], width: int, long_text: int) -> tuple[str, list[Span]]:
    """The part of ``text`` around the first of the folded ``words``, with the matched spans."""
    offset = 0
    if len(text) > long_text:
        # Folding a 100 KB note per character costs tens of ms: fold only a window around a
        # first guess (casefold finds the spot whenever the word is typed without accents).
        lowered = text.casefold()
        at = min((p for p in (lowered.find(w) for w in words) if p >= 0), default=0)
        offset = max(0, at - 300)
        text = text[offset: at + 600]
    shown, spans = snippet(text, match_spans(text, words, fuzzy=False), width)
    if offset and not shown.startswith("…"):
        shown, spans = "…" + shown, [(a + 1, b + 1) for a, b in spans]
    return shown, spans
