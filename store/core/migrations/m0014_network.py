"""Creates the network: organisations with aliases, employments (careers), the introductions
ledger, manual "knows" edges and targets.

Each contact's company text becomes its current employment (title from its role), one
organisation per matching name. Each ``introduced_by`` becomes a ledger entry "X introduced you
to Y", dated the day they connected (or were added). The matching key is computed here with a
frozen copy of the rule in ``kith.store.network.orgs`` (migrations never import live modules).
"""

import re
import unicodedata
from datetime import datetime

SQL = """
CREATE TABLE organisation (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    match_key TEXT NOT NULL UNIQUE,
    domain TEXT NOT NULL DEFAULT '',
    industry TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created DATETIME NOT NULL
);
CREATE TABLE organisation_alias (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    match_key TEXT NOT NULL UNIQUE
);
CREATE INDEX organisation_alias_org ON organisation_alias (organisation_id);
CREATE TABLE employment (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    started TEXT,
    ended TEXT,
    current INTEGER NOT NULL DEFAULT 0,
    approximate INTEGER NOT NULL DEFAULT 0,
    org_edited INTEGER NOT NULL DEFAULT 0,
    title_edited INTEGER NOT NULL DEFAULT 0,
    created DATETIME NOT NULL,
    CHECK (current = 0 OR ended IS NULL),
    CHECK (started IS NULL OR ended IS NULL OR ended >= started)
);
CREATE UNIQUE INDEX employment_current ON employment (contact_id) WHERE current = 1;
CREATE INDEX employment_contact ON employment (contact_id);
CREATE INDEX employment_org ON employment (organisation_id, current);
CREATE TABLE introduction (
    id INTEGER PRIMARY KEY,
    by_id INTEGER REFERENCES contact (id) ON DELETE CASCADE,
    first_id INTEGER REFERENCES contact (id) ON DELETE CASCADE,
    second_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    day DATE NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'nothing yet'
        CHECK (outcome IN ('met', 'job lead', 'referral', 'hire', 'nothing yet')),
    created DATETIME NOT NULL,
    CHECK (by_id IS NOT NULL OR first_id IS NOT NULL),
    CHECK (second_id != coalesce(first_id, 0) AND second_id != coalesce(by_id, 0)
           AND coalesce(first_id, -1) != coalesce(by_id, -2))
);
CREATE INDEX introduction_by ON introduction (by_id);
CREATE INDEX introduction_first ON introduction (first_id);
CREATE INDEX introduction_second ON introduction (second_id);
CREATE TABLE knows (
    id INTEGER PRIMARY KEY,
    a_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    b_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    strength INTEGER NOT NULL DEFAULT 3 CHECK (strength BETWEEN 1 AND 5),
    created DATETIME NOT NULL,
    CHECK (a_id < b_id),
    UNIQUE (a_id, b_id)
);
CREATE INDEX knows_b ON knows (b_id);
CREATE TABLE target (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
    stage TEXT NOT NULL DEFAULT 'researching'
        CHECK (stage IN ('researching', 'reaching out', 'talking', 'applied', 'offer', 'closed')),
    note TEXT NOT NULL DEFAULT '',
    progressed DATE NOT NULL,
    created DATETIME NOT NULL
)
"""

_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "æ": "ae", "Æ": "ae",
                        "œ": "oe", "Œ": "oe", "ı": "i", "ß": "ss"})
_SUFFIXES = (("inc",), ("incorporated",), ("llc",), ("ltd",), ("limited",), ("gmbh",), ("s", "a"), ("sa",),
             ("ag",), ("plc",), ("corporation",), ("corp",), ("company",))


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", (name or "").translate(_EXTRA))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    words = re.sub(r"[^\w]+", " ", text).split()
    stripped = True
    while stripped:
        stripped = False
        for suffix in _SUFFIXES:
            if len(words) > len(suffix) and tuple(words[-len(suffix):]) == suffix:
                del words[-len(suffix):]
                stripped = True
    return " ".join(words)


def up(db) -> None:
    for statement in SQL.split(";\n"):
        if statement.strip():
            db.execute_sql(statement)
    now = str(datetime.now())
    orgs: dict[str, int] = {}
    rows = db.execute_sql("SELECT id, company, role FROM contact WHERE trim(company) != '' ORDER BY id").fetchall()
    for cid, company, role in rows:
        key = _key(company)
        if not key:
            continue
        if key not in orgs:
            cur = db.execute_sql("INSERT INTO organisation (name, match_key, created) VALUES (?, ?, ?)",
                                 (" ".join(company.split()), key, now))
            orgs[key] = cur.lastrowid
        db.execute_sql("INSERT INTO employment (contact_id, organisation_id, title, current, created) "
                       "VALUES (?, ?, ?, 1, ?)", (cid, orgs[key], role or "", now))
    db.execute_sql(
        "INSERT INTO introduction (by_id, first_id, second_id, day, outcome, created) "
        "SELECT introduced_by_id, NULL, id, coalesce(connected_on, date(created)), 'met', ? FROM contact "
        "WHERE introduced_by_id IS NOT NULL AND introduced_by_id != id ORDER BY id", (now,))
