"""Creates pitches and taglines, their saved versions and rehearsals, and indexes them for search."""

from kith.store.core.migrations.fts import fts_install_sql

SQL = """
CREATE TABLE pitch (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    folded TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    target_seconds INTEGER CHECK (target_seconds IS NULL OR target_seconds > 0),
    char_limit INTEGER CHECK (char_limit IS NULL OR char_limit > 0),
    text TEXT NOT NULL DEFAULT '',
    draft TEXT,
    created DATETIME NOT NULL,
    updated DATETIME NOT NULL,
    CHECK (target_seconds IS NULL OR char_limit IS NULL)
);

CREATE TABLE pitch_version (
    id INTEGER PRIMARY KEY,
    pitch_id INTEGER NOT NULL REFERENCES pitch (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    created DATETIME NOT NULL,
    UNIQUE (pitch_id, number)
);

CREATE TABLE rehearsal (
    id INTEGER PRIMARY KEY,
    pitch_id INTEGER NOT NULL REFERENCES pitch (id) ON DELETE CASCADE,
    version_number INTEGER,
    seconds REAL NOT NULL CHECK (seconds > 0),
    words INTEGER NOT NULL CHECK (words >= 0),
    created DATETIME NOT NULL
);
CREATE INDEX rehearsal_pitch ON rehearsal (pitch_id, created);
"""


def up(db) -> None:

    for statement in SQL.split(";"):
        if statement.strip():
            db.execute_sql(statement)
    for statement in fts_install_sql("pitch", 5, "pitch", ("name", "text")):
        db.execute_sql(statement)
