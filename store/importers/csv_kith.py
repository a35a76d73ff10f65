"""Provides the reader of kith's own CSV export, so a CSV export re-imports cleanly.

Cells were neutralised against formula injection on export (a leading apostrophe before
``= + - @``, tab or CR); ``unguard`` takes that apostrophe off again so phone numbers like
``+49 151`` come back unchanged.
"""

from __future__ import annotations

import csv
import io

from store.contacts import parse_tag
from store.errors import Invalid
from store.importers.common import BadImportFile, ImportRecord, ImportSummary, Problem, csv_rows
from store.importers.vcard import parse_bday

COLUMNS = ("name", "company", "role", "emails", "phones", "links", "location", "tags", "tier",
           "birthday", "connected_on", "notes")
LIST_SEPARATOR = "; "
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


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


def parse(text: str, summary: ImportSummary, source: str = "the file") -> list[ImportRecord]:
    """Read kith's CSV export into records.

    Raises:
        BadImportFile: the header is not kith's.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (csv.Error, StopIteration):
        raise BadImportFile(f"{source} is not a kith CSV export") from None
    if tuple(h.strip() for h in header[:3]) != COLUMNS[:3]:
        raise BadImportFile(f"{source} is not a kith CSV export (the header must start name,company,role)")
    records = []
    for row, cells in csv_rows(reader, source):
        values = {h.strip(): unguard(c) for h, c in zip(header, cells)}
        if not any(v.strip() for v in values.values()):
            continue
        fields: dict = {}
        for key in ("name", "company", "role", "location", "notes", "tier"):
            if values.get(key):
                fields[key] = values[key]
        for key in ("emails", "phones", "links"):
            items = [x.strip() for x in values.get(key, "").split(";") if x.strip()]
            if items:
                fields[key] = items
        try:
            tags = [parse_tag(t) for t in values.get("tags", "").split(";") if t.strip()]
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
        if values.get("connected_on"):
            fields["connected_on"] = values["connected_on"]
        if not fields.get("name"):
            summary.skipped.append(Problem(row, "no name"))
            continue
        records.append(ImportRecord(row, fields))
    return records
