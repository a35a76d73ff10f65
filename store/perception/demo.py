"""Provides the Perception area's part of the demo network (deterministic for a given size).

Feedback in the words people really use (so the trending terms mean something), requests in
every state, a review of every pitch (none is stale on the demo's day, so Today stays as it
was), two audience variants of the elevator pitch, and claims, one without evidence.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta

from kith.store.brand.pitches import Pitch
from kith.store.perception.feedback import store_terms
from kith.store.perception.models import BrandClaim, BrandReview, Feedback, FeedbackRequest, PitchVariant

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
    for i in range(n_feedback):
        cid = givers[i % len(givers)]
        given_on = today - timedelta(days=rng.randint(3, 700))
        text = _text(rng)
        f = Feedback.create(contact=cid, given_on=given_on, context=rng.choice(contexts),
                            quotable=rng.random() < 0.5, text=text, created=made)
        store_terms(f.id, cid, given_on, text)
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
