"""Provides give and take: value and introductions given to and received from each contact.

Given: value entries given, and touches of kind ``introduction`` (you introduced them to
someone). Received: value entries received, and the people a contact introduced you to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Balance:
    given: int = 0
    received: int = 0
    given_recent: int = 0
    received_recent: int = 0

    @property
    def net(self) -> int:
        """Given minus received: above 0 you have given more."""
        return self.given - self.received


def balances(today: date, recent_days: int = 90, weekday_turn: int | None = None) -> dict[int, Balance]:
    """Give/take of every contact with any exchange (``recent``: the last ``recent_days``).

    ``weekday_turn``: only contacts whose id + that number is a multiple of 7 (Today's weekly turn),
    filtered in SQL so a nudge source reads a seventh of the rows.
    """
    from kith.store.core.db import db

    since = (today - timedelta(days=recent_days)).isoformat()
    turn = "" if weekday_turn is None else f" AND ({{col}} + {int(weekday_turn)}) % 7 = 0"
    acc: dict[int, list[int]] = {}

    def add(cid: int, slot: int, n: int, recent: int) -> None:
        row = acc.setdefault(cid, [0, 0, 0, 0])
        row[slot] += n
        row[slot + 2] += recent

    for cid, direction, n, recent in db.execute_sql(
            "SELECT contact_id, direction, count(*), sum(date >= ?) FROM value_entry WHERE 1"
            + turn.format(col="contact_id") + " GROUP BY contact_id, direction",
            (since,)):
        add(cid, 0 if direction == "given" else 1, n, recent or 0)
    for cid, n, recent in db.execute_sql(
            "SELECT contact_id, count(*), sum(date >= ?) FROM touch WHERE kind = 'introduction'"
            + turn.format(col="contact_id") + " GROUP BY contact_id",
            (since,)):
        add(cid, 0, n, recent or 0)
    for cid, n, recent in db.execute_sql(
            "SELECT introduced_by_id, count(*), sum(date(created) >= ?) FROM contact "
            "WHERE introduced_by_id IS NOT NULL" + turn.format(col="introduced_by_id") + " GROUP BY introduced_by_id",
            (since,)):
        add(cid, 1, n, recent or 0)
    return {cid: Balance(*v) for cid, v in acc.items()}


def totals(today: date, recent_days: int = 90) -> Balance:
    """The whole network's give/take."""
    all_ = balances(today, recent_days).values()
    return Balance(sum(b.given for b in all_), sum(b.received for b in all_),
                   sum(b.given_recent for b in all_), sum(b.received_recent for b in all_))


def only_taken(today: date, recent_days: int = 90) -> list[int]:
    """Contacts you received from lately and gave nothing to lately: ask "How can I help you?"."""
    return sorted(cid for cid, b in balances(today, recent_days).items() if b.received_recent and not b.given_recent)


def time_to_receive(today: date, margin: int = 3) -> list[int]:
    """Contacts you have given much more than received: it may be time to ask."""
    return sorted(cid for cid, b in balances(today).items() if b.net >= margin)
