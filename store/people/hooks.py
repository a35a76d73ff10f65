"""Provides hooks through which areas above people follow its writes (contacts saved, merged, imported).

People sits below the areas that keep data about contacts (the network's careers and introductions
ledger), so it cannot call them; they register here instead, from ``kith.store.wiring``. Every
hook runs inside the caller's write, so what it changes commits or rolls back with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ImportFollower:
    """What an import asks of an area that follows it (all run inside the import's transaction)."""

    edited_fields: Callable[[], dict]
    """Before matching: state passed to ``keep_edits`` (e.g. the fields the user edited in kith)."""
    keep_edits: Callable[[int, dict, dict, dict], list[str]]
    """(contact id, current, changes, state): drop changes that must not apply; one remark per drop."""
    after_import: Callable[[list, dict, dict, list, date], None]
    """(new rows, updates, state, introducer rows, today): after the rows are written."""


_contact_saved: list[Callable[[int, dict, set[str]], None]] = []
_before_merge: list[Callable[[int, int, date | None], None]] = []
_after_merge: list[Callable[[int], None]] = []
_import_followers: list[ImportFollower] = []


def on_contact_saved(fn: Callable[[int, dict, set[str]], None]) -> None:
    """``fn(contact_id, values, changed_fields)`` runs after a contact is created or edited."""
    _contact_saved.append(fn)


def on_before_merge(fn: Callable[[int, int, date | None], None]) -> None:
    """``fn(keep_id, other_id, today)`` runs in a merge before the other's rows move to the kept contact."""
    _before_merge.append(fn)


def on_after_merge(fn: Callable[[int], None]) -> None:
    """``fn(keep_id)`` runs at the end of a merge, once the kept contact holds everything."""
    _after_merge.append(fn)


def on_import(follower: ImportFollower) -> None:
    _import_followers.append(follower)


def contact_saved(contact_id: int, values: dict, changed: set[str]) -> None:
    for fn in _contact_saved:
        fn(contact_id, values, changed)


def before_merge(keep_id: int, other_id: int, today: date | None) -> None:
    for fn in _before_merge:
        fn(keep_id, other_id, today)


def after_merge(keep_id: int) -> None:
    for fn in _after_merge:
        fn(keep_id)


def import_edited_fields() -> list[dict]:
    return [f.edited_fields() for f in _import_followers]


def import_keep_edits(contact_id: int, current: dict, changes: dict, states: list[dict]) -> list[str]:
    remarks: list[str] = []
    for follower, state in zip(_import_followers, states):
        remarks += follower.keep_edits(contact_id, current, changes, state)
    return remarks


def after_import(new_rows: list, updates: dict, state: dict, intro_rows: list, today: date) -> None:
    for follower in _import_followers:
        follower.after_import(new_rows, updates, state, intro_rows, today)
