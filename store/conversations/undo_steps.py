"""Provides the undo steps of the Conversations area (ops named ``conversations.*``)."""

from __future__ import annotations

from kith.store.core.db import db


def apply(step: dict) -> None:
    """Reverse one recorded change (called by ``store.undo`` inside its transaction)."""
    op = step["op"].partition(".")[2]
    if op == "delete_plan":
        db.execute_sql("DELETE FROM conversation_plan WHERE id = ?", (step["id"],))
    elif op == "set_plan":
        from kith.store.conversations.plans import restore_plan

        restore_plan(step["id"], step["values"])
    elif op == "delete_referrals":
        db.execute_sql("DELETE FROM conversation_referral WHERE plan_id = ?", (step["plan_id"],))
    elif op == "delete_thanks":
        db.execute_sql("DELETE FROM thank_you WHERE id = ?", (step["id"],))
    elif op == "set_thanks_touch":
        db.execute_sql("UPDATE thank_you SET touch_id = ? WHERE id = ?", (step["touch_id"], step["id"]))
    else:
        from kith.store.core.errors import StoreError

        raise StoreError(f"cannot undo {step['op']!r}: this kith is older than the change")
