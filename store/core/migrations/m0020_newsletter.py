"""Creates the personal newsletter: issues with their audience filter, who received each one (and
the ``newsletter`` touch logged for them), replies (a ``message`` touch tied to an issue), and a
per-contact opt-out.

Frozen: the search triggers come from the migrations' own copy (fts.py), kind 150 of the shared
``search_fts`` table, never from live modules.
"""

from kith.store.core.migrations.fts import fts_install_sql

SQL = """
CREATE TABLE newsletter_issue (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL CHECK (length(trim(subject)) > 0),
    body TEXT NOT NULL DEFAULT '',
    help TEXT NOT NULL DEFAULT '',
    audience TEXT NOT NULL DEFAULT '',
    sent_on DATE,
    created DATETIME NOT NULL,
    updated DATETIME NOT NULL
);
CREATE INDEX newsletter_issue_sent ON newsletter_issue (sent_on);
CREATE TABLE newsletter_recipient (
    issue_id INTEGER NOT NULL REFERENCES newsletter_issue (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    touch_id INTEGER REFERENCES touch (id) ON DELETE SET NULL,
    PRIMARY KEY (issue_id, contact_id)
);
CREATE INDEX newsletter_recipient_contact ON newsletter_recipient (contact_id);
CREATE TABLE newsletter_reply (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES newsletter_issue (id) ON DELETE CASCADE,
    touch_id INTEGER NOT NULL UNIQUE REFERENCES touch (id) ON DELETE CASCADE
);
CREATE INDEX newsletter_reply_issue ON newsletter_reply (issue_id);
ALTER TABLE contact ADD COLUMN newsletter_opt_out INTEGER NOT NULL DEFAULT 0 CHECK (newsletter_opt_out IN (0, 1))
"""


def up(db) -> None:
    for statement in SQL.split(";\n"):
        if statement.strip():
            db.execute_sql(statement)
    for statement in fts_install_sql("newsletter", 150, "newsletter_issue", ("subject", "body", "help")):
        db.execute_sql(statement)
