"""Provides apply_step(): how each kind of undo step is reversed, through the area that owns its rows.

The undo log itself (recording, listing, undoing in one transaction) is ``kith.store.core.undo``;
this module sits above the areas because reversing a step calls into them.
"""

from __future__ import annotations

from datetime import date

from kith.store.core.db import db
from kith.store.core.errors import StoreError


def apply_step(step: dict) -> None:
    """Reverse one recorded step (see ``kith.store.core.undo``), through the area that owns it."""
    op = step["op"]
    if op == "delete_touch":
        from kith.store.people.touches import remove_touch

        remove_touch(step["id"])
    elif op == "set_touch":
        from kith.store.people.touches import restore_touch

        restore_touch(step["id"], step["kind"], step["date"], step["note"])
    elif op == "insert_touch":
        from kith.store.people.touches import insert_touch

        insert_touch(step)
    elif op == "delete_follow_up":
        db.execute_sql("DELETE FROM follow_up WHERE id = ?", (step["id"],))
    elif op == "insert_follow_up":
        from kith.store.people.followups import insert_follow_up

        insert_follow_up(step)
    elif op == "set_follow_up":
        fields = {k: step[k] for k in ("due", "what", "done", "done_on") if k in step}
        if fields:
            sets = ", ".join(f"{k} = ?" for k in fields)
            db.execute_sql(f"UPDATE follow_up SET {sets} WHERE id = ?", (*fields.values(), step["id"]))
    elif op == "snooze":
        from kith.store.today import snoozes

        until = step.get("until")
        snoozes.restore(step["source"], step["contact_id"], step.get("ref_id"),
                        date.fromisoformat(until) if until else None)
    elif op == "delete_contact":
        db.execute_sql("DELETE FROM contact WHERE id = ?", (step["id"],))
        db.execute_sql("DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM contact_tag)")
    elif op == "set_contact":
        from kith.store.people.contacts import restore_fields

        restore_fields(step["id"], step["values"])
    elif op == "restore_contact":
        from kith.store.people.snapshot import restore

        restore(step["snapshot"])
    elif op == "delete_value":
        db.execute_sql("DELETE FROM value_entry WHERE id = ?", (step["id"],))
    elif op == "set_value":
        fields = step["values"]
        sets = ", ".join(f"{k} = ?" for k in fields)
        db.execute_sql(f"UPDATE value_entry SET {sets} WHERE id = ?", (*fields.values(), step["id"]))
    elif op == "quality":
        from kith.store.quality.bulk import undo_step

        undo_step(step)
    elif op in _MENTOR_OPS:
        _mentor_step(step)
    elif op == "perception":
        from kith.store.perception.feedback import apply_undo

        apply_undo(step)
    elif op.startswith("career-"):
        from kith.store.career.undo import apply

        apply(step)
    elif op.startswith("conversations."):
        from kith.store.conversations import undo_steps

        undo_steps.apply(step)
    elif op.startswith("network."):
        from kith.store.network import undo_steps

        undo_steps.apply(step)
    elif op.startswith("volunteering."):
        from kith.store.volunteering import undo_steps

        undo_steps.apply(step)
    else:
        raise StoreError(f"cannot undo {op!r}: this kith is older than the change")


_MENTOR_OPS = {"delete_role_period", "reopen_role_period", "restore_partner", "delete_check_in",
               "reopen_commitments", "insert_value"}


def _mentor_step(step: dict) -> None:
    from kith.store.mentors.checkins import CheckIn, Commitment, Partner
    from kith.store.mentors.roles import MentorRole
    from kith.store.mentors.value import ValueEntry

    op = step["op"]
    if op == "delete_role_period":
        MentorRole.delete().where(MentorRole.id == step["id"]).execute()
    elif op == "reopen_role_period":
        MentorRole.update(ended=None).where(MentorRole.id == step["id"]).execute()
    elif op == "restore_partner":
        if step["row"] is None:
            Partner.delete().where(Partner.contact == step["contact_id"]).execute()
        else:
            Partner.update(step["row"]).where(Partner.contact == step["contact_id"]).execute()
    elif op == "delete_check_in":
        Commitment.delete().where(Commitment.check_in == step["id"]).execute()
        CheckIn.delete().where(CheckIn.id == step["id"]).execute()
    elif op == "reopen_commitments":
        Commitment.update(outcome=None, reviewed_in=None).where(Commitment.id.in_(step["ids"])).execute()
    elif op == "insert_value":
        if step["row"]["contact"] is not None:
            ValueEntry.insert(step["row"]).on_conflict_ignore().execute()
