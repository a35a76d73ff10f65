"""Provides engagements: adding, editing, ending and deleting them, listing them with their totals.

An engagement belongs to an organisation of the network (``Code Club`` and ``code club ltd`` are
one); adding one for a new name creates the organisation, and undo removes both.
"""

from __future__ import annotations

from datetime import date, datetime

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.core.fold import fold
from kith.store.network.orgs import org_id_for, org_key
from kith.store.volunteering import undo_steps
from kith.store.volunteering.common import MAX_NOTE, MAX_ROLE, clean, day_value
from kith.store.volunteering.records import SKILL_HOW, EngagementInfo

_SELECT = (
    "SELECT e.id, e.organisation_id, o.name, e.role, e.started, e.ended, e.note, "
    "coalesce((SELECT sum(h.minutes) FROM volunteer_hours h WHERE h.engagement_id = e.id), 0), "
    "(SELECT count(DISTINCT h.day) FROM volunteer_hours h WHERE h.engagement_id = e.id), "
    "(SELECT max(h.day) FROM volunteer_hours h WHERE h.engagement_id = e.id), "
    "(SELECT count(DISTINCT m.contact_id) FROM engagement_met m WHERE m.engagement_id = e.id) "
    "FROM engagement e JOIN organisation o ON o.id = e.organisation_id")


def _skills(ids: list[int]) -> dict[int, tuple[tuple[str, str], ...]]:
    out: dict[int, list] = {}
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    for eid, name, how in db.execute_sql(
            f"SELECT es.engagement_id, s.name, es.how FROM engagement_skill es JOIN skill s ON s.id = es.skill_id "
            f"WHERE es.engagement_id IN ({marks}) ORDER BY s.folded", ids):
        out.setdefault(eid, []).append((name, how))
    return {k: tuple(v) for k, v in out.items()}


def _info(row, skills: dict) -> EngagementInfo:
    eid, oid, org, role, started, ended, note, minutes, days, last, people = row
    return EngagementInfo(eid, oid, org, role, day_value(started), day_value(ended), note, int(minutes), days,
                          day_value(last), people, skills.get(eid, ()))


def get_engagement(engagement_id: int) -> EngagementInfo:
    """One engagement with its totals.

    Raises:
        NotFound: no such engagement.
    """
    row = db.execute_sql(f"{_SELECT} WHERE e.id = ?", (engagement_id,)).fetchone()
    if row is None:
        raise NotFound(f"no volunteering engagement #{engagement_id} (kith volunteer list shows them)")
    return _info(row, _skills([engagement_id]))


def list_engagements() -> list[EngagementInfo]:
    """Every engagement, current ones first (newest start first), then ended ones."""
    rows = db.execute_sql(f"{_SELECT} ORDER BY e.ended IS NOT NULL, coalesce(e.ended, '') DESC, e.started DESC, "
                          "e.id DESC").fetchall()
    skills = _skills([r[0] for r in rows])
    return [_info(r, skills) for r in rows]


def resolve_engagement(text: str) -> EngagementInfo:
    """The engagement ``text`` names: its id (``3`` or ``#3``) or its organisation (when only one is there).

    Raises:
        NotFound: nothing matches.
        Invalid: several engagements at that organisation (say which by id).
    """
    text = str(text or "").strip()
    if text.lstrip("#").isdigit():
        return get_engagement(int(text.lstrip("#")))
    key = org_key(text)
    rows = [e for e in list_engagements() if key and (org_key(e.organisation) == key or _alias(e.organisation_id, key))]
    if not rows:
        raise NotFound(f"no volunteering engagement at {text!r} (kith volunteer list shows them)")
    if len(rows) > 1:
        which = ", ".join(f"#{e.id} {e.role or 'no role'} from {e.started.isoformat()}" for e in rows)
        raise Invalid("engagement", f"{len(rows)} engagements at {rows[0].organisation}; say which by id: {which}")
    return rows[0]


def _alias(org_id: int, key: str) -> bool:
    return bool(db.execute_sql("SELECT 1 FROM organisation_alias WHERE organisation_id = ? AND match_key = ?",
                               (org_id, key)).fetchone())


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _check_span(started: date, ended: date | None) -> None:
    if ended is not None and ended < started:
        raise Invalid("to", f"it cannot end ({ended.isoformat()}) before it starts ({started.isoformat()})")


def add_engagement(organisation: str, role: str, today: date, started: date | None = None,
                   ended: date | None = None, note: str = "", skills: tuple[tuple[str, str], ...] = ()
                   ) -> EngagementInfo:
    """Add an engagement (the organisation is found or created); ``skills`` are (name, used|learned).

    A skill not yet in Career is added to it (depth 1 when learned, 2 when used). Undoable as one.

    Raises:
        Invalid: no organisation or role, an end before the start, a bad skill.
    """
    role = clean(role, "role", MAX_ROLE)
    if not role:
        raise Invalid("role", "say the role you volunteer in (e.g. mentor, treasurer, organiser)")
    organisation = clean(organisation, "organisation", MAX_ROLE)
    note = clean(note, "note", MAX_NOTE, multiline=True)
    started = started or today
    _check_span(started, ended)
    with undo.action("volunteer", "") as draft:
        org_id = org_id_for(organisation)
        cur = db.execute_sql("INSERT INTO engagement (organisation_id, role, started, ended, note, created) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             (org_id, role, started.isoformat(), _iso(ended), note, datetime.now()))
        eid = cur.lastrowid
        undo_steps.added("engagement", eid)
        for name, how in skills:
            link_skill(eid, name, how, today)
        info = get_engagement(eid)
        draft.summary = f"added volunteering: {info.title}"
    return info


def link_skill(engagement_id: int, name: str, how: str, today: date) -> None:
    """Link a skill (by name; added to Career when new) as used or learned at the engagement."""
    from kith.store.career.skills import add_skill

    if how not in SKILL_HOW:
        raise Invalid("skill", f"a skill is used or learned, not {how!r}")
    with undo.action("volunteer skill", f"linked skill {name}"):
        get_engagement(engagement_id)
        row = db.execute_sql("SELECT id FROM skill WHERE folded = ?", (fold(" ".join(str(name).split())),)).fetchone()
        skill_id = row[0] if row else add_skill(name, today, depth=1 if how == "learned" else 2).id
        if db.execute_sql("SELECT 1 FROM engagement_skill WHERE engagement_id = ? AND skill_id = ?",
                          (engagement_id, skill_id)).fetchone():
            return
        db.execute_sql("INSERT INTO engagement_skill (engagement_id, skill_id, how) VALUES (?, ?, ?)",
                       (engagement_id, skill_id, how))
        undo_steps.added_skill(engagement_id, skill_id)


def update_engagement(engagement_id: int, **fields) -> EngagementInfo:
    """Change an engagement's role, start, end or note (organisation: another name moves it); undoable."""
    with undo.action("edit volunteering") as draft:
        before = get_engagement(engagement_id)
        values: dict = {}
        if "organisation" in fields:
            values["organisation_id"] = org_id_for(clean(fields["organisation"], "organisation", MAX_ROLE))
        if "role" in fields:
            values["role"] = clean(fields["role"], "role", MAX_ROLE)
            if not values["role"]:
                raise Invalid("role", "the role is empty")
        if "note" in fields:
            values["note"] = clean(fields["note"], "note", MAX_NOTE, multiline=True)
        for key in ("started", "ended"):
            if key in fields:
                values[key] = day_value(fields[key])
        if values.get("started", before.started) is None:
            raise Invalid("from", "an engagement needs a start day")
        _check_span(values.get("started", before.started), values.get("ended", before.ended))
        old = {"organisation_id": before.organisation_id, "role": before.role, "started": before.started,
               "ended": before.ended, "note": before.note}
        changed = {k: v for k, v in values.items() if v != old[k]}
        if not changed:
            return before
        undo_steps.changed("engagement", engagement_id,
                           {k: (old[k].isoformat() if isinstance(old[k], date) else old[k]) for k in changed})
        db.execute_sql(f"UPDATE engagement SET {', '.join(f'{k} = ?' for k in changed)} WHERE id = ?",
                       (*(_iso(v) if isinstance(v, date) else v for v in changed.values()), engagement_id))
        draft.summary = f"edited volunteering: {before.title}"
    return get_engagement(engagement_id)


def end_engagement(engagement_id: int, day: date) -> EngagementInfo:
    """End an engagement on ``day`` (it stays listed, with its hours and people); undoable."""
    return update_engagement(engagement_id, ended=day)


def delete_engagement(engagement_id: int) -> None:
    """Delete an engagement with its hours and skill links (the touches of people met stay); undoable."""
    with undo.action("delete volunteering") as draft:
        info = get_engagement(engagement_id)
        draft.summary = f"deleted volunteering: {info.title}"
        # Undo applies steps newest first: the engagement comes back before the rows pointing at it.
        for table in ("volunteer_hours", "engagement_skill", "engagement_met"):
            undo_steps.removed(table, undo_steps.rows_of(table, "engagement_id", engagement_id))
        undo_steps.removed("engagement", undo_steps.rows_of("engagement", "id", engagement_id))
        db.execute_sql("DELETE FROM engagement WHERE id = ?", (engagement_id,))


def orgs_merged(keep_id: int, other_id: int) -> None:
    """Inside an organisation merge: the other's engagements move to the kept one (undo moves them back)."""
    for (eid,) in db.execute_sql("SELECT id FROM engagement WHERE organisation_id = ?", (other_id,)).fetchall():
        undo_steps.changed("engagement", eid, {"organisation_id": other_id})
    db.execute_sql("UPDATE engagement SET organisation_id = ? WHERE organisation_id = ?", (keep_id, other_id))
