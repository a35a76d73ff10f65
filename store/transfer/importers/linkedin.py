"""Provides the LinkedIn ``Connections.csv`` reader.

The export starts with a ``Notes:`` preamble of varying length, so the header is found by its
column names, never by skipping a fixed count. Dates look like ``15 Mar 2024`` and are parsed
without the locale (``strptime('%b')`` would fail under a German or Japanese locale).
"""

from __future__ import annotations

import csv
import re
from datetime import date

from kith.store.transfer.importers.common import BadImportFile, ImportRecord, ImportSummary, Problem
from kith.store.transfer.importers.csv_strict import csv_rows, strict_reader

MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
COLUMNS = {
    "first name": "first", "last name": "last", "url": "url", "email address": "email",
    "company": "company", "position": "position", "connected on": "connected_on",
}
_USUAL = re.compile(r"^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$")
_DASHED = re.compile(r"^(\d{1,2})[-/ ]([A-Za-z]{3,9})[-/ ](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_connected_on(text: str) -> tuple[date | None, str | None]:
    """Return (the date, a remark or None). ``15 Mar 2024`` is the usual form and gives no remark."""
    text = " ".join(text.split())
    if not text:
        return None, None
    for pattern, usual in ((_USUAL, True), (_DASHED, False)):
        m = pattern.match(text)
        if m:
            month = MONTHS.get(m.group(2)[:3].lower())
            year = int(m.group(3))
            year = year + 2000 if year < 100 else year
            try:
                day = date(year, month, int(m.group(1))) if month else None
            except ValueError:
                day = None
            if day is None:
                return None, f"connection date {text!r} is not a real day; left empty"
            if usual:
                return day, None
            return day, f"odd connection date {text!r}, read as {day.isoformat()}"
    m = _ISO.match(text)
    if m:
        try:
            return date.fromisoformat(text), None
        except ValueError:
            pass
    return None, f"connection date {text!r} not understood; left empty"


def _find_header(lines: list[str]) -> int:
    for i, line in enumerate(lines[:200]):
        try:
            cells = next(csv.reader([line]))
        except (csv.Error, StopIteration):
            continue
        names = {c.strip().lower() for c in cells}
        if {"first name", "last name"} <= names and ("url" in names or "email address" in names):
            return i
    return -1


def parse(text: str, summary: ImportSummary, source: str = "the file") -> list[ImportRecord]:
    """Read a LinkedIn connections export into records; odd rows go into ``summary``.

    Raises:
        BadImportFile: no LinkedIn header in the file.
    """
    lines = text.splitlines(keepends=True)
    start = _find_header(lines)
    if start < 0:
        raise BadImportFile(f"{source} is not a LinkedIn connections export (no 'First Name,Last Name,URL' header)")
    reader = strict_reader("".join(lines[start:]))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise BadImportFile(f"{source}: cannot read the header ({exc})") from None
    keys = [COLUMNS.get(h.lower(), h) for h in header]
    records: list[ImportRecord] = []
    for row, cells in csv_rows(reader, source, start, width=len(header)):
        if not any(c.strip() for c in cells):
            if cells:
                summary.skipped.append(Problem(row, "empty row"))
            continue
        values = dict(zip(keys, (c.strip() for c in cells)))
        name = " ".join(f"{values.get('first', '')} {values.get('last', '')}".split())
        if not name:
            summary.skipped.append(Problem(row, "no first or last name"))
            continue
        fields: dict = {"name": name}
        if values.get("company"):
            fields["company"] = values["company"]
        if values.get("position"):
            fields["role"] = values["position"]
        if values.get("url"):
            fields["links"] = [values["url"]]
        if values.get("email"):
            fields["emails"] = [values["email"]]
        on, remark = parse_connected_on(values.get("connected_on", ""))
        if remark:
            summary.remarks.append(Problem(row, remark))
        if on:
            fields["connected_on"] = on
        # Columns we do not map (LinkedIn adds some now and then) are kept, not lost.
        unknown = {k: v for k, v in values.items() if k not in COLUMNS.values() and v}
        if unknown:
            fields["extra"] = {"linkedin": unknown}
        records.append(ImportRecord(row, fields))
    return records
