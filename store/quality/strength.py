"""Provides the suggested strength of a relationship, with its reasons, and touch ratings.

Points come from the touches of the last year, each weighted by its kind (a coffee weighs more
than a newsletter), its rating (3 is neutral) and its age (half as much every 90 days), plus
value exchanged and people they introduced you to. Points map to 1-5; someone not touched in
a year is suggested at most 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound

KIND_WEIGHT = {
    "coffee": 3.0, "meeting": 3.0, "informational interview": 3.0, "call": 2.0, "check-in": 2.0,
    "introduction": 2.0, "event": 1.5, "message": 1.0, "email": 1.0, "other": 1.0, "newsletter": 0.25,
}
HALF_LIFE_DAYS = 90
WINDOW_DAYS = 365
# Points at which the suggestion reaches 2, 3, 4 and 5.
STEPS = (0.5, 2.0, 5.0, 9.0)


@dataclass(frozen=True)
class Suggestion:
    contact_id: int
    name: str
    manual: int
    suggested: int
    points: float
    reasons: tuple[str, ...]

    def as_json(self) -> dict:
        return {"contact_id": self.contact_id, "name": self.name, "strength": self.manual,
                "suggested": self.suggested, "points": round(self.points, 2), "reasons": list(self.reasons)}


def _decay(age_days: int) -> float:
    return 0.5 ** (max(age_days, 0) / HALF_LIFE_DAYS)


def _level(points: float) -> int:
    return 1 + sum(points >= s for s in STEPS)


def suggest_from(touches: list[tuple], values: int, introduced: int, today: date) -> tuple[int, float, list[str]]:
    """The rule itself: ``touches`` are (date, kind, rating, minutes) within the window."""
    points, kinds, ratings = 0.0, {}, []
    for day, kind, rating, minutes in touches:
        w = KIND_WEIGHT.get(kind, 1.0) * _decay((today - day).days)
        if rating:
            w *= rating / 3
            ratings.append(rating)
        if minutes and minutes >= 60:
            w *= 1.25
        points += w
        kinds[kind] = kinds.get(kind, 0) + 1
    points += 0.75 * values + 1.0 * introduced
    reasons = []
    if touches:
        top = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda p: (-p[1], p[0]))[:3])
        reasons.append(f"{len(touches)} touch{'es' if len(touches) != 1 else ''} in the last year ({top})")
        last = max(t[0] for t in touches)
        reasons.append(f"last touch {(today - last).days} d ago")
    else:
        reasons.append("no touch in the last year")
    if ratings:
        reasons.append(f"rated {sum(ratings) / len(ratings):.1f} on average")
    if values:
        reasons.append(f"{values} value entr{'ies' if values != 1 else 'y'} exchanged")
    if introduced:
        reasons.append(f"introduced you to {introduced} {'person' if introduced == 1 else 'people'}")
    level = _level(points)
    if not touches:
        level = min(level, 2)
    return level, points, reasons


def suggest(contact_id: int, today: date) -> Suggestion:
    """The suggested strength of one contact, beside the manual one.

    Raises:
        NotFound: no such contact.
    """
    row = db.execute_sql("SELECT name, strength FROM contact WHERE id = ?", (contact_id,)).fetchone()
    if row is None:
        raise NotFound(f"no contact with id {contact_id}")
    since = (today - timedelta(days=WINDOW_DAYS)).isoformat()
    touches = [(date.fromisoformat(d), k, r, m) for d, k, r, m in db.execute_sql(
        "SELECT date, kind, rating, duration_min FROM touch WHERE contact_id = ? AND date >= ? AND date <= ?",
        (contact_id, since, today.isoformat()))]
    values = db.execute_sql("SELECT count(*) FROM value_entry WHERE contact_id = ? AND date >= ?",
                            (contact_id, since)).fetchone()[0]
    introduced = db.execute_sql("SELECT count(*) FROM contact WHERE introduced_by_id = ?", (contact_id,)).fetchone()[0]
    level, points, reasons = suggest_from(touches, values, introduced, today)
    return Suggestion(contact_id, row[0], row[1], level, points, tuple(reasons))


def accept(contact_id: int, today: date) -> Suggestion:
    """Set the manual strength to the suggestion (undoable); return the suggestion."""
    from kith.store.people.contacts import update_contact

    s = suggest(contact_id, today)
    if s.suggested != s.manual:
        with undo.action("strength", f"accepted suggested strength {s.suggested} for {s.name}",
                         contact_id=contact_id):
            update_contact(contact_id, {"strength": s.suggested})
    return s


def rate_touch(touch_id: int, rating: int | None, minutes: int | None = None) -> None:
    """Give a touch a rating (1-5) and a duration in minutes (None clears); undoable."""
    if rating is not None and not 1 <= rating <= 5:
        raise Invalid("rating", "a rating is a whole number from 1 to 5")
    if minutes is not None and not 1 <= minutes <= 1440:
        raise Invalid("duration", "a duration is a number of minutes from 1 to 1440")
    with undo.action("rate touch", f"rated touch #{touch_id}", ref_id=touch_id):
        old = db.execute_sql("SELECT rating, duration_min, contact_id FROM touch WHERE id = ?", (touch_id,)).fetchone()
        if old is None:
            raise NotFound(f"no touch with id {touch_id}")
        undo.record("quality", what="touch_rating", id=touch_id, rating=old[0], minutes=old[1])
        db.execute_sql("UPDATE touch SET rating = ?, duration_min = ? WHERE id = ?", (rating, minutes, touch_id))


def log_rated_touch(contact_id: int, kind: str, on: date, note: str = "", rating: int | None = None,
                    minutes: int | None = None):
    """Log a touch with a rating and a duration: one action, one undo."""
    from kith.store.people.touches import log_touch

    with undo.action("log touch", contact_id=contact_id) as draft:
        touch = log_touch(contact_id, kind, on, note)
        if rating is not None or minutes is not None:
            rate_touch(touch.id, rating, minutes)
        draft.summary = f"logged {touch.kind} on {on.isoformat()}"
    return touch


def restore_rating(step: dict) -> None:
    db.execute_sql("UPDATE touch SET rating = ?, duration_min = ? WHERE id = ?",
                   (step["rating"], step["minutes"], step["id"]))
