"""Provides the vCard reader (2.1 quoted-printable, 3.0, 4.0 as Apple, Google and Android write them).

Parsing is vobject's (never a hand-written parser). Properties kith has no field for are kept as
their vCard lines in ``extra["vcard"]["keep"]`` and Apple's ``itemN.X-ABLabel`` labels of mapped
values in ``extra["vcard"]["labels"]`` and their TYPEs in ``extra["vcard"]["types"]``, so an export
gives them back. Photos are skipped.
"""

from __future__ import annotations

import re

from store.importers.common import BadImportFile, ImportRecord, ImportSummary, Problem
from store.records import TagInfo

# Google adds these system groups to every contact; they are not the user's tags.
SYSTEM_CATEGORIES = {"mycontacts", "starred"}
MAPPED = {"VERSION", "PRODID", "FN", "N", "ORG", "TITLE", "EMAIL", "TEL", "URL", "NOTE", "BDAY",
          "CATEGORIES", "PHOTO", "X-ABLABEL", "ADR"}
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_BDAY = re.compile(r"^(?:(\d{4})|--)-?(\d{2})-?(\d{2})(?:T.*)?$")


def _text(value) -> str:
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value if str(v).strip())
    return str(value or "").strip()


def _label(text: str) -> str:
    m = _APPLE_LABEL.match(text.strip())
    return m.group(1) if m else text.strip()


def parse_bday(text: str) -> tuple[int | None, int, int] | None:
    """``1979-04-12``, ``19790412``, ``--12-10`` or ``--1210`` as (year or None, month, day)."""
    m = _BDAY.match(text.strip())
    if not m:
        return None
    year = int(m.group(1)) if m.group(1) else None
    return year, int(m.group(2)), int(m.group(3))


# Kept lines are written back on export: one of these names, a line break or a nested card
# inside one could smuggle a whole extra contact into the export (SAFETY.md, vCard).
_NEVER_KEPT = {"BEGIN", "END", "VERSION"}


def keepable(text: str) -> bool:
    """True when ``text`` is one plain property line that is safe to write back into a card."""
    if not text or "\n" in text or "\r" in text:
        return False
    name = text.split(":", 1)[0].split(";", 1)[0].rsplit(".", 1)[-1].strip().upper()
    return bool(name) and name not in _NEVER_KEPT


def _line(child) -> str | None:
    from vobject.base import ContentLine

    if not isinstance(child, ContentLine):
        return None  # a nested component (a card inside the card) is never kept
    try:
        text = child.serialize(lineLength=100000).rstrip("\r\n")
    except Exception:
        return None
    return text if keepable(text) else None


def _card(card, number: int, summary: ImportSummary) -> ImportRecord | None:
    fields: dict = {}
    labels: dict[str, str] = {}
    types: dict[str, list[str]] = {}
    keep: list[str] = []
    group_labels: dict[str, str] = {}
    children = list(card.getChildren())
    for ch in children:
        if ch.name == "X-ABLABEL" and ch.group:
            group_labels[ch.group.lower()] = _label(_text(ch.value))
    kept_groups: set[str] = set()
    emails, phones, links, tags = [], [], [], []
    for ch in children:
        name = ch.name
        group = (ch.group or "").lower()
        if name == "FN":
            fields["name"] = _text(ch.value)
        elif name == "ORG":
            units = [u.strip() for u in (ch.value if isinstance(ch.value, list) else [ch.value]) if str(u).strip()]
            if units:
                fields["company"] = units[0]
            if len(units) > 1:
                keep_line = _line(ch)
                if keep_line:
                    keep.append(keep_line)
        elif name == "TITLE":
            fields["role"] = _text(ch.value)
        elif name == "EMAIL":
            emails.append(_text(ch.value))
        elif name == "TEL":
            phones.append(_text(ch.value))
        elif name == "URL":
            links.append(_text(ch.value).replace("\\:", ":"))
        elif name == "NOTE":
            fields["notes"] = _text(ch.value)
        elif name == "CATEGORIES":
            values = ch.value if isinstance(ch.value, list) else str(ch.value).split(",")
            tags += [TagInfo(v.strip()) for v in values if v.strip() and v.strip().lower() not in SYSTEM_CATEGORIES]
        elif name == "BDAY":
            parsed = parse_bday(_text(ch.value))
            if parsed:
                fields["birthday_year"], fields["birthday_month"], fields["birthday_day"] = parsed
            else:
                summary.remarks.append(Problem(number, f"birthday {_text(ch.value)!r} not understood; left out", "card"))
        elif name == "PHOTO":
            summary.remarks.append(Problem(number, "photo skipped", "card"))
        elif name == "ADR":
            v = ch.value
            city = " ".join(str(getattr(v, "city", "") or "").split())
            country = " ".join(str(getattr(v, "country", "") or "").split())
            fields.setdefault("location", ", ".join(x for x in (city, country) if x))
            keep_line = _line(ch)
            if keep_line:
                keep.append(keep_line)
                if group:
                    kept_groups.add(group)
        elif name not in MAPPED:
            keep_line = _line(ch)
            if keep_line:
                keep.append(keep_line)
                if group:
                    kept_groups.add(group)
            continue
        if name in ("EMAIL", "TEL", "URL"):
            value = _text(ch.value).replace("\\:", ":")
            if group in group_labels:
                labels[value] = group_labels[group]
            # TYPE=WORK,CELL,pref (and 2.1's bare TEL;CELL;PREF) say what the value is: keep them
            kinds = [*ch.params.get("TYPE", []), *getattr(ch, "singletonparams", [])]
            kinds = [k for k in kinds if k.upper() != "INTERNET"]
            if kinds:
                types[value] = kinds
    keep.sort()  # vobject writes properties in its own order: sorted, a round trip compares equal
    for g in sorted(kept_groups):
        for ch in children:
            if ch.name == "X-ABLABEL" and (ch.group or "").lower() == g:
                keep.append(_line(ch) or "")
    if not fields.get("name"):
        n = card.contents.get("n")
        if n:
            v = n[0].value
            fields["name"] = " ".join(" ".join(str(x) for x in (getattr(v, "given", ""), getattr(v, "family", ""))).split())
    if not fields.get("name"):
        who = emails[0] if emails else (phones[0] if phones else "no email or phone")
        summary.skipped.append(Problem(number, f"no name ({who})", "card"))
        return None
    for key, values in (("emails", emails), ("phones", phones), ("links", links)):
        if any(values):
            fields[key] = [v for v in values if v]
    if tags:
        fields["tags"] = tags
    if keep or labels or types:
        fields["extra"] = {"vcard": {k: v for k, v in (("keep", keep), ("labels", labels), ("types", types)) if v}}
    return ImportRecord(number, fields, "card")


def parse(text: str, summary: ImportSummary, source: str = "the file") -> list[ImportRecord]:
    """Read every card of a vCard file; cards without a name go into ``summary.skipped``.

    Raises:
        BadImportFile: no vCard in the file, or vobject cannot read it.
    """
    import vobject

    if "BEGIN:VCARD" not in text.upper():
        raise BadImportFile(f"{source} is not a vCard file (no BEGIN:VCARD)")
    records: list[ImportRecord] = []
    number = 0
    try:
        for card in vobject.readComponents(text, allowQP=True):
            if card.name != "VCARD":
                continue
            number += 1
            rec = _card(card, number, summary)
            if rec:
                records.append(rec)
    except Exception as exc:  # vobject raises ParseError and assorted others on broken input
        raise BadImportFile(f"{source}: cannot read card {number + 1}: {str(exc)[:200]}") from None
    if not number:
        raise BadImportFile(f"{source} holds no vCard")
    return records
