"""Provides the Mentors area's demo data: mentors with value both ways, partners with check-ins."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta

from kith.store.mentors.checkins import DEFAULT_QUESTIONS, CheckIn, Commitment, Partner
from kith.store.mentors.roles import MentorRole
from kith.store.mentors.value import ValueEntry
from kith.store.people.models import Contact

_DEMO_RECEIVED = (
    ("introduction", "Introduced me to the Globex platform lead"),
    ("new perspective", "Reframed the offer as a learning bet, not a pay bump"),
    ("information", "How Initech's hiring committee really decides"),
    ("thought process", "Walked me through how she picks projects"),
    ("accountability", "Asked where the portfolio draft was; I sent it that night"),
    ("questioning", "Why do I want a manager role at all?"),
    ("systems and processes", "Her weekly review template"),
    ("thinking differently", "Treat the network like a garden, not a funnel"),
)
_DEMO_GIVEN = (
    ("gratitude", "Thank-you note after the intro landed"),
    ("insight or information", "Sent the salary survey she asked about"),
    ("introduction", "Introduced her to a data lead at Hooli"),
    ("follow-up", "Told him how the Globex interview went"),
)


def demo(rng: random.Random, today: date, contact_ids: list[int]) -> None:
    """Demo mentors, value both ways and a partner with check-ins (called by store.demo)."""
    del rng  # a local generator keeps this data the same whatever other extensions draw
    rnd = random.Random(404)
    live = [cid for cid in contact_ids[:30]
            if not Contact.select(Contact.archived).where(Contact.id == cid).scalar()]
    if len(live) < 6:
        return
    day = lambda n: today - timedelta(days=n)  # noqa: E731
    plan = [  # (contact, roles, role since, received days ago, given days ago)
        (live[1], ("mentor",), 300, (140, 95, 70, 41, 12), (120,)),
        (live[3], ("mentor", "coach"), 260, (90, 60, 30), (80, 45, 20)),
        (live[5], ("mentor",), 120, (75, 50), ()),
        (live[2], ("partner",), 80, (), ()),
        (live[4], ("coach", "partner"), 150, (100,), (99,)),
    ]
    for cid, roles, since, received, given in plan:
        for role in roles:
            MentorRole.insert(contact=cid, role=role, started=day(since)).execute()
        for n in received:
            category, note = rnd.choice(_DEMO_RECEIVED)
            ValueEntry.insert(contact=cid, date=day(n), direction="received", category=category, note=note,
                              created=datetime.combine(day(n), datetime.min.time())).execute()
        for n in given:
            category, note = rnd.choice(_DEMO_GIVEN)
            ValueEntry.insert(contact=cid, date=day(n), direction="given", category=category, note=note,
                              created=datetime.combine(day(n), datetime.min.time())).execute()
    # The partner met every two weeks; the last check-in was 16 days ago, so one is overdue.
    partner = live[2]
    Partner.insert(contact=partner, cadence_days=None).execute()
    Partner.insert(contact=live[4], cadence_days=30,
                   questions=json.dumps(["What did I ship?", "What am I avoiding?", "Who should I talk to?"])).execute()
    promises = (("Send 5 outreach messages", "Finish the portfolio case study"),
                ("Book two informational interviews", "Draft the 30-second pitch"),
                ("Ask Hooli's recruiter for feedback", "Update LinkedIn headline"))
    previous: list[int] = []
    for i, n in enumerate((44, 30, 16)):
        answers = [[q, a] for q, a in zip(DEFAULT_QUESTIONS, (
            "Showing up every week; the outreach is steady",
            "I stall after first calls; follow up within two days",
            "Talk to someone who moved from engineering into product",
        ))]
        ci = CheckIn.insert(contact=partner, date=day(n), answers=json.dumps(answers),
                            created=datetime.combine(day(n), datetime.min.time())).execute()
        for j, cid in enumerate(previous):
            Commitment.update(outcome="kept" if (i + j) % 3 else "missed", reviewed_in=ci).where(
                Commitment.id == cid).execute()
        previous = [Commitment.insert(contact=partner, check_in=ci, what=w).execute() for w in promises[i]]
    ci = CheckIn.insert(contact=live[4], date=day(9), answers="[]",
                        created=datetime.combine(day(9), datetime.min.time())).execute()
    Commitment.insert(contact=live[4], check_in=ci, what="Write the conference talk proposal").execute()
