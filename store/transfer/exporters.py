"""Provides the exports: JSON and TOML (complete), CSV (contacts), vCard 3.0 and iCalendar.

JSON and TOML dump every table of the schema, read from ``sqlite_master``, so tables that later
migrations add are exported with no change here; FTS virtual tables and their shadow tables are
left out (they are rebuilt from the rows). ``store.restore`` reads these back. Every file is
written atomically (temp file, fsync, rename) and owner-only (0600).
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kith.store.core import clock
from kith.store.core.db import db
from kith.store.core.files import Written, write_atomic, write_file, write_new  # noqa: F401 (write_atomic re-exported)

FORMAT = "kith-export"
FORMAT_VERSION = 1
FORMATS = ("json", "toml", "csv", "vcard", "ics")
SUFFIX = {"json": ".json", "toml": ".toml", "csv": ".csv", "vcard": ".vcf", "ics": ".ics"}


# -- writing files ------------------------------------------------------------------------------


_UNSAFE_NAME = re.compile(r"[^\w.@ -]+", re.UNICODE)


def safe_file_name(name: str, suffix: str, fallback: str = "contact") -> str:
    """A file name from a contact name that cannot leave its folder (no ``/``, ``..``, controls)."""
    stem = _UNSAFE_NAME.sub("_", name).strip(" ._-")[:80] or fallback
    return stem + suffix


# -- the whole database, generically ------------------------------------------------------------


def data_tables() -> list[str]:
    """Every table holding kith's data, in creation order, without FTS virtual or shadow tables."""
    rows = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    ).fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    out = []
    for name, _sql in rows:
        if name in virtual or any(name.startswith(v + "_") for v in virtual):
            continue
        out.append(name)
    return out


def _columns(table: str) -> list[str]:
    return [r[1] for r in db.execute_sql(f'PRAGMA table_info("{table}")')]


def _order_by(table: str) -> str:
    pk = [r[1] for r in sorted(db.execute_sql(f'PRAGMA table_info("{table}")'), key=lambda r: r[5]) if r[5]]
    return ", ".join(f'"{c}"' for c in pk) if pk else "rowid"


def _plain(value):
    if isinstance(value, bytes):
        return {"$base64": base64.b64encode(value).decode("ascii")}
    return value


def snapshot() -> dict:
    """The whole database as plain data: ``{"format", "version", "schema", "tables": {name: {...}}}``."""
    schema = db.execute_sql("PRAGMA user_version").fetchone()[0]
    tables = {}
    with db.atomic():  # one consistent read even while another kith writes
        for table in data_tables():
            cols = _columns(table)
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows = db.execute_sql(f'SELECT {quoted} FROM "{table}" ORDER BY {_order_by(table)}').fetchall()
            tables[table] = {"columns": cols, "rows": [[_plain(v) for v in r] for r in rows]}
    return {"format": FORMAT, "version": FORMAT_VERSION, "schema": schema, "tables": tables}


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def to_toml(data: dict) -> str:
    """TOML has no null: a row is a table of its non-NULL columns (a missing key means NULL)."""
    import tomli_w

    doc = {"format": data["format"], "version": data["version"], "schema": data["schema"], "tables": {}}
    for name, t in data["tables"].items():
        rows = [{c: v for c, v in zip(t["columns"], r) if v is not None} for r in t["rows"]]
        doc["tables"][name] = {"columns": t["columns"], "rows": rows}
    return tomli_w.dumps(doc, multiline_strings=False)


# -- contacts as records ------------------------------------------------------------------------


def _contacts():
    from kith.store.people.contacts import list_contacts

    return list_contacts(include_archived=True)


def to_csv(contacts=None) -> str:
    """Contacts as CSV, every cell guarded against formula injection; ``kith import csv`` reads it back."""
    from kith.store.transfer.importers.csv_kith import COLUMNS, LIST_SEPARATOR, guard, tag_cell

    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for c in contacts if contacts is not None else _contacts():
        cells = [c.name, c.company, c.role, LIST_SEPARATOR.join(c.emails),
                 LIST_SEPARATOR.join(c.phones), LIST_SEPARATOR.join(c.links),
                 c.location, LIST_SEPARATOR.join(tag_cell(t) for t in c.tags), c.tier, c.birthday,
                 c.connected_on.isoformat() if c.connected_on else "", c.notes, str(c.strength),
                 "" if c.cadence_days is None else str(c.cadence_days), c.how_met, c.introduced_by_name or "",
                 "" if c.introduced_by_id is None else str(c.introduced_by_id), str(c.id),
                 "yes" if c.archived else ""]
        w.writerow([guard(x) for x in cells])
    return buf.getvalue()


def _vcard(c):
    import vobject
    from vobject.base import textLineToContentLine

    from kith.store.transfer.importers.csv_kith import tag_cell
    from kith.store.transfer.importers.vcard import KITH_ID, NOTE_EXACT, keepable

    card = vobject.vCard()
    card.add("version").value = "3.0"
    card.add("fn").value = c.name
    given, _, family = c.name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family or given, given=given if family else "")
    extra = (c.extra or {}).get("vcard") or {}
    labels = extra.get("labels") or {}
    types = extra.get("types") or {}
    keep = list(extra.get("keep") or [])
    kept_org = [k for k in keep if k.upper().startswith("ORG:") and k[4:].split(";")[0] == c.company]
    keep = [k for k in keep if not k.upper().startswith("ORG:") or k in kept_org]
    if c.company and not kept_org:
        card.add("org").value = [c.company]
    if c.role:
        card.add("title").value = c.role
    groups = 0
    used = {k.split(".", 1)[0].lower() for k in keep if "." in k.split(":", 1)[0].split(";", 1)[0]}

    def add(name: str, value: str, params: dict | None = None) -> None:
        nonlocal groups
        line = card.add(name)
        line.value = value
        params = dict(params or {})
        if types.get(value):
            params["TYPE"] = [*params.get("TYPE", []), *types[value]]
        for k, v in params.items():
            line.params[k] = v
        if value in labels:
            groups += 1
            while f"item{groups}" in used:
                groups += 1
            line.group = f"item{groups}"
            label = card.add("x-ablabel")
            label.group = line.group
            label.value = labels[value]

    for e in c.emails:
        add("email", e, {"TYPE": ["INTERNET"]})
    for p in c.phones:
        add("tel", p)
    for u in c.links:
        add("url", u)
    if c.notes:
        card.add("note").value = c.notes
        if "\r" in c.notes:  # vCard text has no escape for a lone CR: the exact note goes along too
            card.add(NOTE_EXACT).value = base64.b64encode(c.notes.encode("utf-8")).decode("ascii")
    if c.birthday:
        card.add("bday").value = c.birthday
    card.add(KITH_ID).value = str(c.id)  # which contact this was: same-named people stay apart on re-import
    if c.tags:
        card.add("categories").value = [tag_cell(t) for t in c.tags]  # with their kinds: re-import is a no-op
    for text in keep:
        if not keepable(text):
            continue  # kept lines can come from a restored file: never let one open a new card
        try:
            card.add(textLineToContentLine(text))
        except Exception:
            continue  # a kept line vobject cannot read back is dropped, not fatal
    return card


def vcard_of(c) -> str:
    """One contact's card: written directly when only kith's own lines are in it (the same text
    vobject writes), through vobject when it carries lines kept from an imported card."""
    from kith.store.transfer.vcard_text import card_text

    return card_text(c) or _vcard(c).serialize()


def to_vcard(contacts=None) -> str:
    """Every contact as one vCard 3.0 file (every value escaped: a note cannot inject a card)."""
    return "".join(vcard_of(c) for c in (contacts if contacts is not None else _contacts()))


def export_vcards_to_folder(folder: Path | str, contacts=None, force: bool = False) -> list[Written]:
    """One ``.vcf`` per contact in ``folder``; names come from contact names, made safe, never outside it.

    Every name is checked before anything is written: one existing file (or link) refuses the
    whole export unless ``force``; a database is never replaced.
    """
    from kith.store.core.files import absolute, check_target

    folder = absolute(folder)
    planned, used = [], set()
    for c in contacts if contacts is not None else _contacts():
        name = safe_file_name(c.name, ".vcf")
        if name.lower() in used:
            name = safe_file_name(f"{c.name} {c.id}", ".vcf")
        used.add(name.lower())
        target = folder / name  # never resolved: a link inside the folder is not followed
        if target.parent != folder:  # belt and braces: never write outside the folder
            continue
        check_target(target, force=force)
        planned.append((target, c))
    return [write_file(target, vcard_of(c), force=force) for target, c in planned]


# -- iCalendar ----------------------------------------------------------------------------------


def _event(cal, uid: str, day: date, summary: str, description: str = "", rrule: dict | None = None,
           stamp: datetime | None = None):
    from icalendar import Event

    ev = Event()
    ev.add("uid", f"{uid}@kith")
    ev.add("dtstamp", stamp)
    ev.add("dtstart", day)
    ev.add("dtend", day + timedelta(days=1))
    ev.add("summary", summary)
    if description:
        ev.add("description", description)
    if rrule:
        ev.add("rrule", rrule)
    ev.add("transp", "TRANSPARENT")
    cal.add_component(ev)


def to_ics(cadence_for: Callable[[str, int | None], int | None], stamp: datetime | None = None) -> str:
    """Open follow-ups, each contact's next due touch and birthdays as all-day events.

    A Feb 29 birthday recurs on the last day of February (``BYMONTHDAY=-1``): Feb 29 in leap
    years, Feb 28 otherwise, so it is never skipped. Birthdays without a year start in 2000.
    """
    from icalendar import Calendar

    from kith.store.people.followups import list_open
    from kith.store.today.cadence import next_due

    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", "-//kith//career network//EN")
    cal.add("version", "2.0")
    contacts = {c.id: c for c in _contacts()}
    for f in list_open():
        c = contacts.get(f.contact_id)
        who = c.name if c else f"contact {f.contact_id}"
        _event(cal, f"follow-up-{f.id}", f.due, f"Follow up: {who}", f.what, stamp=stamp)
    for c in contacts.values():
        if c.archived:
            continue
        due = next_due(c.last_touch_on, c.created.date() if c.created else clock.today(),
                       cadence_for(c.tier, c.cadence_days))
        if due:
            last = c.last_touch_on.isoformat() if c.last_touch_on else "never"
            _event(cal, f"due-{c.id}", due, f"Reach out: {c.name}", f"Last touch: {last}", stamp=stamp)
        if c.birthday_month and c.birthday_day:
            year = c.birthday_year or 2000
            if (c.birthday_month, c.birthday_day) == (2, 29):
                start = date(year if year % 4 == 0 and (year % 100 or year % 400 == 0) else 2000, 2, 29)
                rule = {"freq": "yearly", "bymonth": 2, "bymonthday": -1}
            else:
                start = date(year, c.birthday_month, c.birthday_day)
                rule = {"freq": "yearly"}
            _event(cal, f"birthday-{c.id}", start, f"Birthday: {c.name}", rrule=rule, stamp=stamp)
    return cal.to_ical().decode("utf-8")


# -- one entry point ----------------------------------------------------------------------------


def render(kind: str, cadence_for=None, stamp: datetime | None = None) -> str:
    """The export of ``kind`` as text."""
    if kind == "json":
        return to_json(snapshot())
    if kind == "toml":
        return to_toml(snapshot())
    if kind == "csv":
        return to_csv()
    if kind == "vcard":
        return to_vcard()
    if kind == "ics":
        return to_ics(cadence_for or (lambda tier, own: own), stamp)
    raise ValueError(f"unknown export format {kind!r}")


def export(kind: str, path: Path | str, cadence_for=None, stamp: datetime | None = None,
           force: bool = False) -> Path:
    """Write the export of ``kind`` to ``path`` and return it (see ``export_file``)."""
    return export_file(kind, path, cadence_for, stamp, force).path


def export_file(kind: str, path: Path | str, cadence_for=None, stamp: datetime | None = None,
                force: bool = False) -> Written:
    """Write the export of ``kind`` to ``path`` (0600, atomic); a vCard to a folder is one file per contact.

    An existing file or link is refused unless ``force``; a database never (store.files).
    """
    from kith.store.core.files import absolute

    path = absolute(path)
    if kind == "vcard" and path.is_dir() and not path.is_symlink():
        written = export_vcards_to_folder(path, force=force)
        return Written(path, replaced=any(w.replaced for w in written))
    return write_file(path, render(kind, cadence_for, stamp), force=force)


def export_new(kind: str, folder: Path | str, cadence_for=None, stamp: datetime | None = None) -> Written:
    """Write the export of ``kind`` under a unique default name ``kith-YYYYMMDD-HHMMSS`` in ``folder``."""
    return write_new(folder, "kith", SUFFIX[kind], render(kind, cadence_for, stamp))
