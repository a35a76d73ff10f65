"""Provides PerceptionSettings: what the Perception area takes from the config (typed)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class PerceptionSettings:
    answer_overdue_days: int = 14
    """Days after asking when an unanswered feedback request is nudged (once) in Today."""
    thank_you: bool = True
    """Saving feedback adds a follow-up "Thank X for the feedback" due the next day."""
    review_after_days: int = 90
    """Days after its last review when a pitch or tagline asks for a review in Today."""
    feedback_nudge: bool = True
    """Today shows "feedback answer overdue"."""
    review_nudge: bool = True
    """Today shows "review your elevator pitch"."""

    @classmethod
    def from_mapping(cls, raw: object) -> PerceptionSettings:
        """Build from a plain mapping (the queue context's ``perception`` section); bad values
        fall back to the defaults (the config has validated them already)."""
        if not isinstance(raw, Mapping):
            return cls()
        out = {}
        for f in fields(cls):
            value = raw.get(f.name, f.default)
            kind = bool if isinstance(f.default, bool) else int
            if kind is int and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                value = f.default
            if kind is bool and not isinstance(value, bool):
                value = f.default
            out[f.name] = value
        return cls(**out)
