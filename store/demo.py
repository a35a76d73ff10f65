"""Provides build_demo(): a deterministic, realistic demo network (or a benchmark-sized one)."""

from __future__ import annotations

import json
import random
from contextlib import ExitStack, contextmanager
from datetime import date, datetime, timedelta

from kith.store.brand.demo import demo as pitches_demo
from kith.store.career.demo import demo as career_demo
from kith.store.conversations.demo import demo as conversations_demo
from kith.store.core.db import db, write
from kith.store.core.errors import StoreError
from kith.store.core.fold import fold
from kith.store.core.records import TOUCH_KINDS
from kith.store.mentors.demo import demo as mentors_demo
from kith.store.network.demo import demo as network_demo
from kith.store.newsletter.demo import demo as newsletter_demo
from kith.store.people.models import Contact, ContactTag, FollowUp, Tag, Touch
from kith.store.perception.demo import demo as perception_demo
from kith.store.quality.demo import build as quality_demo
from kith.store.search.registry import CODE_SHIFT, CONTACT, FOLLOW_UP, FTS_TABLE, KINDS, TOUCH
from kith.store.search.words import add_words, forget_words
from kith.store.volunteering.demo import demo as volunteering_demo

# Other areas add demo data for their own tables: function(rng, today, contact_ids).
DEMO_PARTS = (mentors_demo, pitches_demo, perception_demo, quality_demo, conversations_demo, career_demo, network_demo,
              volunteering_demo, newsletter_demo)

FIRST = ("Ada", "Grace", "José", "Priya", "Wei", "Fatima", "Kenji", "Olu", "Zoë", "Marcus", "Chiamaka",
         "Astrid", "Jürgen", "Sam", "Tom", "Amara", "Lucía", "Mateo", "Ingrid", "Ravi", "Hana", "Noah",
         "Leila", "Dmitri", "Aisha", "Tomás", "Mei", "Kwame", "Sofia", "Łukasz", "Elena", "Yusuf",
         "Nadia", "Oscar", "Keiko", "Diego", "Freya", "Arjun", "Camille", "Bongani")
LAST = ("Lovelace", "Hopper", "Álvarez", "Raman", "Zhang", "Al-Sayed", "Watanabe", "Adeyemi", "Müller",
        "Okafor", "Lindqvist", "Lee", "O'Brien", "Nwosu", "García", "Rossi", "Berg", "Iyer", "Tanaka",
        "Cohen", "Haddad", "Petrov", "Mensah", "Silva", "Chen", "Kowalski", "Novak", "Demir", "Dubois",
        "Sato", "Castro", "Nielsen", "Kapoor", "Moreau", "Dlamini", "Fischer", "Costa", "Yilmaz")
COMPANIES = (("Globex", "fintech"), ("Initech", "software"), ("Acme, Inc.", "manufacturing"),
             ("Northwind Health", "healthcare"), ("Umbrella GmbH", "biotech"), ("Tencent", "internet"),
             ("Volvo Cars", "automotive"), ("Stark Energy", "energy"), ("Hooli", "software"),
             ("Wayne Capital", "fintech"), ("Cyberdyne", "robotics"), ("Soylent Foods", "food"),
             ("Self-employed", "consulting"), ("City Library", "public sector"), ("Open Data Trust", "nonprofit"))
ROLES = ("Staff Engineer", "Engineering Manager", "Recruiter", "Product Director", "Data Scientist",
         "VP Engineering", "Founder", "Career Coach", "Designer", "CTO", "Head of People",
         "Developer Advocate", "Principal Engineer", "Analyst", "Hiring Manager")
PROFESSIONS = ("engineering", "product", "data", "recruiting", "design", "leadership", "coaching")
CITIES = ("London", "Berlin", "San Francisco", "Lagos", "Tokyo", "São Paulo", "Stockholm", "Toronto",
          "Bangalore", "Remote")
HOW_MET = ("PyCon hallway", "former colleague", "LinkedIn: they invited me", "meetup talk",
           "volunteering at the code club", "alumni network", "introduced over email", "hackathon",
           "informational interview", "newsletter reader")
NOTES = ("Prefers email over calls.", "Ask about the conference talk.", "Knows everyone in {city} tech.",
         "Hiring for a platform team next quarter.", "Offered to review my resume.",
         "Power connector: introduces people readily.", "Send the newsletter; likes the data pieces.",
         "Interested in mentoring early-career folks.", "")
TOUCH_NOTES = ("Coffee, talked about {company}'s roadmap.", "Sent the article on career capital.",
               "Quick check-in; doing well.", "Asked who else I should talk to.",
               "Thanked them for the introduction.", "Shared my updated pitch; got feedback.",
               "Informational interview: team structure, hiring plans.", "", "")
FOLLOW_UPS = ("Send the deck from the talk", "Introduce to Priya", "Thank-you note for the referral",
              "Ask for feedback on the pitch", "Share the job post", "Book the next coffee")
TIERS = (("inner", 0.08), ("close", 0.22), ("network", 0.55), ("dormant", 0.15))
KIND_WEIGHTS = (8, 6, 10, 9, 5, 3, 2, 2, 3, 2, 1)
# The default tier cadences (tui.config.DEFAULT_TIERS); dormant people were last seen within a year.
DEMO_CADENCE = {"inner": 14, "close": 30, "network": 90, "dormant": 365}


def _day_with(month: int | None, day: int) -> int | None:
    """The birthday's day when it has a month: a day alone is no birthday (``show`` listed it)."""
    return day if month else None

def _tier(rng: random.Random) -> str:
    x, acc = rng.random(), 0.0
    for tier, share in TIERS:
        acc += share
        if x < acc:
            return tier
    return "network"


def build_demo(today: date, contacts: int | None = None, touches: int | None = None, seed: int = 7) -> dict:
    """Fill an empty database; return how many rows of each kind were written.

    The same ``today`` and sizes always give the same data. Default: 72 contacts and a year of
    touches; ``contacts``/``touches`` give benchmark sizes (10,000 / 100,000 in a few seconds).
    """
    rng = random.Random(seed)
    n_contacts = contacts or 72
    n_touches = touches if touches is not None else n_contacts * 6
    now = datetime.combine(today, datetime.min.time()).replace(hour=9)
    rows = []
    for i in range(n_contacts):
        first, last = FIRST[i % len(FIRST)], LAST[(i * 7 + i // len(FIRST)) % len(LAST)]
        name = f"{first} {last}" if i < len(FIRST) * 3 else f"{first} {last} {i}"
        company, industry = rng.choice(COMPANIES)
        role, city = rng.choice(ROLES), rng.choice(CITIES)
        handle = fold(f"{first}.{last}").replace(" ", "").replace("'", "") + (str(i) if i >= len(FIRST) * 3 else "")
        created = now - timedelta(days=rng.randint(200, 900))
        rows.append({
            "name": name, "company": company, "role": role, "location": city,
            "emails": json.dumps([f"{handle}@{fold(company).split()[0].strip(',')}.example"]),
            "phones": json.dumps([f"+44 20 7946 {rng.randint(0, 9999):04d}"] if rng.random() < 0.4 else []),
            "links": json.dumps([f"https://www.linkedin.com/in/{handle}-{i}"]),
            "notes": rng.choice(NOTES).format(city=city), "tier": _tier(rng), "strength": rng.randint(1, 5),
            "cadence_days": rng.choice((None,) * 9 + (21,)), "how_met": rng.choice(HOW_MET),
            "birthday_month": (month := rng.randint(1, 12) if rng.random() < 0.3 else None),
            # A birthday is whole or absent; the day is drawn either way so the rest stays as it was.
            "birthday_day": _day_with(month, rng.randint(1, 28)), "archived": i % 37 == 36,
            "search_key": fold(" ".join((name, company, role, city))), "created": created, "updated": created,
            "_tags": (("industry", industry), ("geography", city), ("profession", rng.choice(PROFESSIONS))),
        })
    with write():
        # Checked inside the write lock: another kith may have added people since we looked.
        if Contact.select().exists():
            raise StoreError("the database already holds contacts; the demo goes into an empty one")
        with _bulk(CONTACT):
            _insert(Contact, [{k: v for k, v in r.items() if k != "_tags"} for r in rows])
        ids = [cid for (cid,) in Contact.select(Contact.id).order_by(Contact.id).tuples()]
        _tags(rows, ids)
        made_touches = _touches(rng, ids, rows, today, n_touches)
        made_follow_ups = _follow_ups(rng, ids, today)
        # The other areas' rows (newsletter sends log thousands of touches) join the search index
        # in one pass too.
        with ExitStack() as stack:
            for kind in KINDS.values():
                if kind.fts_columns:
                    stack.enter_context(_bulk(kind, indexes=False))
            for part in DEMO_PARTS:
                part(rng, today, ids)
    return {"contacts": len(ids), "touches": made_touches, "follow_ups": made_follow_ups}


def _tags(rows: list[dict], ids: list[int]) -> None:
    tag_ids: dict[tuple[str, str], int] = {}
    links = []
    for cid, row in zip(ids, rows):
        for kind, name in row["_tags"]:
            key = (kind, fold(name))
            if key not in tag_ids:
                tag_ids[key] = Tag.insert(name=name, kind=kind, folded=key[1]).execute()
            links.append((cid, tag_ids[key]))
    _insert_tuples(ContactTag, [ContactTag.contact, ContactTag.tag], links)
    # Tag names join the search key as they do for contacts written by store.contacts.
    db.execute_sql(
        "UPDATE contact SET search_key = search_key || ' ' || (SELECT group_concat(t.folded, ' ') "
        "FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.contact_id = contact.id)")


def _touches(rng: random.Random, ids: list[int], rows: list[dict], today: date, count: int) -> int:
    batch = []
    # The text sqlite3 would write for the date and datetime, made once (100,000 touches share
    # a few hundred days).
    created = datetime.combine(today, datetime.min.time()).isoformat(" ")
    days: dict[int, str] = {}
    kinds_pool = [k for k, w in zip(TOUCH_KINDS, KIND_WEIGHTS) for _ in range(w)]
    companies = list(dict(COMPANIES))

    def touch(cid: int, days_ago: int) -> None:
        note = rng.choice(TOUCH_NOTES).format(company=rng.choice(companies))
        ago = max(1, days_ago)
        day = days.get(ago) or days.setdefault(ago, (today - timedelta(days=ago)).isoformat())
        batch.append((cid, day, rng.choice(kinds_pool), note, created))

    # A kept-up network: each person's latest touch sits within their cadence, and about one in
    # eight has slipped past it, so the Today queue is a morning's work, not a backlog.
    if count >= len(ids):
        for cid, row in zip(ids, rows):
            cadence = row["cadence_days"] or DEMO_CADENCE[row["tier"]]
            touch(cid, int(cadence * rng.uniform(0.15, 1.08)))
    for _ in range(count - len(batch)):
        # Older history: inner-circle people (low ids are denser) got more of it, a skewed pick.
        touch(ids[int(len(ids) * rng.random() ** 1.6)], int(365 * rng.random() ** 0.8) + 30)
    with _bulk(TOUCH):
        _insert_tuples(Touch, [Touch.contact, Touch.date, Touch.kind, Touch.note, Touch.created], batch)
    db.execute_sql(
        "UPDATE contact SET last_touch_on = (SELECT max(date) FROM touch WHERE contact_id = contact.id), "
        "last_touch_kind = (SELECT kind FROM touch WHERE contact_id = contact.id ORDER BY date DESC, id DESC LIMIT 1)")
    return len(batch)


def _follow_ups(rng: random.Random, ids: list[int], today: date) -> int:
    rows = []
    for i, cid in enumerate(ids[: max(6, len(ids) // 6)]):
        offset = (-9, -3, 0, 0, 2, 5, 12, 30)[i % 8]
        done = i % 11 == 10
        rows.append((cid, today + timedelta(days=offset), rng.choice(FOLLOW_UPS), done,
                     today if done else None, datetime.combine(today, datetime.min.time())))
    fields = [FollowUp.contact, FollowUp.due, FollowUp.what, FollowUp.done, FollowUp.done_on, FollowUp.created]
    with _bulk(FOLLOW_UP):
        _insert_tuples(FollowUp, fields, rows)
    return len(rows)


# -- the bulk path (as the importers write): one prepared INSERT, many rows ------------------------
# Peewee builds the SQL text of a multi-row insert value by value, which was most of the time of
# a 10,000-contact demo. The values are the same Python objects peewee hands to sqlite3.


def _insert_tuples(model, fields: list, rows: list[tuple]) -> None:
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" * len(fields))
    db.cursor().executemany(f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})', rows)


def _insert(model, rows: list[dict]) -> None:
    """Insert dict rows (all with the same keys), filling the fields' defaults as peewee does."""
    if not rows:
        return
    given = [model._meta.fields[name] for name in rows[0]]
    defaults = [f for f in model._meta.sorted_fields
                if f.name not in rows[0] and f.default is not None and not f.primary_key]
    values = [[d.default() if callable(d.default) else d.default for d in defaults] for _ in rows]
    _insert_tuples(model, given + defaults, [(*r.values(), *v) for r, v in zip(rows, values)])


@contextmanager
def _bulk(kind, indexes: bool = True):
    """Insert many rows into ``kind``'s table with its search trigger (and ``indexes``) set aside.

    As the importers do: the indexes are built once afterwards, and the new rows' search text is
    folded once per distinct text and added to the index in one pass (the per-row trigger cost
    about 50 µs a touch). The index and trigger SQL are read back from sqlite_master and run again
    unchanged, so what the search index holds is what the trigger would have written.
    """
    table = kind.table
    first_new = db.execute_sql(f'SELECT coalesce(max(id), 0) + 1 FROM "{table}"').fetchone()[0]
    saved = db.execute_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
        "AND ((type = 'index' AND ?) OR (type = 'trigger' AND name = ?))",
        (table, indexes, f"search_{kind.name.replace('-', '_')}_ai")).fetchall()
    for type_, name, _sql in saved:
        db.execute_sql(f'DROP {type_.upper()} "{name}"')
    yield
    for type_, _name, sql in saved:
        if type_ == "index":
            db.execute_sql(sql)
    columns = ", ".join(f'"{c}"' for c in kind.fts_columns)
    folded: dict[str, str] = {}
    rows = []
    for row in db.execute_sql(f'SELECT id, {columns} FROM "{table}" WHERE id >= ?', (first_new,)):
        text = " ".join("" if value is None else str(value) for value in row[1:])
        body = folded.get(text)
        if body is None:
            body = folded[text] = fold(text)
        if body:
            rows.append((kind.rowid_base + row[0], body))
    # A row a demo part updated after inserting it was indexed by the update trigger: replace it
    # (its words counted out of the word index first, as the triggers do).
    span = f"rowid BETWEEN {kind.rowid_base + first_new} AND {kind.rowid_base + CODE_SHIFT - 1}"
    forget_words(span)
    db.execute_sql(f"DELETE FROM {FTS_TABLE} WHERE {span}")
    db.cursor().executemany(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (?, ?)", rows)
    add_words(body for _, body in rows)
    for type_, _name, sql in saved:
        if type_ == "trigger":
            db.execute_sql(sql)
