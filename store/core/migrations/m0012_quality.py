"""Adds what quantity-and-quality needs: your focus, triage state, who started a connection,
which import added a contact, and a rating and duration on touches.

``import_run`` remembers each import, so the filter ``added:last-import`` finds what the last
one brought in; ``contact.triaged_on`` stays empty until triage stores that the contact was seen.
"""

SQL = """
CREATE TABLE focus_term (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('profession', 'industry', 'geography')),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    folded TEXT NOT NULL,
    weight REAL NOT NULL DEFAULT 1.0 CHECK (weight > 0 AND weight <= 10),
    UNIQUE (kind, folded)
);
CREATE TABLE import_run (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL DEFAULT '',
    added INTEGER NOT NULL DEFAULT 0,
    created DATETIME NOT NULL
);
ALTER TABLE contact ADD COLUMN triaged_on DATE;
ALTER TABLE contact ADD COLUMN initiated_by TEXT
    CHECK (initiated_by IS NULL OR initiated_by IN ('me', 'them', 'in-person'));
ALTER TABLE contact ADD COLUMN import_run_id INTEGER REFERENCES import_run (id) ON DELETE SET NULL;
CREATE INDEX contact_import_run ON contact (import_run_id);
ALTER TABLE touch ADD COLUMN rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5);
ALTER TABLE touch ADD COLUMN duration_min INTEGER CHECK (duration_min IS NULL OR duration_min BETWEEN 1 AND 1440);
-- Introductions you made count as giving: found without scanning every touch.
CREATE INDEX touch_kind_contact ON touch (kind, contact_id, date)
"""


def up(db) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            db.execute_sql(statement)
