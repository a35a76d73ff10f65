"""Provides newsletter issues: subject, body (markdown is fine), "how you can help me", and the
audience, a saved filter in the one filter grammar (``kith.store.people.filters``).

An audience holds one filter per line; a contact matching ANY line is in (so ``--tier inner
--tier close`` is two lines). An empty audience means everyone. A sent issue is history: it can
no longer be edited or deleted until its send is undone.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.core.validate import check_text
from kith.store.people.filters import parse

MAX_SUBJECT = 300
MAX_BODY = 200_000
MAX_AUDIENCE = 2_000


@dataclass(frozen=True)
class IssueInfo:
    id: int
    subject: str
    body: str
    help: str
    """The "how you can help me" section."""
    audience: str
    """Filters, one per line (any line matching is enough); empty: everyone."""
    sent_on: date | None
    created: datetime
    recipients: int = 0
    replies: int = 0

    @property
    def audience_lines(self) -> list[str]:
        return audience_lines(self.audience)

    def full_text(self) -> str:
        """The body with the help section after it: what goes into the mail."""
        if not self.help.strip():
            return self.body
        return f"{self.body.rstrip()}\n\nHow you can help me\n{self.help.strip()}\n"


def audience_lines(audience: str) -> list[str]:
    """The audience's filters, one per non-blank line; ``[""]`` (everyone) when there are none."""
    return [line.strip() for line in (audience or "").splitlines() if line.strip()] or [""]


def check_audience(audience: str) -> str:
    """Return the audience tidied (one filter per line); raise ``BadFilter`` naming a bad term."""
    audience = check_text("audience", (audience or "").replace("\r\n", "\n"), "the audience")
    if len(audience) > MAX_AUDIENCE:
        raise Invalid("audience", f"the audience is longer than {MAX_AUDIENCE:,} characters")
    lines = [line.strip() for line in audience.splitlines() if line.strip()]
    for line in lines:
        parse(line)
    return "\n".join(lines)


def _value(option: str, text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise Invalid("audience", f"--{option} needs a value")
    if '"' in text:
        raise Invalid("audience", f"--{option} {text}: a value cannot hold a double quote")
    return f'"{text}"' if " " in text else text


def _tag_term(text: str) -> str:
    from kith.store.core.records import TAG_KINDS

    kind, sep, name = text.partition(":")
    if sep and kind.strip().lower() in TAG_KINDS:
        return f"tag:{kind.strip().lower()}:{_value('tag', name)}"
    return f"tag:{_value('tag', text)}"


def audience_from_options(tiers=(), tags=(), orgs=()) -> str:
    """Audience filters from ``--tier``/``--tag``/``--org``: repeats of one option are alternatives
    (any of them), different options must all hold: one line per combination."""
    groups = [[f"tier:{_value('tier', t)}" for t in tiers], [_tag_term(t) for t in tags],
              [f"org:{_value('org', o)}" for o in orgs]]
    groups = [g for g in groups if g]
    return check_audience("\n".join(" ".join(combo) for combo in itertools.product(*groups)) if groups else "")


def _clean(subject: str, body: str, help_text: str) -> tuple[str, str, str]:
    subject = " ".join(check_text("subject", subject or "", "the subject").split())
    if not subject:
        raise Invalid("subject", "the subject is empty")
    if len(subject) > MAX_SUBJECT:
        raise Invalid("subject", f"the subject is longer than {MAX_SUBJECT} characters")
    body = check_text("body", (body or "").replace("\r\n", "\n"), "the body")
    help_text = check_text("help", (help_text or "").replace("\r\n", "\n").strip(), "the help section")
    if len(body) + len(help_text) > MAX_BODY:
        raise Invalid("body", f"the body is longer than {MAX_BODY:,} characters")
    return subject, body, help_text


_SELECT = ("SELECT i.id, i.subject, i.body, i.help, i.audience, i.sent_on, i.created, "
           "(SELECT count(*) FROM newsletter_recipient r WHERE r.issue_id = i.id), "
           "(SELECT count(*) FROM newsletter_reply p WHERE p.issue_id = i.id) FROM newsletter_issue i")


def _info(row) -> IssueInfo:
    iid, subject, body, help_text, audience, sent_on, created, count, replies = row
    created = created if isinstance(created, datetime) else datetime.fromisoformat(str(created))
    sent = date.fromisoformat(str(sent_on)[:10]) if sent_on else None
    return IssueInfo(iid, subject, body, help_text, audience, sent, created, count, replies)


def get_issue(issue_id: int) -> IssueInfo:
    """Return one issue. Raises NotFound."""
    row = db.execute_sql(f"{_SELECT} WHERE i.id = ?", (issue_id,)).fetchone()
    if row is None:
        raise NotFound(f"no newsletter issue #{issue_id}")
    return _info(row)


def list_issues() -> list[IssueInfo]:
    """Every issue: drafts first (newest first), then sent ones, newest send first."""
    rows = db.execute_sql(f"{_SELECT} ORDER BY i.sent_on IS NOT NULL, i.sent_on DESC, i.id DESC")
    return [_info(r) for r in rows]


def create_issue(subject: str, body: str = "", help_text: str = "", audience: str = "") -> IssueInfo:
    """Write a new draft issue (undo deletes it).

    Raises:
        Invalid: an empty or over-long subject, a body over the cap, text that cannot be stored.
        BadFilter: an audience line the filter grammar refuses.
    """
    subject, body, help_text = _clean(subject, body, help_text)
    audience = check_audience(audience)
    now = datetime.now()
    with undo.action("new newsletter issue") as draft:
        cur = db.execute_sql("INSERT INTO newsletter_issue (subject, body, help, audience, created, updated) "
                             "VALUES (?, ?, ?, ?, ?, ?)", (subject, body, help_text, audience, now, now))
        draft.summary = f"new newsletter issue #{cur.lastrowid}: {subject}"
        draft.ref_id = cur.lastrowid
        undo.record("newsletter.delete_issue", id=cur.lastrowid)
    return get_issue(cur.lastrowid)


def _draft_only(issue: IssueInfo, what: str) -> None:
    if issue.sent_on is not None:
        raise Invalid("issue", f"issue #{issue.id} was sent on {issue.sent_on.isoformat()}: undo the send "
                               f"(kith newsletter undo-sent {issue.id}) before you {what} it")


def update_issue(issue_id: int, subject: str, body: str, help_text: str, audience: str) -> IssueInfo:
    """Change a draft issue (undo puts the old text back). Raises NotFound, Invalid, BadFilter."""
    subject, body, help_text = _clean(subject, body, help_text)
    audience = check_audience(audience)
    with undo.action("edit newsletter issue", ref_id=issue_id) as draft:
        old = get_issue(issue_id)
        _draft_only(old, "edit")
        if (old.subject, old.body, old.help, old.audience) == (subject, body, help_text, audience):
            return old
        draft.summary = f"edited newsletter issue #{issue_id}"
        undo.record("newsletter.set_issue", id=issue_id, subject=old.subject, body=old.body, help=old.help,
                    audience=old.audience)
        db.execute_sql("UPDATE newsletter_issue SET subject = ?, body = ?, help = ?, audience = ?, updated = ? "
                       "WHERE id = ?", (subject, body, help_text, audience, datetime.now(), issue_id))
    return get_issue(issue_id)


def delete_issue(issue_id: int) -> None:
    """Delete a draft issue (undo brings it back). Raises NotFound, or Invalid for a sent one."""
    with undo.action("delete newsletter issue", ref_id=issue_id) as draft:
        old = get_issue(issue_id)
        _draft_only(old, "delete")
        row = db.execute_sql("SELECT id, subject, body, help, audience, created, updated FROM newsletter_issue "
                             "WHERE id = ?", (issue_id,)).fetchone()
        draft.summary = f"deleted newsletter issue #{issue_id}: {old.subject}"
        undo.record("newsletter.insert_issue", row=[str(v) if isinstance(v, datetime) else v for v in row])
        db.execute_sql("DELETE FROM newsletter_issue WHERE id = ?", (issue_id,))
