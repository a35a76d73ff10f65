"""Ways a database gets damaged outside kith, for the tests of issue 10 (trust)."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

PAGE = 4096


def table_leaf_pages(path: Path, table: str) -> list[int]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", (table,))]
    finally:
        con.close()


def wreck_page(path: Path, page: int, seed: int = 10) -> None:
    """Write 4 KiB of random bytes over one page, as a disk or another program might."""
    noise = random.Random(seed).randbytes(PAGE)
    with open(path, "r+b") as f:
        f.seek((page - 1) * PAGE)
        f.write(noise)


def wreck_touch_page_mid_file(path: Path) -> int:
    """Wreck a leaf page of the touch table near the middle of the file; return its row count before."""
    pages = table_leaf_pages(path, "touch")
    page = pages[len(pages) // 2]
    con = sqlite3.connect(path)
    try:
        total = con.execute("SELECT count(*) FROM touch").fetchone()[0]
        size = con.execute("PRAGMA page_size").fetchone()[0]
    finally:
        con.close()
    assert size == PAGE and os.path.getsize(path) > 20 * PAGE  # a demo database with many pages
    wreck_page(path, page)
    return total


def write_invalid_utf8(path: Path, contact_ids=(1, 2)) -> None:
    """What another tool can do: store bytes that are not UTF-8 as TEXT."""
    con = sqlite3.connect(path)
    try:
        for cid in contact_ids:
            con.execute("UPDATE contact SET name = CAST(x'41ff42' AS TEXT) WHERE id = ?", (cid,))
        con.commit()
    finally:
        con.close()
