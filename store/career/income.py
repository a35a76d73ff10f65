"""Provides income streams: kind, monthly amount in a currency, dates, and the amount history.

Changing a stream's amount (``add_income`` again with the same name) closes the old amount the
day before the new one starts, so the history stays true. No currency is ever converted: shares
are computed within each currency, and the headline (largest share, monthly history) is the
display currency's; the count of active streams covers every currency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from kith.store.career import undo as career_undo
from kith.store.career.common import choose, clean, day_value, month_of, months_before, now
from kith.store.career.currency import currency_code, parse_amount, stored
from kith.store.career.settings import CareerSettings
from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.core.fold import fold

INCOME_KINDS = ("salary", "freelance", "consulting", "product", "teaching", "writing", "investments", "rental",
                "other")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class AmountInfo:
    monthly: Decimal
    from_day: date
    to_day: date | None


@dataclass(frozen=True)
class StreamInfo:
    id: int
    name: str
    kind: str
    currency: str
    organisation: str
    started: date
    ended: date | None
    history: tuple[AmountInfo, ...]
    """Every amount, oldest first."""

    def amount_on(self, day: date) -> Decimal | None:
        for a in reversed(self.history):
            if a.from_day <= day and (a.to_day is None or a.to_day >= day):
                return a.monthly
        return None

    def active_on(self, day: date) -> bool:
        return self.started <= day and (self.ended is None or self.ended >= day)


@dataclass(frozen=True)
class CurrencyGroup:
    currency: str
    total: Decimal
    shares: tuple[tuple[str, Decimal, Decimal], ...]
    """(stream name, monthly amount, percent of this currency's total), largest first."""

    @property
    def largest_share(self) -> Decimal | None:
        return self.shares[0][2] if self.shares and self.total > 0 else None


@dataclass(frozen=True)
class IncomeSummary:
    day: date
    display_currency: str
    streams: tuple[StreamInfo, ...]
    groups: tuple[CurrencyGroup, ...]
    """Active streams per currency; the display currency first."""
    count: int
    target: int
    share_limit: int
    history: tuple[tuple[str, Decimal], ...] = field(default=())
    """(YYYY-MM, display-currency total in force that month), oldest first."""

    @property
    def display_group(self) -> CurrencyGroup | None:
        return next((g for g in self.groups if g.currency == self.display_currency), None)

    @property
    def largest_share(self) -> Decimal | None:
        group = self.display_group
        return group.largest_share if group else None

    @property
    def over_share(self) -> bool:
        share = self.largest_share
        return share is not None and share > self.share_limit

    @property
    def under_target(self) -> bool:
        return self.count < self.target

    @property
    def mixed(self) -> bool:
        return len(self.groups) > 1

    def note(self) -> str:
        """Says how shares were computed when several currencies are involved."""
        if not self.mixed:
            return ""
        others = ", ".join(g.currency for g in self.groups if g.currency != self.display_currency)
        return (f"shares per currency, no conversion: headline in {self.display_currency}; "
                f"{others} shown apart")


def _stream_row(name: str):
    return db.execute_sql("SELECT id, currency, ended, started FROM income_stream WHERE folded = ?",
                          (fold(name),)).fetchone()


def add_income(name: str, kind: str, monthly, today: date, currency: str = "EUR", from_day: date | None = None,
               organisation: str = "") -> StreamInfo:
    """Add a stream, or give an existing one (same name) a new amount from ``from_day``."""
    name = clean(name, "stream name", limit=120)
    kind = choose(kind, INCOME_KINDS, "income kind")
    amount = parse_amount(monthly, "--monthly")
    code = currency_code(currency)
    start = from_day or today
    organisation = clean(organisation, "organisation", False, 200)
    existing = _stream_row(name)
    with undo.action("income", f"income {name}: {stored(amount)} {code} a month from {start.isoformat()}"):
        if existing is None:
            cur = db.execute_sql(
                "INSERT INTO income_stream (name, folded, kind, currency, organisation, started, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", (name, fold(name), kind, code, organisation, start, now()))
            sid = cur.lastrowid
            career_undo.added("income_stream", sid)
        else:
            sid, old_code, ended, started = existing
            if old_code != code:
                raise Invalid("currency", f"{name!r} is paid in {old_code}; end it and add a new stream for {code}")
            started = day_value(started)
            if start < started:
                raise Invalid("from", f"{name!r} started on {started.isoformat()}; a new amount cannot start before")
            if ended is not None:
                career_undo.changed("income_stream", sid, {"ended": str(ended)})
                db.execute_sql("UPDATE income_stream SET ended = NULL WHERE id = ?", (sid,))
            _close_amounts(sid, start)
        cur = db.execute_sql("INSERT INTO income_amount (stream_id, monthly, from_day, created) VALUES (?, ?, ?, ?)",
                             (sid, stored(amount), start, now()))
        career_undo.added("income_amount", cur.lastrowid)
    return get_stream(sid)


def _close_amounts(sid: int, start: date) -> None:
    """End the amount in force at ``start`` the day before; refuse to rewrite one starting that day or later."""
    later = db.execute_sql("SELECT from_day FROM income_amount WHERE stream_id = ? AND from_day >= ?",
                           (sid, start.isoformat())).fetchone()
    if later:
        raise Invalid("from", f"an amount already starts on {later[0]}; give a later --from day")
    for aid, to_day in db.execute_sql("SELECT id, to_day FROM income_amount WHERE stream_id = ? AND "
                                      "(to_day IS NULL OR to_day >= ?)", (sid, start.isoformat())).fetchall():
        career_undo.changed("income_amount", aid, {"to_day": to_day})
        db.execute_sql("UPDATE income_amount SET to_day = ? WHERE id = ?", (start - timedelta(days=1), aid))


def end_income(name: str, today: date, on: date | None = None) -> StreamInfo:
    """End a stream on ``on`` (default today); its last amount ends that day too."""
    row = _stream_row(clean(name, "stream name"))
    if row is None:
        raise NotFound(f"no income stream named {name!r}; see `kith income`")
    sid, _, ended, started = row
    end = on or today
    if ended is not None:
        raise Invalid("name", f"{name!r} already ended on {ended}")
    if end < day_value(started):
        raise Invalid("on", f"{name!r} started on {started}; it cannot end before")
    later = db.execute_sql("SELECT from_day FROM income_amount WHERE stream_id = ? AND from_day > ?",
                           (sid, end.isoformat())).fetchone()
    if later:
        raise Invalid("on", f"an amount of {name!r} starts on {later[0]}, after {end.isoformat()}")
    with undo.action("income", f"ended income {name} on {end.isoformat()}"):
        career_undo.changed("income_stream", sid, {"ended": None})
        db.execute_sql("UPDATE income_stream SET ended = ? WHERE id = ?", (end, sid))
        for aid, to_day in db.execute_sql("SELECT id, to_day FROM income_amount WHERE stream_id = ? AND "
                                          "(to_day IS NULL OR to_day > ?)", (sid, end.isoformat())).fetchall():
            career_undo.changed("income_amount", aid, {"to_day": to_day})
            db.execute_sql("UPDATE income_amount SET to_day = ? WHERE id = ?", (end, aid))
    return get_stream(sid)


def _streams(where: str = "", args: tuple = ()) -> list[StreamInfo]:
    amounts: dict[int, list[AmountInfo]] = {}
    for sid, monthly, start, end in db.execute_sql(
            "SELECT stream_id, monthly, from_day, to_day FROM income_amount ORDER BY stream_id, from_day, id"):
        amounts.setdefault(sid, []).append(AmountInfo(Decimal(monthly), day_value(start), day_value(end)))
    rows = db.execute_sql("SELECT id, name, kind, currency, organisation, started, ended FROM income_stream "
                          f"{where} ORDER BY started, id", args)
    return [StreamInfo(sid, name, kind, cur, org, day_value(start), day_value(end), tuple(amounts.get(sid, ())))
            for sid, name, kind, cur, org, start, end in rows]


def get_stream(sid: int) -> StreamInfo:
    found = _streams("WHERE id = ?", (sid,))
    if not found:
        raise NotFound(f"no income stream with id {sid}")
    return found[0]


def list_streams() -> list[StreamInfo]:
    return _streams()


def _groups(streams: list[StreamInfo], day: date, display: str) -> tuple[CurrencyGroup, ...]:
    by_currency: dict[str, list[tuple[str, Decimal]]] = {}
    for s in streams:
        amount = s.amount_on(day) if s.active_on(day) else None
        if amount is not None:
            by_currency.setdefault(s.currency, []).append((s.name, amount))
    groups = []
    for code, items in by_currency.items():
        total = sum((a for _, a in items), Decimal(0))
        items.sort(key=lambda x: (-x[1], x[0].casefold()))
        shares = tuple((n, a, (a * HUNDRED / total).quantize(Decimal("0.1")) if total else Decimal(0))
                       for n, a in items)
        groups.append(CurrencyGroup(code, total, shares))
    groups.sort(key=lambda g: (g.currency != display, g.currency))
    return tuple(groups)


def _month_end(day: date) -> date:
    nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def summary(today: date, settings: CareerSettings | None = None, months: int = 12) -> IncomeSummary:
    """Active streams, shares per currency, count against target, and the monthly history."""
    settings = settings or CareerSettings()
    streams = list_streams()
    groups = _groups(streams, today, settings.display_currency)
    count = sum(1 for s in streams if s.active_on(today) and s.amount_on(today) is not None)
    history = []
    for back in range(months - 1, -1, -1):
        first = months_before(today.replace(day=1), back)
        at = min(_month_end(first), today)
        total = sum((s.amount_on(at) or Decimal(0) for s in streams
                     if s.currency == settings.display_currency and s.active_on(at)), Decimal(0))
        history.append((month_of(first), total))
    return IncomeSummary(today, settings.display_currency, tuple(streams), groups, count,
                         settings.income_streams_target, settings.largest_share_percent, tuple(history))
