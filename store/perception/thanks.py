"""Provides the thank-you after feedback: a follow-up "Thank X for the feedback" due the next day.

"Always thank them for the time; they may be taking a risk providing this feedback." This is
the one hook feedback calls; it goes through the conversations area's general thank-you loop,
with the contract ``(contact_id, name, day) -> follow-up id or None``, inside the caller's write.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date


def thank_you_follow_up(contact_id: int, name: str, day: date) -> int | None:
    """Owe NAME a thank-you for the feedback through the general thank-you loop
    (``store.conversations.thanks``): "Thank NAME for the feedback", due the configured days after
    ``day`` (the next day by default), shown in Today as a thank-you; None when that kind is off.
    One already open to them covers this too (its follow-up id is returned)."""
    from kith.store.conversations.thanks import owe_thanks

    return owe_thanks(contact_id, "feedback", day)


THANK_YOU: Callable[[int, str, date], int | None] = thank_you_follow_up
"""What saving feedback calls when thank-yous are on (the conversations work may swap it)."""
