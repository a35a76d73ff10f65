"""The one literal-text helper: every hostile string is shown exactly and inertly."""

import unicodedata

import pytest
from textual.content import Content

from kith.tui.literal import is_unsafe_char, literal, safe_text
from tests.hostile import hostile_strings

HOSTILE = hostile_strings()
EXTRA = ["[bold]x[/]", "[link=https://evil.example]https://bank.example[/link]", ":smile: [$accent]x",
         "\x9b31m C1 CSI", "tab\there", "line\nbreak", "\ud800 lone surrogate", "👩‍💻 emoji ✓", "DEL\x7f"]


@pytest.mark.parametrize("text", [s for _, s in HOSTILE] + EXTRA)
def test_safe_text_leaves_no_control_bidi_or_surrogate(text):
    shown = safe_text(text)
    assert not any(is_unsafe_char(ch) for ch in shown)
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in shown)


@pytest.mark.parametrize("text", [s for _, s in HOSTILE] + EXTRA)
def test_literal_content_is_exactly_the_safe_text(text):
    content = literal(text)
    assert isinstance(content, Content)
    assert content.plain == safe_text(text)
    assert not content.spans  # nothing was parsed as markup or a link


def test_printable_text_is_unchanged():
    for text in ("José Álvarez", "Wei Zhang 张伟", "[/] note [/ end", "O'Brien & Co. <x>", "👩‍💻"):
        assert safe_text(text) == text


def test_controls_become_visible_pictures():
    assert safe_text("A\x1bZ") == "A␛Z"
    assert safe_text("I\x00Z") == "I␀Z"
    assert safe_text("\u202egnp.exe") == "\ufffdgnp.exe"
    assert safe_text("a\nb") == "a⏎b"
    assert safe_text("a\nb", multiline=True) == "a\nb"
    assert safe_text("abcdef", limit=4) == "abc…"


def test_styled_literal_keeps_text_literal():
    content = literal("[@click=app.quit]Alice[/]", "bold")
    assert content.plain == "[@click=app.quit]Alice[/]"
    assert all(unicodedata.category(ch) != "Cc" for ch in content.plain)
