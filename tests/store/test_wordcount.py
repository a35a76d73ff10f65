"""Tests of the documented word-counting and timing rules (store/wordcount.py), with properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kith.store.brand.wordcount import (
    compute,
    count_chars,
    count_words,
    format_duration,
    pace_wpm,
    seconds_for,
    skeleton,
    target_state,
)

WORD = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd")), min_size=1, max_size=12)
SPACE = st.sampled_from([" ", "  ", "\n", "\t", " \n\n "])


@pytest.mark.parametrize("text, words", [
    ("I'm here and they’ve gone; don't.", 6),          # contractions: one word each
    ("a well-known state-of-the-art tool", 4),           # hyphenated: one word
    ("2026 1,000 3.5 $40k 50%", 5),                      # numbers: one word however written
    ("see https://kith.example/a?b=1 or ana@x.example", 4),  # URLs and e-mails: one word
    ("launch 🚀 🎉🎉 done", 2),                           # emoji: no words
    ("- one\n* two\n• three\n1. four\n2) five\n+ six", 6),   # bullet markers: not words
    ("pipelines — and/or — dashboards & more", 4),      # lone dashes and & are not words
    ("word—word word–word", 4),                           # em/en dashes separate words
    ("# Who are you?\nI'm Sam.", 2),                    # headings are not counted
    ("", 0),
    ("   \n\n  ", 0),
])
def test_counting_rules(text, words):
    assert count_words(text) == words


def test_characters_follow_web_forms():
    assert count_chars("café") == 4
    assert count_chars("cafe\u0301") == 4          # NFC: decomposed é is one character
    assert count_chars("🚀") == 2                   # outside the BMP: two UTF-16 units
    assert count_chars("# Heading\nab  \n\n") == 2  # headings, trailing spaces and blank ends left out
    assert count_chars("a\nb") == 3                 # a line break is one character


def test_130_words_at_130_wpm_is_60_seconds():
    assert seconds_for(130, 130) == 60.0
    assert count_words(" ".join(["word"] * 130)) == 130


@given(words=st.integers(0, 10_000), wpm=st.integers(40, 400))
def test_time_is_linear_and_round_trips_to_pace(words, wpm):
    s = seconds_for(words, wpm)
    assert s == pytest.approx(words / wpm * 60)
    assert seconds_for(words * 2, wpm) == pytest.approx(2 * s)
    if words:
        assert pace_wpm(words, s) == pytest.approx(wpm)


@given(wpm=st.integers(40, 399), words=st.integers(1, 5000))
def test_faster_pace_is_shorter(wpm, words):
    assert seconds_for(words, wpm + 1) < seconds_for(words, wpm)


@given(st.lists(WORD, min_size=0, max_size=60), st.lists(SPACE, min_size=61, max_size=61))
def test_words_separated_by_any_whitespace_count_once_each(words, spaces):
    text = "".join(w + s for w, s in zip(words, spaces))
    assert count_words(text) == len(words)


@given(st.lists(WORD, min_size=1, max_size=20), st.sampled_from(["-", "'", "’", "/", "."]))
def test_joined_words_count_as_one(words, joiner):
    assert count_words(joiner.join(words)) == 1


@given(st.text(max_size=300))
def test_counting_never_fails_and_adding_text_never_removes_words(text):
    assert count_words(text) >= 0
    assert count_words(text + "\nmore words") == count_words(text) + 2


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_figures_agree_with_the_plain_counters(text):
    f = compute(text, 130, 110, 160)
    assert f.words == count_words(text)
    assert f.chars == count_chars(text)
    assert f.seconds == pytest.approx(seconds_for(f.words, 130))
    assert f.slow_seconds >= f.seconds >= f.fast_seconds
    if f.parts_kind == "paragraph":
        assert sum(p.words for p in f.parts) == f.words


def test_paragraph_and_sentence_parts():
    f = compute("One two. Three four five! Six?", 130, 110, 160)
    assert f.parts_kind == "sentence"
    assert [p.words for p in f.parts] == [2, 3, 1]
    f = compute("One two.\n\nThree four five.", 120, 110, 160)
    assert f.parts_kind == "paragraph"
    assert [p.words for p in f.parts] == [2, 3]
    assert f.parts[1].seconds == pytest.approx(1.5)


def test_brand_questions_as_sections():
    text = skeleton()
    f = compute(text, 130, 110, 160)
    assert [s.key for s in f.sections] == ["who", "what", "help", "value"]
    assert not any(s.answered for s in f.sections)
    text = text.replace("# Who do you help?\n", "# Who do you help?\nFinance teams at growing companies.\n")
    f = compute(text, 130, 110, 160)
    assert {s.key: s.answered for s in f.sections} == {"who": False, "what": False, "help": True, "value": False}
    assert f.words == 5


def test_target_states():
    assert target_state(20, 30) == "under"
    assert target_state(27, 30) == "on"
    assert target_state(33, 30) == "on"
    assert target_state(34, 30) == "over"
    assert target_state(100, 220, written=True) == "under"
    assert target_state(220, 220, written=True) == "on"
    assert target_state(221, 220, written=True) == "over"
    assert target_state(5, None) == "on"
    assert target_state(0, None) == "under"


def test_format_duration():
    assert format_duration(7.4) == "7 s"
    assert format_duration(59.4) == "59 s"
    assert format_duration(65) == "1:05"
