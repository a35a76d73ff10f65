"""Provides the vCard reader (2.1 quoted-printable, 3.0, 4.0 as Apple, Google and Android write them).

The file is cut into cards first (BEGIN:VCARD to its END:VCARD) and each card is parsed by
vobject on its own (never a hand-written parser), so one broken card is skipped and reported
while the others import. PHOTO properties, with their folded lines, are cut out before parsing:
kith keeps no photos and a 5 MB inline photo would otherwise cost seconds of parsing.
Properties kith has no field for are kept as
their vCard lines in ``extra["vcard"]["keep"]`` and Apple's ``itemN.X-ABLabel`` labels of mapped
values in ``extra["vcard"]["labels"]`` and their TYPEs in ``extra["vcard"]["types"]``, so an export
gives them back. A card with an email but no name is named after the email.
"""

from __future__ import annotations

import base64
import binascii
import io
import re

from kith.store.core.errors import Invalid
from kith.store.people.contacts import parse_tag
from kith.store.transfer.importers.common import BadImportFile, ImportRecord, ImportSummary, Problem

# Google adds these system groups to every contact; they are not the user's tags.
SYSTEM_CATEGORIES = {"mycontacts", "starred"}
NOTE_EXACT = "X-KITH-NOTE-BASE64"  # kith's export: the note exactly (vCard text cannot hold a lone CR)
MAPPED = {"VERSION", "PRODID", "FN", "N", "ORG", "TITLE", "EMAIL", "TEL", "URL", "NOTE", "BDAY",
          "CATEGORIES", "PHOTO", "X-ABLABEL", "ADR", NOTE_EXACT, "X-KITH-ID"}
KITH_ID = "X-KITH-ID"  # kith's export: the contact's id there (see store.importers.kith_ids)
_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.I)
_END = re.compile(r"^END:VCARD\s*$", re.I)
_PHOTO = re.compile(r"^(?:[\w-]+\.)?PHOTO[;:]", re.I)
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
    exact_note = kith_id = None
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
        elif name == NOTE_EXACT:
            exact_note = _exact_note(_text(ch.value))
        elif name == KITH_ID:
            kith_id = _text(ch.value) or None
        elif name == "CATEGORIES":
            values = ch.value if isinstance(ch.value, list) else str(ch.value).split(",")
            for v in values:
                if v.strip() and v.strip().lower() not in SYSTEM_CATEGORIES:
                    try:
                        tags.append(parse_tag(v))  # kith writes kinded tags as kind:name
                    except Invalid as exc:
                        summary.remarks.append(Problem(number, f"{exc}; left out", "card"))
        elif name == "BDAY":
            parsed = parse_bday(_text(ch.value))
            if parsed:
                fields["birthday_year"], fields["birthday_month"], fields["birthday_day"] = parsed
            else:
                summary.remarks.append(
                    Problem(number, f"birthday {_text(ch.value)!r} not understood; left out", "card"))
        elif name == "PHOTO":
            continue  # cut out before parsing; a nested card's is ignored here
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
            parts = (getattr(v, "given", ""), getattr(v, "family", ""))
            fields["name"] = " ".join(" ".join(str(x) for x in parts).split())
    if exact_note is not None:
        fields["notes"] = exact_note
    if not fields.get("name") and any(emails):
        email = next(e for e in emails if e)
        fields["name"] = name_from_email(email)
        summary.remarks.append(Problem(number, f"no name; named {fields['name']!r} after {email}", "card"))
    if not fields.get("name"):
        who = phones[0] if phones else "no email or phone"
        summary.skipped.append(Problem(number, f"no name ({who})", "card"))
        return None
    for key, values in (("emails", emails), ("phones", phones), ("links", links)):
        if any(values):
            fields[key] = [v for v in values if v]
    if tags:
        fields["tags"] = tags
    if keep or labels or types:
        fields["extra"] = {"vcard": {k: v for k, v in (("keep", keep), ("labels", labels), ("types", types)) if v}}
    return ImportRecord(number, fields, "card", kith_id=kith_id)


def _exact_note(text: str) -> str | None:
    try:
        return base64.b64decode(text, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None


def name_from_email(email: str) -> str:
    """``jane.doe-smith@x`` -> ``Jane Doe Smith`` (words already capitalised keep their case)."""
    words = [w for w in re.split(r"[._+\-]+", email.split("@", 1)[0]) if w]
    return " ".join(w.capitalize() if w.islower() else w for w in words) or email


def split_cards(text: str) -> list[tuple[str, bool, bool]]:
    """Cut a file into ``(card text, had a photo, closed)``; PHOTO lines and their folds are left out.

    A card nested inside a card stays inside its outer card (vobject reads it as a child, which
    the importer ignores). Text between cards is ignored.
    """
    cards: list[tuple[str, bool, bool]] = []
    lines: list[str] = []
    depth, photo, in_photo = 0, False, False
    for line in io.StringIO(text, newline=""):  # \r, \n, \r\n only: never U+2028 inside a value
        if in_photo:
            if line[:1] in (" ", "\t") or not line.strip():
                continue  # a folded (or 2.1 base64) continuation of the photo
            in_photo = False
        if depth == 0:
            if _BEGIN.match(line):
                depth, lines, photo = 1, [line], False
            continue
        if depth == 1 and _PHOTO.match(line):
            photo = in_photo = True
            continue
        lines.append(line)
        if _BEGIN.match(line):
            depth += 1
        elif _END.match(line):
            depth -= 1
            if depth == 0:
                cards.append(("".join(lines), photo, True))
    if depth:
        cards.append(("".join(lines), photo, False))
    return cards


def parse(text: str, summary: ImportSummary, source: str = "the file") -> list[ImportRecord]:
    """Read every card of a vCard file; cards without a name or unreadable go into ``summary.skipped``.

    Raises:
        BadImportFile: no vCard in the file.
    """
    import vobject

    if "BEGIN:VCARD" not in text.upper():
        raise BadImportFile(f"{source} is not a vCard file (no BEGIN:VCARD)")
    records: list[ImportRecord] = []
    cards = split_cards(text)
    for number, (card_text, photo, closed) in enumerate(cards, start=1):
        if not closed:
            summary.skipped.append(Problem(number, "not closed (no END:VCARD); left out", "card"))
            continue
        try:
            card = vobject.readOne(card_text, allowQP=True)  # 2.1 quoted-printable (Android)
        except Exception as exc:  # vobject raises ParseError and assorted others on broken input
            reason = " ".join(str(exc).split())[:160] or type(exc).__name__
            summary.skipped.append(Problem(number, f"unreadable ({reason}); left out", "card"))
            continue
        if photo:
            summary.remarks.append(Problem(number, "photo skipped", "card"))
        rec = _card(card, number, summary)
        if rec:
            records.append(rec)
    if not cards:
        raise BadImportFile(f"{source} holds no vCard")
    return records
