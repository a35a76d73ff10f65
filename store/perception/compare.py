"""Provides perception against message, and the brand check.

Perception against message: the terms others use (trends) against the words of your pitches,
taglines, audience variants and claims, in three columns: "they say, you don't", "you say,
they don't" (claims nobody echoes: know every word you claim) and "both".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from kith.store.brand.pitches import list_pitches
from kith.store.perception.brand_review import (
    ReviewState,
    channels_without_tagline,
    list_claims,
    list_variants,
    stale,
)
from kith.store.perception.terms import extract, stem_key
from kith.store.perception.trends import Term, trends


@dataclass(frozen=True)
class MessageTerm:
    key: str
    term: str
    uses: int
    """How often your pitches, taglines and claims use it."""


@dataclass(frozen=True)
class Comparison:
    they_say: list[Term] = field(default_factory=list)
    """Terms others use that your brand never mentions, most people first."""
    you_say: list[MessageTerm] = field(default_factory=list)
    """Words and claims of your brand that no feedback echoes."""
    both: list[Term] = field(default_factory=list)
    """Terms in both, most people first."""


def message_terms() -> dict[str, MessageTerm]:
    """The single words of every pitch, tagline and variant, and every claim as a whole phrase."""
    counts: Counter = Counter()
    forms: dict[str, Counter] = {}
    texts = [p.text for p in list_pitches()] + [v.text for v in list_variants()]
    for text in texts:
        for (key, form), n in extract(text).items():
            if " " in key:
                continue  # phrases of a pitch are not claims; its words are
            counts[key] += n
            forms.setdefault(key, Counter())[form] += n
    for c in list_claims():
        key = stem_key(c.claim)
        if key:
            counts[key] += 1
            forms.setdefault(key, Counter())[" ".join(c.claim.lower().split())] += 1
    return {k: MessageTerm(k, forms[k].most_common(1)[0][0], n) for k, n in counts.items()}


def compare(today: date, limit: int = 30, min_people: int = 1) -> Comparison:
    """The three columns, each at most ``limit`` long."""
    mine = message_terms()
    heard = trends(today, min_people=min_people)
    heard_keys = {t.key for t in heard}
    they_say = [t for t in heard if t.key not in mine and not _covered(t.key, mine)][:limit]
    both = [t for t in heard if t.key in mine][:limit]
    you_say = sorted((m for k, m in mine.items() if k not in heard_keys), key=lambda m: (-m.uses, m.term))[:limit]
    return Comparison(they_say, you_say, both)


def _covered(key: str, mine: dict) -> bool:
    # A phrase whose every word your brand already uses is not news ("data engineer").
    words = key.split()
    return len(words) > 1 and all(w in mine for w in words)


@dataclass(frozen=True)
class BrandCheck:
    stale: list[ReviewState]
    review_after_days: int
    missing_channels: list[str]
    claims_without_evidence: list
    they_say: list[Term]

    @property
    def clean(self) -> bool:
        return not (self.stale or self.missing_channels or self.claims_without_evidence or self.they_say)

    def as_json(self, today: date) -> dict:
        return {
            "stale": [{"pitch_id": s.pitch_id, "name": s.name, "channel": s.channel,
                       "last_reviewed": s.last_reviewed.isoformat(), "reviewed": s.reviewed,
                       "days": s.age(today)} for s in self.stale],
            "review_after_days": self.review_after_days,
            "channels_without_tagline": self.missing_channels,
            "claims_without_evidence": [c.as_json() for c in self.claims_without_evidence],
            "they_say_you_dont": [{"term": t.term, "people": t.people, "count": t.count, "trend": t.trend}
                                  for t in self.they_say],
        }


def brand_check(today: date, review_after_days: int = 90, terms: int = 10) -> BrandCheck:
    """Stale pitches and taglines, channels without a tagline, claims without evidence and the
    terms at least two people use that your brand never mentions."""
    return BrandCheck(
        stale=stale(today, review_after_days),
        review_after_days=review_after_days,
        missing_channels=channels_without_tagline(),
        claims_without_evidence=[c for c in list_claims() if not c.evidence],
        they_say=compare(today, limit=terms, min_people=2).they_say,
    )
