"""Adds the day a contact was added to the index of who introduced them.

Today's "How can I help you?" nudge counts the people each contact introduced you to lately: at
30,000 contacts, reading each introduced person's row for that day took 9 ms of the nudge's 38.
"""


def up(db) -> None:
    db.execute_sql("DROP INDEX contact_introduced_by")
    db.execute_sql("CREATE INDEX contact_introduced_by ON contact (introduced_by_id, created)")
