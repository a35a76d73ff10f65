"""Provides the word-counting and speaking-time rules of the brand studio (pure: no database).

The rules, each tested in tests/store/test_wordcount.py:

* **Words** are runs of characters between whitespace, em dashes (—) and en dashes (–). A run
  counts as one word when it holds at least one letter or digit; a run of only punctuation,
  symbols or emoji (``&``, ``/``, ``—``, ``🚀``) counts as no word.
* **Contractions** are one word: ``I'm``, ``don't``, ``they’ve`` (straight or curly apostrophe).
* **Hyphenated words** are one word, as word processors count them: ``well-known``,
  ``state-of-the-art``. A slash joins too: ``and/or`` is one word.
* **Numbers** are one word however they are written: ``2026``, ``1,000``, ``3.5``, ``$40k``, ``50%``.
* **URLs and e-mail addresses** are one word each: ``https://kith.example/about``, ``ana@x.example``.
* **Emoji** are no words (they take no speaking time) but do count as characters.
* **Bullet markers** at the start of a line (``-``, ``*``, ``+``, ``•``, ``1.``, ``2)``) are not words.
* **Section headings**: a line starting with ``#`` names a section (``# Who are you?``). It is a
  note to yourself, not part of the message: it has no words, characters or speaking time.
* **Characters** are counted the way web forms enforce their limits (LinkedIn, HTML
  ``maxlength``): UTF-16 code units of the text after NFC normalisation, so ``é`` is 1 and most
  emoji are 2. Section headings are left out, as are blank lines at the start and end and spaces at
  the end of lines; a line break inside the text counts as 1.
* **Speaking time** is ``words × 60 / words per minute`` seconds: 130 words at 130 wpm is 60 s.
  Pauses are not added; rehearse to see your real pace.
* **Sentences** end at ``.``, ``!``, ``?`` or ``…`` followed by whitespace, or at a paragraph end
  (so ``e.g. this`` splits: the per-sentence times are a guide, the total is exact).
* **Paragraphs** are separated by blank lines or section headings.
* Scripts written without spaces (Chinese, Japanese, Thai) count each run as one word: a known limit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A word: a run of non-separators that holds at least one letter or digit ([^\W_] is alnum).
_WORD = re.compile(r"[^\s\u2013\u2014]*[^\W_][^\s\u2013\u2014]*")
_BULLET = re.compile(r"^[ \t]*(?:[-*+\u2022\u2023\u25e6\u25aa\u2043]|\d{1,3}[.)])[ \t]+")
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+")

BRAND_QUESTIONS = (
    ("who", "Who are you?"),
    ("what", "What do you do?"),
    ("help", "Who do you help?"),
    ("value", "What value do you bring?"),
)
"""The four brand questions: a short key and the heading the editor inserts."""

# Words that identify each question in a heading, checked in this order ("who do you help"
# must not be read as "who are you").
_QUESTION_WORDS = (("help", ("help", "serve", "audience")), ("value", ("value", "bring", "benefit")),
                   ("what", ("do you do", "what i do", "what do")), ("who", ("who are", "who i am", "who")))

ON_TARGET_LOW = 0.9
"""A spoken piece at 90 % to 110 % of its target duration is on target."""
ON_TARGET_HIGH = 1.1
WRITTEN_ON_LOW = 0.5
"""A written piece using 50 % to 100 % of its character limit is on target; less leaves room."""


def count_words(text: str) -> int:
    """Return the number of words in ``text`` by the rules above (headings and bullets excluded)."""
    return sum(_line_words(line) for line in text.split("\n") if not _is_heading(line))


def _is_heading(line: str) -> bool:
    return line.lstrip().startswith("#")


def _line_words(line: str) -> int:
    return len(_WORD.findall(_BULLET.sub("", line, count=1)))


def count_chars(text: str) -> int:
    """Return the characters of ``text`` as web forms count them (UTF-16 units, NFC, no headings)."""
    body = "\n".join(line.rstrip() for line in text.split("\n") if not _is_heading(line)).strip("\n")
    if body.isascii():
        return len(body)
    body = unicodedata.normalize("NFC", body)
    return len(body) + sum(1 for ch in body if ord(ch) > 0xFFFF)


def seconds_for(words: int, wpm: int | float) -> float:
    """Return the speaking time in seconds of ``words`` at ``wpm`` words per minute."""
    if wpm <= 0:
        raise ValueError("words per minute must be above 0")
    return words * 60.0 / wpm


def pace_wpm(words: int, seconds: float) -> float:
    """Return the pace in words per minute of ``words`` spoken in ``seconds``."""
    if seconds <= 0:
        raise ValueError("the duration must be above 0 seconds")
    return words * 60.0 / seconds


def format_duration(seconds: float) -> str:
    """``7 s``, ``59 s``, ``1:05`` (rounded to the second)."""
    total = int(round(seconds))
    if total < 60:
        return f"{total} s"
    return f"{total // 60}:{total % 60:02d}"


@dataclass(frozen=True)
class Part:
    """A paragraph or sentence with its own figures."""

    label: str
    """The section heading it sits under, or a short start of its text."""
    words: int
    seconds: float


@dataclass(frozen=True)
class Section:
    """One of the four brand questions as a section of the text."""

    key: str
    heading: str
    words: int

    @property
    def answered(self) -> bool:
        return self.words > 0


@dataclass(frozen=True)
class Figures:
    """Everything the editor's figures panel shows, computed from the text alone."""

    words: int
    chars: int
    seconds: float
    slow_seconds: float
    fast_seconds: float
    wpm: int
    parts: tuple[Part, ...]
    """Per paragraph when there are two or more, else per sentence."""
    parts_kind: str
    """``paragraph`` or ``sentence``."""
    sections: tuple[Section, ...]
    """The brand questions found as headings, in text order."""


def _question_of(heading: str) -> str | None:
    h = " ".join(heading.lstrip("# ").casefold().replace("?", " ").split())
    for key, words in _QUESTION_WORDS:
        if any(w in h for w in words):
            return key
    return None


def _label(text: str, width: int = 14) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def compute(text: str, wpm: int, slow_wpm: int, fast_wpm: int) -> Figures:
    """Return every live figure of ``text`` at the three paces (one pass over the lines)."""
    paragraphs: list[list] = []  # [heading, lines, words]
    sections: dict[str, tuple[str, int]] = {}
    heading = ""
    current: list[str] | None = None
    section_key: str | None = None
    total = 0
    for line in text.split("\n"):
        if _is_heading(line):
            heading = line.strip().lstrip("#").strip()
            section_key = _question_of(heading)
            if section_key and section_key not in sections:
                sections[section_key] = (heading, 0)
            current = None
            continue
        n = _line_words(line)
        if not line.strip():
            current = None
            continue
        total += n
        if section_key and section_key in sections:
            h, w = sections[section_key]
            sections[section_key] = (h, w + n)
        if current is None:
            current = [heading, [], 0]
            paragraphs.append(current)
            heading = ""
        current[1].append(line)
        current[2] += n
    if len(paragraphs) >= 2:
        parts_kind = "paragraph"
        parts = []
        for head, lines, n in paragraphs:
            parts.append(Part(_label(head or " ".join(lines)), n, seconds_for(n, wpm)))
    else:
        parts_kind = "sentence"
        body = " ".join(_BULLET.sub("", ln, count=1) for ln in paragraphs[0][1]) if paragraphs else ""
        parts = []
        for sentence in _SENTENCE_END.split(body.strip()) if body.strip() else ():
            n = _line_words(sentence)
            if n:
                parts.append(Part(_label(sentence), n, seconds_for(n, wpm)))
    return Figures(
        words=total, chars=count_chars(text),
        seconds=seconds_for(total, wpm), slow_seconds=seconds_for(total, slow_wpm),
        fast_seconds=seconds_for(total, fast_wpm), wpm=wpm,
        parts=tuple(parts), parts_kind=parts_kind,
        sections=tuple(Section(k, h, w) for k, (h, w) in sections.items()),
    )


def target_state(value: float, target: float | None, written: bool = False) -> str:
    """``under``, ``on`` or ``over`` for a time (or character count if ``written``) against a target.

    With no target (``any``) every non-empty piece is ``on``.
    """
    if not target:
        return "on" if value > 0 else "under"
    ratio = value / target
    if written:
        return "over" if ratio > 1 else "on" if ratio >= WRITTEN_ON_LOW else "under"
    return "over" if ratio > ON_TARGET_HIGH else "on" if ratio >= ON_TARGET_LOW else "under"


def skeleton() -> str:
    """The four brand questions as empty sections, ready to answer."""
    return "\n\n".join(f"# {heading}\n" for _, heading in BRAND_QUESTIONS)
