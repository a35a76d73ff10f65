"""Creates snoozes (queue items hidden until a day), the review log (undo, progress) and queue indexes."""

SQL = """
CREATE TABLE snooze (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    ref_id INTEGER NOT NULL DEFAULT 0,
    until DATE NOT NULL,
    created DATETIME NOT NULL,
    UNIQUE (source, contact_id, ref_id)
);
CREATE INDEX snooze_until ON snooze (until);

CREATE TABLE review_action (
    id INTEGER PRIMARY KEY,
    day DATE NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('touch', 'snooze', 'done', 'follow-up')),
    source TEXT NOT NULL,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    ref_id INTEGER NOT NULL DEFAULT 0,
    undo TEXT NOT NULL DEFAULT '{}',
    undone INTEGER NOT NULL DEFAULT 0,
    created DATETIME NOT NULL
);
CREATE INDEX review_action_day ON review_action (day, undone);

CREATE INDEX touch_date ON touch (date);

-- Covering indexes: the Today queue reads 10,000 contacts in a few ms without touching the wide rows.
CREATE INDEX contact_queue ON contact
    (archived, tier, cadence_days, last_touch_on, created, strength, last_touch_kind, name);
CREATE INDEX contact_birthday ON contact (birthday_month, birthday_day, archived, birthday_year, name);
"""


def up(db) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            db.execute_sql(statement)
