"""Gives a thank-you its channel as a field, and lets Today's weekly review be put away for a day.

``touch.channel`` says how a thank-you was sent (email, message, call, letter, in person). Before,
``kith thank`` wrote it into the note as ``by CHANNEL`` or ``by CHANNEL: note``; those notes are
moved here (the rest of the note stays). ``weekly_review_dismissal`` holds the days on which the
weekly review was dismissed; ``contact_company`` serves the prep brief's count of colleagues.
Frozen: the channel list is this migration's own copy.
"""

CHANNELS = ("email", "message", "call", "letter", "in person")

SQL = """
ALTER TABLE touch ADD COLUMN channel TEXT
    CHECK (channel IS NULL OR channel IN ('email', 'message', 'call', 'letter', 'in person'));
CREATE TABLE weekly_review_dismissal (
    day DATE PRIMARY KEY,
    created DATETIME NOT NULL
);
-- The prep brief counts the other people at someone's organisation without reading every contact.
CREATE INDEX contact_company ON contact (company, archived)
"""


def move_channels_out_of_notes(db) -> int:
    """Thank-you touches whose note starts ``by CHANNEL`` get that channel and lose the prefix.

    Also used by restore for exports made before this migration. Returns the touches changed.
    """
    changed = 0
    for channel in CHANNELS:
        bare, prefix = f"by {channel}", f"by {channel}: "
        changed += db.execute_sql(
            "UPDATE touch SET channel = ?, note = '' WHERE kind = 'thank-you' AND channel IS NULL AND note = ?",
            (channel, bare)).rowcount
        changed += db.execute_sql(
            "UPDATE touch SET channel = ?, note = substr(note, ?) "
            "WHERE kind = 'thank-you' AND channel IS NULL AND substr(note, 1, ?) = ?",
            (channel, len(prefix) + 1, len(prefix), prefix)).rowcount
    return changed


def up(db) -> None:
    for statement in SQL.split(";"):
        if statement.strip():
            db.execute_sql(statement)
    move_channels_out_of_notes(db)
