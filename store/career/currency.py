"""Provides ISO 4217 currency codes and decimal amounts (never floats).

The codes are in currency_codes.py (the config checks them without importing decimal).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from kith.store.career.currency_codes import CURRENCIES
from kith.store.core.errors import Invalid

MAX_AMOUNT = Decimal("1000000000000")  # a trillion a month: anything above is a typo


def currency_code(text: str | None) -> str:
    """The upper-case ISO 4217 code; an unknown code raises Invalid."""
    code = str(text or "").strip().upper()
    if code not in CURRENCIES:
        raise Invalid("currency", f"unknown currency code {text!r} (ISO 4217, e.g. EUR, USD, GBP, JPY)")
    return code


def parse_amount(text: str | Decimal, what: str = "amount") -> Decimal:
    """A non-negative decimal with at most 4 decimal places; floats are refused, so no binary rounding."""
    if isinstance(text, float):
        raise Invalid(what, f"{what}: give the amount as text or Decimal, not a float")
    raw = str(text).strip().replace("_", "")
    try:
        value = Decimal(raw)
    except (InvalidOperation, ValueError):
        raise Invalid(what, f"{what}: {text!r} is not a number like 4500 or 4500.50") from None
    if not value.is_finite():
        raise Invalid(what, f"{what}: {text!r} is not a number like 4500 or 4500.50")
    if value < 0:
        raise Invalid(what, f"{what} cannot be negative ({text})")
    if value > MAX_AMOUNT:
        raise Invalid(what, f"{what}: {text} is too large")
    if -value.as_tuple().exponent > 4:
        raise Invalid(what, f"{what}: {text} has more than 4 decimal places")
    return value


def stored(value: Decimal) -> str:
    """The text kept in the database: plain notation, at least two decimals (``4500.00``)."""
    return format(value.quantize(Decimal("0.01")) if -value.as_tuple().exponent < 2 else value, "f")


def shown(value: Decimal, currency: str) -> str:
    """``4,500.00 EUR``: grouped, two decimals (more only when stored with more)."""
    places = max(2, -value.as_tuple().exponent)
    return f"{value:,.{places}f} {currency}"
