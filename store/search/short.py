"""Provides a searchable kind's short fields held in memory: its rows' folded keys (a contact's
name, company, role, location, emails and tags), titles, sorts and archived flags.

The screen reads every field of every row once and keeps them between keys; ``kith find`` reads
ids and keys, then the other fields of only the rows its query matched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kith.store.search.text import execute

HELD_WORDS = 32
"""Words whose rows a short field keeps (the words of the last few keys typed)."""
DETAILS_BY_ID = 2000
"""More rows than this to rank: read every row's title and sort at once, not row by row."""


def _named(sql: str) -> str:
    """A kind's ``short_sql`` as ``s(id, key, title, sort, archived)``: SQLite computes only the
    columns a query then reads (ids and keys without folding every title)."""
    return f"WITH s(id, key, title, sort, archived) AS ({sql})"


@dataclass
class ShortFields:
    ids: list[int]
    keys: list[str]
    titles: list
    sorts: list
    archived: list
    """Titles, sorts and archived flags: None where not read yet (``kith find`` reads only the
    rows its query matched: making 30,000 rows of five values cost more than the search)."""
    sql: str = ""
    """The kind's ``short_sql``, to read the details of rows not read yet ("": all were read)."""
    ids_ascending: bool = False
    """The rows are in id order (a table read whole): equal scores rank by position, as by id."""
    _where: dict[int, int] | None = None
    _sort_texts: list[str] | None = None
    _holding: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def read(cls, sql: str, whole: bool) -> ShortFields:
        """The rows of a kind's ``short_sql``: every column (``whole``), or ids and keys only."""
        if whole:
            rows = execute(sql).fetchall()
            ids = [r[0] for r in rows]
            return cls(ids, [r[1] or "" for r in rows], [r[2] or "" for r in rows], [r[3] or "" for r in rows],
                       [bool(r[4]) for r in rows], ids_ascending=ids == sorted(ids))
        rows = execute(f"{_named(sql)} SELECT id, key FROM s").fetchall()
        unread = [None] * len(rows)
        return cls([r[0] for r in rows], [r[1] or "" for r in rows], unread, list(unread), list(unread), sql)

    def details(self, positions) -> None:
        """Read the titles, sorts and archived flags of ``positions`` not read yet."""
        if not self.sql:
            return  # the screen's index: every row was read whole (a pass over 25,000 rows per key)
        titles = self.titles
        missing = [i for i in positions if titles[i] is None]
        if not missing:
            return
        if len(missing) > DETAILS_BY_ID:
            where = self.where()
            found = execute(f"{_named(self.sql)} SELECT id, title, sort, archived FROM s").fetchall()
        else:
            where = {self.ids[i]: i for i in missing}  # not every row's: 3 ms at 30,000 contacts
            found = []
            for start in range(0, len(missing), 500):
                chunk = ",".join(str(int(self.ids[i])) for i in missing[start:start + 500])
                found += execute(f"{_named(self.sql)} SELECT id, title, sort, archived FROM s "
                                 f"WHERE id IN ({chunk})").fetchall()
        for row_id, title, sort, archived in found:
            at = where.get(row_id)
            if at is not None:
                titles[at], self.sorts[at], self.archived[at] = title or "", sort or "", bool(archived)

    def holding(self, word: str) -> list[int]:
        """Positions of the keys that hold ``word``, in order. Kept while these rows are: typing
        "ada lo" after "ada l" reads only the keys that hold "l" (a key holding "lo" holds "l"),
        and the word typed before ("ada") is not looked for again."""
        found = self._holding.get(word)
        if found is None:
            narrower = self._holding.get(word[:-1]) if len(word) > 1 else None
            keys = self.keys
            found = [i for i in (range(len(keys)) if narrower is None else narrower) if word in keys[i]]
            if len(self._holding) >= HELD_WORDS:
                del self._holding[next(iter(self._holding))]
            self._holding[word] = found
        return found

    def sort_texts(self) -> list[str]:
        """Every row's sort as text, made once (ranking compares them as text)."""
        if self._sort_texts is None:
            self._sort_texts = [str(s) for s in self.sorts]
        return self._sort_texts

    def where(self) -> dict[int, int]:
        """Row id -> position (built on first use)."""
        if self._where is None:
            self._where = {rid: i for i, rid in enumerate(self.ids)}
        return self._where

    def key_of(self, row_id: int) -> str | None:
        """The key of one row."""
        at = self.where().get(row_id)
        return None if at is None else self.keys[at]
