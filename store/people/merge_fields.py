"""Provides what a merge does to each field: what the kept contact gains, what conflicts, the note line.

Pure functions over two ``ContactInfo`` records: the duplicate merge writes their result, the
merge preview shows it.
"""

from __future__ import annotations

from datetime import date

from kith.store.core.fold import fold
from kith.store.core.records import ContactInfo
from kith.store.people.contacts import LIST_FIELDS
from kith.store.people.keys import url_key


def _union(a, b, key=lambda x: x):
    out, seen = list(a), {key(x) for x in a}
    for x in b:
        if key(x) not in seen:
            seen.add(key(x))
            out.append(x)
    return out


def merged_fields(keep: ContactInfo, other: ContactInfo) -> dict:
    """The fields ``keep`` gets from ``other`` where ``keep`` has none; lists and notes are joined.

    A single value both have and that differs stays ``keep``'s; ``other``'s goes into a dated
    note line (``conflicts`` below), so nothing of either is lost.
    """
    ch: dict = {}
    for f in ("company", "role", "location", "how_met"):
        if not getattr(keep, f) and getattr(other, f):
            ch[f] = getattr(other, f)
    for f in LIST_FIELDS:
        grown = _union(getattr(keep, f), getattr(other, f), url_key if f == "links" else str.lower)
        if len(grown) != len(getattr(keep, f)):
            ch[f] = grown
    if other.notes and other.notes not in keep.notes:
        ch["notes"] = f"{keep.notes}\n\n{other.notes}" if keep.notes else other.notes
    if not keep.birthday_month and other.birthday_month:
        ch.update(birthday_month=other.birthday_month, birthday_day=other.birthday_day,
                  birthday_year=other.birthday_year)
    elif keep.birthday_month and not keep.birthday_year and other.birthday_year \
            and (keep.birthday_month, keep.birthday_day) == (other.birthday_month, other.birthday_day):
        ch["birthday_year"] = other.birthday_year
    if other.connected_on and not keep.connected_on:
        ch["connected_on"] = other.connected_on
    if keep.cadence_days is None and other.cadence_days is not None:
        ch["cadence_days"] = other.cadence_days
    if not keep.introduced_by_id and other.introduced_by_id and other.introduced_by_id != keep.id:
        ch["introduced_by_id"] = other.introduced_by_id
    tags = _union(keep.tags, other.tags, lambda t: (t.kind, fold(t.name)))
    if len(tags) != len(keep.tags):
        ch["tags"] = tuple(tags)
    extra = {**other.extra, **keep.extra}
    clashes = {k: v for k, v in other.extra.items() if k in keep.extra and keep.extra[k] != v}
    if other.name != keep.name:
        extra["merged_names"] = _union(keep.extra.get("merged_names", []), [other.name])
    if clashes:
        extra["merged_extra"] = {**keep.extra.get("merged_extra", {}), str(other.id): clashes}
    if extra != keep.extra:
        ch["extra"] = extra
    return ch


# (field, label) of every single-valued field, in the order a preview shows them.
SINGLE_FIELDS = (
    ("name", "name"), ("company", "company"), ("role", "role"), ("location", "location"),
    ("how_met", "how met"), ("tier", "tier"), ("strength", "strength"), ("cadence_days", "cadence (days)"),
    ("connected_on", "connected on"), ("birthday", "birthday"), ("introduced_by_id", "introduced by"),
)
LIST_LABELS = (("emails", "emails"), ("phones", "phones"), ("links", "links"), ("tags", "tags"))


def _shown(contact: ContactInfo, field: str) -> str:
    value = getattr(contact, field)
    if field == "introduced_by_id":
        return f"#{value} {contact.introduced_by_name or ''}".strip() if value else ""
    if field == "tags":
        return ", ".join(t.label() for t in value)
    if isinstance(value, (tuple, list)):
        return ", ".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def _differs(keep: ContactInfo, other: ContactInfo, field: str) -> bool:
    """Both have a value and they are not the same (text compared folded)."""
    if field == "birthday":
        if not (keep.birthday_month and other.birthday_month):
            return False
        if (keep.birthday_month, keep.birthday_day) != (other.birthday_month, other.birthday_day):
            return True
        return bool(keep.birthday_year and other.birthday_year and keep.birthday_year != other.birthday_year)
    a, b = _shown(keep, field), _shown(other, field)
    if field == "introduced_by_id":
        return bool(keep.introduced_by_id and other.introduced_by_id
                    and keep.introduced_by_id != other.introduced_by_id and other.introduced_by_id != keep.id)
    return bool(a and b) and fold(a) != fold(b)


def conflicts(keep: ContactInfo, other: ContactInfo) -> list[tuple[str, str]]:
    """(label, other's value) for every single value ``other`` has that differs from ``keep``'s."""
    return [(label, _shown(other, field)) for field, label in SINGLE_FIELDS if _differs(keep, other, field)]


def note_line(keep: ContactInfo, other: ContactInfo, today: date | None = None) -> str:
    """The dated line that keeps ``other``'s conflicting values, or "" when there are none."""
    from kith.store.core import clock

    found = conflicts(keep, other)
    if not found:
        return ""
    day = (today or clock.today()).isoformat()
    values = "; ".join(f"{label} {value}" for label, value in found)
    return f"{day}: Before merge with #{other.id} {other.name}: {values}"


def plan_changes(keep: ContactInfo, other: ContactInfo, today: date | None = None) -> dict:
    """Every change the merge makes to ``keep`` (merged fields plus the note line)."""
    changes = merged_fields(keep, other)
    line = note_line(keep, other, today)
    if line:
        changes["notes"] = "\n\n".join(x for x in (changes.get("notes", keep.notes), line) if x)
    return changes
