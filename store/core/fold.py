"""Provides fold(): the one normalisation used for every search key (SAFETY.md, Search)."""

import unicodedata

# Letters that NFKD does not decompose but users type without the stroke.
_EXTRA = str.maketrans({
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "æ": "ae", "Æ": "ae",
    "œ": "oe", "Œ": "oe", "ı": "i", "ß": "ss", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
})
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def fold(text: str | None) -> str:
    """Return ``text`` lower-cased, without accents, zero-width characters or extra spaces.

    ``José``, ``Jose\\u0301`` and ``JOSE`` all fold to ``jose``; ``Łukasz`` to ``lukasz``.
    """
    if not text:
        return ""
    if text.isascii():  # nothing to decompose or strip: the same result, ten times faster
        return " ".join(text.lower().split())
    return _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    text = text.translate(_ZERO_WIDTH).translate(_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
