"""Provides the language that trends: terms ranked by how many people used them, with a trend.

Computed from the stored terms (``feedback_term``), never by re-reading the texts. Ranking:
people first (four people saying "calm under pressure" outweigh one person saying it four
times), then occurrences, then the term. ``trend`` is the number of people who used the term in
the last 12 months minus the number in the 12 months before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kith.store.core.db import db
from kith.store.perception.terms import normalise, spans, stem_key


@dataclass(frozen=True)
class Term:
    key: str
    """The stem key (the grouping): ``calm under pressur``."""
    term: str
    """Its most common form as written (folded): ``calm under pressure``."""
    people: int
    count: int
    recent: int
    """People who used it in the last 12 months."""
    before: int
    """People who used it in the 12 months before those."""

    @property
    def trend(self) -> int:
        return self.recent - self.before

    @property
    def direction(self) -> str:
        return "up" if self.trend > 0 else "down" if self.trend < 0 else "steady"

    @property
    def words(self) -> int:
        return len(self.key.split())


@dataclass(frozen=True)
class Quote:
    feedback_id: int
    contact_id: int
    name: str
    given_on: date
    quotable: bool
    text: str
    """The entry's text (NFC): ``marks`` index it."""
    marks: tuple[tuple[int, int], ...]
    """Where the term occurs in ``text``, to highlight."""

    def as_json(self) -> dict:
        return {"feedback_id": self.feedback_id, "contact_id": self.contact_id, "name": self.name,
                "given_on": self.given_on.isoformat(), "quotable": self.quotable, "text": self.text}


def year_back(day: date, years: int = 1) -> date:
    """The same day ``years`` earlier (Feb 29 becomes Feb 28)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


# Three plain aggregates over the covering index beat one query with three windowed
# COUNT(DISTINCT CASE ...) by about half (bench/perception.py).
_PEOPLE_SQL = "SELECT stem, COUNT(DISTINCT contact_id), SUM(count) FROM feedback_term {where} GROUP BY stem"
_WINDOW_SQL = ("SELECT stem, COUNT(DISTINCT contact_id) FROM feedback_term "
               "WHERE given_on > ? AND given_on <= ? {also} GROUP BY stem")


def trends(today: date, limit: int | None = None, min_people: int = 1, keys: list[str] | None = None) -> list[Term]:
    """Return the terms of all feedback, ranked (people, then count, then the term).

    ``keys`` restricts to those stem keys; ``min_people`` drops terms fewer people used.
    """
    one, two = year_back(today, 1).isoformat(), year_back(today, 2).isoformat()
    where, also, key_args = "", "", []
    if keys is not None:
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        where, also, key_args = f"WHERE stem IN ({marks})", f"AND stem IN ({marks})", list(keys)
    rows = [r for r in db.execute_sql(_PEOPLE_SQL.format(where=where), key_args) if r[1] >= min_people]
    rows.sort(key=lambda r: (-r[1], -r[2], r[0]))
    if limit is not None:
        rows = rows[:max(0, limit)]
    if not rows:
        return []
    recent = dict(db.execute_sql(_WINDOW_SQL.format(also=also), [one, today.isoformat(), *key_args]))
    before = dict(db.execute_sql(_WINDOW_SQL.format(also=also), [two, one, *key_args]))
    forms = _common_forms([r[0] for r in rows], every=limit is None and keys is None)
    return [Term(stem, forms.get(stem, stem), people, count, recent.get(stem, 0), before.get(stem, 0))
            for stem, people, count in rows]


def _common_forms(stems: list[str], every: bool = False) -> dict[str, str]:
    """The most used written form of each stem key (ties: the shorter, then alphabetical).

    ``every``: the forms of all terms are wanted: one pass over the index beats IN lists.
    """
    best: dict[str, tuple] = {}
    if every:
        queries = [("SELECT stem, form, SUM(count) FROM feedback_term GROUP BY stem, form", [])]
    else:
        queries = [(f"SELECT stem, form, SUM(count) FROM feedback_term WHERE stem IN ({', '.join('?' * len(chunk))}) "
                    "GROUP BY stem, form", chunk)
                   for chunk in (stems[i:i + 500] for i in range(0, len(stems), 500))]
    for sql, args in queries:
        for stem, form, n in db.execute_sql(sql, args):
            rank = (-n, len(form), form)
            if stem not in best or rank < best[stem][0]:
                best[stem] = (rank, form)
    return {stem: form for stem, (_rank, form) in best.items()}


def find_term(term: str, today: date) -> Term | None:
    """The stored term a user typed ("Reliable" finds "reliabl"), or None."""
    key = stem_key(term)
    found = trends(today, keys=[key]) if key else []
    return found[0] if found else None


def quotes(key: str, limit: int | None = None) -> list[Quote]:
    """The feedback entries that contain the term ``key``, newest first, with where to highlight."""
    sql = ("SELECT f.id, f.contact_id, c.name, f.given_on, f.quotable, f.text FROM feedback f "
           "JOIN contact c ON c.id = f.contact_id "
           "WHERE f.id IN (SELECT feedback_id FROM feedback_term WHERE stem = ?) "
           "ORDER BY f.given_on DESC, f.id DESC")
    args: list = [key]
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    out = []
    for fid, cid, name, given_on, quotable, text in db.execute_sql(sql, args):
        text = normalise(text)
        day = given_on if isinstance(given_on, date) else date.fromisoformat(str(given_on)[:10])
        out.append(Quote(fid, cid, name, day, bool(quotable), text, tuple(spans(text, key))))
    return out


def term_json(t: Term, with_quotes: bool = True, quote_limit: int | None = 20) -> dict:
    """A term as ``kith feedback trends --json`` prints it."""
    data = {"term": t.term, "key": t.key, "people": t.people, "count": t.count, "trend": t.trend,
            "direction": t.direction}
    if with_quotes:
        data["quotes"] = [q.as_json() for q in quotes(t.key, quote_limit)]
    return data
