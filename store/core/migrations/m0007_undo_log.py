"""Creates the undo log: every change made from the CLI or the TUI, with how to reverse it.

The daily review's log (``review_action``) becomes part of it: its rows move over with
``review = 1`` (they count towards the day's progress) and the old table goes.
"""

SQL = """
CREATE TABLE undo_log (
    id INTEGER PRIMARY KEY,
    day DATE NOT NULL,
    action TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    -- No foreign key: undoing a delete needs the entry after the contact is gone.
    contact_id INTEGER,
    ref_id INTEGER NOT NULL DEFAULT 0,
    review INTEGER NOT NULL DEFAULT 0,
    steps TEXT NOT NULL DEFAULT '[]',
    undone INTEGER NOT NULL DEFAULT 0,
    created DATETIME NOT NULL
);
CREATE INDEX undo_log_live ON undo_log (undone, id);
CREATE INDEX undo_log_day ON undo_log (day, undone, review);
INSERT INTO undo_log (id, day, action, summary, source, contact_id, ref_id, review, steps, undone, created)
    SELECT id, day, action, '', source, contact_id, ref_id, 1, undo, undone, created FROM review_action;
DROP TABLE review_action
"""


def up(db) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            db.execute_sql(statement)
