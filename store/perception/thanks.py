"""Provides the thank-you after feedback: a follow-up "Thank X for the feedback" due the next day.

"Always thank them for the time; they may be taking a risk providing this feedback." This is
the small stand-in for the conversations issue's thank-you loop: ``THANK_YOU`` is the one hook
feedback calls, so that work can replace it (``thanks.THANK_YOU = its_function``) and keep the
same contract: ``(contact_id, name, day) -> follow-up id or None``, inside the caller's write.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta


def thank_you_follow_up(contact_id: int, name: str, day: date) -> int | None:
    """Add the follow-up "Thank NAME for the feedback" due the day after ``day``; return its id."""
    from kith.store.people.followups import add_follow_up

    first = name.split()[0] if name.split() else name
    return add_follow_up(contact_id, day + timedelta(days=1), f"Thank {first} for the feedback").id


THANK_YOU: Callable[[int, str, date], int | None] = thank_you_follow_up
"""What saving feedback calls when thank-yous are on (the conversations work may swap it)."""
