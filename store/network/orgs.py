"""Provides organisations: matching names to them, creating, aliases, showing and merging.

Matching folds case and accents, drops punctuation and legal suffixes (Inc, LLC, Ltd, GmbH, S.A.,
AG, plc, Corporation, Company, ...) and compares whole keys, never substrings: "Meta" is not
"Metaview". Aliases are more keys for the same organisation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.core.errors import Invalid, NotFound
from kith.store.core.fold import fold
from kith.store.network import undo_steps
from kith.store.network.records import OrgInfo, OrgRow

MAX_NAME = 200
_SUFFIXES = (("inc",), ("incorporated",), ("llc",), ("ltd",), ("limited",), ("gmbh",), ("s", "a"), ("sa",),
             ("ag",), ("plc",), ("corporation",), ("corp",), ("company",))
_NOT_WORD = re.compile(r"[^\w]+")

# fn(keep_id, other_id) inside a merge, before the other goes: areas above move their rows
# (volunteering's engagements), recording their undo steps (applied after the other is back).
MERGE_FOLLOWERS: list[Callable[[int, int], None]] = []


def org_key(name: str) -> str:
    """The matching key: ``Acme, Inc.`` and ``ACME`` give ``acme``; ``Nestlé S.A.`` gives ``nestle``."""
    words = _NOT_WORD.sub(" ", fold(name)).split()
    stripped = True
    while stripped:
        stripped = False
        for suffix in _SUFFIXES:
            if len(words) > len(suffix) and tuple(words[-len(suffix):]) == suffix:
                del words[-len(suffix):]
                stripped = True
    return " ".join(words)


def _clean_name(name: str) -> str:
    name = " ".join(str(name or "").split())
    if not org_key(name):
        raise Invalid("organisation", "an organisation needs a name")
    if len(name) > MAX_NAME:
        raise Invalid("organisation", f"an organisation name is at most {MAX_NAME} characters")
    return name


def match_org(name: str) -> OrgInfo | None:
    """The organisation ``name`` names (by its name or an alias, suffixes and accents aside), or None."""
    org_id = _match_id(org_key(name))
    return get_org(org_id) if org_id else None


def _match_id(key: str) -> int | None:
    if not key:
        return None
    row = db.execute_sql("SELECT id FROM organisation WHERE match_key = ?", (key,)).fetchone()
    if row is None:
        row = db.execute_sql("SELECT organisation_id FROM organisation_alias WHERE match_key = ?", (key,)).fetchone()
    return row[0] if row else None


def find_or_create_org(name: str) -> OrgInfo:
    """The organisation ``name`` matches, created when none does (undo removes a new one)."""
    name = _clean_name(name)
    with undo.action("add organisation", f"added organisation {name}"):
        return get_org(org_id_for(name))


def org_id_for(name: str) -> int:
    """Inside a write: the id of the matching organisation, created when none matches."""
    key = org_key(name)
    found = _match_id(key)
    if found:
        return found
    cur = db.execute_sql("INSERT INTO organisation (name, match_key, created) VALUES (?, ?, ?)",
                         (_clean_name(name), key, datetime.now()))
    undo_steps.record_delete("organisation", cur.lastrowid)
    return cur.lastrowid


def get_org(org_id: int) -> OrgInfo:
    """One organisation with its aliases.

    Raises:
        NotFound: no such organisation.
    """
    row = db.execute_sql("SELECT id, name, domain, industry, location, notes FROM organisation WHERE id = ?",
                         (org_id,)).fetchone()
    if row is None:
        raise NotFound(f"no organisation with id {org_id}")
    aliases = tuple(a for (a,) in db.execute_sql(
        "SELECT alias FROM organisation_alias WHERE organisation_id = ? ORDER BY alias", (org_id,)))
    return OrgInfo(row[0], row[1], aliases, *row[2:])


def list_orgs() -> list[OrgRow]:
    """Every organisation with how many contacts work there now and worked there before, by name."""
    sql = ("SELECT o.id, o.name, o.industry, "
           "count(DISTINCT CASE WHEN e.current = 1 THEN e.contact_id END), "
           "count(DISTINCT CASE WHEN e.current = 0 THEN e.contact_id END), t.stage "
           "FROM organisation o LEFT JOIN employment e ON e.organisation_id = o.id "
           "LEFT JOIN target t ON t.organisation_id = o.id GROUP BY o.id")
    rows = [OrgRow(*r) for r in db.execute_sql(sql)]
    rows.sort(key=lambda r: fold(r.name))
    return rows


def suggest(name: str, limit: int = 3) -> list[str]:
    """Names of organisations close to ``name`` (for "did you mean ...")."""
    from rapidfuzz import fuzz, process

    names = [n for (n,) in db.execute_sql("SELECT name FROM organisation")]
    hits = process.extract(org_key(name), {n: org_key(n) for n in names}, scorer=fuzz.WRatio, limit=limit,
                           score_cutoff=70)
    return [n for _key, _score, n in hits]


def resolve_org(text: str) -> OrgInfo:
    """The organisation ``text`` names (``#id``, a name or an alias).

    Raises:
        NotFound: nothing matches; the message says "did you mean ..." when something is close.
    """
    text = text.strip()
    if text.lstrip("#").isdigit() and text.startswith("#"):
        return get_org(int(text[1:]))
    found = match_org(text)
    if found:
        return found
    close = suggest(text)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise NotFound(f"no organisation matches {text!r}{hint}")


def add_alias(org_id: int, alias: str) -> OrgInfo:
    """Make ``alias`` another name of the organisation.

    Raises:
        Invalid: the alias already names another organisation (merge them instead).
    """
    alias = _clean_name(alias)
    key = org_key(alias)
    with undo.action("alias organisation") as draft:
        org = get_org(org_id)
        other = _match_id(key)
        if other == org_id:
            return org
        if other is not None:
            raise Invalid("alias", f"{alias!r} already names {get_org(other).name}: merge the two instead")
        cur = db.execute_sql("INSERT INTO organisation_alias (organisation_id, alias, match_key) VALUES (?, ?, ?)",
                             (org_id, alias, key))
        undo_steps.record_delete("organisation_alias", cur.lastrowid)
        draft.summary = f"{alias} is now another name of {org.name}"
    return get_org(org_id)


def merge_preview(keep_id: int, other_id: int) -> list[str]:
    """What merging ``other`` into ``keep`` would do, one line each."""
    keep, other = get_org(keep_id), get_org(other_id)
    if keep_id == other_id:
        raise Invalid("organisation", "those are the same organisation")
    jobs = db.execute_sql("SELECT count(*) FROM employment WHERE organisation_id = ?", (other_id,)).fetchone()[0]
    lines = [f"keep {keep.name} (#{keep.id}); {other.name} (#{other.id}) becomes an alias of it",
             f"{jobs} employment(s) move to {keep.name}"]
    if other.aliases:
        lines.append(f"aliases moved: {', '.join(other.aliases)}")
    for field in ("domain", "industry", "location"):
        if getattr(other, field) and not getattr(keep, field):
            lines.append(f"{field}: {getattr(other, field)} (from {other.name})")
    if db.execute_sql("SELECT 1 FROM target WHERE organisation_id = ?", (other_id,)).fetchone():
        lines.append("its target stage and note are kept when the kept one has none")
    return lines


def merge_orgs(keep_id: int, other_id: int) -> OrgInfo:
    """Fold ``other`` into ``keep``: employments, aliases, empty fields and target move; undoable."""
    merge_preview(keep_id, other_id)
    with undo.action("merge organisations") as draft:
        keep, other = get_org(keep_id), get_org(other_id)
        draft.summary = f"merged organisation {other.name} into {keep.name}"
        # Undo applies steps newest first: the organisations come back before the rows pointing at them.
        for (aid,) in db.execute_sql("SELECT id FROM organisation_alias WHERE organisation_id = ?", (other_id,)):
            undo_steps.record_restore("organisation_alias", aid)
        for (eid,) in db.execute_sql("SELECT id FROM employment WHERE organisation_id = ?", (other_id,)):
            undo_steps.record_restore("employment", eid)
        for follower in MERGE_FOLLOWERS:
            follower(keep_id, other_id)
        undo_steps.record_restore("target", other_id)
        undo_steps.record_restore("organisation", keep_id)
        undo_steps.record_restore("organisation", other_id)
        had_target = db.execute_sql("SELECT 1 FROM target WHERE organisation_id = ?", (keep_id,)).fetchone()
        if not had_target:
            undo_steps.record_delete("target", keep_id)
            db.execute_sql("UPDATE target SET organisation_id = ? WHERE organisation_id = ?", (keep_id, other_id))
        db.execute_sql("UPDATE employment SET organisation_id = ? WHERE organisation_id = ?", (keep_id, other_id))
        db.execute_sql("UPDATE organisation_alias SET organisation_id = ? WHERE organisation_id = ?",
                       (keep_id, other_id))
        fills = {f: getattr(other, f) for f in ("domain", "industry", "location", "notes")
                 if getattr(other, f) and not getattr(keep, f)}
        if fills:
            db.execute_sql(f"UPDATE organisation SET {', '.join(f'{k} = ?' for k in fills)} WHERE id = ?",
                           (*fills.values(), keep_id))
        key = org_key(other.name)
        db.execute_sql("DELETE FROM organisation WHERE id = ?", (other_id,))
        if key != org_key(keep.name):
            cur = db.execute_sql("INSERT INTO organisation_alias (organisation_id, alias, match_key) VALUES (?, ?, ?)",
                                 (keep_id, other.name, key))
            undo_steps.record_delete("organisation_alias", cur.lastrowid)
    return get_org(keep_id)


def update_org(org_id: int, **fields) -> OrgInfo:
    """Change an organisation's name, domain, industry, location or notes; undoable."""
    allowed = ("name", "domain", "industry", "location", "notes")
    values = {k: " ".join(str(v or "").split()) if k != "notes" else str(v or "").strip()
              for k, v in fields.items() if k in allowed}
    if "name" in values:
        values["name"] = _clean_name(values["name"])
        values["match_key"] = org_key(values["name"])
    with undo.action("edit organisation") as draft:
        org = get_org(org_id)
        if "match_key" in values and _match_id(values["match_key"]) not in (None, org_id):
            raise Invalid("name", f"{values['name']!r} already names another organisation: merge them instead")
        undo_steps.record_restore("organisation", org_id)
        draft.summary = f"edited organisation {org.name}"
        db.execute_sql(f"UPDATE organisation SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                       (*values.values(), org_id))
    return get_org(org_id)
