"""Provides pitches and taglines: channels and targets, saved versions, drafts and rehearsals.

A pitch's ``text`` is always its latest saved version; ``draft`` holds unsaved typing (written as
the user types, so an SSH drop loses nothing). Every save that changes the text adds a version;
restoring an old version saves its text as a new version, so history is never rewritten.
"""

from __future__ import annotations

import re
from datetime import datetime

from peewee import DateTimeField, FloatField, ForeignKeyField, IntegerField, TextField, fn

from kith.store.brand.records import PitchInfo, RehearsalInfo, VersionInfo  # noqa: F401 (re-exported)
from kith.store.brand.search_kind import PITCH_KIND  # noqa: F401 (re-exported; declared light for kith find)
from kith.store.brand.wordcount import count_words
from kith.store.core import undo
from kith.store.core.db import write
from kith.store.core.errors import Ambiguous, Conflict, Invalid, NotFound
from kith.store.core.fold import fold
from kith.store.people.models import BaseModel

CHANNELS = ("elevator pitch", "social headline", "social about", "business card", "resume summary",
            "email signature", "custom")
"""Where a piece is used, in the order the editor offers them."""

SPOKEN_TARGETS = (15, 30, 60)
"""Target durations, in seconds, offered for spoken pieces (or none: "any")."""

# Per-channel default targets: (seconds, characters). Sources and choices:
# - social headline 220 and social about 2,600: LinkedIn's own limits for the headline and the
#   About section (LinkedIn Help, "Character limits for your profile").
# - business card 100: a tagline on a 3.5 x 2 in card stays legible (8-9 pt) on two lines of ~50.
# - resume summary 600: about 3-4 lines / under 100 words, the usual advice for a summary.
# - email signature 300: the old "no more than 4 lines" sig convention (4 x ~72 characters).
# - elevator pitch 30 s: the classic elevator ride; custom pieces start with no target.
CHANNEL_DEFAULTS: dict[str, tuple[int | None, int | None]] = {
    "elevator pitch": (30, None),
    "social headline": (None, 220),
    "social about": (None, 2600),
    "business card": (None, 100),
    "resume summary": (None, 600),
    "email signature": (None, 300),
    "custom": (None, None),
}

MAX_NAME = 120
MAX_TEXT = 50_000
"""Characters in one pitch: ~8,000 words, far beyond any pitch, and still fast to render."""
MAX_SECONDS = 3600
MAX_CHARS = 100_000

# C0/C1 controls other than tab and newline, and bidi overrides, never belong in a pitch; a paste
# could carry them, and the editor draws its text as is (SAFETY.md, Display).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class Pitch(BaseModel):
    name = TextField()
    folded = TextField(unique=True)
    channel = TextField()
    target_seconds = IntegerField(null=True)
    char_limit = IntegerField(null=True)
    text = TextField(default="")
    draft = TextField(null=True)
    created = DateTimeField(default=datetime.now)
    updated = DateTimeField(default=datetime.now)


class PitchVersion(BaseModel):
    pitch = ForeignKeyField(Pitch, backref="versions", on_delete="CASCADE")
    number = IntegerField()
    text = TextField()
    created = DateTimeField(default=datetime.now)


class Rehearsal(BaseModel):
    pitch = ForeignKeyField(Pitch, backref="rehearsals", on_delete="CASCADE")
    version_number = IntegerField(null=True)
    seconds = FloatField()
    words = IntegerField()
    created = DateTimeField(default=datetime.now)


# -- validation ---------------------------------------------------------------------------------

def parse_channel(text: str) -> str:
    """Return the channel ``text`` names (case-insensitive, unique start is enough).

    Raises:
        Invalid: not a channel; the message lists them.
    """
    wanted = " ".join(str(text).lower().replace("-", " ").replace("_", " ").split())
    if wanted in CHANNELS:
        return wanted
    starts = [c for c in CHANNELS if wanted and c.startswith(wanted)]
    if len(starts) == 1:
        return starts[0]
    raise Invalid("channel", f"unknown channel {text!r}; use one of: {', '.join(CHANNELS)}")


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters (a paste can carry escape sequences)."""
    from kith.store.core.validate import check_text

    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    # Controls (NUL included) are dropped as ever; a lone surrogate cannot be stored at all.
    return check_text("text", _CONTROLS.sub("", text), "the text")


def _check_text(text: str) -> str:
    text = clean_text(text)
    if len(text) > MAX_TEXT:
        raise Invalid("text", f"the text is longer than {MAX_TEXT:,} characters")
    return text


def _check_name(name: str) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise Invalid("name", "a pitch needs a name")
    if len(name) > MAX_NAME:
        raise Invalid("name", f"the name is longer than {MAX_NAME} characters")
    return clean_text(name)


def _check_target(target_seconds, char_limit) -> tuple[int | None, int | None]:
    if target_seconds is not None and char_limit is not None:
        raise Invalid("target", "a target is either a duration or a character limit, not both")
    for field, value, high in (("target", target_seconds, MAX_SECONDS), ("char_limit", char_limit, MAX_CHARS)):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
            raise Invalid(field, f"the {'duration' if field == 'target' else 'character limit'} "
                                 f"must be a whole number from 1 to {high:,}")
    return target_seconds, char_limit


_UNSET = object()


# -- reading ------------------------------------------------------------------------------------

def _version_counts(ids: list[int] | None = None) -> dict[int, int]:
    q = PitchVersion.select(PitchVersion.pitch, fn.MAX(PitchVersion.number)).group_by(PitchVersion.pitch)
    if ids is not None:
        q = q.where(PitchVersion.pitch.in_(ids))
    return {pid: n for pid, n in q.tuples()}


def _info(p: Pitch, versions: int) -> PitchInfo:
    return PitchInfo(p.id, p.name, p.channel, p.target_seconds, p.char_limit, p.text, p.draft,
                     versions, p.created, p.updated)


def get_pitch(pitch_id: int) -> PitchInfo:
    """Return one pitch.

    Raises:
        NotFound: no such pitch.
    """
    p = Pitch.get_or_none(Pitch.id == pitch_id)
    if p is None:
        raise NotFound(f"no pitch with id {pitch_id}")
    return _info(p, _version_counts([p.id]).get(p.id, 0))


def list_pitches() -> list[PitchInfo]:
    """Return every pitch, in channel order, then by name."""
    counts = _version_counts()
    order = {c: i for i, c in enumerate(CHANNELS)}
    rows = [_info(p, counts.get(p.id, 0)) for p in Pitch.select()]
    return sorted(rows, key=lambda p: (order.get(p.channel, len(order)), fold(p.name)))


def resolve_pitch(name_or_id: str) -> PitchInfo:
    """Find one pitch by id (``3`` or ``#3``) or by name (exact, then unique part, accents ignored).

    Raises:
        NotFound: nothing matches.
        Ambiguous: several pitches match; ``error.candidates`` lists them.
    """
    text = str(name_or_id).strip()
    if text.lstrip("#").isdigit():
        return get_pitch(int(text.lstrip("#")))
    wanted = fold(text)
    if not wanted:
        raise NotFound("give a pitch name or an id")
    rows = list(Pitch.select(Pitch.id, Pitch.folded).tuples())
    exact = [pid for pid, f in rows if f == wanted]
    matches = exact or [pid for pid, f in rows if wanted in f]
    if not matches:
        raise NotFound(f"no pitch matches {text!r}")
    if len(matches) > 1:
        raise Ambiguous(f"{text!r} matches {len(matches)} pitches", [get_pitch(pid) for pid in matches[:20]])
    return get_pitch(matches[0])


def list_versions(pitch_id: int) -> list[VersionInfo]:
    """Return a pitch's saved versions, newest first."""
    q = PitchVersion.select().where(PitchVersion.pitch == pitch_id).order_by(PitchVersion.number.desc())
    return [VersionInfo(v.id, v.pitch_id, v.number, v.text, v.created) for v in q]


def list_rehearsals(pitch_id: int) -> list[RehearsalInfo]:
    """Return a pitch's rehearsals, newest first."""
    q = Rehearsal.select().where(Rehearsal.pitch == pitch_id).order_by(Rehearsal.created.desc(), Rehearsal.id.desc())
    return [RehearsalInfo(r.id, r.pitch_id, r.version_number, r.seconds, r.words, r.created) for r in q]


def count_pitches() -> int:
    """Return how many pitches are stored."""
    return Pitch.select(fn.COUNT(Pitch.id)).scalar()


# -- writing ------------------------------------------------------------------------------------

def create_pitch(name: str, channel: str, text: str = "", target_seconds=_UNSET, char_limit=_UNSET,
                 when: datetime | None = None) -> PitchInfo:
    """Add a pitch; a non-empty ``text`` becomes version 1. Targets default per channel.

    Raises:
        Invalid: bad name, channel, target or text.
        Conflict: another pitch already has this name.
    """
    name, channel, text = _check_name(name), parse_channel(channel), _check_text(text)
    default_seconds, default_chars = CHANNEL_DEFAULTS[channel]
    if target_seconds is _UNSET and char_limit is _UNSET:
        target_seconds, char_limit = default_seconds, default_chars
    target_seconds = None if target_seconds is _UNSET else target_seconds
    char_limit = None if char_limit is _UNSET else char_limit
    target_seconds, char_limit = _check_target(target_seconds, char_limit)
    when = when or datetime.now()
    with undo.irreversible("pitch", "created a pitch"):
        if Pitch.select().where(Pitch.folded == fold(name)).exists():
            raise Conflict(f"a pitch named {name!r} already exists", ["name"])
        p = Pitch.create(name=name, folded=fold(name), channel=channel, target_seconds=target_seconds,
                         char_limit=char_limit, text=text, created=when, updated=when)
        if text.strip():
            PitchVersion.create(pitch=p.id, number=1, text=text, created=when)
    return get_pitch(p.id)


def update_pitch(pitch_id: int, name: str | None = None, channel: str | None = None,
                 target_seconds=_UNSET, char_limit=_UNSET) -> PitchInfo:
    """Change a pitch's name, channel or target (only the fields given).

    Raises:
        NotFound: no such pitch.
        Invalid: bad value.
        Conflict: another pitch already has the new name.
    """
    changes: dict = {}
    if name is not None:
        changes["name"] = _check_name(name)
        changes["folded"] = fold(changes["name"])
    if channel is not None:
        changes["channel"] = parse_channel(channel)
    with undo.irreversible("pitch", "edited a pitch"):
        p = Pitch.get_or_none(Pitch.id == pitch_id)
        if p is None:
            raise NotFound(f"no pitch with id {pitch_id}")
        if target_seconds is not _UNSET or char_limit is not _UNSET:
            secs = p.target_seconds if target_seconds is _UNSET else target_seconds
            chars = p.char_limit if char_limit is _UNSET else char_limit
            if target_seconds is not _UNSET and target_seconds is not None and char_limit is _UNSET:
                chars = None  # choosing a duration replaces a character limit
            if char_limit is not _UNSET and char_limit is not None and target_seconds is _UNSET:
                secs = None
            changes["target_seconds"], changes["char_limit"] = _check_target(secs, chars)
        if "folded" in changes and Pitch.select().where(
                (Pitch.folded == changes["folded"]) & (Pitch.id != pitch_id)).exists():
            raise Conflict(f"a pitch named {changes['name']!r} already exists", ["name"])
        changed = {k: v for k, v in changes.items() if getattr(p, k) != v}
        if changed:
            changed["updated"] = datetime.now()
            Pitch.update(changed).where(Pitch.id == pitch_id).execute()
    return get_pitch(pitch_id)


def save_version(pitch_id: int, text: str, expected_versions: int | None = None,
                 when: datetime | None = None) -> PitchInfo:
    """Save ``text`` as the pitch's new version and clear its draft.

    Saving the same text as the latest version adds no version (the draft is still cleared).
    ``expected_versions`` is how many versions the editor saw: if another kith saved one since,
    nothing is written and Conflict is raised (the caller keeps the text as a draft).

    Raises:
        NotFound, Invalid, Conflict.
    """
    text = _check_text(text)
    when = when or datetime.now()
    with undo.irreversible("pitch", "saved a pitch version"):
        p = Pitch.get_or_none(Pitch.id == pitch_id)
        if p is None:
            raise NotFound(f"no pitch with id {pitch_id}")
        latest = _version_counts([pitch_id]).get(pitch_id, 0)
        if expected_versions is not None and latest != expected_versions:
            raise Conflict(f"{p.name!r} was saved elsewhere (now version {latest}); "
                           "your text is kept as a draft", ["text"])
        if text != p.text or latest == 0 and text.strip():
            PitchVersion.create(pitch=pitch_id, number=latest + 1, text=text, created=when)
            Pitch.update(text=text, draft=None, updated=when).where(Pitch.id == pitch_id).execute()
        elif p.draft is not None:
            Pitch.update(draft=None).where(Pitch.id == pitch_id).execute()
    return get_pitch(pitch_id)


def save_draft(pitch_id: int, text: str) -> None:
    """Keep unsaved typing (no version); a draft equal to the saved text is cleared.

    Raises:
        NotFound, Invalid.
    """
    text = _check_text(text)
    with write():
        p = Pitch.get_or_none(Pitch.id == pitch_id)
        if p is None:
            raise NotFound(f"no pitch with id {pitch_id}")
        draft = None if text == p.text else text
        if draft != p.draft:
            Pitch.update(draft=draft).where(Pitch.id == pitch_id).execute()


def discard_draft(pitch_id: int) -> PitchInfo:
    """Drop unsaved typing; the editor goes back to the latest version."""
    with write():
        Pitch.update(draft=None).where((Pitch.id == pitch_id) & Pitch.draft.is_null(False)).execute()
    return get_pitch(pitch_id)


def restore_version(pitch_id: int, version_id: int) -> PitchInfo:
    """Save an old version's text as the newest version (history is kept)."""
    v = PitchVersion.get_or_none((PitchVersion.id == version_id) & (PitchVersion.pitch == pitch_id))
    if v is None:
        raise NotFound(f"no version {version_id} of pitch {pitch_id}")
    return save_version(pitch_id, v.text)


def delete_pitch(pitch_id: int) -> None:
    """Delete a pitch with its versions and rehearsals."""
    with undo.irreversible("pitch", "deleted a pitch"):
        if not Pitch.delete().where(Pitch.id == pitch_id).execute():
            raise NotFound(f"no pitch with id {pitch_id}")


def record_rehearsal(pitch_id: int, seconds: float, words: int | None = None,
                     when: datetime | None = None) -> RehearsalInfo:
    """Keep one rehearsal: how long speaking ``words`` words (default: the saved text's) took.

    Raises:
        NotFound: no such pitch.
        Invalid: a duration under a second or over an hour.
    """
    if not isinstance(seconds, (int, float)) or not 1 <= seconds <= MAX_SECONDS:
        raise Invalid("seconds", f"a rehearsal lasts from 1 s to {MAX_SECONDS} s")
    when = when or datetime.now()
    with undo.irreversible("rehearsal", "recorded a rehearsal"):
        p = Pitch.get_or_none(Pitch.id == pitch_id)
        if p is None:
            raise NotFound(f"no pitch with id {pitch_id}")
        n = count_words(p.text) if words is None else int(words)
        version = _version_counts([pitch_id]).get(pitch_id) or None
        r = Rehearsal.create(pitch=pitch_id, version_number=version, seconds=float(seconds), words=n, created=when)
    return RehearsalInfo(r.id, pitch_id, version, float(seconds), n, when)
