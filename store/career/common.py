"""Provides what the career modules share: month values (``YYYY-MM``), text cleaning, lookups."""

from __future__ import annotations

import re
from datetime import date, datetime

from kith.store.core.errors import Invalid

MAX_TEXT = 2000
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str | None, what: str, required: bool = True, limit: int = MAX_TEXT) -> str:
    """One-line text, trimmed; controls, NUL and lone surrogates refused with a clear line."""
    text = " ".join(str(text or "").split())
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise Invalid(what, f"the {what} is not valid text (bytes that are not UTF-8)")
    if _CONTROLS.search(text):
        raise Invalid(what, f"the {what} holds control characters")
    if required and not text:
        raise Invalid(what, f"the {what} is empty")
    if len(text) > limit:
        raise Invalid(what, f"the {what} is longer than {limit:,} characters")
    return text


def parse_month(text: str, what: str = "month") -> str:
    """``2024-3`` or ``2024-03`` -> ``2024-03``; anything else raises Invalid."""
    m = _MONTH.match(str(text or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1900:
        raise Invalid(what, f"{what}: {text!r} is not a month like 2024-03")
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_index(month: str) -> int:
    """Months since year 0: differences are month counts."""
    year, mon = month.split("-")
    return int(year) * 12 + int(mon) - 1


def months_between(earlier: str, later: str) -> int:
    return month_index(later) - month_index(earlier)


def not_future(month: str, today: date, what: str) -> str:
    if month > month_of(today):
        raise Invalid(what, f"{what}: {month} is in the future (today is {today.isoformat()})")
    return month


def choose(value: str | None, choices: tuple[str, ...], what: str) -> str:
    """Exact or unique-prefix match of ``value`` in ``choices``; else Invalid naming them."""
    wanted = str(value or "").strip().lower()
    if wanted in choices:
        return wanted
    starts = [c for c in choices if wanted and c.startswith(wanted)]
    if len(starts) == 1:
        return starts[0]
    raise Invalid(what, f"unknown {what} {value!r}; use one of: {', '.join(choices)}")


def now() -> datetime:
    from kith.store.core import clock

    return clock.now()


def day_value(value) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def months_before(day: date, months: int) -> date:
    """The same day ``months`` months earlier (clamped to the month's last day: Aug 31 -> Feb 28)."""
    import calendar

    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
