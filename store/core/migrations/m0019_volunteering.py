"""Creates volunteering: engagements at organisations, hours logged by day, the skills an
engagement uses or teaches, and the people met there (each meeting with its ``event`` touch).

Frozen: the search triggers are written out here (kind 168 ``engagement`` of the shared
``search_fts`` table, rowid = code * 2**40 + id, role and note folded), not built from live modules.
Hours are whole minutes (exact sums; 1440 at most in one entry). Days are ``YYYY-MM-DD``.
An organisation with engagements cannot be deleted (merging organisations moves them first).
"""

SQL = """
CREATE TABLE engagement (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
    role TEXT NOT NULL DEFAULT '',
    started DATE NOT NULL,
    ended DATE,
    note TEXT NOT NULL DEFAULT '',
    created DATETIME NOT NULL,
    CHECK (ended IS NULL OR ended >= started)
);
CREATE INDEX engagement_org ON engagement (organisation_id);
CREATE TABLE volunteer_hours (
    id INTEGER PRIMARY KEY,
    engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,
    day DATE NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
    note TEXT NOT NULL DEFAULT '',
    created DATETIME NOT NULL
);
CREATE INDEX volunteer_hours_engagement ON volunteer_hours (engagement_id, day);
CREATE INDEX volunteer_hours_day ON volunteer_hours (day);
CREATE TABLE engagement_skill (
    engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,
    skill_id INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
    how TEXT NOT NULL DEFAULT 'used' CHECK (how IN ('used', 'learned')),
    PRIMARY KEY (engagement_id, skill_id)
);
CREATE INDEX engagement_skill_skill ON engagement_skill (skill_id);
CREATE TABLE engagement_met (
    id INTEGER PRIMARY KEY,
    engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    day DATE NOT NULL,
    touch_id INTEGER REFERENCES touch (id) ON DELETE SET NULL,
    created DATETIME NOT NULL,
    UNIQUE (engagement_id, contact_id, day)
);
CREATE INDEX engagement_met_contact ON engagement_met (contact_id, day);
CREATE INDEX engagement_met_day ON engagement_met (day)
"""

CODE, SHIFT, COLUMNS = 168, 2 ** 40, ("role", "note")


def _body(row: str) -> str:
    return "kith_fold(" + " || ' ' || ".join(f"coalesce({row}{c}, '')" for c in COLUMNS) + ")"


def up(db) -> None:
    for statement in SQL.split(";\n"):
        if statement.strip():
            db.execute_sql(statement)
    base = CODE * SHIFT
    insert = (f"INSERT INTO search_fts(rowid, body) SELECT {base} + new.id, {_body('new.')} "
              f"WHERE {_body('new.')} != ''")
    delete = f"DELETE FROM search_fts WHERE rowid = {base} + old.id"
    for statement in (  # one by one: trigger bodies hold ';'
            f"CREATE TRIGGER search_engagement_ai AFTER INSERT ON engagement BEGIN {insert}; END",
            f"CREATE TRIGGER search_engagement_ad AFTER DELETE ON engagement BEGIN {delete}; END",
            f"CREATE TRIGGER search_engagement_au AFTER UPDATE OF {', '.join(COLUMNS)} ON engagement "
            f"BEGIN {delete}; {insert}; END"):
        db.execute_sql(statement)
