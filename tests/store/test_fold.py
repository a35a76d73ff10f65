"""fold(): its ASCII shortcut gives exactly what the full Unicode folding gives."""

from __future__ import annotations

import random

from kith.store.core.fold import _fold_unicode, fold


def test_ascii_shortcut_equals_the_full_folding():
    every = "".join(map(chr, range(128)))
    rng = random.Random(19)
    samples = [every, "  Ada   LOVELACE\t", "", "x"] + [
        "".join(rng.choice(every) for _ in range(rng.randint(1, 16))) for _ in range(5000)]
    for text in samples:
        if text:
            assert fold(text) == _fold_unicode(text), repr(text)


def test_unicode_still_folds():
    assert fold("José") == fold("Jose\u0301") == fold("JOSE") == "jose"
    assert fold("Łukasz\u200b Øster") == "lukasz oster"
