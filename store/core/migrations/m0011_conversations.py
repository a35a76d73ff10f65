"""Creates planned conversations (purpose, objectives, points, questions, offer, and the record once
held), the referrals a conversation produced, and the thank-yous owed (each a follow-up).

Frozen: the search kind's trigger SQL comes from the migrations' own copy (fts.py), never the live module.
"""

from kith.store.core.migrations.fts import fts_install_sql

SQL = """
CREATE TABLE conversation_plan (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN
        ('informational interview', 'coffee', 'mentor meeting', 'check-in', 'call', 'other')),
    day DATE NOT NULL,
    at TEXT CHECK (at IS NULL OR at GLOB '[0-2][0-9]:[0-5][0-9]'),
    purpose TEXT NOT NULL DEFAULT '',
    objectives TEXT NOT NULL DEFAULT '[]',
    points TEXT NOT NULL DEFAULT '[]',
    questions TEXT NOT NULL DEFAULT '[]',
    offer TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'held', 'dropped')),
    held_on DATE,
    touch_id INTEGER REFERENCES touch (id) ON DELETE SET NULL,
    answers TEXT NOT NULL DEFAULT '[]',
    learned TEXT NOT NULL DEFAULT '',
    rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 1440),
    created DATETIME NOT NULL
);
CREATE INDEX conversation_plan_state_day ON conversation_plan (state, day);
CREATE INDEX conversation_plan_contact ON conversation_plan (contact_id, day);
CREATE INDEX conversation_plan_held_on ON conversation_plan (held_on);

CREATE TABLE conversation_referral (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES conversation_plan (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    created_contact INTEGER NOT NULL DEFAULT 0,
    UNIQUE (plan_id, contact_id)
);
CREATE INDEX conversation_referral_contact ON conversation_referral (contact_id);

CREATE TABLE thank_you (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    reason TEXT NOT NULL CHECK (reason IN ('interview', 'feedback', 'introduction', 'mentor-value')),
    follow_up_id INTEGER NOT NULL UNIQUE REFERENCES follow_up (id) ON DELETE CASCADE,
    plan_id INTEGER REFERENCES conversation_plan (id) ON DELETE SET NULL,
    touch_id INTEGER REFERENCES touch (id) ON DELETE SET NULL,
    owed_on DATE NOT NULL,
    created DATETIME NOT NULL
);
CREATE INDEX thank_you_contact ON thank_you (contact_id);
"""


def up(db) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            db.execute_sql(statement)
    # The plan kind's triggers (kith.store.conversations.search_kind declares the same kind).
    for statement in fts_install_sql("conversation", 140, "conversation_plan",
                                     ("purpose", "objectives", "points", "offer", "learned")):
        db.execute_sql(statement)
