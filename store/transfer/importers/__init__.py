"""Provides the importers: LinkedIn connections, vCard files and kith's own CSV export.

``PARSERS[kind](text, summary, source) -> list[ImportRecord]``; ``import_file`` runs one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from pathlib import Path

from kith.store.transfer.importers import csv_kith, linkedin, vcard
from kith.store.transfer.importers.apply import apply_records
from kith.store.transfer.importers.common import (  # noqa: F401 (re-exported for callers)
    BadImportFile,
    ImportSummary,
    read_text,
)

PARSERS = {"linkedin": linkedin.parse, "vcard": vcard.parse, "csv": csv_kith.parse}


def import_file(kind: str, path: Path | str, dry_run: bool = False,
                progress: Callable[[int, int], None] | None = None,
                tiers: Collection[str] | None = None) -> ImportSummary:
    """Import ``path`` as ``kind`` (linkedin, vcard or csv) and return the summary.

    ``tiers``: the config's tier names; a row with another tier imports without it, with a note.

    Raises:
        BadImportFile: the file cannot be read or is not of that kind; nothing was written.
    """

    records, summary = parse_file(kind, path)
    return apply_records(records, summary, dry_run=dry_run, progress=progress, tiers=tiers)


def parse_file(kind: str, path: Path | str) -> tuple[list, ImportSummary]:
    """Read and parse ``path`` as ``kind`` without touching the database.

    Raises:
        BadImportFile: the file cannot be read or is not of that kind (which line, and why).
    """
    if kind not in PARSERS:
        raise BadImportFile(f"unknown import format {kind!r}; use one of {', '.join(PARSERS)}")
    text = read_text(path)
    summary = ImportSummary(source=str(path))
    return list(PARSERS[kind](text, summary, str(path))), summary


def guess_kind(path: Path | str) -> str:
    """Guess the format from the name and first bytes: ``vcard``, ``csv`` (kith's) or ``linkedin``."""
    p = Path(path)
    if p.suffix.lower() in (".vcf", ".vcard"):
        return "vcard"
    try:
        with open(p, "rb") if p.is_file() else open(os.devnull, "rb") as f:
            head = f.read(4096).decode("utf-8-sig", "replace")
    except OSError:
        head = ""
    if "BEGIN:VCARD" in head.upper():
        return "vcard"
    if head.startswith("name,company,role"):
        return "csv"
    return "linkedin"
