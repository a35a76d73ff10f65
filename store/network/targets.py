"""Provides targets: organisations you want in at, with a stage, a note and the day of last progress."""

from __future__ import annotations

from datetime import date, datetime

from kith.store.core import clock, undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid
from kith.store.network import undo_steps
from kith.store.network.orgs import get_org
from kith.store.network.records import STAGES, TargetInfo

MAX_NOTE = 2000


def parse_stage(text: str) -> str:
    wanted = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    if wanted in STAGES:
        return wanted
    raise Invalid("stage", f"unknown stage {text!r}; use one of: {', '.join(STAGES)}")


def set_target(org_id: int, stage: str | None = None, note: str | None = None,
               today: date | None = None) -> TargetInfo:
    """Mark an organisation as a target, or change its stage or note (both count as progress); undoable."""
    stage = parse_stage(stage) if stage is not None else None
    if note is not None:
        note = note.strip()
        if len(note) > MAX_NOTE:
            raise Invalid("note", f"keep the note under {MAX_NOTE} characters")
    day = (today or clock.today()).isoformat()
    with undo.action("target") as draft:
        org = get_org(org_id)
        had = undo_steps.row_of("target", org_id)
        if had is None:
            db.execute_sql("INSERT INTO target (organisation_id, stage, note, progressed, created) "
                           "VALUES (?, ?, ?, ?, ?)", (org_id, stage or "researching", note or "", day, datetime.now()))
            undo_steps.record_delete("target", org_id)
            draft.summary = f"{org.name} is a target ({stage or 'researching'})"
        else:
            undo_steps.record_restore("target", org_id)
            db.execute_sql("UPDATE target SET stage = ?, note = ?, progressed = ? WHERE organisation_id = ?",
                           (stage or had["stage"], had["note"] if note is None else note, day, org_id))
            draft.summary = f"target {org.name}: {stage or had['stage']}"
    return get_target(org_id)


def remove_target(org_id: int) -> None:
    """Stop targeting an organisation (undo brings it back)."""
    with undo.action("untarget") as draft:
        org = get_org(org_id)
        undo_steps.record_restore("target", org_id)
        db.execute_sql("DELETE FROM target WHERE organisation_id = ?", (org_id,))
        draft.summary = f"{org.name} is no longer a target"


_SELECT = ("SELECT t.organisation_id, o.name, t.stage, t.note, t.progressed, "
           "(SELECT count(DISTINCT contact_id) FROM employment WHERE organisation_id = o.id AND current = 1), "
           "(SELECT count(DISTINCT contact_id) FROM employment WHERE organisation_id = o.id AND current = 0) "
           "FROM target t JOIN organisation o ON o.id = t.organisation_id")


def _info(row) -> TargetInfo:
    oid, name, stage, note, progressed, now, before = row
    return TargetInfo(oid, name, stage, note, date.fromisoformat(str(progressed)[:10]), now, before)


def get_target(org_id: int) -> TargetInfo | None:
    row = db.execute_sql(f"{_SELECT} WHERE t.organisation_id = ?", (org_id,)).fetchone()
    return _info(row) if row else None


def list_targets(include_closed: bool = True) -> list[TargetInfo]:
    """Targets in stage order (closed last), then by name."""
    rows = [_info(r) for r in db.execute_sql(_SELECT)]
    if not include_closed:
        rows = [t for t in rows if t.stage != "closed"]
    return sorted(rows, key=lambda t: (STAGES.index(t.stage), t.org_name.casefold()))


def stale_targets(today: date, days: int) -> list[TargetInfo]:
    """Open targets with no progress for ``days`` days or more (oldest first)."""
    if days <= 0:
        return []
    old = [t for t in list_targets(include_closed=False) if (today - t.progressed).days >= days]
    return sorted(old, key=lambda t: t.progressed)
