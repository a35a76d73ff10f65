"""Provides salvage(): every row of a damaged database that can still be read, and a count of the rest.

Table by table, row by row: a plain scan first (a sound table costs one query); when it breaks
on a damaged page, the rowids are gathered from the parts of the table that still scan
(forwards and backwards) and from its indexes, which hold every rowid on pages of their own,
then each row is read by rowid. A row whose page is broken is counted, not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kith.store.core.db import DB_ERRORS, db
from kith.store.transfer.exporters import FORMAT, FORMAT_VERSION, _plain, data_tables

_PROBE_LIMIT = 2_000_000  # rowids probed one by one at most per table (kith's are dense)


@dataclass
class SalvageReport:
    rows: int = 0
    """Rows written to the export."""
    lost: dict[str, int] = field(default_factory=dict)
    """Per table, rows that could not be read (-1: some, how many is unknown)."""
    orphans: dict[str, int] = field(default_factory=dict)
    """Per table, readable rows left out because the row they belong to was lost."""

    @property
    def lost_rows(self) -> int:
        return sum(n for n in self.lost.values() if n > 0)

    def summary(self) -> str:
        unknown = [t for t, n in self.lost.items() if n < 0]
        text = f"salvaged {self.rows} rows; {self.lost_rows} rows could not be read"
        if self.lost_rows:
            text += " (" + ", ".join(f"{t}: {n}" for t, n in self.lost.items() if n > 0) + ")"
        if unknown:
            text += "; an unknown number of rows lost from: " + ", ".join(unknown)
        if self.orphans:
            text += "; left out with them: " + ", ".join(f"{t}: {n}" for t, n in self.orphans.items())
        return text


def salvage() -> tuple[dict, SalvageReport]:
    """The export data (as ``exporters.snapshot()``) of every readable row, and what was lost."""
    conn = db.connection()
    report = SalvageReport()
    try:
        schema = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = data_tables()
    except DB_ERRORS as exc:
        from kith.store.core.errors import StoreError

        raise StoreError(f"nothing can be salvaged: the list of tables cannot be read ({exc})") from None
    out = {}
    for table in tables:
        try:
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            has_rowid = not _without_rowid(conn, table)
        except DB_ERRORS:
            report.lost[table] = -1
            continue
        rows, lost = (_rowid_rows if has_rowid else _key_rows)(conn, table, cols)
        out[table] = {"columns": cols, "rows": [list(r) for r in rows]}
        if lost:
            report.lost[table] = lost
    if report.lost:
        _leave_out_orphans(conn, out, report)
    for t in out.values():
        t["rows"] = [[_plain(v) for v in r] for r in t["rows"]]
        report.rows += len(t["rows"])
    data = {"format": FORMAT, "version": FORMAT_VERSION, "schema": schema, "tables": out,
            "salvage": {"unreadable_rows": report.lost_rows, "tables": report.lost}}
    return data, report


def _without_rowid(conn, table: str) -> bool:
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
    return "WITHOUT ROWID" in (sql or "").upper()


def _scan(conn, sql: str, into: dict, params=()) -> bool:
    """Add rows of ``sql`` (key first) to ``into`` until the end (True) or a damaged page (False)."""
    try:
        for row in conn.execute(sql, params):
            into[row[0]] = row[1:]
    except DB_ERRORS:
        return False
    return True


def _rowid_rows(conn, table: str, cols: list[str]) -> tuple[list, int]:
    sel = ", ".join(f'"{c}"' for c in cols)
    got: dict = {}
    if _scan(conn, f'SELECT rowid, {sel} FROM "{table}" ORDER BY rowid', got):
        return [got[k] for k in sorted(got)], 0
    _scan(conn, f'SELECT rowid, {sel} FROM "{table}" ORDER BY rowid DESC', got)
    indexed = _rowids_from_indexes(conn, table)
    if indexed is not None:
        wanted = indexed
    elif got:  # no sound index: try every rowid between the readable ends
        low = min(got)
        wanted = set(range(low, min(max(got), low + _PROBE_LIMIT) + 1))
    else:
        return [], -1
    lost = 0
    for rowid in sorted(wanted - got.keys()):
        try:
            row = conn.execute(f'SELECT rowid, {sel} FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()
        except DB_ERRORS:
            lost += 1
            continue
        if row is not None:
            got[row[0]] = row[1:]
        elif indexed is not None:
            lost += 1  # an index names the row but the table's pages no longer hold it
    return [got[k] for k in sorted(got)], lost


def _rowids_from_indexes(conn, table: str) -> set | None:
    """Every rowid the fullest readable index of ``table`` holds (an index lives on other pages)."""
    best = None
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                                (table,)).fetchall():
        try:
            ids = {r[0] for r in conn.execute(f'SELECT rowid FROM "{table}" INDEXED BY "{name}"')}
        except DB_ERRORS:
            continue
        if best is None or len(ids) > len(best):
            best = ids
    return best


def _key_rows(conn, table: str, cols: list[str]) -> tuple[list, int]:
    # WITHOUT ROWID tables (links such as contact_tag) have no rowid to probe: scan by key from
    # both ends; how many rows sat on the broken pages is unknown (-1).
    sel = ", ".join(f'"{c}"' for c in cols)
    got: dict = {}
    if _scan(conn, f'SELECT 0, {sel} FROM "{table}"', _ByContent(got)):
        return list(got.values()), 0
    info = sorted((r for r in conn.execute(f'PRAGMA table_info("{table}")') if r[5]), key=lambda r: r[5])
    desc = ", ".join(f'"{r[1]}" DESC' for r in info)
    _scan(conn, f'SELECT 0, {sel} FROM "{table}" ORDER BY {desc}', _ByContent(got))
    return list(got.values()), -1


class _ByContent(dict):
    """A sink for _scan that keys each row by its whole content (there is no rowid)."""

    def __init__(self, target: dict) -> None:
        super().__init__()
        self.target = target

    def __setitem__(self, _key, row) -> None:
        self.target[tuple(row)] = row


def _leave_out_orphans(conn, out: dict, report: SalvageReport) -> None:
    """Make the salvage restorable: a row pointing at a lost row is left out (or its link cleared).

    ``kith restore`` checks foreign keys, so a touch of a contact whose page was lost would make
    the whole restore fail. Links declared ON DELETE SET NULL are cleared instead, as a delete would.
    """
    links = []
    for table in out:
        fks: dict[int, list] = {}
        for fk in conn.execute(f'PRAGMA foreign_key_list("{table}")'):
            fks.setdefault(fk[0], []).append(fk)
        for parts in fks.values():
            if len(parts) == 1 and parts[0][2] in out:
                _id, _seq, parent, col, ref, _upd, on_delete, _m = parts[0]
                links.append((table, col, parent, ref, on_delete.upper() == "SET NULL"))
    changed = True
    while changed:  # a dropped row can orphan rows of its own
        changed = False
        for table, col, parent, ref, set_null in links:
            pcols = out[parent]["columns"]
            key = pcols.index(ref) if ref else _primary_key(conn, parent, pcols)
            if key is None:
                continue
            present = {r[key] for r in out[parent]["rows"]}
            cols = out[table]["columns"]
            i = cols.index(col)
            kept = []
            for row in out[table]["rows"]:
                if row[i] is None or row[i] in present:
                    kept.append(row)
                elif set_null:
                    row[i] = None
                    kept.append(row)
                else:
                    report.orphans[table] = report.orphans.get(table, 0) + 1
                    changed = True
            out[table]["rows"] = kept


def _primary_key(conn, table: str, cols: list[str]) -> int | None:
    pk = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[5]]
    return cols.index(pk[0]) if len(pk) == 1 else None
