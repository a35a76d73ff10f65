"""Provides the one way user text reaches the screen: literal, inert, terminal-safe.

Names, notes and imported fields may hold Textual markup (``[/]``, ``[@click=app.quit]``),
escape sequences, C1 controls, NUL or bidi overrides. ``safe_text`` maps every control to a
visible inert glyph (the stored value is never changed) and ``literal`` wraps the result in a
``Content`` so it is never parsed as markup. The command line uses ``safe_text`` too.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.content import Content

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _build_table(multiline: bool) -> dict[int, str]:
    table = {c: chr(0x2400 + c) for c in range(0x20)}  # C0 -> control pictures (␛, ␀, ...)
    table[0x7F] = "\u2421"  # DEL -> ␡
    table.update({c: "\ufffd" for c in range(0x80, 0xA0)})  # C1 -> replacement character
    table.update({ord(ch): "\ufffd" for ch in _BIDI})
    table[0x2028] = table[0x2029] = "\u23ce"  # line/paragraph separators
    table[0x09] = " "
    if multiline:
        table[0x0A] = "\n"
    else:
        table[0x0A] = "\u23ce"  # ⏎ keeps a one-line field on one line
    table[0x0D] = "" if multiline else "\u23ce"
    return table


_ONE_LINE = _build_table(False)
_MULTI_LINE = _build_table(True)


def safe_text(text: object, multiline: bool = False, limit: int | None = None) -> str:
    """Return ``text`` with every control, bidi and separator character made visible and inert.

    ``limit`` truncates long text (with an ellipsis) before it costs render time.
    """
    s = "" if text is None else str(text)
    if limit is not None and len(s) > limit:
        s = s[: max(limit - 1, 0)] + "…"
    s = s.translate(_MULTI_LINE if multiline else _ONE_LINE)
    # Lone surrogates (from a broken import) would crash the terminal writer.
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in s):
        s = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in s)
    return s


def literal(text: object, style: str = "", multiline: bool = False, limit: int | None = None) -> Content:
    """Return user text as Textual ``Content``: shown exactly, never read as markup."""
    from textual.content import Content

    shown = safe_text(text, multiline, limit)
    return Content.styled(shown, style) if style else Content(shown)


def is_unsafe_char(ch: str) -> bool:
    """True for a character ``safe_text`` would replace (used by tests and the pty check)."""
    return ch in _BIDI or unicodedata.category(ch) == "Cc"


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 version``, ``2 versions``, ``0 versions`` (``words`` for an irregular plural: touches)."""
    return f"{count} {word}" if count == 1 else f"{count} {words or word + 's'}"
