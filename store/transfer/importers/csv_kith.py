"""Provides the reader of kith's own CSV export, so a CSV export re-imports cleanly.

Cells were neutralised against formula injection on export (a leading apostrophe before
``= + - @``, tab or CR); ``unguard`` takes that apostrophe off again so phone numbers like
``+49 151`` come back unchanged. Lists (emails, phones, links, tags) hold one value per line of
the cell, so a tag may contain ``;`` or ``,``; exports from before the ``kith_id`` column
separated them with ``; `` and are still read that way.
"""

from __future__ import annotations

from datetime import date

from kith.store.core.errors import Invalid
from kith.store.core.records import TagInfo
from kith.store.people.contacts import parse_tag
from kith.store.transfer.importers.common import BadImportFile, ImportRecord, ImportSummary, Problem
from kith.store.transfer.importers.csv_strict import csv_rows, strict_reader
from kith.store.transfer.importers.vcard import parse_bday

COLUMNS = ("name", "company", "role", "emails", "phones", "links", "location", "tags", "tier",
           "birthday", "connected_on", "notes", "strength", "cadence_days", "how_met", "introduced_by",
           "introduced_by_id", "kith_id", "archived")
LIST_SEPARATOR = "\n"
OLD_LIST_SEPARATOR = ";"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_TEXT = ("name", "company", "role", "location", "notes", "tier", "how_met")
_NUMBERS = ("strength", "cadence_days")


def guard(value: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula (OWASP CSV injection)."""
    if value.startswith(DANGEROUS) or (value.startswith("'") and value[1:2] in (*DANGEROUS, "'")):
        return "'" + value
    return value


def unguard(value: str) -> str:
    """Undo ``guard``."""
    if value.startswith("'") and value[1:2] in (*DANGEROUS, "'"):
        return value[1:]
    return value


def tag_cell(tag: TagInfo) -> str:
    """A tag as ``parse_tag`` reads it back: ``industry:Fintech``; an ``other`` tag whose name
    looks kinded (``role: lead`` is fine, ``industry:x`` is not) gets an explicit ``other:``."""
    label = tag.label()
    if tag.kind == "other" and parse_tag(tag.name).kind != "other":
        label = f"other:{tag.name}"
    return label


def _items(cell: str, separator: str) -> list[str]:
    return [x.strip() for x in cell.split(separator) if x.strip()]


def parse(text: str, summary: ImportSummary, source: str = "the file") -> list[ImportRecord]:
    """Read kith's CSV export into records.

    Raises:
        BadImportFile: the header is not kith's, or a quote is broken (the line is named).
    """
    reader = strict_reader(text)
    rows = csv_rows(reader, source)
    try:
        _line, header = next(rows)
    except StopIteration:
        raise BadImportFile(f"{source} is not a kith CSV export") from None
    header = [h.strip() for h in header]
    if tuple(header[:3]) != COLUMNS[:3]:
        raise BadImportFile(f"{source} is not a kith CSV export (the header must start name,company,role)")
    separator = LIST_SEPARATOR if "kith_id" in header else OLD_LIST_SEPARATOR
    records = []
    for row, cells in csv_rows(reader, source, width=len(header)):
        values = {h: unguard(c) for h, c in zip(header, cells)}
        if not any(v.strip() for v in values.values()):
            continue
        fields: dict = {}
        for key in _TEXT:
            if values.get(key):
                fields[key] = values[key]
        for key in _NUMBERS:
            if values.get(key, "").strip():
                fields[key] = values[key].strip()
        for key in ("emails", "phones", "links"):
            items = _items(values.get(key, ""), separator)
            if items:
                fields[key] = items
        try:
            tags = [parse_tag(t) for t in _items(values.get("tags", ""), separator)]
        except Invalid as exc:
            summary.remarks.append(Problem(row, str(exc)))
            tags = []
        if tags:
            fields["tags"] = tags
        if values.get("birthday"):
            parsed = parse_bday(values["birthday"])
            if parsed:
                fields["birthday_year"], fields["birthday_month"], fields["birthday_day"] = parsed
            else:
                summary.remarks.append(Problem(row, f"birthday {values['birthday']!r} not understood"))
        if "archived" in values:
            fields["archived"] = values["archived"].strip().lower() in ("yes", "true", "1")
        if values.get("connected_on"):
            try:
                fields["connected_on"] = date.fromisoformat(values["connected_on"].strip())
            except ValueError:
                summary.remarks.append(Problem(row, f"connection date {values['connected_on']!r} not understood"))
        if not fields.get("name"):
            summary.skipped.append(Problem(row, "no name"))
            continue
        intro = (values.get("introduced_by_id", "").strip(), values.get("introduced_by", "").strip())
        records.append(ImportRecord(row, fields, kith_id=values.get("kith_id", "").strip() or None,
                                    introducer=intro if any(intro) else None))
    return records
