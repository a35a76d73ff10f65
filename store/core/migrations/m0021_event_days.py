"""Indexes event touches by day: who was at the same event is read from the index alone.

``kith path`` and the Network area's routes group every event touch of the days the people they
look at were at one; at 30,000 contacts that read 17,000 touch rows, one random page each. The
partial index holds only event touches, so it stays small.
"""


def up(db) -> None:
    db.execute_sql("CREATE INDEX touch_event_day ON touch (date, note, contact_id) WHERE kind = 'event'")
