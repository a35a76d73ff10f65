"""Provides the audience preview (who is in, who is out and why) and the BCC list in batches.

One query over ``contact``: the issue's filters (any line) with archived contacts included, so
the archived can be shown as out. Out, with the reason: archived, opted out, no email, an email
that cannot go in a BCC list (a comma, a space or a control character would add or break
recipients), or the same address as someone already in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote

from kith.store.core.db import db
from kith.store.newsletter.issues import IssueInfo, audience_lines, check_audience
from kith.store.people.filters import parse, where

ARCHIVED, OPTED_OUT, NO_EMAIL, BAD_EMAIL, DUPLICATE = (
    "archived", "opted out", "no email", "email not usable", "same email as another")
REASONS = (ARCHIVED, OPTED_OUT, NO_EMAIL, BAD_EMAIL, DUPLICATE)
_EMAIL = re.compile(r"^[^\s@,;<>\"()\[\]\\]+@[^\s@,;<>\"()\[\]\\]+\.[^\s@,;<>\"()\[\]\\]+$")


@dataclass(frozen=True, slots=True)
class Member:
    contact_id: int
    name: str
    email: str
    reason: str = ""
    """Empty when the contact is in; else why it is out (one of ``REASONS``)."""


@dataclass(frozen=True)
class Audience:
    inside: list[Member]
    out: list[Member]
    counts: dict[str, int] = field(default_factory=dict)
    """How many are out for each reason (reasons with none left out)."""

    @property
    def emails(self) -> list[str]:
        return [m.email for m in self.inside]

    def summary(self) -> str:
        """``12 in · 3 out (2 no email, 1 opted out)``."""
        why = ", ".join(f"{n} {reason}" for reason, n in self.counts.items())
        return f"{len(self.inside)} in · {len(self.out)} out" + (f" ({why})" if why else "")


def usable_email(text: str) -> bool:
    """True for one plain address that cannot add or break recipients in a comma-joined BCC list."""
    return bool(_EMAIL.match(text)) and text.isprintable() and len(text) <= 320


def _first_email(emails: str | None) -> tuple[str, bool]:
    """The first usable address of a contact's JSON list (else its first address), and whether it is usable."""
    if not emails or emails == "[]":
        return "", False
    try:
        addresses = json.loads(emails)
    except ValueError:
        return "", False
    first = ""
    for e in addresses if isinstance(addresses, list) else ():
        if isinstance(e, str) and (e := e.strip()):
            if usable_email(e):
                return e, True
            first = first or e
    return first, False


def preview_filter(audience: str, today: date) -> Audience:
    """The audience ``audience`` (filters, one per line) selects today. Raises ``BadFilter``."""
    clauses, params = [], []
    for line in audience_lines(check_audience(audience)):
        sql, args = where(parse(line), today, include_archived=True)
        clauses.append(f"({sql})")
        params += args
    rows = db.execute_sql(f"SELECT c.id, c.name, c.emails, c.archived, c.newsletter_opt_out FROM contact c "
                          f"WHERE {' OR '.join(clauses)} ORDER BY c.name COLLATE NOCASE, c.id", params)
    inside, out, seen = [], [], set()
    counts = dict.fromkeys(REASONS, 0)
    for cid, name, emails, archived, opted_out in rows:
        email, usable = _first_email(emails)
        if archived:
            reason = ARCHIVED
        elif opted_out:
            reason = OPTED_OUT
        elif not email:
            reason = NO_EMAIL
        elif not usable:
            reason = BAD_EMAIL
        elif (key := email.casefold()) in seen:
            reason = DUPLICATE
        else:
            seen.add(key)
            inside.append(Member(cid, name, email))
            continue
        counts[reason] += 1
        out.append(Member(cid, name, email, reason))
    return Audience(inside, out, {r: n for r, n in counts.items() if n})


def preview(issue: IssueInfo, today: date) -> Audience:
    """Who the issue would go to today, and who is left out with the reason."""
    return preview_filter(issue.audience, today)


def bcc_batches(emails: list[str], batch_size: int) -> list[str]:
    """The BCC list as text (addresses joined by ``", "``), ``batch_size`` addresses a batch."""
    size = max(1, batch_size)
    return [", ".join(emails[i:i + size]) for i in range(0, len(emails), size)]


def mailto(bcc: str, subject: str, body: str = "") -> str:
    """A ``mailto:`` link with the BCC list, the subject and (when given) the body, percent-encoded."""
    parts = [f"bcc={quote(bcc, safe='@,')}", f"subject={quote(subject, safe='')}"]
    if body:
        parts.append(f"body={quote(body, safe='')}")
    return "mailto:?" + "&".join(parts)
