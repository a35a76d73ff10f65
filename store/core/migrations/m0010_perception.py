"""Creates 360 feedback (requests, entries and their stored terms) and the brand review data
(reviews against the five mistakes, audience variants of pitches, claims with evidence).

Frozen: the search kind's trigger SQL comes from the migrations' own copy (fts.py), never the live module.
"""

from kith.store.core.migrations.fts import fts_install_sql

SQL = """
CREATE TABLE feedback_request (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    asked_on DATE NOT NULL,
    channel TEXT NOT NULL DEFAULT '',
    prompt TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'asked' CHECK (status IN ('asked', 'answered', 'declined')),
    closed_on DATE,
    created DATETIME NOT NULL
);
CREATE INDEX feedback_request_contact ON feedback_request (contact_id, status);

CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    request_id INTEGER REFERENCES feedback_request (id) ON DELETE SET NULL,
    given_on DATE NOT NULL,
    context TEXT NOT NULL DEFAULT 'conversation'
        CHECK (context IN ('review', 'reference', 'conversation', 'survey')),
    quotable INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    -- The thank-you follow-up this entry created (the conversations work may take it over).
    thank_you_id INTEGER REFERENCES follow_up (id) ON DELETE SET NULL,
    created DATETIME NOT NULL
);
CREATE INDEX feedback_contact ON feedback (contact_id, given_on);

-- Terms are extracted once, when feedback is saved: trends read these rows, never the texts.
-- contact_id and given_on are copied from the entry so trends need no join.
CREATE TABLE feedback_term (
    feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    stem TEXT NOT NULL,
    form TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count > 0),
    contact_id INTEGER NOT NULL,
    given_on DATE NOT NULL,
    PRIMARY KEY (feedback_id, stem, form)
) WITHOUT ROWID;
CREATE INDEX feedback_term_stem ON feedback_term (stem, contact_id, given_on, count);
-- Covering indexes: people per term (and per 12-month window), and each term's written forms.
CREATE INDEX feedback_term_form ON feedback_term (stem, form, count);

CREATE TABLE brand_review (
    id INTEGER PRIMARY KEY,
    pitch_id INTEGER NOT NULL REFERENCES pitch (id) ON DELETE CASCADE,
    reviewed_on DATE NOT NULL,
    answers TEXT NOT NULL DEFAULT '{}',
    created DATETIME NOT NULL
);
CREATE INDEX brand_review_pitch ON brand_review (pitch_id, reviewed_on);

CREATE TABLE pitch_variant (
    id INTEGER PRIMARY KEY,
    pitch_id INTEGER NOT NULL REFERENCES pitch (id) ON DELETE CASCADE,
    audience TEXT NOT NULL CHECK (length(trim(audience)) > 0),
    folded TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    target_seconds INTEGER CHECK (target_seconds IS NULL OR target_seconds > 0),
    created DATETIME NOT NULL,
    updated DATETIME NOT NULL,
    UNIQUE (pitch_id, folded)
);

CREATE TABLE brand_claim (
    id INTEGER PRIMARY KEY,
    pitch_id INTEGER NOT NULL REFERENCES pitch (id) ON DELETE CASCADE,
    claim TEXT NOT NULL CHECK (length(trim(claim)) > 0),
    evidence TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    created DATETIME NOT NULL
)
"""

def up(db) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            db.execute_sql(statement)
    for statement in fts_install_sql("feedback", 15, "feedback", ("text",)):
        db.execute_sql(statement)
