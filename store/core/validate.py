"""Provides the one rule every stored text obeys: no NUL character, no lone surrogate.

A lone surrogate (``$'\\xff'`` on a UTF-8 command line arrives as ``'\\udcff'``, and a JSON file
can spell ``"\\ud800"``) cannot be encoded for SQLite and used to end in a traceback. A NUL
survives the store but breaks the CSV and vCard files kith writes. Every write path of the
store (contacts, touches, follow-ups, mentor values, pitches, restore) calls ``check_text`` or
``check_values`` before it writes, so every entry point (CLI, TUI forms, importers, restore)
refuses such text with the same one-line message.
"""

from __future__ import annotations

from kith.store.core.errors import Invalid


def text_problem(text: str) -> str | None:
    """Return why ``text`` cannot be stored, or None when it can."""
    if "\x00" in text:
        return f"contains a NUL character (\\x00) at position {text.index(chr(0)) + 1}"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        # surrogateescape maps an undecodable byte B to U+DC00 + B: name the byte the user typed.
        what = f"the byte \\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"
        return (f"is not valid UTF-8 text ({what} at position {exc.start + 1}); "
                "check the encoding of the terminal or file")
    return None


def check_text(field: str, text: str, label: str | None = None) -> str:
    """Return ``text`` unchanged, or raise ``Invalid(field, ...)`` if it cannot be stored."""
    problem = text_problem(text) if isinstance(text, str) else None
    if problem:
        raise Invalid(field, f"{label or field.replace('_', ' ')} {problem}")
    return text


def check_values(field: str, value: object, label: str | None = None) -> object:
    """``check_text`` on every string inside ``value`` (lists, tuples, dict keys and values)."""
    if isinstance(value, str):
        check_text(field, value, label)
    elif isinstance(value, dict):
        for k, v in value.items():
            check_values(field, k, label)
            check_values(field, v, label)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            check_values(field, v, label)
    return value
