"""Provides matching for rows of kith's own CSV export, which carry a kith id.

A kith id says which contact a row was in the database it came from. Two rows with different
ids are two people, even with the same name (two "Sam Lee"s): a contact one id has matched or
created is never taken by another id (the importer makes a new contact instead). A row matches
the contact with its own id and name (a database importing its own export), else as any import
does (URL, email, name with company). Introducers are a kith id of the same file plus a name.
"""

from __future__ import annotations

from kith.store.core.fold import fold


def match(rec, fields: dict, index, state: dict[int, dict]) -> tuple[int | None, str]:
    """The contact a record is, and why: its own kith id and name first, then the usual keys."""
    if rec.kith_id is not None:
        same = _own_id(rec.kith_id, fields, state)
        if same is not None:
            return same, "same kith id and name"
    return index.find(fields)


def _own_id(kith_id: str, fields: dict, state: dict[int, dict]) -> int | None:
    try:
        cid = int(kith_id)
    except ValueError:
        return None
    cur = state.get(cid)
    if cid > 0 and cur and fold(cur["name"]) == fold(fields.get("name") or ""):
        return cid
    return None


def resolve_introducers(introduced: dict[int, tuple[str, str]], rows_to_cid: dict[int, int],
                        by_kith_id: dict[str, int], state: dict[int, dict], summary) -> dict[int, int]:
    """Map each row's introducer to a contact id: ``{contact id: introducer's contact id}``.

    The introducer is looked up by its kith id among this file's rows first, then by a name that
    exactly one contact has; otherwise the row keeps no introducer and a remark says why.
    """
    from kith.store.transfer.importers.common import Problem

    by_name: dict[str, list[int]] = {}
    for cid, s in state.items():
        by_name.setdefault(fold(s["name"]), []).append(cid)
    out: dict[int, int] = {}
    for row, (ref, name) in sorted(introduced.items()):
        cid = rows_to_cid.get(row)
        if cid is None:
            continue
        target = by_kith_id.get(ref) if ref else None
        if target is None and name:
            found = by_name.get(fold(name), [])
            target = found[0] if len(found) == 1 else None
        if target is None or target == cid:
            summary.remarks.append(Problem(row, f"introducer {name or ref!r} not found; left out"))
            continue
        out[cid] = target
    return out


def new_ids(new_rows: list[dict], taken: set[int]) -> list[int]:
    """Ids for new contacts: a row's own kith id when it is free (an export restored into an empty
    database keeps its ids, and importing it again finds every row), else the next ids after all."""
    wanted = [int(w) if str(w or "").isascii() and str(w).isdigit() and 0 < int(w) < 2**62 else None for w in
              (s.get("want_id") for s in new_rows)]
    next_id = max([0, *taken, *(w for w in wanted if w)]) + 1
    out = []
    for w in wanted:
        if w and w not in taken:
            taken.add(w)
            out.append(w)
        else:
            out.append(next_id)
            next_id += 1
    return out
