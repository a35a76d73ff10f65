"""Provides 360 feedback: requests (asked, answered, declined) and entries kept verbatim.

Saving an entry extracts its terms once (``store.perception.terms``) into ``feedback_term``,
so trends never re-read the texts; it closes the person's open request and, when thank-yous
are on, adds the thank-you follow-up (``store.perception.thanks``). Every write is undoable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from kith.store.core import clock, undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.people.models import Contact
from kith.store.perception import thanks
from kith.store.perception.models import Feedback, FeedbackRequest
from kith.store.perception.search_kind import FEEDBACK_KIND  # noqa: F401 (re-exported; declared light for kith find)
from kith.store.perception.terms import extract

PROMPTS = ("People say I am …", "They say that I …", "What am I doing well? What do I need to fix?")
"""The prompts offered when asking (LinkedIn reference language, and the plain 360 question)."""
DEFAULT_PROMPT = PROMPTS[2]
CONTEXTS = ("review", "reference", "conversation", "survey")
STATUSES = ("asked", "answered", "declined")
MAX_TEXT = 20_000
MAX_PROMPT = 500
MAX_CHANNEL = 60


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class RequestInfo:
    id: int
    contact_id: int
    name: str
    asked_on: date
    channel: str
    prompt: str
    status: str
    closed_on: date | None

    def as_json(self) -> dict:
        return {"id": self.id, "contact_id": self.contact_id, "name": self.name, "asked_on": self.asked_on.isoformat(),
                "channel": self.channel, "prompt": self.prompt, "status": self.status,
                "closed_on": self.closed_on.isoformat() if self.closed_on else None}


@dataclass(frozen=True)
class FeedbackInfo:
    id: int
    contact_id: int
    name: str
    given_on: date
    context: str
    quotable: bool
    text: str
    request_id: int | None
    thank_you_id: int | None

    def as_json(self) -> dict:
        return {"id": self.id, "contact_id": self.contact_id, "name": self.name, "given_on": self.given_on.isoformat(),
                "context": self.context, "quotable": self.quotable, "text": self.text,
                "request_id": self.request_id, "thank_you_id": self.thank_you_id}


# -- validation ---------------------------------------------------------------------------------

def clean_feedback_text(text: str) -> str:
    """Their words, verbatim (line ends normalised); refuse empty, over-long or unstorable text.

    Raises:
        Invalid: empty, longer than 20,000 characters, or holding NUL or lone surrogates.
    """
    text = str(text if text is not None else "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise Invalid("text", "the feedback text is empty")
    if len(text) > MAX_TEXT:
        raise Invalid("text", f"the feedback text is longer than {MAX_TEXT:,} characters ({len(text):,})")
    if "\x00" in text or _SURROGATE.search(text):
        raise Invalid("text", "the feedback text holds a NUL or an invalid character (not UTF-8)")
    return text


def _short(field: str, value: str | None, limit: int, default: str = "") -> str:
    value = " ".join(str(value if value is not None else default).split())
    if len(value) > limit:
        raise Invalid(field, f"the {field} is longer than {limit} characters")
    if "\x00" in value or _SURROGATE.search(value):
        raise Invalid(field, f"the {field} holds an invalid character")
    return value


def parse_context(text: str) -> str:
    """Return the context ``text`` names (a unique start is enough)."""
    wanted = str(text or "").strip().lower()
    hits = [c for c in CONTEXTS if wanted and c.startswith(wanted)]
    if len(hits) != 1:
        raise Invalid("context", f"unknown context {text!r}; use one of: {', '.join(CONTEXTS)}")
    return hits[0]


def _contact_name(contact_id: int) -> str:
    name = Contact.select(Contact.name).where(Contact.id == contact_id).scalar()
    if name is None:
        raise NotFound(f"no contact with id {contact_id}")
    return name


# -- requests -----------------------------------------------------------------------------------

def _request_info(r: FeedbackRequest, name: str) -> RequestInfo:
    return RequestInfo(r.id, r.contact_id, name, r.asked_on, r.channel, r.prompt, r.status, r.closed_on)


def ask(contact_id: int, prompt: str | None = None, channel: str = "", on: date | None = None) -> RequestInfo:
    """Record that you asked ``contact_id`` for feedback (status ``asked``); undo removes it.

    Raises:
        NotFound: no such contact.
        Invalid: an over-long prompt or channel.
    """
    prompt = _short("prompt", prompt, MAX_PROMPT, DEFAULT_PROMPT) or DEFAULT_PROMPT
    channel = _short("channel", channel, MAX_CHANNEL)
    on = on or clock.today()
    with undo.action("ask for feedback", contact_id=contact_id) as draft:
        name = _contact_name(contact_id)
        r = FeedbackRequest.create(contact=contact_id, asked_on=on, channel=channel, prompt=prompt,
                                   status="asked", created=datetime.now())
        draft.summary = f"asked {name} for feedback"
        undo.record("perception", do="delete_request", id=r.id)
    return _request_info(r, name)


def set_request_status(request_id: int, status: str, on: date | None = None) -> RequestInfo:
    """Mark a request answered, declined, or asked again; undo puts the old status back."""
    if status not in STATUSES:
        raise Invalid("status", f"unknown status {status!r}; use one of: {', '.join(STATUSES)}")
    with undo.action(f"feedback {status}") as draft:
        r = FeedbackRequest.get_or_none(FeedbackRequest.id == request_id)
        if r is None:
            raise NotFound(f"no feedback request with id {request_id}")
        draft.contact_id, draft.summary = r.contact_id, f"feedback request #{request_id}: {status}"
        undo.record("perception", do="set_request", id=r.id, status=r.status,
                    closed_on=r.closed_on.isoformat() if r.closed_on else None)
        closed = None if status == "asked" else (on or clock.today())
        FeedbackRequest.update(status=status, closed_on=closed).where(FeedbackRequest.id == request_id).execute()
    return get_request(request_id)


def get_request(request_id: int) -> RequestInfo:
    r = FeedbackRequest.get_or_none(FeedbackRequest.id == request_id)
    if r is None:
        raise NotFound(f"no feedback request with id {request_id}")
    return _request_info(r, _contact_name(r.contact_id))


def list_requests(contact_id: int | None = None, status: str | None = None) -> list[RequestInfo]:
    """Requests, newest first (of one person, of one status, when given)."""
    q = FeedbackRequest.select().order_by(FeedbackRequest.asked_on.desc(), FeedbackRequest.id.desc())
    if contact_id is not None:
        q = q.where(FeedbackRequest.contact == contact_id)
    if status is not None:
        q = q.where(FeedbackRequest.status == status)
    rows = list(q)
    names = _names({r.contact_id for r in rows})
    return [_request_info(r, names.get(r.contact_id, "")) for r in rows]


def _names(ids: set[int]) -> dict[int, str]:
    """Contact names by id (one query per 500 ids)."""
    ids_list, out = sorted(ids), {}
    for i in range(0, len(ids_list), 500):
        chunk = ids_list[i:i + 500]
        out.update(Contact.select(Contact.id, Contact.name).where(Contact.id.in_(chunk)).tuples())
    return out


# -- entries ------------------------------------------------------------------------------------

def store_terms(feedback_id: int, contact_id: int, given_on: date, text: str) -> int:
    """Extract and keep the terms of one entry (inside the caller's write); return how many."""
    rows = [(feedback_id, stem, form, n, contact_id, given_on.isoformat())
            for (stem, form), n in extract(text).items()]
    db.execute_sql("DELETE FROM feedback_term WHERE feedback_id = ?", (feedback_id,))
    if rows:
        db.cursor().executemany(
            "INSERT INTO feedback_term (feedback_id, stem, form, count, contact_id, given_on) VALUES (?, ?, ?, ?, ?, ?)",  # noqa: E501
            rows)
    return len(rows)


def add_feedback(contact_id: int, text: str, on: date | None = None, context: str = "conversation",
                 quotable: bool = False, thank_you: bool = True, today: date | None = None) -> FeedbackInfo:
    """Keep one person's feedback verbatim; close their open request; add the thank-you.

    ``on`` is the day they gave it (default today); the thank-you is due the day after
    ``today`` (you thank them once you have read it, not on the day it was written).

    Raises:
        NotFound: no such contact.
        Invalid: empty or over-long text, an unknown context.
    """
    text = clean_feedback_text(text)
    context = parse_context(context)
    today = today or clock.today()
    on = on or today
    with undo.action("add feedback", contact_id=contact_id) as draft:
        name = _contact_name(contact_id)
        open_request = (FeedbackRequest.select().where((FeedbackRequest.contact == contact_id)
                                                       & (FeedbackRequest.status == "asked"))
                        .order_by(FeedbackRequest.asked_on.desc(), FeedbackRequest.id.desc()).first())
        f = Feedback.create(contact=contact_id, request=open_request.id if open_request else None, given_on=on,
                            context=context, quotable=bool(quotable), text=text, created=datetime.now())
        undo.record("perception", do="delete_feedback", id=f.id)
        store_terms(f.id, contact_id, on, text)
        if open_request is not None:
            set_request_status(open_request.id, "answered", on)
        thank_id = thanks.THANK_YOU(contact_id, name, today) if thank_you else None
        if thank_id:
            Feedback.update(thank_you=thank_id).where(Feedback.id == f.id).execute()
        draft.summary = f"added feedback #{f.id} from {name}"
    return get_feedback(f.id)


def _feedback_info(f: Feedback, name: str) -> FeedbackInfo:
    return FeedbackInfo(f.id, f.contact_id, name, f.given_on, f.context, bool(f.quotable), f.text,
                        f.request_id, f.thank_you_id)


def get_feedback(feedback_id: int) -> FeedbackInfo:
    f = Feedback.get_or_none(Feedback.id == feedback_id)
    if f is None:
        raise NotFound(f"no feedback with id {feedback_id}")
    return _feedback_info(f, _contact_name(f.contact_id))


def list_feedback(contact_id: int | None = None, ids: list[int] | None = None) -> list[FeedbackInfo]:
    """Feedback entries, newest first (of one person, or these ids, when given)."""
    q = Feedback.select().order_by(Feedback.given_on.desc(), Feedback.id.desc())
    if contact_id is not None:
        q = q.where(Feedback.contact == contact_id)
    if ids is not None:
        q = q.where(Feedback.id.in_(ids))
    rows = list(q)
    names = _names({f.contact_id for f in rows})
    return [_feedback_info(f, names.get(f.contact_id, "")) for f in rows]


def delete_feedback(feedback_id: int) -> None:
    """Delete one entry (its terms go with it); undo brings it back."""
    with undo.action("delete feedback") as draft:
        f = Feedback.get_or_none(Feedback.id == feedback_id)
        if f is None:
            raise NotFound(f"no feedback with id {feedback_id}")
        draft.contact_id, draft.summary = f.contact_id, f"deleted feedback #{feedback_id}"
        undo.record("perception", do="insert_feedback", id=f.id, contact_id=f.contact_id, request_id=f.request_id,
                    given_on=f.given_on.isoformat(), context=f.context, quotable=bool(f.quotable), text=f.text,
                    thank_you_id=f.thank_you_id, created=str(f.created))
        f.delete_instance()


def apply_undo(step: dict) -> None:
    """Reverse one recorded step of this area (called by ``store.undo``)."""
    what = step.get("do")
    if what == "delete_request":
        FeedbackRequest.delete().where(FeedbackRequest.id == step["id"]).execute()
    elif what == "set_request":
        FeedbackRequest.update(status=step["status"], closed_on=step["closed_on"]).where(
            FeedbackRequest.id == step["id"]).execute()
    elif what == "delete_feedback":
        Feedback.delete().where(Feedback.id == step["id"]).execute()
    elif what == "insert_feedback":
        if not Contact.select().where(Contact.id == step["contact_id"]).exists():
            return
        request_id = step["request_id"]
        if request_id and not FeedbackRequest.select().where(FeedbackRequest.id == request_id).exists():
            request_id = None
        Feedback.insert(id=step["id"], contact=step["contact_id"], request=request_id, given_on=step["given_on"],
                        context=step["context"], quotable=step["quotable"], text=step["text"],
                        created=step["created"]).on_conflict_ignore().execute()
        store_terms(step["id"], step["contact_id"], date.fromisoformat(step["given_on"]), step["text"])
    else:  # reviews, audience variants and claims
        from kith.store.perception.brand_review import apply_undo as apply_brand_undo

        apply_brand_undo(step)
