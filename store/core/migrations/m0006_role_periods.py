"""Keeps role history: each role is held for periods (started, ended) instead of one row per role.

The old table allowed one row per contact and role, so removing a role deleted it. Rows are
copied with ``started`` taken from ``since``; ``ended`` stays empty (the role is current). At
most one open period per contact and role.
"""

SQL = """
CREATE TABLE mentor_role_period (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('mentor', 'coach', 'partner')),
    started DATE NOT NULL,
    ended DATE CHECK (ended IS NULL OR ended >= started)
);
INSERT INTO mentor_role_period (contact_id, role, started)
    SELECT contact_id, role, since FROM mentor_role ORDER BY since, contact_id, role;
DROP TABLE mentor_role;
ALTER TABLE mentor_role_period RENAME TO mentor_role;
CREATE UNIQUE INDEX mentor_role_current ON mentor_role (contact_id, role) WHERE ended IS NULL;
CREATE INDEX mentor_role_role ON mentor_role (role, ended);
CREATE INDEX mentor_role_contact ON mentor_role (contact_id, started)
"""


def up(db) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            db.execute_sql(statement)
