"""Creates mentor roles, the value log (its notes searchable), partners, check-ins and commitments."""

SQL = """
CREATE TABLE mentor_role (
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('mentor', 'coach', 'partner')),
    since DATE NOT NULL,
    PRIMARY KEY (contact_id, role)
) WITHOUT ROWID;
CREATE INDEX mentor_role_role ON mentor_role (role);

CREATE TABLE value_entry (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    date DATE NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('received', 'given')),
    category TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    touch_id INTEGER REFERENCES touch (id) ON DELETE SET NULL,
    created DATETIME NOT NULL
);
CREATE INDEX value_entry_contact_direction_date ON value_entry (contact_id, direction, date);

CREATE TABLE partner (
    contact_id INTEGER PRIMARY KEY REFERENCES contact (id) ON DELETE CASCADE,
    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 365),
    questions TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE check_in (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    date DATE NOT NULL,
    answers TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    created DATETIME NOT NULL
);
CREATE INDEX check_in_contact_date ON check_in (contact_id, date);

CREATE TABLE commitment (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    check_in_id INTEGER NOT NULL REFERENCES check_in (id) ON DELETE CASCADE,
    what TEXT NOT NULL CHECK (length(trim(what)) > 0),
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('kept', 'missed')),
    reviewed_in_id INTEGER REFERENCES check_in (id) ON DELETE SET NULL
);
CREATE INDEX commitment_contact_outcome ON commitment (contact_id, outcome);
CREATE INDEX commitment_check_in ON commitment (check_in_id);
"""


def up(db) -> None:
    from kith.store.core.migrations.fts import fts_install_sql


    for statement in SQL.split(";"):
        if statement.strip():
            db.execute_sql(statement)
    # Value notes join the full-text index (search_fts, created by migration 3).
    for statement in fts_install_sql("value", 4, "value_entry", ("note",)):
        db.execute_sql(statement)
