"""Provides the career part of the demo network: skills, learning, income, jobs, goals (deterministic)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from kith.store.career.common import month_of, months_before
from kith.store.core.db import db
from kith.store.core.fold import fold

# name, kind, depth, months since last use (None: no date), emerging, where, evidence
_SKILLS = (
    ("Python", "hard", 5, 0, False, "Initech platform team", "PyCon talk 2024"),
    ("SQL", "hard", 4, 2, False, "Initech", ""),
    ("Kubernetes", "hard", 3, 22, False, "Globex", "CKA certificate"),
    ("Rust", "hard", 2, 3, True, "side project", ""),
    ("LLM evaluation", "domain", 1, None, True, "", ""),
    ("Payments", "domain", 4, 1, False, "Globex fintech", ""),
    ("Public speaking", "soft", 3, 5, False, "meetups", "two conference talks"),
    ("Negotiation", "soft", 2, None, False, "", ""),
    ("Spanish", "language", 3, 8, False, "", "B2 certificate"),
)
# title, kind, status, months ago started, hours, expires in days (None), skills fed
_LEARNING = (
    ("Certified Kubernetes Administrator", "certification", "done", 30, 60, 41, ("Kubernetes",)),
    ("Rust in Action", "book", "doing", 2, 20, None, ("Rust",)),
    ("AWS Solutions Architect", "certification", "planned", 0, None, None, ("Kubernetes", "Python")),
    ("Leading Without Authority workshop", "course", "done", 9, 16, None, ("Negotiation",)),
    ("MSc Computer Science", "degree", "done", 120, None, None, ("Python", "SQL")),
    ("Talk: Payments at scale", "talk", "done", 7, 12, None, ("Payments", "Public speaking")),
)
# name, kind, currency, organisation, amounts: (months ago it started, monthly), ended months ago
_INCOME = (
    ("Initech salary", "salary", "EUR", "Initech", ((30, "5200.00"), (11, "5600.00")), None),
    ("Consulting for Globex", "consulting", "EUR", "Globex", ((8, "900.00"),), None),
    ("Course royalties", "teaching", "USD", "Teachable", ((14, "120.00"), (4, "180.50")), None),
    ("Freelance design", "freelance", "EUR", "", ((26, "400.00"),), 13),
)
_JOBS = (("Globex", "Software Engineer", 96, 60), ("Hooli", "Senior Engineer", 54, 40),
         ("Initech", "Staff Engineer", 34, None))
_GOALS = (("Move into a principal engineer role within a year", "goal", 40),
          ("Build a second income stream that does not depend on my employer", "goal", 25),
          ("Too little time for deep work between meetings", "challenge", 12))


def demo(rng, today: date, contact_ids: list[int]) -> None:
    """Add the career rows (fixed; ``rng`` is not drawn from, so other demo parts stay unchanged)."""
    made = datetime.combine(today, time(9, 0))
    month = lambda back: month_of(months_before(today, back))  # noqa: E731
    job_ids = []
    for org, title, start_back, end_back in _JOBS:
        cur = db.execute_sql("INSERT INTO my_job (organisation, title, start_month, end_month, created) "
                             "VALUES (?, ?, ?, ?, ?)", (org, title, month(start_back),
                                                        month(end_back) if end_back is not None else None, made))
        job_ids.append(cur.lastrowid)
    skill_ids = {}
    for n, (name, kind, depth, back, emerging, where, evidence) in enumerate(_SKILLS):
        used = month(back) if back is not None else None
        first = month(back + 24) if back is not None else None
        vouch = contact_ids[n * 7 % len(contact_ids)] if contact_ids and evidence else None
        job = job_ids[-1] if "Initech" in where else (job_ids[0] if "Globex" in where else None)
        cur = db.execute_sql(
            "INSERT INTO skill (name, folded, kind, depth, first_used, last_used, where_used, job_id, emerging, "
            "evidence, vouch_contact_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (name, fold(name), kind, depth, first, used, where, job, int(emerging), evidence, vouch, made))
        skill_ids[name] = cur.lastrowid
    for title, kind, status, back, hours, expires_in, feeds in _LEARNING:
        started = months_before(today, back) if status != "planned" else None
        finished = started + timedelta(days=60) if status == "done" else None
        expires = today + timedelta(days=expires_in) if expires_in is not None else None
        cur = db.execute_sql("INSERT INTO learning (title, kind, status, started, finished, hours, expires, created) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (title, kind, status, started, finished, hours,
                                                                 expires, made))
        for name in feeds:
            db.execute_sql("INSERT INTO learning_skill (learning_id, skill_id) VALUES (?, ?)",
                           (cur.lastrowid, skill_ids[name]))
    for name, kind, code, org, amounts, ended_back in _INCOME:
        start = months_before(today, amounts[0][0]).replace(day=1)
        ended = months_before(today, ended_back) if ended_back is not None else None
        cur = db.execute_sql("INSERT INTO income_stream (name, folded, kind, currency, organisation, started, ended, "
                             "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             (name, fold(name), kind, code, org, start, ended, made))
        for i, (back, monthly) in enumerate(amounts):
            begin = months_before(today, back).replace(day=1)
            nxt = months_before(today, amounts[i + 1][0]).replace(day=1) - timedelta(days=1) \
                if i + 1 < len(amounts) else ended
            db.execute_sql("INSERT INTO income_amount (stream_id, monthly, from_day, to_day, created) "
                           "VALUES (?, ?, ?, ?, ?)", (cur.lastrowid, monthly, begin, nxt, made))
    for text, kind, days_ago in _GOALS:
        db.execute_sql("INSERT INTO goal (text, kind, added, created) VALUES (?, ?, ?, ?)",
                       (text, kind, today - timedelta(days=days_ago), made))
