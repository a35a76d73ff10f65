"""Provides what every importer shares: safe file reading, the summary, match keys, import_file().

An importer turns a file into ``ImportRecord``s (contact fields plus the row they came from);
``apply_records`` matches each one against the store (LinkedIn URL, then email, then folded name
with company), adds the new, updates the changed and counts the unchanged, all in ONE
``BEGIN IMMEDIATE`` transaction: a killed import leaves the database as it was. Indexes are built
once up front and inserts are batched so 30,000 rows import in well under two seconds.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from kith.store.core.errors import StoreError
from kith.store.core.fold import fold

MAX_FILE_BYTES = 200 * 1024 * 1024
# A few NULs are a damaged row (refused row by row by the store's text rule); many are a binary file.
MAX_STRAY_NULS = 8


class BadImportFile(StoreError):
    """The file cannot be imported at all (missing, empty, binary, wrong format); nothing was written."""


@dataclass(frozen=True)
class Problem:
    """One row that was skipped, or imported with a remark."""

    row: int
    reason: str
    unit: str = "line"

    def __str__(self) -> str:
        return f"{self.unit} {self.row}: {self.reason}"


@dataclass
class ImportRecord:
    """Contact fields read from one row or card of a file.

    ``kith_id`` is the id a kith CSV export gave the row: rows with different ones are different
    people even when their names match. ``introducer`` is (their kith id, their name) from the file.
    """

    row: int
    fields: dict
    unit: str = "line"
    kith_id: str | None = None
    introducer: tuple[str, str] | None = None


@dataclass
class ImportSummary:
    """What an import did (or, for a dry run, would do)."""

    source: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Problem] = field(default_factory=list)
    remarks: list[Problem] = field(default_factory=list)
    dry_run: bool = False
    added_ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)

    def line(self) -> str:
        """One line: ``added 3, updated 1, unchanged 10, skipped 2`` (a dry run: ``would add 3, update 1, ...``)."""
        if self.dry_run:
            return (f"would add {self.added}, update {self.updated}, leave {self.unchanged} unchanged, "
                    f"skip {len(self.skipped)}")
        return (f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, "
                f"skipped {len(self.skipped)}")

    def lines(self) -> list[str]:
        """The full report: the counts, then each skipped row and each remark."""
        out = [f"{self.source}: {self.line()}" + (" (dry run: nothing written)" if self.dry_run else "")]
        out += [f"  skipped {p}" for p in self.skipped]
        out += [f"  note {p}" for p in self.remarks]
        return out


# -- reading files safely -------------------------------------------------------------------------


def read_text(path: Path | str) -> str:
    """Return the text of a regular UTF-8 file, refusing anything else with one clear line.

    Raises:
        BadImportFile: missing, a folder, a FIFO or device, empty, too big, binary or not UTF-8.
    """
    path = Path(path).expanduser()
    try:
        st = os.stat(path)  # stat first: opening a FIFO would block forever
    except FileNotFoundError:
        raise BadImportFile(f"{path}: no such file") from None
    except OSError as exc:
        raise BadImportFile(f"{path}: cannot read it ({exc.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise BadImportFile(f"{path} is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise BadImportFile(f"{path} is not a regular file (a pipe or device); refusing to read it")
    if st.st_size == 0:
        raise BadImportFile(f"{path} is empty")
    if st.st_size > MAX_FILE_BYTES:
        raise BadImportFile(f"{path} is larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
    try:
        # O_NONBLOCK and a second check on the open file: a FIFO swapped in after the stat
        # cannot make the open (or the read) hang.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise BadImportFile(f"{path} is not a regular file (a pipe or device); refusing to read it")
            data = f.read()
    except OSError as exc:
        raise BadImportFile(f"{path}: cannot read it ({exc.strerror})") from None
    nuls = data[:65536].count(b"\x00")
    if nuls > MAX_STRAY_NULS:
        raise BadImportFile(f"{path} is a binary file, not a text export")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if nuls:
            raise BadImportFile(f"{path} is a binary file, not a text export") from None
        raise BadImportFile(f"{path} is not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise BadImportFile(f"{path} is empty")
    return text


# -- match keys -----------------------------------------------------------------------------------

def fast_fold(text: str | None) -> str:
    """``fold`` with a shortcut for ASCII text (NFKD and the letter map change nothing there)."""
    if text and text.isascii():
        return " ".join(text.lower().split())
    return fold(text)


def search_key(s: dict) -> str:
    """The same key as ``store.contacts._search_key``, computed with ``fast_fold``."""
    parts = [s.get(f) or "" for f in ("name", "company", "role", "location")]
    parts += list(s.get("emails") or ())
    parts += [t.name for t in s.get("tags") or ()]
    return fast_fold(" ".join(parts))


def email_key(email: str) -> str:
    return email.strip().lower()


def name_company_key(name: str, company: str) -> str:
    return fast_fold(name) + "\x1f" + fast_fold(company)
