"""Provides the Perception area's part of the demo network (deterministic for a given size).

Feedback in the words people really use (so the trending terms mean something), requests in
every state, a review of every pitch (none is stale on the demo's day, so Today stays as it
was), two audience variants of the elevator pitch, and claims, one without evidence.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta

from peewee import fn

from kith.store.brand.pitches import Pitch
from kith.store.core.db import db
from kith.store.perception.models import BrandClaim, BrandReview, Feedback, FeedbackRequest, PitchVariant
from kith.store.perception.terms import extract

OPENERS = ("", "", "Overall,", "Looking back,", "From the project:")
PRAISE = (
    "calm under pressure", "a reliable partner when deadlines slip", "great at explaining data to non-technical people",
    "the person who makes numbers trustworthy", "patient with junior analysts", "reliable, always ships",
    "calm under pressure, even at month-end", "a clear writer", "generous with introductions",
    "thorough in code reviews", "curious about the business side", "reliability itself",
)
FIXES = (
    "could delegate more", "should speak up earlier in planning", "takes on too much alone",
    "needs to say no more often", "could share progress more often", "sometimes goes too deep into detail",
)
CONTEXT_WEIGHTS = (("review", 3), ("reference", 1), ("conversation", 4), ("survey", 2))


def _text(rng: random.Random) -> str:
    opener = rng.choice(OPENERS)
    good = rng.sample(PRAISE, 2)
    text = f"{opener} {good[0]} and {good[1]}.".strip()
    if rng.random() < 0.6:
        text += f" If anything, {rng.choice(FIXES)}."
    return text[0].upper() + text[1:]


def _feedback(rng: random.Random, givers: list[int], count: int, contexts: list[str], today: date,
              made: datetime) -> None:
    """``count`` entries and their terms in two multi-row inserts (5,000 at the 10k size).

    The demo's texts are drawn from a few phrases, so each distinct text is read for terms once.
    """
    first = (Feedback.select(fn.MAX(Feedback.id)).scalar() or 0) + 1
    entries, terms, extracted = [], [], {}
    for fid in range(first, first + count):
        cid = givers[(fid - first) % len(givers)]
        given_on = today - timedelta(days=rng.randint(3, 700))
        text = _text(rng)
        entries.append((fid, cid, given_on, rng.choice(contexts), rng.random() < 0.5, text, made))
        found = extracted.get(text)
        if found is None:
            found = extracted[text] = extract(text)
        terms += [(fid, stem, form, n, cid, given_on.isoformat()) for (stem, form), n in found.items()]
    cursor = db.cursor()
    cursor.executemany("INSERT INTO feedback (id, contact_id, given_on, context, quotable, text, created) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", entries)
    cursor.executemany("INSERT INTO feedback_term (feedback_id, stem, form, count, contact_id, given_on) "
                       "VALUES (?, ?, ?, ?, ?, ?)", terms)


def demo(rng_unused, today: date, contact_ids: list[int]) -> None:
    """Add feedback, requests, reviews, variants and claims (its own random stream, so the other
    areas' demo data stays exactly as it was)."""
    if not contact_ids:
        return
    rng = random.Random(f"perception-{len(contact_ids)}")
    # Not the first person (the contact-page snapshots open them): their page stays as it was.
    givers = contact_ids[2::max(1, len(contact_ids) // 12)][:12] if len(contact_ids) < 1000 else contact_ids[1::2]
    n_feedback = 40 if len(contact_ids) < 1000 else min(5000, len(givers))
    contexts = [c for c, w in CONTEXT_WEIGHTS for _ in range(w)]
    made = datetime.combine(today, time(9, 0))
    _feedback(rng, givers, n_feedback, contexts, today, made)
    # Requests: answered and declined ones in the past, one asked recently (not yet overdue).
    for k, cid in enumerate(givers[:6]):
        asked = today - timedelta(days=40 + 30 * k)
        status = "declined" if k == 4 else "answered"
        FeedbackRequest.create(contact=cid, asked_on=asked, channel=("email", "in person", "LinkedIn")[k % 3],
                               prompt="What am I doing well? What do I need to fix?", status=status,
                               closed_on=asked + timedelta(days=9), created=made)
    FeedbackRequest.create(contact=contact_ids[-1], asked_on=today - timedelta(days=3), channel="email",
                           prompt="People say I am …", status="asked", created=made)
    for n, p in enumerate(Pitch.select().order_by(Pitch.id)):
        BrandReview.create(pitch=p.id, reviewed_on=today - timedelta(days=10 + 4 * n),
                           answers=json.dumps({"outdated": {"ok": True, "note": ""}}), created=made)
        if p.channel == "elevator pitch":
            PitchVariant.create(pitch=p.id, audience="non-tech", folded="non-tech", created=made, updated=made,
                                text="I help finance teams trust their numbers, so they stop arguing "
                                     "about spreadsheets and start deciding.", target_seconds=15)
            PitchVariant.create(pitch=p.id, audience="tech", folded="tech", created=made, updated=made,
                                text="Data engineer: batch and streaming pipelines, dbt, data-quality "
                                     "checks and month-end close automation.", target_seconds=30)
        if p.channel == "resume summary":
            BrandClaim.create(pitch=p.id, claim="cut month-end close from ten days to six",
                              evidence="Globex finance retro, March (slides in Drive)", created=made)
            BrandClaim.create(pitch=p.id, claim="reliable pipelines", created=made)
