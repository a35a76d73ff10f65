"""Provides the network's part of the demo: organisations, careers, introductions, knows, targets.

Deterministic (its own seeded generator, so other demo parts are unchanged). Each contact's
company becomes its current job and it gets up to two past jobs; at the benchmark size (10,000
contacts) that is about 30,000 employments and 5,000 introductions, over about 1,000 organisations.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from kith.store.core.db import db
from kith.store.network.orgs import org_key

INDUSTRIES = {"Globex": "fintech", "Initech": "software", "Acme, Inc.": "manufacturing",
              "Northwind Health": "healthcare", "Umbrella GmbH": "biotech", "Tencent": "internet",
              "Volvo Cars": "automotive", "Stark Energy": "energy", "Hooli": "software", "Wayne Capital": "fintech",
              "Cyberdyne": "robotics", "Soylent Foods": "food", "Self-employed": "consulting",
              "City Library": "public sector", "Open Data Trust": "nonprofit"}
PAST = ("Pied Piper", "Massive Dynamic", "Vandelay Industries", "Dunder Mifflin", "Oscorp", "Monarch Solutions",
        "Prestige Worldwide", "Gringotts", "Aperture Science", "Black Mesa", "Tyrell Corporation", "Bluth Company")
WORDS = ("North", "Blue", "Bright", "Iron", "Silver", "Cedar", "Harbor", "Summit", "Quantum", "Maple", "Delta",
         "Nova", "Orbit", "Pioneer", "Granite", "Lumen", "Atlas", "Vertex", "Willow", "Falcon")
KINDS = ("Labs", "Systems", "Analytics", "Partners", "Health", "Energy", "Media", "Logistics", "Robotics",
         "Capital", "Foods", "Studio", "Works", "Networks", "Bank", "Robotics Ltd", "Cloud", "Data", "Bio", "Ventures")
TITLES = ("Engineer", "Senior Engineer", "Analyst", "Product Manager", "Designer", "Consultant", "Team Lead",
          "Intern", "Data Engineer", "Researcher")
INTRO_NOTES = ("over email", "at the meetup", "coffee intro", "they thought we should talk", "", "")


def _month(rng: random.Random, low: int, high: int) -> str:
    return f"{rng.randint(low, high)}-{rng.randint(1, 12):02d}"


def demo(rng_unused, today: date, contact_ids: list[int]) -> None:
    rng = random.Random(13)
    now = str(datetime.combine(today, datetime.min.time()))
    orgs: dict[str, int] = {}
    keys: dict[str, str] = {}  # 30,000 jobs at the 10k size name a few hundred organisations

    def org(name: str) -> int:
        key = keys.get(name)
        if key is None:
            key = keys[name] = org_key(name)
        if key not in orgs:
            orgs[key] = db.execute_sql(
                "INSERT INTO organisation (name, match_key, industry, created) VALUES (?, ?, ?, ?)",
                (name, key, INDUSTRIES.get(name, ""), now)).lastrowid
        return orgs[key]

    n = len(contact_ids)
    extra = [f"{WORDS[i % len(WORDS)]} {KINDS[(i // len(WORDS)) % len(KINDS)]}" for i in range(max(0, n // 10))]
    pool = list(INDUSTRIES) + list(PAST) + extra
    rows = db.execute_sql("SELECT id, company, role FROM contact ORDER BY id").fetchall()
    jobs = []
    for cid, company, role in rows:
        start = rng.randint(2012, 2025)
        if company:
            jobs.append((cid, org(company), role, f"{start}-{rng.randint(1, 12):02d}", None, 1))
        end = start
        for _ in range(2):
            begin = end - rng.randint(1, 6)
            jobs.append((cid, org(rng.choice(pool)), rng.choice(TITLES), _month(rng, begin, begin),
                         f"{end}-{rng.randint(1, 12):02d}" if end > begin else f"{end}-12", 0))
            end = begin
    db.cursor().executemany(
        "INSERT INTO employment (contact_id, organisation_id, title, started, ended, current, created) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", [(*j, now) for j in jobs])
    _introductions(rng, today, contact_ids, now)
    pairs = {tuple(sorted(rng.sample(contact_ids, 2))) for _ in range(max(3, n // 10))}
    db.cursor().executemany("INSERT INTO knows (a_id, b_id, strength, created) VALUES (?, ?, ?, ?)",
                            [(a, b, rng.randint(1, 5), now) for a, b in sorted(pairs)])
    for name, stage, note, days in (("Globex", "talking", "Platform team is hiring; ask about the staff role", 9),
                                    ("Hooli", "researching", "", 30)):
        if org_key(name) in orgs:
            db.execute_sql("INSERT INTO target (organisation_id, stage, note, progressed, created) "
                           "VALUES (?, ?, ?, ?, ?)",
                           (orgs[org_key(name)], stage, note, (today - timedelta(days=days)).isoformat(), now))


def _introductions(rng: random.Random, today: date, ids: list[int], now: str) -> None:
    # A few people make most introductions: the power connectors the ranking should find.
    connectors = ids[: max(3, len(ids) // 40)]
    rows, seen_you = [], {}
    for _ in range(max(12, len(ids) // 2)):
        by = connectors[int(len(connectors) * rng.random() ** 2)]
        a, b = rng.sample(ids, 2)
        if by in (a, b):
            continue
        day = (today - timedelta(days=rng.randint(20, 900))).isoformat()
        shape = rng.random()
        outcome = rng.choice(("met", "met", "met", "job lead", "referral", "hire", "nothing yet"))
        note = rng.choice(INTRO_NOTES)
        if shape < 0.6:
            rows.append((by, None, b, day, note, outcome, now))
            seen_you[b] = by
        elif shape < 0.9:
            rows.append((by, a, b, day, note, outcome, now))
        else:
            rows.append((None, a, b, day, note, outcome, now))
    db.cursor().executemany("INSERT INTO introduction (by_id, first_id, second_id, day, note, outcome, created) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    # introduced-by is read from the ledger: keep the column in step with the newest entry.
    db.execute_sql("UPDATE contact SET introduced_by_id = (SELECT i.by_id FROM introduction i WHERE i.second_id = "
                   "contact.id AND i.first_id IS NULL AND i.by_id IS NOT NULL ORDER BY i.day DESC, i.id DESC LIMIT 1)")
