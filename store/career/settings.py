"""Provides CareerSettings: the career rules the store applies (typed; the store never reads Config)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class CareerSettings:
    display_currency: str = "EUR"
    """Shares and the monthly history are computed for this currency; others are shown apart."""
    stale_months: int = 18
    """A hard skill unused for longer than this is stale."""
    emerging_learning_months: int = 6
    """An emerging skill with no learning in this many months is flagged."""
    largest_share_percent: int = 80
    """Today nudges when the largest income stream's share is above this."""
    income_streams_target: int = 3
    """Today nudges when fewer income streams are active."""
    certification_warn_days: int = 60
    """Today warns this many days before a certification expires."""

    @classmethod
    def from_mapping(cls, values: dict | None) -> CareerSettings:
        """Build from a plain mapping (the queue context's ``settings["career"]``), ignoring extra keys."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (values or {}).items() if k in known})
