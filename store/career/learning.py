"""Provides learning: degrees, courses, certifications, languages, books, talks and practice projects.

Each has a status (planned, doing, done, dropped), dates, hours, the skills it feeds and, for a
certification, the day it expires (Today warns ``certification_warn_days`` ahead).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kith.store.career import undo as career_undo
from kith.store.career.common import choose, clean, day_value, now
from kith.store.career.skills import skill_id
from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid

LEARNING_KINDS = ("degree", "course", "certification", "language", "book", "talk", "project")
STATUSES = ("planned", "doing", "done", "dropped")


@dataclass(frozen=True)
class LearningInfo:
    id: int
    title: str
    kind: str
    status: str
    started: date | None
    finished: date | None
    hours: int | None
    expires: date | None
    note: str
    skills: tuple[str, ...]

    def expires_in(self, today: date) -> int | None:
        return (self.expires - today).days if self.expires else None

    def as_json(self) -> dict:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"id": self.id, "title": self.title, "kind": self.kind, "status": self.status,
                "started": iso(self.started), "finished": iso(self.finished), "hours": self.hours,
                "expires": iso(self.expires), "note": self.note, "skills": list(self.skills)}


def add_learning(title: str, today: date, kind: str = "course", skills: tuple[str, ...] = (),
                 status: str = "planned", expires: date | None = None, hours: int | None = None,
                 started: date | None = None, finished: date | None = None, note: str = "") -> LearningInfo:
    """Add a learning item feeding ``skills`` (existing skill names).

    ``doing`` starts today and ``done`` finishes today unless days are given.
    """
    title = clean(title, "title", limit=200)
    kind = choose(kind, LEARNING_KINDS, "learning kind")
    status = choose(status, STATUSES, "status")
    if expires is not None and kind != "certification":
        raise Invalid("expires", "only a certification expires; give --kind certification")
    if hours is not None and (isinstance(hours, bool) or not isinstance(hours, int) or hours < 0):
        raise Invalid("hours", f"hours must be a whole number of 0 or more, not {hours!r}")
    if status in ("doing", "done") and started is None:
        started = today
    if status == "done" and finished is None:
        finished = today
    for day, what in ((started, "start"), (finished, "finish")):
        if day and day > today:
            raise Invalid(what, f"the {what} day {day.isoformat()} is in the future")
    ids = []
    for name in skills:
        sid = skill_id(name)
        if sid not in ids:
            ids.append(sid)
    with undo.action("learning", f"added learning {title}"):
        cur = db.execute_sql(
            "INSERT INTO learning (title, kind, status, started, finished, hours, expires, note, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (title, kind, status, started, finished, hours, expires, clean(note, "note", False), now()))
        lid = cur.lastrowid
        for sid in ids:
            db.execute_sql("INSERT INTO learning_skill (learning_id, skill_id) VALUES (?, ?)", (lid, sid))
        career_undo.added("learning", lid)  # deleting it drops its skill links too (cascade)
    return get_learning(lid)


def _rows(where: str = "", args: tuple = ()) -> list[LearningInfo]:
    sql = ("SELECT l.id, l.title, l.kind, l.status, l.started, l.finished, l.hours, l.expires, l.note, "
           "(SELECT group_concat(name, char(31)) FROM (SELECT s.name FROM learning_skill ls "
           "JOIN skill s ON s.id = ls.skill_id WHERE ls.learning_id = l.id ORDER BY s.folded)) "
           f"FROM learning l {where} ORDER BY CASE l.status WHEN 'doing' THEN 0 WHEN 'planned' THEN 1 "
           "WHEN 'done' THEN 2 ELSE 3 END, coalesce(l.finished, l.started, '') DESC, l.id DESC")
    out = []
    for lid, title, kind, status, started, finished, hours, expires, note, names in db.execute_sql(sql, args):
        out.append(LearningInfo(lid, title, kind, status, day_value(started), day_value(finished), hours,
                                day_value(expires), note, tuple(names.split("\x1f")) if names else ()))
    return out


def get_learning(lid: int) -> LearningInfo:
    return _rows("WHERE l.id = ?", (lid,))[0]


def list_learning() -> list[LearningInfo]:
    """Doing first, then planned, done and dropped; newest first within each."""
    return _rows()


def expiring(today: date, within_days: int) -> list[LearningInfo]:
    """Certifications not dropped that expire within ``within_days`` (or expired in the last 30 days)."""
    from datetime import timedelta

    low, high = today - timedelta(days=30), today + timedelta(days=within_days)
    return _rows("WHERE l.kind = 'certification' AND l.status != 'dropped' AND l.expires BETWEEN ? AND ?",
                 (low.isoformat(), high.isoformat()))


def set_status(lid: int, status: str, today: date) -> LearningInfo:
    """Move a learning item to ``status``; doing stamps a start, done a finish (today) if missing."""
    status = choose(status, STATUSES, "status")
    item = get_learning(lid) if db.execute_sql("SELECT 1 FROM learning WHERE id = ?", (lid,)).fetchone() else None
    if item is None:
        from kith.store.core.errors import NotFound

        raise NotFound(f"no learning item with id {lid}")
    started = item.started or (today if status in ("doing", "done") else None)
    finished = item.finished or (today if status == "done" else None)
    with undo.action("learning", f"{item.title}: {status}"):
        career_undo.changed("learning", lid, {"status": item.status, "started": item.started,
                                              "finished": item.finished})
        db.execute_sql("UPDATE learning SET status = ?, started = ?, finished = ? WHERE id = ?",
                       (status, started, finished, lid))
    return get_learning(lid)
