"""Provides register(): the network follows people's writes through ``kith.store.people.hooks``.

Company and role are the current job and introduced-by is the ledger's, so a contact saved,
merged or imported moves its career, introductions and "knows" edges along. Called once,
from ``kith.store.wiring``.
"""

from __future__ import annotations

from kith.store.network import imports
from kith.store.network.careers import contact_changed
from kith.store.network.contact_merge import after_contact_merge, before_contact_merge
from kith.store.network.introductions import contact_introducer_set
from kith.store.people import hooks


def _contact_saved(contact_id: int, values: dict, changed: set[str]) -> None:
    contact_changed(contact_id, values.get("company") or "", values.get("role") or "", changed)
    if "introduced_by_id" in changed:
        contact_introducer_set(contact_id, values.get("introduced_by_id"), values.get("connected_on"))


def register() -> None:
    hooks.on_contact_saved(_contact_saved)
    hooks.on_before_merge(before_contact_merge)
    hooks.on_after_merge(after_contact_merge)
    hooks.on_import(hooks.ImportFollower(imports.edited_fields, imports.keep_edits, imports.after_import))
