"""Provides the one filter grammar shared by the Contacts filter, triage, bulk actions and audiences.

``ada fintech`` keeps contacts whose name, company, role, location, emails or tags hold every
word (as the Contacts filter always did). Keyed terms narrow further: ``tier:close``,
``tag:fintech`` / ``tag:industry:fintech``, ``org:Globex``, ``strength>=3``, ``last<90d`` /
``last>1y`` (last touch; never touched counts as longer ago than anything), ``last:never``,
``added:last-import`` / ``added<30d``, ``archived:yes|no|any``, ``triaged:yes|no``,
``relevant:yes|no`` (has a profession, industry or geography tag). Terms combine with AND;
a leading ``-`` negates one. Quotes keep spaces: ``org:"Globex Corp"``. Archived contacts are
left out unless an ``archived:`` term says otherwise. A bad key or value raises ``BadFilter``
whose message is one line a user can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kith.store.core.errors import Invalid
from kith.store.core.fold import fold
from kith.store.core.records import TAG_KINDS

KEYS = ("tier", "tag", "org", "strength", "last", "added", "archived", "triaged", "relevant")
_TOKEN = re.compile(r'(-?)((?:[^\s"]*"[^"]*"?)+[^\s"]*|\S+)')
_KEYED = re.compile(r"^([A-Za-z]+)(>=|<=|:|>|<|=)(.*)$", re.S)
_SPAN = re.compile(r"^(\d{1,5})\s*([dwmy])$")
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}
_YES = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}


class BadFilter(Invalid):
    """A filter with an unknown key or a bad value (one line, exit 2 on the command line)."""

    def __init__(self, message: str) -> None:
        super().__init__("filter", message)


@dataclass(frozen=True)
class Term:
    key: str
    """Empty for a free word."""
    op: str
    value: str
    negated: bool = False


@dataclass(frozen=True)
class Query:
    text: str
    terms: tuple[Term, ...]

    @property
    def keyed(self) -> bool:
        """True when the query needs more than the plain word match of the list."""
        return any(t.key or t.negated for t in self.terms)

    @property
    def archived_mode(self) -> str | None:
        """``yes``, ``no`` or ``any`` from an ``archived:`` term; None when there is none."""
        for t in self.terms:
            if t.key == "archived":
                value = _yes_no_any(t.value)
                if t.negated and value != "any":
                    value = "no" if value == "yes" else "yes"
                return value
        return None


def _unquote(text: str) -> str:
    return text.replace('"', "")


def parse(text: str) -> Query:
    """Parse a filter; raise ``BadFilter`` naming the first bad term."""
    terms: list[Term] = []
    if text.count('"') % 2:
        raise BadFilter('a quote is not closed: add the closing "')
    for m in _TOKEN.finditer(text or ""):
        neg, body = m.group(1) == "-", m.group(2)
        if not body:
            if neg:
                raise BadFilter("a lone - negates nothing: write -tier:dormant or -word")
            continue
        keyed = _KEYED.match(body)
        if keyed and not body.startswith('"'):
            key, op, value = keyed.group(1).lower(), keyed.group(2), _unquote(keyed.group(3)).strip()
            if key not in KEYS:
                raise BadFilter(f"unknown filter key {key!r}; use one of: {', '.join(k + ':' for k in KEYS)}")
            terms.append(_check(Term(key, op, value, neg)))
            continue
        word = fold(_unquote(body))
        if word:
            terms.append(Term("", ":", word, neg))
    return Query(text, tuple(terms))


def _yes_no_any(value: str) -> str:
    v = value.lower()
    if v == "any":
        return "any"
    if v in _YES:
        return "yes" if _YES[v] else "no"
    raise BadFilter(f"{value!r} is not yes, no or any")


def _span_days(term: Term) -> int:
    m = _SPAN.match(term.value.lower())
    if not m:
        raise BadFilter(f"{term.key}{term.op}{term.value}: give a span like 90d, 6w, 3m or 1y")
    return int(m.group(1)) * _UNIT_DAYS[m.group(2)]


def _check(t: Term) -> Term:
    if not t.value:
        raise BadFilter(f"{t.key}{t.op} needs a value, e.g. {_EXAMPLES[t.key]}")
    if t.key in ("tier", "tag", "org", "archived", "triaged", "relevant") and t.op != ":":
        raise BadFilter(f"{t.key} takes ':' (as in {_EXAMPLES[t.key]}), not {t.op!r}")
    if t.key == "strength":
        if not t.value.isdigit() or not 1 <= int(t.value) <= 5:
            raise BadFilter(f"strength{t.op}{t.value}: strength is a whole number from 1 to 5")
    elif t.key == "last":
        if t.op == ":" and t.value.lower() != "never":
            raise BadFilter(f"last:{t.value}: write last<90d, last>1y or last:never")
        if t.op in ("<", ">", "<=", ">="):
            _span_days(t)
        elif t.op == "=":
            raise BadFilter("last takes < or > with a span (last<90d, last>1y), or last:never")
    elif t.key == "added":
        if t.op == ":" and t.value.lower() != "last-import":
            raise BadFilter(f"added:{t.value}: write added:last-import or added<30d")
        if t.op in ("<", ">", "<=", ">="):
            _span_days(t)
        elif t.op == "=":
            raise BadFilter("added takes :last-import or < / > with a span (added<30d)")
    elif t.key in ("archived",):
        _yes_no_any(t.value)
    elif t.key in ("triaged", "relevant"):
        if _yes_no_any(t.value) == "any":
            raise BadFilter(f"{t.key}: takes yes or no")
    elif t.key == "tag":
        kind, sep, name = t.value.partition(":")
        if sep and kind.lower() in TAG_KINDS and not name.strip():
            raise BadFilter(f"tag:{t.value} has a kind but no tag name")
    elif t.key == "tier" and not re.match(r"^[A-Za-z][A-Za-z0-9_-]{0,30}$", t.value):
        raise BadFilter(f"tier:{t.value} is not a tier name")
    return t


_EXAMPLES = {"tier": "tier:close", "tag": "tag:fintech", "org": "org:Globex", "strength": "strength>=3",
             "last": "last<90d", "added": "added:last-import", "archived": "archived:yes",
             "triaged": "triaged:no", "relevant": "relevant:yes"}
_SQL_OPS = {"<": "<", ">": ">", "<=": "<=", ">=": ">=", "=": "=", ":": "="}


def _clause(t: Term, today: date) -> tuple[str, list]:
    if not t.key:
        return "instr(c.search_key, ?) > 0", [t.value]
    if t.key == "tier":
        return "c.tier = ?", [t.value.lower()]
    if t.key == "org":
        return "instr(kith_fold(c.company), ?) > 0", [fold(t.value)]
    if t.key == "strength":
        return f"c.strength {_SQL_OPS[t.op]} ?", [int(t.value)]
    if t.key == "tag":
        kind, sep, name = t.value.partition(":")
        sql = "EXISTS (SELECT 1 FROM contact_tag ct JOIN tag g ON g.id = ct.tag_id WHERE ct.contact_id = c.id"
        if sep and kind.lower() in TAG_KINDS:
            return sql + " AND g.kind = ? AND g.folded = ?)", [kind.lower(), fold(name)]
        return sql + " AND g.folded = ?)", [fold(t.value)]
    if t.key == "last":
        if t.op == ":":
            return "c.last_touch_on IS NULL", []
        since = (today - timedelta(days=_span_days(t))).isoformat()
        if t.op in ("<", "<="):  # touched within the span
            return "c.last_touch_on >= ?", [since]
        return "(c.last_touch_on IS NULL OR c.last_touch_on < ?)", [since]
    if t.key == "added":
        if t.op == ":":
            return "c.import_run_id IS NOT NULL AND c.import_run_id = (SELECT max(id) FROM import_run)", []
        since = (today - timedelta(days=_span_days(t))).isoformat()
        return ("date(c.created) >= ?" if t.op in ("<", "<=") else "date(c.created) < ?"), [since]
    if t.key == "archived":
        value = _yes_no_any(t.value)
        return {"yes": "c.archived = 1", "no": "c.archived = 0", "any": "1"}[value], []
    if t.key == "triaged":
        return ("c.triaged_on IS NOT NULL" if _yes_no_any(t.value) == "yes" else "c.triaged_on IS NULL"), []
    # relevant
    sql = ("EXISTS (SELECT 1 FROM contact_tag ct JOIN tag g ON g.id = ct.tag_id WHERE ct.contact_id = c.id "
           "AND g.kind IN ('profession', 'industry', 'geography'))")
    return (sql if _yes_no_any(t.value) == "yes" else f"NOT {sql}"), []


def where(query: Query, today: date, include_archived: bool = False) -> tuple[str, list]:
    """The SQL condition (over ``contact c``) and its parameters for ``query``."""
    parts, params = [], []
    for t in query.terms:
        sql, args = _clause(t, today)
        parts.append(f"NOT ({sql})" if t.negated else f"({sql})")
        params += args
    if query.archived_mode is None and not include_archived:
        parts.append("c.archived = 0")
    return (" AND ".join(parts) or "1"), params


def matching_ids(query: Query | str, today: date, include_archived: bool = False) -> list[int]:
    """Ids of the contacts ``query`` keeps, ordered by name (as the list is)."""
    from kith.store.core.db import db

    if isinstance(query, str):
        query = parse(query)
    sql, params = where(query, today, include_archived)
    rows = db.execute_sql(f"SELECT c.id FROM contact c WHERE {sql} ORDER BY c.name COLLATE NOCASE, c.id", params)
    return [r[0] for r in rows]
