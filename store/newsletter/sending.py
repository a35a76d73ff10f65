"""Provides sending: marking an issue sent logs one ``newsletter`` touch per recipient, dated the
send day, and records who received it, all in one transaction (a kill mid-way leaves none or all).

Whether a newsletter restarts a contact's cadence depends on the tier (``kith.store.today.cadence``
``restarts_cadence``); the touch store applies that rule when it recomputes a contact's last touch.
Undo of a send removes exactly the touches it logged. A reply is a ``message`` touch tied to the
issue; opting out keeps a contact out of every audience.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.newsletter.audience import preview
from kith.store.newsletter.issues import get_issue
from kith.store.people import touches
from kith.store.people.touches import log_touch, refresh_last_touches

NOTE_PREFIX = "newsletter: "
"""The note of each touch a send logs is this and the subject: the contact's timeline names the issue."""


class EmptyAudience(Invalid):
    """The audience has no one in it (exit 2 on the command line)."""

    def __init__(self, message: str) -> None:
        super().__init__("audience", message)


class AlreadySent(Invalid):
    """The issue was already marked sent (exit 2 on the command line)."""

    def __init__(self, message: str) -> None:
        super().__init__("issue", message)


@dataclass(frozen=True)
class Recipient:
    contact_id: int
    name: str
    email: str
    touch_id: int | None
    replied: bool


@dataclass(frozen=True)
class Reply:
    touch_id: int
    contact_id: int
    name: str
    day: date
    note: str


def mark_sent(issue_id: int, on: date, today: date | None = None) -> int:
    """Mark the issue sent on ``on`` to its audience as it is now; return how many received it.

    Raises:
        NotFound: no such issue.
        AlreadySent: it was marked sent before (an issue is sent once, for everyone).
        EmptyAudience: nobody is in the audience.
        Invalid: ``on`` is after ``today``.
    """
    if today is not None and on > today:
        raise Invalid("date", f"{on.isoformat()} is still ahead: mark an issue sent once it went out")
    with undo.action("newsletter sent", ref_id=issue_id) as draft:
        issue = get_issue(issue_id)
        if issue.sent_on is not None:
            raise AlreadySent(f"issue #{issue_id} was already marked sent on {issue.sent_on.isoformat()}")
        members = preview(issue, today or on).inside
        if not members:
            raise EmptyAudience(f"issue #{issue_id} has an empty audience: nobody to send it to")
        log_send(issue_id, issue.subject, members, on)
        draft.summary = f"sent newsletter #{issue_id} ({issue.subject}) to {len(members)}"
        undo.record("newsletter.unsend", issue_id=issue_id)
    return len(members)


def _refresh(contacts_sql: str, params: tuple = ()) -> None:
    """Recompute the last touch of the contacts selected whose tier a newsletter restarts: for the
    others a newsletter touch, added or removed, never was their last touch."""
    tiers = touches.CADENCE_RULE()[1] if touches.CADENCE_RULE()[0] else None
    if tiers is None:
        refresh_last_touches(f"id IN ({contacts_sql})", params)
    elif tiers:
        marks = ", ".join("?" * len(tiers))
        refresh_last_touches(f"tier IN ({marks}) AND id IN ({contacts_sql})", (*tiers, *params))


def log_send(issue_id: int, subject: str, members: list, on: date) -> None:
    """Write the send inside the caller's transaction: touches with known ids, recipients, the day."""
    start = db.execute_sql("SELECT coalesce(max(id), 0) + 1 FROM touch").fetchone()[0]
    created, note = datetime.now(), f"{NOTE_PREFIX}{subject}"
    db.cursor().executemany(
        "INSERT INTO touch (id, contact_id, date, kind, note, created) VALUES (?, ?, ?, 'newsletter', ?, ?)",
        [(start + i, m.contact_id, on.isoformat(), note, created) for i, m in enumerate(members)])
    db.cursor().executemany(
        "INSERT INTO newsletter_recipient (issue_id, contact_id, email, touch_id) VALUES (?, ?, ?, ?)",
        [(issue_id, m.contact_id, m.email, start + i) for i, m in enumerate(members)])
    db.execute_sql("UPDATE newsletter_issue SET sent_on = ?, updated = ? WHERE id = ?",
                   (on.isoformat(), created, issue_id))
    _refresh("SELECT contact_id FROM newsletter_recipient WHERE issue_id = ?", (issue_id,))


def _remove_send(issue_id: int) -> list[list]:
    """Delete the send's touches and recipients, mark the issue a draft; return the rows removed."""
    rows = db.execute_sql(
        "SELECT r.contact_id, r.email, r.touch_id, t.date, t.note, t.created FROM newsletter_recipient r "
        "LEFT JOIN touch t ON t.id = r.touch_id AND t.kind = 'newsletter' WHERE r.issue_id = ? ORDER BY r.contact_id",
        (issue_id,)).fetchall()
    ids = [r[0] for r in rows]
    db.execute_sql("DELETE FROM touch WHERE kind = 'newsletter' AND id IN "
                   "(SELECT touch_id FROM newsletter_recipient WHERE issue_id = ?)", (issue_id,))
    db.execute_sql("DELETE FROM newsletter_recipient WHERE issue_id = ?", (issue_id,))
    db.execute_sql("UPDATE newsletter_issue SET sent_on = NULL, updated = ? WHERE id = ?", (datetime.now(), issue_id))
    for chunk in range(0, len(ids), 900):
        part = ids[chunk:chunk + 900]
        _refresh(", ".join("?" * len(part)), tuple(part))
    return [[c, e, tid, str(d) if d else None, n, str(cr) if cr else None] for c, e, tid, d, n, cr in rows]


def unsend(issue_id: int) -> int:
    """Undo a send: remove exactly the touches it logged, and who received it; return how many.

    The issue becomes a draft again; replies stay (they are real messages). Undo re-sends.
    Raises NotFound, or Invalid when the issue was not sent.
    """
    with undo.action("newsletter send undone", ref_id=issue_id) as draft:
        issue = get_issue(issue_id)
        if issue.sent_on is None:
            raise Invalid("issue", f"issue #{issue_id} was not sent: nothing to undo")
        rows = _remove_send(issue_id)
        draft.summary = f"undid the send of newsletter #{issue_id} ({issue.subject}) to {len(rows)}"
        undo.record("newsletter.resend", issue_id=issue_id, sent_on=issue.sent_on.isoformat(), rows=rows)
    return len(rows)


def _resend(step: dict) -> None:
    """Undo of ``unsend``: put the touches (same ids) and recipients back."""
    issue_id = step["issue_id"]
    live = {r[0] for r in db.execute_sql("SELECT id FROM contact")}
    rows = [r for r in step["rows"] if r[0] in live]
    db.cursor().executemany(
        "INSERT OR IGNORE INTO touch (id, contact_id, date, kind, note, created) VALUES (?, ?, ?, 'newsletter', ?, ?)",
        [(tid, cid, d, n or "", cr or str(datetime.now())) for cid, _e, tid, d, n, cr in rows if tid and d])
    db.cursor().executemany(
        "INSERT OR IGNORE INTO newsletter_recipient (issue_id, contact_id, email, touch_id) VALUES (?, ?, ?, "
        "(SELECT id FROM touch WHERE id = ?))", [(issue_id, cid, e, tid) for cid, e, tid, _d, _n, _cr in rows])
    db.execute_sql("UPDATE newsletter_issue SET sent_on = ? WHERE id = ?", (step["sent_on"], issue_id))
    _refresh("SELECT contact_id FROM newsletter_recipient WHERE issue_id = ?", (issue_id,))


def apply_undo(step: dict) -> None:
    """Reverse one ``newsletter.*`` undo step."""
    op = step["op"]
    if op == "newsletter.unsend":
        _remove_send(step["issue_id"])
    elif op == "newsletter.resend":
        _resend(step)
    elif op == "newsletter.delete_issue":
        db.execute_sql("DELETE FROM newsletter_issue WHERE id = ?", (step["id"],))
    elif op == "newsletter.insert_issue":
        db.execute_sql("INSERT OR IGNORE INTO newsletter_issue (id, subject, body, help, audience, created, updated) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", step["row"])
    elif op == "newsletter.set_issue":
        db.execute_sql("UPDATE newsletter_issue SET subject = ?, body = ?, help = ?, audience = ? WHERE id = ?",
                       (step["subject"], step["body"], step["help"], step["audience"], step["id"]))
    elif op == "newsletter.opt_out":
        db.execute_sql("UPDATE contact SET newsletter_opt_out = ? WHERE id = ?", (int(step["value"]), step["id"]))


def recipients(issue_id: int) -> list[Recipient]:
    """Who received the issue, by name, and whether they replied."""
    rows = db.execute_sql(
        "SELECT r.contact_id, c.name, r.email, r.touch_id, EXISTS (SELECT 1 FROM newsletter_reply p JOIN touch t "
        "ON t.id = p.touch_id WHERE p.issue_id = r.issue_id AND t.contact_id = r.contact_id) "
        "FROM newsletter_recipient r JOIN contact c ON c.id = r.contact_id WHERE r.issue_id = ? "
        "ORDER BY c.name COLLATE NOCASE, c.id",
        (issue_id,))
    return [Recipient(cid, name, email, tid, bool(answered)) for cid, name, email, tid, answered in rows]


def replies(issue_id: int) -> list[Reply]:
    """The replies logged on the issue, newest first."""
    rows = db.execute_sql(
        "SELECT t.id, t.contact_id, c.name, t.date, t.note FROM newsletter_reply p JOIN touch t ON t.id = p.touch_id "
        "JOIN contact c ON c.id = t.contact_id WHERE p.issue_id = ? ORDER BY t.date DESC, t.id DESC", (issue_id,))
    return [Reply(tid, cid, name, date.fromisoformat(str(d)[:10]), note or "") for tid, cid, name, d, note in rows]


def log_reply(issue_id: int, contact_id: int, on: date, note: str = "") -> int:
    """Log a reply to the issue: a ``message`` touch on that person (undo removes it); return its id.

    Raises NotFound (issue or contact), Invalid (the issue was not sent, a note over the cap).
    """
    with undo.action("newsletter reply", contact_id=contact_id, ref_id=issue_id) as draft:
        issue = get_issue(issue_id)
        if issue.sent_on is None:
            raise Invalid("issue", f"issue #{issue_id} was not sent yet: there is nothing to reply to")
        touch = log_touch(contact_id, "message", on, note or f"replied to the newsletter: {issue.subject}")
        db.execute_sql("INSERT INTO newsletter_reply (issue_id, touch_id) VALUES (?, ?)", (issue_id, touch.id))
        name = db.execute_sql("SELECT name FROM contact WHERE id = ?", (contact_id,)).fetchone()[0]
        draft.summary = f"{name} replied to newsletter #{issue_id} on {on.isoformat()}"
    return touch.id


def is_opted_out(contact_id: int) -> bool:
    row = db.execute_sql("SELECT newsletter_opt_out FROM contact WHERE id = ?", (contact_id,)).fetchone()
    if row is None:
        raise NotFound(f"no contact with id {contact_id}")
    return bool(row[0])


def set_opt_out(contact_id: int, opted_out: bool = True) -> bool:
    """Keep a contact out of every newsletter audience (or let them back in); return whether it changed."""
    with undo.action("newsletter opt-out", contact_id=contact_id) as draft:
        was = is_opted_out(contact_id)
        if was == opted_out:
            return False
        db.execute_sql("UPDATE contact SET newsletter_opt_out = ? WHERE id = ?", (int(opted_out), contact_id))
        name = db.execute_sql("SELECT name FROM contact WHERE id = ?", (contact_id,)).fetchone()[0]
        draft.summary = f"{name} {'opted out of' if opted_out else 'back in'} the newsletter"
        undo.record("newsletter.opt_out", id=contact_id, value=was)
    return True


def received_by(contact_id: int) -> list[tuple[int, str, date]]:
    """The issues a contact received: ``(issue id, subject, sent on)``, newest first."""
    rows = db.execute_sql(
        "SELECT i.id, i.subject, i.sent_on FROM newsletter_recipient r JOIN newsletter_issue i ON i.id = r.issue_id "
        "WHERE r.contact_id = ? AND i.sent_on IS NOT NULL ORDER BY i.sent_on DESC, i.id DESC", (contact_id,))
    return [(iid, subject, date.fromisoformat(str(d)[:10])) for iid, subject, d in rows]
