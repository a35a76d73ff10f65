"""Provides the thank-you loop: after an informational interview, a feedback entry, an introduction
received or value received from a mentor, a thank-you follow-up is owed (due the next day by
default; each kind configurable, or off). Logging a touch of kind ``thank-you`` closes what is
owed to that person and, for a mentor, counts as value given (gratitude).

Other areas call ``owe_thanks(contact_id, reason, on)``; the settings come from the config once
(``configure``), so callers need not carry them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kith.store.conversations.models import THANK_REASONS, ThankYou
from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid
from kith.store.core.records import THANK_CHANNELS
from kith.store.people.models import Contact

REASON_WORDS = {
    "interview": "the informational interview", "feedback": "the feedback",
    "introduction": "the introduction", "mentor-value": "their help",
}
CHANNELS = THANK_CHANNELS


@dataclass(frozen=True)
class ThanksSettings:
    """Days after the event a thank-you is due, per kind; None turns that kind off."""

    interview: int | None = 1
    feedback: int | None = 1
    introduction: int | None = 1
    mentor_value: int | None = 1

    def after(self, reason: str) -> int | None:
        return getattr(self, reason.replace("-", "_"))


SETTINGS = ThanksSettings()


def configure(settings: ThanksSettings) -> None:
    """Use ``settings`` from now on (the CLI and the app call this once with the config's)."""
    global SETTINGS
    SETTINGS = settings


@dataclass(frozen=True)
class OwedInfo:
    id: int
    contact_id: int
    contact_name: str
    reason: str
    follow_up_id: int
    due: date
    owed_on: date
    plan_id: int | None

    @property
    def what(self) -> str:
        return f"thank for {REASON_WORDS.get(self.reason, self.reason)}"


def parse_reason(text: str) -> str:
    """``informational interview`` / ``interview``, ``feedback``, ``introduction``, ``mentor`` / ``value``."""
    t = " ".join((text or "").lower().replace("_", "-").split())
    aliases = {"informational interview": "interview", "mentor": "mentor-value", "value": "mentor-value",
               "mentor value": "mentor-value", "intro": "introduction"}
    t = aliases.get(t, t)
    if t in THANK_REASONS:
        return t
    raise Invalid("reason", f"unknown thank-you kind {text!r}; use one of: {', '.join(THANK_REASONS)}")


def parse_channel(text: str | None) -> str:
    t = " ".join((text or "email").lower().split())
    for channel in CHANNELS:
        if t == channel or (len(t) >= 3 and channel.startswith(t)):
            return channel
    raise Invalid("kind", f"unknown way to thank {text!r}; use one of: {', '.join(CHANNELS)}")


def owe_thanks(contact_id: int, reason: str, on: date, *, plan_id: int | None = None,
               settings: ThanksSettings | None = None) -> int | None:
    """Owe ``contact_id`` a thank-you for ``reason`` (happened ``on``); return the follow-up's id.

    None when that kind is turned off. When a thank-you to them is already open, that one's
    follow-up id is returned: one thank-you covers everything owed to one person at a time.
    Runs inside the caller's undo action when there is one.
    """
    from kith.store.people.followups import add_follow_up

    reason = parse_reason(reason)
    after = (settings or SETTINGS).after(reason)
    if after is None:
        return None
    with undo.action("owe thanks", contact_id=contact_id) as draft:
        open_id = _open_follow_up(contact_id)
        if open_id is not None:
            return open_id
        name = Contact.select(Contact.name).where(Contact.id == contact_id).scalar()
        first = (name or "them").split()[0]
        f = add_follow_up(contact_id, on + timedelta(days=after), f"Thank {first} for {REASON_WORDS[reason]}")
        t = ThankYou.create(contact=contact_id, reason=reason, follow_up=f.id, plan=plan_id, owed_on=on,
                            created=datetime.now())
        draft.summary = f"a thank-you owed to {name}"
        undo.record("conversations.delete_thanks", id=t.id)
    return f.id


def _open_follow_up(contact_id: int) -> int | None:
    row = db.execute_sql("SELECT t.follow_up_id FROM thank_you t JOIN follow_up f ON f.id = t.follow_up_id "
                         "WHERE t.contact_id = ? AND f.done = 0 ORDER BY t.id LIMIT 1", (contact_id,)).fetchone()
    return row[0] if row else None


def owe_mentor_value_thanks(contact_id: int, on: date) -> int | None:
    """Value received from someone (``kith.store.mentors.value_edits``): a thank-you is owed."""
    return owe_thanks(contact_id, "mentor-value", on)


def close_open(contact_id: int, touch_id: int, on: date) -> int:
    """Close every thank-you owed to the contact with the touch that thanked them; return how many.

    For a current mentor or coach, the thanks also count as value given (gratitude), tied to
    the touch (undoing the touch removes it too). Called by ``store.touches.log_touch``.
    """
    from kith.store.mentors.roles import get_roles
    from kith.store.people.followups import set_done

    rows = db.execute_sql("SELECT t.id, t.follow_up_id FROM thank_you t JOIN follow_up f ON f.id = t.follow_up_id "
                          "WHERE t.contact_id = ? AND f.done = 0", (contact_id,)).fetchall()
    for tid, fid in rows:
        set_done(fid, True, on=on)
        undo.record("conversations.set_thanks_touch", id=tid, touch_id=None)
        ThankYou.update(touch=touch_id).where(ThankYou.id == tid).execute()
    if set(get_roles(contact_id)) & {"mentor", "coach"}:
        from kith.store.mentors.value import add_value

        add_value(contact_id, "given", "gratitude", on, "thank-you", touch_id=touch_id, today=on)
    return len(rows)


_OWED_SQL = ("SELECT t.id, t.contact_id, c.name, t.reason, t.follow_up_id, f.due, t.owed_on, t.plan_id "
             "FROM thank_you t JOIN follow_up f ON f.id = t.follow_up_id JOIN contact c ON c.id = t.contact_id "
             "WHERE f.done = 0")


def _owed(r) -> OwedInfo:
    tid, cid, name, reason, fid, due, owed_on, plan_id = r
    return OwedInfo(tid, cid, name, reason, fid, date.fromisoformat(str(due)[:10]),
                    date.fromisoformat(str(owed_on)[:10]), plan_id)


def list_owed(until: date | None = None, contact_id: int | None = None) -> list[OwedInfo]:
    """Open thank-yous (of active contacts), due on or before ``until`` when given, soonest first."""
    sql, args = _OWED_SQL + " AND c.archived = 0", []
    if until is not None:
        sql, args = sql + " AND f.due <= ?", [*args, until.isoformat()]
    if contact_id is not None:
        sql, args = sql + " AND t.contact_id = ?", [*args, contact_id]
    return [_owed(r) for r in db.execute_sql(sql + " ORDER BY f.due, t.id", args)]


def thanks_sent(start: date, end: date) -> int:
    """Touches of kind thank-you dated from ``start`` to ``end`` (both included)."""
    return db.execute_sql("SELECT count(*) FROM touch WHERE kind = 'thank-you' AND date BETWEEN ? AND ?",
                          (start.isoformat(), end.isoformat())).fetchone()[0]
