"""Provides fold(): the one normalisation used for every search key (SAFETY.md, Search)."""

import re
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


_WORD = re.compile(r"[^\W_]{3,}")


def words(folded: str | None) -> list[str]:
    """The distinct words (3+ letters or digits) of already-folded text, in order."""
    return list(dict.fromkeys(_WORD.findall(folded))) if folded else []


def word_list(folded: str | None) -> str:
    """``words`` as a JSON list: SQL's ``kith_words``, with which the search triggers count the
    words of the text they index (``json_each``). Letters and digits need no escaping in JSON."""
    found = words(folded)
    return '["' + '","'.join(found) + '"]' if found else "[]"
