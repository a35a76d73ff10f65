"""Provides the brand that stays fresh: reviews against the five mistakes, audience variants of a
pitch, and claims with their evidence and source.

A pitch's "last reviewed" day is its latest review, or the day it was created when it never had
one. Reviews, variants and claims live in their own tables beside ``pitch`` (m0010), so the
pitch module itself is unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from peewee import fn

from kith.store.brand.pitches import MAX_TEXT, Pitch, clean_text, list_pitches
from kith.store.core import clock, undo
from kith.store.core.errors import Conflict, Invalid, NotFound
from kith.store.core.fold import fold
from kith.store.perception.models import BrandClaim, BrandReview, PitchVariant

MISTAKES: tuple[tuple[str, str, str], ...] = (
    ("generalised", "Generalised too early",
     "Adjust the message to the specialty needed: name the field, not just the trade."),
    ("outdated", "Message is outdated",
     "Say what you do now and what you want next; drop old roles and results."),
    ("no-ask", "Never told what you want",
     "End with what you want: the role, the introduction, the kind of work."),
    ("too-general", "Too general",
     "Be specific: who you help, with what, and one result with a number."),
    ("too-detailed", "Too detailed",
     "Save detail for people that understand it: \"programmer\" means one thing to non-tech "
     "people and another within tech; keep an audience variant for each."),
)
"""The five brand-message mistakes, each ``(key, mistake, adjustment)``, in review order."""
MISTAKE_KEYS = tuple(m[0] for m in MISTAKES)

# The five channels a tagline set should cover, each with the pitch channels that cover it.
TAGLINE_CHANNELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("social media", ("social headline", "social about")),
    ("business card", ("business card",)),
    ("resume/CV", ("resume summary",)),
    ("elevator pitch", ("elevator pitch",)),
    ("email signature", ("email signature",)),
)
MAX_NOTE = 1000
MAX_AUDIENCE = 40
MAX_CLAIM = 300
MAX_EVIDENCE = 2000


@dataclass(frozen=True)
class ReviewState:
    pitch_id: int
    name: str
    channel: str
    last_reviewed: date
    reviewed: bool
    """False when it was never reviewed (``last_reviewed`` is then the day it was created)."""

    def age(self, today: date) -> int:
        return (today - self.last_reviewed).days


@dataclass(frozen=True)
class ReviewInfo:
    id: int
    pitch_id: int
    reviewed_on: date
    answers: dict


@dataclass(frozen=True)
class VariantInfo:
    id: int
    pitch_id: int
    audience: str
    text: str
    target_seconds: int | None


@dataclass(frozen=True)
class ClaimInfo:
    id: int
    pitch_id: int
    pitch_name: str
    claim: str
    evidence: str
    source: str

    def as_json(self) -> dict:
        return {"id": self.id, "pitch_id": self.pitch_id, "pitch": self.pitch_name, "claim": self.claim,
                "evidence": self.evidence, "source": self.source}


def _pitch(pitch_id: int) -> Pitch:
    p = Pitch.get_or_none(Pitch.id == pitch_id)
    if p is None:
        raise NotFound(f"no pitch with id {pitch_id}")
    return p


def _line(field: str, value: str | None, limit: int, required: bool = False) -> str:
    value = " ".join(clean_text(value or "").split())
    if required and not value:
        raise Invalid(field, f"the {field} is empty")
    if len(value) > limit:
        raise Invalid(field, f"the {field} is longer than {limit} characters")
    return value


# -- reviews ------------------------------------------------------------------------------------

def review_states() -> list[ReviewState]:
    """Every pitch with its last-reviewed day, in the brand studio's order."""
    last = dict(BrandReview.select(BrandReview.pitch, fn.MAX(BrandReview.reviewed_on))
                .group_by(BrandReview.pitch).tuples())
    out = []
    for p in list_pitches():
        day = last.get(p.id)
        if isinstance(day, str):
            day = date.fromisoformat(day[:10])
        out.append(ReviewState(p.id, p.name, p.channel, day or p.created.date(), day is not None))
    return out


def stale(today: date, after_days: int) -> list[ReviewState]:
    """Pitches and taglines last reviewed more than ``after_days`` ago, the stalest first."""
    found = [s for s in review_states() if s.age(today) > after_days]
    return sorted(found, key=lambda s: (s.last_reviewed, s.pitch_id))


def record_review(pitch_id: int, answers: dict, on: date | None = None) -> ReviewInfo:
    """Keep one walk through the five mistakes: ``{key: {"ok": bool, "note": str}}``; undoable.

    Raises:
        NotFound: no such pitch.
        Invalid: an unknown mistake key or an over-long note.
    """
    clean = {}
    for key, answer in (answers or {}).items():
        if key not in MISTAKE_KEYS:
            raise Invalid("answers", f"unknown mistake {key!r}; use: {', '.join(MISTAKE_KEYS)}")
        answer = answer if isinstance(answer, dict) else {"ok": bool(answer)}
        clean[key] = {"ok": bool(answer.get("ok")), "note": _line("note", answer.get("note"), MAX_NOTE)}
    on = on or clock.today()
    with undo.action("review pitch") as draft:
        p = _pitch(pitch_id)
        r = BrandReview.create(pitch=pitch_id, reviewed_on=on, answers=json.dumps(clean, ensure_ascii=False),
                               created=datetime.now())
        draft.summary = f"reviewed {p.name}"
        undo.record("perception", do="delete_review", id=r.id)
    return ReviewInfo(r.id, pitch_id, on, clean)


def list_reviews(pitch_id: int) -> list[ReviewInfo]:
    """A pitch's reviews, newest first."""
    q = (BrandReview.select().where(BrandReview.pitch == pitch_id)
         .order_by(BrandReview.reviewed_on.desc(), BrandReview.id.desc()))
    return [ReviewInfo(r.id, r.pitch_id, r.reviewed_on, json.loads(r.answers or "{}")) for r in q]


# -- audience variants --------------------------------------------------------------------------

def set_variant(pitch_id: int, audience: str, text: str, target_seconds: int | None = None) -> VariantInfo:
    """Add or replace the pitch's text for one audience ("tech", "non-tech", ...); undoable when new.

    Raises:
        NotFound, Invalid.
    """
    audience = _line("audience", audience, MAX_AUDIENCE, required=True)
    text = _variant_text(text)
    _check_seconds(target_seconds)
    now = datetime.now()
    with undo.action("set audience variant") as draft:
        p = _pitch(pitch_id)
        draft.summary = f"{p.name}: variant for {audience}"
        v = PitchVariant.get_or_none((PitchVariant.pitch == pitch_id) & (PitchVariant.folded == fold(audience)))
        if v is None:
            v = PitchVariant.create(pitch=pitch_id, audience=audience, folded=fold(audience), text=text,
                                    target_seconds=target_seconds, created=now, updated=now)
            undo.record("perception", do="delete_variant", id=v.id)
        else:
            undo.record("perception", **_variant_step("set_variant", v))
            PitchVariant.update(audience=audience, text=text, target_seconds=target_seconds, updated=now).where(
                PitchVariant.id == v.id).execute()
    return VariantInfo(v.id, pitch_id, audience, text, target_seconds)


def update_variant(variant_id: int, audience: str, text: str, target_seconds: int | None = None) -> VariantInfo:
    """Change one audience variant (its audience name too); undo puts the old one back.

    Raises:
        NotFound, Invalid, Conflict (the pitch already has a variant for that audience).
    """
    audience = _line("audience", audience, MAX_AUDIENCE, required=True)
    text = _variant_text(text)
    _check_seconds(target_seconds)
    with undo.action("edit audience variant") as draft:
        v = _variant(variant_id)
        other = PitchVariant.get_or_none((PitchVariant.pitch == v.pitch_id) & (PitchVariant.folded == fold(audience))
                                         & (PitchVariant.id != variant_id))
        if other is not None:
            raise Conflict(f"this pitch already has a variant for {other.audience!r}", ["audience"])
        draft.summary = f"{_pitch(v.pitch_id).name}: variant for {audience}"
        undo.record("perception", **_variant_step("set_variant", v))
        PitchVariant.update(audience=audience, folded=fold(audience), text=text, target_seconds=target_seconds,
                            updated=datetime.now()).where(PitchVariant.id == variant_id).execute()
    return VariantInfo(variant_id, v.pitch_id, audience, text, target_seconds)


def list_variants(pitch_id: int | None = None) -> list[VariantInfo]:
    q = PitchVariant.select().order_by(PitchVariant.pitch, PitchVariant.folded)
    if pitch_id is not None:
        q = q.where(PitchVariant.pitch == pitch_id)
    return [VariantInfo(v.id, v.pitch_id, v.audience, v.text, v.target_seconds) for v in q]


def delete_variant(variant_id: int) -> None:
    """Delete one audience variant; undo brings it back."""
    with undo.action("delete audience variant") as draft:
        v = _variant(variant_id)
        draft.summary = f"deleted the {v.audience} variant of {_pitch(v.pitch_id).name}"
        undo.record("perception", **_variant_step("insert_variant", v))
        v.delete_instance()


def _variant(variant_id: int) -> PitchVariant:
    v = PitchVariant.get_or_none(PitchVariant.id == variant_id)
    if v is None:
        raise NotFound(f"no audience variant with id {variant_id}")
    return v


def _variant_text(text: str) -> str:
    text = clean_text(text)
    if len(text) > MAX_TEXT:
        raise Invalid("text", f"the text is longer than {MAX_TEXT:,} characters")
    return text


def _check_seconds(target_seconds: int | None) -> None:
    if target_seconds is not None and (isinstance(target_seconds, bool) or not isinstance(target_seconds, int)
                                       or not 1 <= target_seconds <= 3600):
        raise Invalid("target", "the duration must be a whole number from 1 to 3,600 seconds")


def _variant_step(do: str, v: PitchVariant) -> dict:
    return {"do": do, "id": v.id, "pitch_id": v.pitch_id, "audience": v.audience, "folded": v.folded,
            "text": v.text, "target_seconds": v.target_seconds, "created": str(v.created), "updated": str(v.updated)}


# -- claims -------------------------------------------------------------------------------------

def add_claim(pitch_id: int, claim: str, evidence: str = "", source: str = "") -> ClaimInfo:
    """Note a claim a pitch or tagline makes, with its evidence (a link or a note) and, for
    borrowed wording, its source; undoable.

    Raises:
        NotFound, Invalid, Conflict (the same claim twice on one pitch).
    """
    claim = _line("claim", claim, MAX_CLAIM, required=True)
    evidence = _line("evidence", evidence, MAX_EVIDENCE)
    source = _line("source", source, MAX_EVIDENCE)
    with undo.action("add claim") as draft:
        p = _pitch(pitch_id)
        if any(fold(c.claim) == fold(claim) for c in BrandClaim.select().where(BrandClaim.pitch == pitch_id)):
            raise Conflict(f"{p.name!r} already has the claim {claim!r}", ["claim"])
        c = BrandClaim.create(pitch=pitch_id, claim=claim, evidence=evidence, source=source, created=datetime.now())
        draft.summary = f"{p.name}: claim {claim}"
        undo.record("perception", do="delete_claim", id=c.id)
    return ClaimInfo(c.id, pitch_id, p.name, claim, evidence, source)


def set_evidence(claim_id: int, evidence: str | None = None, source: str | None = None) -> ClaimInfo:
    """Change a claim's evidence or source (None leaves one as it is); undoable."""
    return update_claim(claim_id, evidence=evidence, source=source)


def update_claim(claim_id: int, claim: str | None = None, evidence: str | None = None,
                 source: str | None = None) -> ClaimInfo:
    """Change a claim's wording, evidence or source (None leaves one as it is); undo puts them back.

    Raises:
        NotFound, Invalid, Conflict (the pitch already makes that claim).
    """
    changes = {}
    if claim is not None:
        changes["claim"] = _line("claim", claim, MAX_CLAIM, required=True)
    if evidence is not None:
        changes["evidence"] = _line("evidence", evidence, MAX_EVIDENCE)
    if source is not None:
        changes["source"] = _line("source", source, MAX_EVIDENCE)
    with undo.action("edit claim") as draft:
        c = _claim(claim_id)
        if "claim" in changes and any(fold(o.claim) == fold(changes["claim"]) for o in BrandClaim.select().where(
                (BrandClaim.pitch == c.pitch_id) & (BrandClaim.id != claim_id))):
            raise Conflict(f"this pitch already has the claim {changes['claim']!r}", ["claim"])
        changes = {k: v for k, v in changes.items() if v != getattr(c, k)}
        if changes:
            draft.summary = f"edited the claim {changes.get('claim', c.claim)}"
            undo.record("perception", **_claim_step("set_claim", c))
            BrandClaim.update(changes).where(BrandClaim.id == claim_id).execute()
    return get_claim(claim_id)


def delete_claim(claim_id: int) -> None:
    """Delete one claim; undo brings it back."""
    with undo.action("delete claim") as draft:
        c = _claim(claim_id)
        draft.summary = f"deleted the claim {c.claim}"
        undo.record("perception", **_claim_step("insert_claim", c))
        c.delete_instance()


def get_claim(claim_id: int) -> ClaimInfo:
    c = _claim(claim_id)
    return ClaimInfo(c.id, c.pitch_id, _pitch(c.pitch_id).name, c.claim, c.evidence, c.source)


def _claim(claim_id: int) -> BrandClaim:
    c = BrandClaim.get_or_none(BrandClaim.id == claim_id)
    if c is None:
        raise NotFound(f"no claim with id {claim_id}")
    return c


def _claim_step(do: str, c: BrandClaim) -> dict:
    return {"do": do, "id": c.id, "pitch_id": c.pitch_id, "claim": c.claim, "evidence": c.evidence,
            "source": c.source, "created": str(c.created)}


def list_claims(pitch_id: int | None = None) -> list[ClaimInfo]:
    names = dict(Pitch.select(Pitch.id, Pitch.name).tuples())
    q = BrandClaim.select().order_by(BrandClaim.pitch, BrandClaim.id)
    if pitch_id is not None:
        q = q.where(BrandClaim.pitch == pitch_id)
    return [ClaimInfo(c.id, c.pitch_id, names.get(c.pitch_id, ""), c.claim, c.evidence, c.source) for c in q]


def channels_without_tagline() -> list[str]:
    """Which of the five channels has no pitch or tagline with text."""
    have = {p.channel for p in list_pitches() if p.text.strip()}
    return [name for name, channels in TAGLINE_CHANNELS if not have.intersection(channels)]


# -- undo ---------------------------------------------------------------------------------------

def apply_undo(step: dict) -> None:
    """Reverse one recorded step of reviews, variants and claims (called through ``feedback.apply_undo``)."""
    what = step.get("do")
    if what == "delete_review":
        BrandReview.delete().where(BrandReview.id == step["id"]).execute()
    elif what == "delete_claim":
        BrandClaim.delete().where(BrandClaim.id == step["id"]).execute()
    elif what == "delete_variant":
        PitchVariant.delete().where(PitchVariant.id == step["id"]).execute()
    elif what in ("set_variant", "insert_variant"):
        values = {k: step[k] for k in ("audience", "folded", "text", "target_seconds", "updated")}
        if what == "set_variant":
            PitchVariant.update(values).where(PitchVariant.id == step["id"]).execute()
        elif Pitch.select().where(Pitch.id == step["pitch_id"]).exists():  # the pitch may be gone since
            PitchVariant.insert(id=step["id"], pitch=step["pitch_id"], created=step["created"],
                                **values).on_conflict_ignore().execute()
    elif what == "set_claim":
        BrandClaim.update(claim=step["claim"], evidence=step["evidence"], source=step["source"]).where(
            BrandClaim.id == step["id"]).execute()
    elif what == "insert_claim" and Pitch.select().where(Pitch.id == step["pitch_id"]).exists():
        BrandClaim.insert(id=step["id"], pitch=step["pitch_id"], claim=step["claim"], evidence=step["evidence"],
                          source=step["source"], created=step["created"]).on_conflict_ignore().execute()
