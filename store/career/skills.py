"""Provides skills: depth, use, emerging flag, evidence, and their currency (stale / needs learning).

Currency rules (``CareerSettings``): a HARD skill whose last use (else first use) is more than
``stale_months`` months before this month is stale; a skill without any use date is never
judged. An EMERGING skill with no learning feeding it that was doing, or started or finished,
within ``emerging_learning_months`` is flagged "needs learning".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kith.store.career import undo as career_undo
from kith.store.career.common import choose, clean, month_index, month_of, months_before, not_future, now, parse_month
from kith.store.career.settings import CareerSettings
from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.core.fold import fold

SKILL_KINDS = ("hard", "soft", "language", "domain")
DEPTH_LABELS = ("aware", "working", "practitioner", "expert", "authority")
"""Depth 1..5 in words."""


@dataclass(frozen=True)
class SkillInfo:
    id: int
    name: str
    kind: str
    depth: int
    first_used: str | None
    last_used: str | None
    where_used: str
    emerging: bool
    evidence: str
    vouch_contact_id: int | None
    vouch_name: str | None
    last_learning: date | None
    """The latest day any learning feeding this skill was started or finished (or today if doing)."""
    stale: bool = False
    needs_learning: bool = False

    @property
    def depth_label(self) -> str:
        return DEPTH_LABELS[self.depth - 1]

    @property
    def flags(self) -> str:
        return " ".join(w for w, on in (("stale", self.stale), ("emerging", self.emerging),
                                        ("no-learning", self.needs_learning)) if on)

    def as_json(self) -> dict:
        return {"id": self.id, "name": self.name, "kind": self.kind, "depth": self.depth,
                "depth_label": self.depth_label, "first_used": self.first_used, "last_used": self.last_used,
                "where_used": self.where_used, "emerging": self.emerging, "evidence": self.evidence,
                "vouch_contact_id": self.vouch_contact_id, "vouch_name": self.vouch_name,
                "last_learning": self.last_learning.isoformat() if self.last_learning else None,
                "stale": self.stale, "needs_learning": self.needs_learning}


def check_depth(depth) -> int:
    if isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= 5:
        labels = ", ".join(f"{n} {w}" for n, w in enumerate(DEPTH_LABELS, 1))
        raise Invalid("depth", f"depth must be 1 to 5 ({labels}), "
                               f"not {depth!r}")
    return depth


def skill_id(name: str) -> int:
    """The id of the skill named ``name`` (case and accents ignored); NotFound otherwise."""
    row = db.execute_sql("SELECT id FROM skill WHERE folded = ?", (fold(clean(name, "skill name")),)).fetchone()
    if not row:
        raise NotFound(f"no skill named {name!r}; add it with `kith skill add`")
    return row[0]


def add_skill(name: str, today: date, kind: str = "hard", depth: int = 2, used: str | None = None,
              emerging: bool = False, where_used: str = "", evidence: str = "",
              vouch_contact_id: int | None = None) -> SkillInfo:
    """Add a skill; ``used`` (``YYYY-MM``, not in the future) is both its first and last use."""
    name = clean(name, "skill name", limit=120)
    kind = choose(kind, SKILL_KINDS, "skill kind")
    depth = check_depth(depth)
    month = not_future(parse_month(used, "--used"), today, "--used") if used else None
    where_used, evidence = clean(where_used, "where used", False), clean(evidence, "evidence", False)
    with undo.action("skill", f"added skill {name}"):
        if db.execute_sql("SELECT 1 FROM skill WHERE folded = ?", (fold(name),)).fetchone():
            raise Invalid("name", f"a skill named {name!r} exists already; `kith skill used` updates it")
        cur = db.execute_sql(
            "INSERT INTO skill (name, folded, kind, depth, first_used, last_used, where_used, emerging, evidence, "
            "vouch_contact_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (name, fold(name), kind, depth, month, month, where_used, int(emerging), evidence, vouch_contact_id,
             now()))
        career_undo.added("skill", cur.lastrowid)
    return get_skill(cur.lastrowid, today)


def mark_used(name: str, today: date, on: str | None = None) -> SkillInfo:
    """Record a use of the skill in month ``on`` (default this month): widens first/last use."""
    month = not_future(parse_month(on, "--on"), today, "--on") if on else month_of(today)
    sid = skill_id(name)
    first, last = db.execute_sql("SELECT first_used, last_used FROM skill WHERE id = ?", (sid,)).fetchone()
    new_first = min(first, month) if first else month
    new_last = max(last, month) if last else month
    with undo.action("skill", f"used skill {name} in {month}"):
        career_undo.changed("skill", sid, {"first_used": first, "last_used": last})
        db.execute_sql("UPDATE skill SET first_used = ?, last_used = ? WHERE id = ?", (new_first, new_last, sid))
    return get_skill(sid, today)


_SELECT = (
    "SELECT s.id, s.name, s.kind, s.depth, s.first_used, s.last_used, s.where_used, s.emerging, s.evidence, "
    "s.vouch_contact_id, c.name, (SELECT max(CASE WHEN l.status = 'doing' THEN ? "
    "ELSE max(coalesce(l.finished, ''), coalesce(l.started, '')) END) "
    "FROM learning_skill ls JOIN learning l ON l.id = ls.learning_id "
    "WHERE ls.skill_id = s.id AND l.status IN ('doing', 'done')) "
    "FROM skill s LEFT JOIN contact c ON c.id = s.vouch_contact_id")


def _info(row, today: date, settings: CareerSettings) -> SkillInfo:
    sid, name, kind, depth, first, last, where, emerging, evidence, vouch, vouch_name, learned = row
    learned_on = date.fromisoformat(str(learned)[:10]) if learned else None
    used = last or first
    this_month = month_index(month_of(today))
    stale = kind == "hard" and used is not None and this_month - month_index(used) > settings.stale_months
    needs = False
    if emerging:
        needs = learned_on is None or learned_on < months_before(today, settings.emerging_learning_months)
    return SkillInfo(sid, name, kind, depth, first, last, where, bool(emerging), evidence, vouch, vouch_name,
                     learned_on, stale, needs)


def get_skill(sid: int, today: date, settings: CareerSettings | None = None) -> SkillInfo:
    row = db.execute_sql(_SELECT + " WHERE s.id = ?", (today.isoformat(), sid)).fetchone()
    if not row:
        raise NotFound(f"no skill with id {sid}")
    return _info(row, today, settings or CareerSettings())


def list_skills(today: date, settings: CareerSettings | None = None) -> list[SkillInfo]:
    """Every skill, deepest first, then by name."""
    rows = db.execute_sql(_SELECT + " ORDER BY s.depth DESC, s.folded", (today.isoformat(),))
    return [_info(r, today, settings or CareerSettings()) for r in rows]


@dataclass(frozen=True)
class TShape:
    """Breadth (skills per kind) and depth (the deepest skills) for the T-shaped picture."""

    breadth: tuple[tuple[str, int], ...]
    depth: tuple[tuple[str, int], ...]


def t_shape(skills: list[SkillInfo], top: int = 5) -> TShape:
    breadth = tuple((k, sum(1 for s in skills if s.kind == k)) for k in SKILL_KINDS)
    deepest = sorted(skills, key=lambda s: (-s.depth, s.name.casefold()))[:top]
    return TShape(breadth, tuple((s.name, s.depth) for s in deepest))
