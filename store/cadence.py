"""Provides the cadence rule: when a contact is next due for a touch.

Next due = last touch + cadence (the contact's own, else its tier's default). A contact never
touched counts from when it was added. Plain date arithmetic: no month chaining.
"""

from __future__ import annotations

from datetime import date, timedelta


def next_due(last_touch_on: date | None, created: date, cadence_days: int | None) -> date | None:
    """Return the day the next touch is due, or None when the contact has no cadence."""
    if not cadence_days:
        return None
    return (last_touch_on or created) + timedelta(days=cadence_days)
