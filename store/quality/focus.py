"""Provides your focus (target professions, industries and geographies, with weights) and the
relevance score of each contact, with the reasons behind it.

A contact matches a focus term through a tag of the same kind (strongest: "fintech (industry,
focus)"), through its organisations (an industry or geography is the industry or location of
where they work, 0.8, or worked, 0.5: "fintech (industry, at Globex)", "London (geography,
formerly at Initech)"), through its career (a profession in a past title, 0.4), or through its
own text: a profession in the role, a geography in the location, an industry in the company or
any tag (0.6: "from role", "from location", ...). Per kind the best match counts; the score is the
matched weight over the total weight of the kinds in focus, 0-100.
"""

from __future__ import annotations

from dataclasses import dataclass

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid
from kith.store.core.fold import fold

FOCUS_KINDS = ("profession", "industry", "geography")
_TEXT_FIELD = {"profession": "role", "industry": "company", "geography": "location"}
_TEXT_WEIGHT = 0.6  # a word in the role or location is weaker evidence than a tag of that kind
_ORG_WEIGHT = {True: 0.8, False: 0.5}  # where they work now; where they worked before
_ORG_FIELD = {"industry": "industry", "geography": "location"}
_PAST_TITLE_WEIGHT = 0.4


@dataclass(frozen=True)
class FocusTerm:
    kind: str
    name: str
    weight: float = 1.0


@dataclass(frozen=True)
class Relevance:
    contact_id: int
    score: int
    """0 (no match) to 100 (every focus kind matched by a tag)."""
    reasons: tuple[str, ...]
    matched: tuple[FocusTerm, ...]

    @property
    def reason(self) -> str:
        return " · ".join(self.reasons) or "no match with your focus"


def parse_term(kind: str, text: str) -> FocusTerm:
    """``fintech`` or ``fintech=2`` (a weight from 0.1 to 10) as a focus term of ``kind``.

    Raises:
        Invalid: an unknown kind, an empty name or a bad weight.
    """
    if kind not in FOCUS_KINDS:
        raise Invalid("focus", f"unknown focus kind {kind!r}; use one of: {', '.join(FOCUS_KINDS)}")
    name, sep, weight = text.rpartition("=") if "=" in text else (text, "", "")
    name = " ".join(name.split())
    if not name or len(name) > 100 or "\x00" in name:
        raise Invalid("focus", f"a {kind} in your focus needs a name of 1 to 100 characters")
    w = 1.0
    if sep:
        try:
            w = float(weight)
        except ValueError:
            raise Invalid("focus", f"{text!r}: the weight after = must be a number from 0.1 to 10") from None
        if not 0.1 <= w <= 10:
            raise Invalid("focus", f"{text!r}: the weight after = must be a number from 0.1 to 10")
    return FocusTerm(kind, name, w)


def get_focus() -> list[FocusTerm]:
    """The stored focus, by kind then name."""
    rows = db.execute_sql("SELECT kind, name, weight FROM focus_term ORDER BY kind, folded")
    return [FocusTerm(k, n, float(w)) for k, n, w in rows]


def set_focus(kind: str, terms: list[FocusTerm]) -> list[FocusTerm]:
    """Replace the focus of one ``kind`` with ``terms`` (undoable); return the whole focus."""
    with undo.action("focus", f"set your {kind} focus") as draft:
        old = db.execute_sql("SELECT name, weight FROM focus_term WHERE kind = ?", (kind,)).fetchall()
        undo.record("quality", what="focus", kind=kind, terms=[[n, w] for n, w in old])
        _write_kind(kind, [(t.name, t.weight) for t in terms])
        draft.summary = f"set your {kind} focus to {', '.join(t.name for t in terms) or 'nothing'}"
    return get_focus()


def _write_kind(kind: str, terms: list) -> None:
    db.execute_sql("DELETE FROM focus_term WHERE kind = ?", (kind,))
    for name, weight in terms:
        db.execute_sql("INSERT OR REPLACE INTO focus_term (kind, name, folded, weight) VALUES (?, ?, ?, ?)",
                       (kind, name, fold(name), weight))


def restore_focus(step: dict) -> None:
    """Undo of ``set_focus``."""
    _write_kind(step["kind"], step["terms"])


def effective_focus(extra: list[FocusTerm] = ()) -> list[FocusTerm]:
    """The stored focus plus terms from the config (the stored weight wins for the same term)."""
    seen = {(t.kind, fold(t.name)) for t in get_focus()}
    out = get_focus()
    for t in extra:
        if (t.kind, fold(t.name)) not in seen:
            out.append(t)
            seen.add((t.kind, fold(t.name)))
    return out


def _fold_fast(text: str) -> str:
    # Most stored text is ASCII, where folding is just casefold; fold() does the rest.
    return text.casefold() if text.isascii() else fold(text)


def _ids(sql: str, args) -> set[int]:
    return {r[0] for r in db.execute_sql(sql, args)}


def _in(ids) -> str:
    return ",".join("?" * len(ids))


def term_matches(term: FocusTerm, contact_ids: list[int] | None = None) -> dict[int, tuple[float, str]]:
    """Contacts matching one focus term: id -> (weight got, reason). Set-based, so 10,000 contacts
    cost a few indexed queries; only contacts whose folded search key holds the term have their
    role, company or location read and checked."""
    key = fold(term.name)
    if not key:
        return {}
    scope, args = "", []
    if contact_ids is not None:
        scope, args = f" AND ct.contact_id IN ({_in(contact_ids)})", list(contact_ids)
    tag_sql = "SELECT ct.contact_id FROM contact_tag ct JOIN tag g ON g.id = ct.tag_id WHERE g.folded = ?"
    by_kind = _ids(tag_sql + " AND g.kind = ?" + scope, [key, term.kind, *args])
    any_tag = _ids(tag_sql + scope, [key, *args]) - by_kind
    out = {cid: (term.weight, f"{term.name} ({term.kind}, focus)") for cid in by_kind}
    out.update({cid: (term.weight * _TEXT_WEIGHT, f"{term.name} ({term.kind}, from a tag)") for cid in any_tag})
    _add_career(out, term, key, contact_ids)
    field = _TEXT_FIELD[term.kind]
    scope = scope.replace("ct.contact_id", "c.id")
    # Only people whose folded search key holds the term and who have no tag of that name.
    for cid, text in db.execute_sql(
            f"SELECT c.id, c.{field} FROM contact c WHERE instr(c.search_key, ?) > 0{scope} AND NOT EXISTS "
            f"(SELECT 1 FROM contact_tag ct JOIN tag g ON g.id = ct.tag_id WHERE ct.contact_id = c.id "
            f"AND g.folded = ?)", [key, *args, key]):
        if out.get(cid, (0.0,))[0] < term.weight * _TEXT_WEIGHT and key in _fold_fast(text or ""):
            out[cid] = (term.weight * _TEXT_WEIGHT, f"{term.name} ({term.kind}, from {field})")
    return out


def _add_career(out: dict, term: FocusTerm, key: str, contact_ids: list[int] | None) -> None:
    """Matches through the organisations a contact works or worked at, and past job titles."""
    from kith.store.network.facts import org_matches, past_title_matches

    def offer(cid: int, weight: float, why: str) -> None:
        if out.get(cid, (0.0,))[0] < weight:
            out[cid] = (weight, f"{term.name} ({term.kind}, {why})")

    if term.kind in _ORG_FIELD:
        for cid, (current, org) in org_matches(_ORG_FIELD[term.kind], key, contact_ids).items():
            offer(cid, term.weight * _ORG_WEIGHT[current], f"at {org}" if current else f"formerly at {org}")
    else:
        for cid, org in past_title_matches(key, contact_ids).items():
            offer(cid, term.weight * _PAST_TITLE_WEIGHT, f"formerly at {org}")


def _combine(cid: int, hits: list[tuple[FocusTerm, float, str]], total: float) -> Relevance:
    best: dict[str, tuple[float, str, FocusTerm]] = {}
    for term, got, why in hits:
        if got > best.get(term.kind, (0.0,))[0]:
            best[term.kind] = (got, why, term)
    score = round(100 * sum(b[0] for b in best.values()) / total) if total else 0
    ordered = [best[k] for k in FOCUS_KINDS if k in best]
    return Relevance(cid, min(score, 100), tuple(b[1] for b in ordered), tuple(b[2] for b in ordered))


def _total(focus: list[FocusTerm]) -> float:
    kind_max: dict[str, float] = {}
    for t in focus:
        kind_max[t.kind] = max(kind_max.get(t.kind, 0.0), t.weight)
    return sum(kind_max.values())


def relevance(focus: list[FocusTerm], contact_ids: list[int] | None = None) -> dict[int, Relevance]:
    """Relevance of the contacts that match ``focus`` at all (or of each of ``contact_ids``, zero
    included). Per kind the best match counts; the score is over the total weight of the kinds."""
    hits: dict[int, list] = {}
    for term in focus:
        for cid, (got, why) in term_matches(term, contact_ids).items():
            hits.setdefault(cid, []).append((term, got, why))
    total = _total(focus)
    out = {cid: _combine(cid, h, total) for cid, h in hits.items()}
    for cid in contact_ids or ():
        out.setdefault(cid, Relevance(cid, 0, (), ()))
    return out


def relevance_of(contact_id: int, focus: list[FocusTerm]) -> Relevance:
    """Relevance of one contact."""
    return relevance(focus, [contact_id]).get(contact_id, Relevance(contact_id, 0, (), ()))
