"""Provides what the volunteering modules share: hours as minutes, text cleaning, days."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from kith.store.core.errors import Invalid

MAX_NOTE = 2000
MAX_ROLE = 200
DAY_MINUTES = 24 * 60
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_HOURS = re.compile(r"^\s*(\d{1,2}):([0-5]\d)\s*$")


def clean(text: str | None, what: str, limit: int, multiline: bool = False) -> str:
    """Trimmed text; controls, NUL and lone surrogates refused with one clear line."""
    text = str(text or "").replace("\r\n", "\n").strip() if multiline else " ".join(str(text or "").split())
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        raise Invalid(what, f"the {what} is not valid text (bytes that are not UTF-8)")
    if _CONTROLS.search(text.replace("\n", "").replace("\t", "")):
        raise Invalid(what, f"the {what} holds control characters")
    if len(text) > limit:
        raise Invalid(what, f"the {what} is longer than {limit:,} characters")
    return text


def parse_hours(value) -> int:
    """Hours as people type them (``2``, ``1.5``, ``0,75``, ``1:30``) -> whole minutes, 1 to 1440.

    Raises:
        Invalid: not a number, zero, negative, or more than a day holds.
    """
    text = str(value).strip()
    m = _HOURS.match(text)
    if m:
        minutes = int(m.group(1)) * 60 + int(m.group(2))
    else:
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise Invalid("hours", f"hours must be a number like 2 or 1.5, not {text[:40]!r}") from None
        if not number.is_finite():
            raise Invalid("hours", f"hours must be a number like 2 or 1.5, not {text[:40]!r}")
        if number < 0:
            raise Invalid("hours", f"hours cannot be negative ({text[:40]})")
        if number > 24:
            raise Invalid("hours", f"{text[:40]} hours is more than a day holds (24 at most)")
        minutes = int((number * 60).to_integral_value())
    if minutes <= 0:
        raise Invalid("hours", "log at least one minute (hours above 0)")
    if minutes > DAY_MINUTES:
        raise Invalid("hours", f"{text[:40]} is more than a day holds (24 hours at most)")
    return minutes


def day_value(value) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def not_future(day: date, today: date, what: str) -> date:
    if day > today:
        raise Invalid(what, f"{what} {day.isoformat()} is still ahead (today is {today.isoformat()})")
    return day
