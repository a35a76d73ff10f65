"""Provides the Conversations area's demo part: a few planned, held and unrecorded conversations,
their referrals and a thank-you owed (deterministic for a seed and a day)."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta

from kith.store.conversations.models import FEEDBACK_QUESTIONS, Plan, Referral, ThankYou
from kith.store.people.models import Contact, FollowUp, Touch

_PLANS = (
    # days from today, kind, time, purpose, objectives, offer, state
    (1, "informational interview", "10:00", "Learn how the platform team hires",
     ("Understand the team's next six months", "Ask for two names"), "Share my notes on the migration", "planned"),
    (0, "coffee", "08:30", "Catch up after the conference", (), "", "planned"),
    (3, "mentor meeting", None, "Review my pitch for the staff role", ("Get a verdict on the 30-second pitch",),
     "Send the article she asked about", "planned"),
    (-2, "informational interview", "15:00", "Hear about data roles at their company", ("One referral",), "",
     "planned"),
    (-6, "informational interview", "11:00", "Explore product management", ("Ask about the path from engineering",),
     "Intro to the meetup organiser", "held"),
)


def demo(rng: random.Random, today: date, contact_ids: list[int]) -> None:
    """Add the demo conversations (called by store.demo inside its transaction)."""
    if len(contact_ids) < 12:
        return
    picks = rng.sample(contact_ids[:60], 8)
    # The held one is with a dormant contact (no cadence): its touch moves no one's place in Today.
    active_dormant = (Contact.tier == "dormant") & (Contact.archived == False)  # noqa: E712
    dormant = [cid for (cid,) in Contact.select(Contact.id).where(active_dormant).order_by(Contact.id).tuples()
               if cid not in picks]
    if dormant:
        picks[4] = dormant[len(dormant) // 2]
    created = datetime.combine(today - timedelta(days=10), time(9))
    for n, (offset, kind, at, purpose, objectives, offer, state) in enumerate(_PLANS):
        day = today + timedelta(days=offset)
        p = Plan.create(contact=picks[n], kind=kind, day=day, at=at, purpose=purpose,
                        objectives=json.dumps(list(objectives)), points="[]",
                        questions=json.dumps(list(FEEDBACK_QUESTIONS)), offer=offer, state="planned", created=created)
        if state != "held":
            continue
        t = Touch.create(contact=picks[n], date=day, kind=kind, note=f"{kind}: {purpose}", created=created)
        answers = ["Clear stories", "Shorter answers", "Talk to the two leads"]
        Plan.update(state="held", held_on=day, touch=t.id, answers=json.dumps(answers), rating=4, minutes=40,
                    learned="PMs there come from support and engineering").where(Plan.id == p.id).execute()
        for ref in picks[6:8]:
            Referral.create(plan=p.id, contact=ref, created_contact=0)
        f = FollowUp.create(contact=picks[n], due=today - timedelta(days=5), what="Thank them for the interview",
                            created=created)
        ThankYou.create(contact=picks[n], reason="interview", follow_up=f.id, plan=p.id, owed_on=day,
                        created=created)
        from kith.store.people.touches import _refresh_last_touch

        _refresh_last_touch(picks[n])
