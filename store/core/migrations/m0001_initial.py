"""Creates contacts, tags, touches and follow-ups."""

SQL = """
CREATE TABLE contact (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    company TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    emails TEXT NOT NULL DEFAULT '[]',
    phones TEXT NOT NULL DEFAULT '[]',
    links TEXT NOT NULL DEFAULT '[]',
    location TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    tier TEXT NOT NULL DEFAULT 'network',
    strength INTEGER NOT NULL DEFAULT 3 CHECK (strength BETWEEN 1 AND 5),
    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days >= 0),
    how_met TEXT NOT NULL DEFAULT '',
    introduced_by_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    birthday_month INTEGER CHECK (birthday_month IS NULL OR birthday_month BETWEEN 1 AND 12),
    birthday_day INTEGER CHECK (birthday_day IS NULL OR birthday_day BETWEEN 1 AND 31),
    birthday_year INTEGER,
    connected_on DATE,
    last_touch_on DATE,
    last_touch_kind TEXT,
    archived INTEGER NOT NULL DEFAULT 0,
    extra TEXT NOT NULL DEFAULT '{}',
    search_key TEXT NOT NULL DEFAULT '',
    created DATETIME NOT NULL,
    updated DATETIME NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contact_archived_name ON contact (archived, name);
CREATE INDEX contact_introduced_by ON contact (introduced_by_id);

CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'other'
        CHECK (kind IN ('profession', 'industry', 'geography', 'other')),
    folded TEXT NOT NULL,
    UNIQUE (kind, folded)
);

CREATE TABLE contact_tag (
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX contact_tag_tag ON contact_tag (tag_id);

CREATE TABLE touch (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    date DATE NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created DATETIME NOT NULL
);
CREATE INDEX touch_contact_date ON touch (contact_id, date);

CREATE TABLE follow_up (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    due DATE NOT NULL,
    what TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    done_on DATE,
    created DATETIME NOT NULL
);
CREATE INDEX follow_up_open ON follow_up (done, due);
CREATE INDEX follow_up_contact ON follow_up (contact_id);
"""


def up(db) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            db.execute_sql(statement)
