"""Provides contact functions: create, read, update with conflict detection, archive, delete."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Ambiguous, Conflict, Invalid, NotFound
from kith.store.core.fold import fold
from kith.store.core.records import ContactInfo, ContactRow, TagInfo
from kith.store.core.validate import check_values
from kith.store.people import hooks
from kith.store.people.models import Contact, ContactTag, Tag
from kith.store.people.tags import MAX_SHORT, _check_tag, _set_tags, parse_tag, restore_tags  # noqa: F401 (re-exported)

# Field size caps: a 1 MB note takes seconds to render (SAFETY.md); nobody needs more.
MAX_NOTES = 100_000
LIST_FIELDS = ("emails", "phones", "links")
TEXT_FIELDS = ("name", "company", "role", "location", "how_met", "tier")
EDITABLE = (
    *TEXT_FIELDS, "notes", *LIST_FIELDS, "strength", "cadence_days", "introduced_by_id",
    "birthday_month", "birthday_day", "birthday_year", "connected_on", "archived", "tags", "extra",
)
_LABELS = {"tags": "a tag", "emails": "an email", "phones": "a phone", "links": "a link", "notes": "the note",
           "how_met": "how we met", "extra": "an extra field"}
_TIER_RE = re.compile(r"^[a-z][a-z0-9_-]{0,30}$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+$")
# http(s) links, or a bare domain; never javascript: or data: links, which a terminal could open.
_LINK_RE = re.compile(r"^(https?://\S+|mailto:\S+|(?![a-z][a-z0-9+.-]*:)[\w.-]+\.[a-z]{2,}\S*)$", re.IGNORECASE)


def _clean_list(name: str, values) -> list[str]:
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for v in values or ():
        v = str(v).strip()
        if not v or v in out:
            continue
        if len(v) > MAX_SHORT:
            raise Invalid(name, f"{name[:-1]} is longer than {MAX_SHORT} characters")
        if name == "emails" and not _EMAIL_RE.match(v):
            raise Invalid(name, f"{v!r} is not an email address")
        if name == "links" and not _LINK_RE.match(v):
            raise Invalid(name, f"{v!r} is not a web link (https://…, or a domain like example.com/you)")
        out.append(v)
    return out


def _int_or_none(name: str, value, low: int | None = None, high: int | None = None) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Invalid(name, f"{name.replace('_', ' ')} must be a whole number, not {value!r}") from None
    if (low is not None and number < low) or (high is not None and number > high):
        raise Invalid(name, f"{name.replace('_', ' ')} must be between {low} and {high}")
    return number


def normalise(changes: dict) -> dict:
    """Validate and normalise field values; raise ``Invalid`` naming the first bad field."""
    out: dict = {}
    for key, value in changes.items():
        if key not in EDITABLE:
            raise Invalid(key, f"unknown contact field {key!r}")
        check_values(key, value, _LABELS.get(key))  # NUL and lone surrogates, from any entry point
        if key in TEXT_FIELDS:
            value = " ".join(str(value or "").split())
            if len(value) > MAX_SHORT:
                raise Invalid(key, f"{key} is longer than {MAX_SHORT} characters")
            if key == "name" and not value:
                raise Invalid("name", "a contact needs a name")
            if key == "tier":
                value = value.lower()
                if not _TIER_RE.match(value):
                    raise Invalid("tier", f"{value!r} is not a tier name (letters, digits, - or _)")
        elif key == "notes":
            value = str(value or "").replace("\r\n", "\n").strip()
            if len(value) > MAX_NOTES:
                raise Invalid("notes", f"notes are longer than {MAX_NOTES:,} characters")
        elif key in LIST_FIELDS:
            value = _clean_list(key, value)
        elif key == "strength":
            value = _int_or_none(key, value, 1, 5) or 3
        elif key == "cadence_days":
            value = _int_or_none(key, value, 0, 3650)
        elif key == "introduced_by_id":
            value = _int_or_none(key, value)
        elif key == "birthday_month":
            value = _int_or_none(key, value, 1, 12)
        elif key == "birthday_day":
            value = _int_or_none(key, value, 1, 31)
        elif key == "birthday_year":
            value = _int_or_none(key, value, 1900, 2100)
        elif key == "connected_on":
            if isinstance(value, str):
                value = date.fromisoformat(value) if value else None
        elif key == "archived":
            value = bool(value)
        elif key == "tags":
            tags = [_check_tag(t) if isinstance(t, TagInfo) else parse_tag(str(t)) for t in value or ()]
            seen, value = set(), []
            for t in tags:
                if (t.kind, fold(t.name)) not in seen:
                    seen.add((t.kind, fold(t.name)))
                    value.append(t)
            value = tuple(value)
        elif key == "extra":
            value = dict(value or {})
        out[key] = value
    if out.get("birthday_month") and out.get("birthday_day"):
        _check_birthday(out["birthday_month"], out["birthday_day"], out.get("birthday_year"))
    return out


def check_tier(tier: str, known) -> str:
    """Return ``tier`` in lower case when it is one of ``known`` (the config's tiers), else raise ``Invalid``.

    The store keeps any well-formed tier name; which ones exist is the config's to say, so every
    entry point (``kith edit --tier``, the importers) checks against the names it was given.
    """
    value = str(tier).strip().lower()
    if value not in known:
        raise Invalid("tier", f"unknown tier {tier!r}; the config has: {', '.join(known)}")
    return value


def _check_birthday(month: int, day: int, year: int | None) -> None:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: Feb 29 is fine without a year
    except ValueError:
        raise Invalid("birthday_day", f"{month:02d}-{day:02d} is not a day of the year") from None


def _search_key(values: dict, tags) -> str:
    parts = [values.get(f) or "" for f in ("name", "company", "role", "location")]
    parts += list(values.get("emails") or ())
    parts += [t.name for t in tags]
    return fold(" ".join(parts))


def _to_db(values: dict) -> dict:
    row = {}
    for key, value in values.items():
        if key == "tags":
            continue
        if key in LIST_FIELDS:
            value = json.dumps(value, ensure_ascii=False)
        elif key == "extra":
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        row["introduced_by" if key == "introduced_by_id" else key] = value
    return row


def _tags_of(contact_ids: list[int]) -> dict[int, tuple[TagInfo, ...]]:
    out: dict[int, list[TagInfo]] = {}
    if not contact_ids:
        return {}
    for chunk_start in range(0, len(contact_ids), 500):
        chunk = contact_ids[chunk_start:chunk_start + 500]
        q = (ContactTag.select(ContactTag.contact_id, Tag.name, Tag.kind)
             .join(Tag).where(ContactTag.contact.in_(chunk)).order_by(Tag.kind, Tag.folded).tuples())
        for cid, name, kind in q:
            out.setdefault(cid, []).append(TagInfo(name, kind))
    return {k: tuple(v) for k, v in out.items()}


def _info(c: Contact, tags: tuple[TagInfo, ...], intro_name: str | None) -> ContactInfo:
    return ContactInfo(
        id=c.id, name=c.name, company=c.company, role=c.role,
        emails=tuple(json.loads(c.emails)), phones=tuple(json.loads(c.phones)),
        links=tuple(json.loads(c.links)), location=c.location, notes=c.notes, tier=c.tier,
        strength=c.strength, cadence_days=c.cadence_days, how_met=c.how_met,
        introduced_by_id=c.introduced_by_id, introduced_by_name=intro_name,
        birthday_month=c.birthday_month, birthday_day=c.birthday_day, birthday_year=c.birthday_year,
        connected_on=c.connected_on, last_touch_on=c.last_touch_on, last_touch_kind=c.last_touch_kind,
        archived=bool(c.archived), tags=tags, extra=json.loads(c.extra or "{}"),
        created=c.created, updated=c.updated, version=c.version,
    )


def get_contact(contact_id: int) -> ContactInfo:
    """Return one contact with its tags.

    Raises:
        NotFound: no contact has this id.
    """
    c = Contact.get_or_none(Contact.id == contact_id)
    if c is None:
        raise NotFound(f"no contact with id {contact_id}")
    intro = None
    if c.introduced_by_id:
        intro = Contact.select(Contact.name).where(Contact.id == c.introduced_by_id).scalar()
    return _info(c, _tags_of([c.id]).get(c.id, ()), intro)


def list_contacts(include_archived: bool = False) -> list[ContactInfo]:
    """Return every contact, complete, ordered by name."""
    q = Contact.select().order_by(Contact.name.collate("NOCASE"), Contact.id)
    if not include_archived:
        q = q.where(Contact.archived == False)  # noqa: E712 (peewee expression)
    rows = list(q)
    tags = _tags_of([c.id for c in rows])
    names = dict(Contact.select(Contact.id, Contact.name).tuples()) if any(c.introduced_by_id for c in rows) else {}
    return [_info(c, tags.get(c.id, ()), names.get(c.introduced_by_id)) for c in rows]


def list_rows(include_archived: bool = False) -> list[ContactRow]:
    """Return the list-screen fields of every contact; fast enough for 10,000 rows."""
    sql = ("SELECT id, name, company, role, tier, cadence_days, last_touch_on, created, archived, search_key "
           "FROM contact {} ORDER BY name COLLATE NOCASE, id").format("" if include_archived else "WHERE archived = 0")
    out = []
    for (cid, name, company, role, tier, cadence, last, created, archived, key) in db.execute_sql(sql):
        out.append(ContactRow(
            cid, name, company, role, tier, cadence,
            date.fromisoformat(last) if last else None,
            date.fromisoformat(str(created)[:10]), bool(archived), key,
        ))
    return out


def count_contacts(include_archived: bool = False) -> int:
    """Return how many contacts there are."""
    q = Contact.select()
    if not include_archived:
        q = q.where(Contact.archived == False)  # noqa: E712
    return q.count()


def create_contact(name: str, **fields) -> ContactInfo:
    """Add a contact and return it.

    Raises:
        Invalid: a field is empty or malformed (``error.field`` names it).
    """
    values = normalise({"name": name, **fields})
    tags = values.get("tags", ())
    if values.get("introduced_by_id"):
        get_contact(values["introduced_by_id"])
    now = datetime.now()
    with undo.action("add", f"added {values['name']}") as draft:
        c = Contact.create(**_to_db(values), created=now, updated=now, version=1,
                           search_key=_search_key(values, tags))
        if tags:
            _set_tags(c.id, tags)
        draft.contact_id = c.id
        undo.record("delete_contact", id=c.id)
        hooks.contact_saved(c.id, values, set(values))
    return get_contact(c.id)


def _value(info: ContactInfo, key: str):
    value = getattr(info, key)
    if key in LIST_FIELDS:
        return list(value)
    if key == "tags":
        return tuple(value)
    return value


def update_contact(contact_id: int, changes: dict, base: ContactInfo | None = None) -> ContactInfo:
    """Write the changed fields of a contact and return it as it now stands.

    ``base`` is the contact as the caller read it. A field that another process changed since
    then, and that this call changes too, raises ``Conflict`` and writes nothing; changes to
    other fields by others are kept. Without ``base`` the change is applied as is.

    Raises:
        NotFound, Invalid, Conflict.
    """
    values = normalise(changes)
    if values.get("introduced_by_id") == contact_id:
        raise Invalid("introduced_by_id", "a contact cannot introduce themselves")
    with undo.action("edit") as draft:
        current = get_contact(contact_id)
        if base is not None and base.version != current.version:
            # Any field this call writes that changed since it was read is a conflict, even when
            # the values now agree: two sessions incrementing 5 to 6 must not count as one.
            clashing = [k for k in values if _value(current, k) != _value(base, k)]
            if clashing:
                raise Conflict(
                    f"{current.name} was changed elsewhere ({', '.join(clashing)}) while you edited; "
                    "reload to see it", clashing)
        values = {k: v for k, v in values.items() if v != _value(current, k)}
        if not values:
            return current
        if values.get("introduced_by_id"):
            get_contact(values["introduced_by_id"])
        draft.contact_id = contact_id
        draft.summary = f"edited {current.name} ({', '.join(values)})"
        undo.record("set_contact", id=contact_id, values={k: _plain(_value(current, k)) for k in values})
        _write_fields(contact_id, current, values)
    return get_contact(contact_id)


def _write_fields(contact_id: int, current: ContactInfo, values: dict) -> None:
    merged = {**current.__dict__, **values}
    tags = merged["tags"]
    row = _to_db(values)
    row["search_key"] = _search_key(merged, tags)
    row["updated"] = datetime.now()
    row["version"] = Contact.version + 1
    Contact.update(row).where(Contact.id == contact_id).execute()
    if "tags" in values:
        _set_tags(contact_id, tags)
    hooks.contact_saved(contact_id, merged, set(values))


def _plain(value):
    """A field value as JSON data for the undo log."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):  # tags
        return [[t.name, t.kind] for t in value]
    return value


def restore_fields(contact_id: int, values: dict) -> None:
    """Put back fields saved by ``_plain`` (undo); a contact deleted since is skipped."""
    c = Contact.get_or_none(Contact.id == contact_id)
    if c is None:
        return
    current = get_contact(contact_id)
    back = dict(values)
    if "tags" in back:
        back["tags"] = tuple(TagInfo(name, kind) for name, kind in back["tags"])
    if back.get("connected_on"):
        back["connected_on"] = date.fromisoformat(back["connected_on"])
    if back.get("introduced_by_id") and not Contact.select().where(Contact.id == back["introduced_by_id"]).exists():
        back["introduced_by_id"] = None
    _write_fields(contact_id, current, back)


def set_archived(contact_id: int, archived: bool = True) -> ContactInfo:
    """Archive (hide from lists and the queue) or restore a contact."""
    verb = "archive" if archived else "unarchive"
    with undo.action(verb, contact_id=contact_id) as draft:
        info = update_contact(contact_id, {"archived": archived})
        draft.summary = f"{verb}d {info.name}"
    return info


def delete_contact(contact_id: int) -> None:
    """Delete a contact with its touches and follow-ups; undo brings all of it back.

    Raises:
        NotFound: no contact has this id.
    """
    from kith.store.people import snapshot as contact_snapshot

    with undo.action("delete", contact_id=contact_id) as draft:
        name = Contact.select(Contact.name).where(Contact.id == contact_id).scalar()
        if name is None:
            raise NotFound(f"no contact with id {contact_id}")
        draft.summary = f"deleted {name}"
        undo.record("restore_contact", snapshot=contact_snapshot.take(contact_id))
        Contact.delete().where(Contact.id == contact_id).execute()
        Tag.delete().where(Tag.id.not_in(ContactTag.select(ContactTag.tag))).execute()


def resolve(name_or_id: str, include_archived: bool = False) -> ContactInfo:
    """Find one contact by id (``42`` or ``#42``) or by name (exact, then unique part).

    Raises:
        NotFound: nothing matches.
        Ambiguous: several contacts match; ``error.candidates`` lists them.
    """
    text = name_or_id.strip()
    if text.lstrip("#").isdigit():
        return get_contact(int(text.lstrip("#")))
    wanted = fold(text)
    if not wanted:
        raise NotFound("give a name or an id")
    rows = [r for r in list_rows(include_archived)]
    exact = [r for r in rows if fold(r.name) == wanted]
    matches = exact or [r for r in rows if wanted in fold(r.name)]
    if not matches:
        raise NotFound(f"no contact matches {text!r}")
    if len(matches) > 1:
        raise Ambiguous(f"{text!r} matches {len(matches)} contacts", [get_contact(r.id) for r in matches[:20]])
    return get_contact(matches[0].id)

