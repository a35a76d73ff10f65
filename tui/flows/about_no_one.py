"""Provides about_no_one(): what Today says when a person's key is pressed on an item about no one
(a certificate, the income share, a brand review)."""

from __future__ import annotations

from textual.content import Content

from kith.store.today.queue import QueueItem
from kith.tui.literal import literal


def about_no_one(screen, item: QueueItem, what: str) -> bool:
    """Explain on ``screen`` why ``what`` does not apply to an item about no one; True if so."""
    if item.contact_id is not None:
        return False
    where = f" Enter opens the {item.area.title()} area." if item.area else ""
    if what == "snooze":
        screen.notify(Content.assemble(literal(item.contact_name, limit=40),
                                       f" is a slow nudge: it shows at most once a week. To stop it, add "
                                       f"\"{item.source}\" to [today] sources_off in the config.{where}"))
    else:
        screen.notify(Content.assemble(literal(item.contact_name, limit=40),
                                       f" is about no one: there is nobody to {what}.{where}"))
    return True
