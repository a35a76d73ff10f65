"""Provides your current goals and challenges: a short dated list shown to those who coach you."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kith.store.career import undo as career_undo
from kith.store.career.common import choose, clean, day_value, now
from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound

GOAL_KINDS = ("goal", "challenge")


@dataclass(frozen=True)
class GoalInfo:
    id: int
    text: str
    kind: str
    added: date
    done_on: date | None

    def as_json(self) -> dict:
        return {"id": self.id, "text": self.text, "kind": self.kind, "added": self.added.isoformat(),
                "done_on": self.done_on.isoformat() if self.done_on else None}


def add_goal(text: str, today: date, kind: str = "goal") -> GoalInfo:
    text = clean(text, "text", limit=300)
    kind = choose(kind, GOAL_KINDS, "kind")
    with undo.action("goal", f"added {kind}: {text}"):
        cur = db.execute_sql("INSERT INTO goal (text, kind, added, created) VALUES (?, ?, ?, ?)",
                             (text, kind, today, now()))
        career_undo.added("goal", cur.lastrowid)
    return get_goal(cur.lastrowid)


def get_goal(gid: int) -> GoalInfo:
    row = db.execute_sql("SELECT id, text, kind, added, done_on FROM goal WHERE id = ?", (gid,)).fetchone()
    if not row:
        raise NotFound(f"no goal or challenge with id {gid}; see `kith goals`")
    return GoalInfo(row[0], row[1], row[2], day_value(row[3]), day_value(row[4]))


def mark_done(gid: int, today: date) -> GoalInfo:
    goal = get_goal(gid)
    if goal.done_on:
        raise Invalid("id", f"#{gid} was already done on {goal.done_on.isoformat()}")
    with undo.action("goal", f"done {goal.kind}: {goal.text}"):
        career_undo.changed("goal", gid, {"done_on": None})
        db.execute_sql("UPDATE goal SET done_on = ? WHERE id = ?", (today, gid))
    return get_goal(gid)


def list_goals(include_done: bool = False) -> list[GoalInfo]:
    """Open goals and challenges, newest first (done ones after them when asked)."""
    where = "" if include_done else "WHERE done_on IS NULL"
    rows = db.execute_sql(f"SELECT id, text, kind, added, done_on FROM goal {where} "
                          "ORDER BY done_on IS NOT NULL, added DESC, id DESC")
    return [GoalInfo(r[0], r[1], r[2], day_value(r[3]), day_value(r[4])) for r in rows]
