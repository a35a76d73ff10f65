"""Provides ``kith show``, ``kith edit``, ``kith archive``/``unarchive``/``delete``, ``kith touches``
and ``kith edit-touch``: everything the contact page does, from a shell. Each change is undoable.
"""

from __future__ import annotations

import argparse
import re

from kith.tui.cli.common import (
    CliError,
    Context,
    confirm,
    dump_json,
    named,
    parse_date_arg,
    print_rows,
    resolve_contact,
    say,
)


def register(sub, common) -> None:
    p = sub.add_parser("show", parents=[common], help="show one contact: fields, tags, timeline, follow-ups, notes")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("edit", parents=[common], help="change some fields of a contact (only those given)")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--name")
    p.add_argument("--company")
    p.add_argument("--role")
    p.add_argument("--email", action="append", default=None, help="replaces every email; repeat for several")
    p.add_argument("--add-email", action="append", default=[], metavar="EMAIL")
    p.add_argument("--remove-email", action="append", default=[], metavar="EMAIL")
    p.add_argument("--tag", action="append", default=None, help="replaces every tag; TAG or KIND:TAG, repeatable")
    p.add_argument("--add-tag", action="append", default=[], metavar="TAG")
    p.add_argument("--remove-tag", action="append", default=[], metavar="TAG")
    p.add_argument("--tier")
    p.add_argument("--every", type=int, metavar="DAYS", help="own cadence in days (0: never)")
    p.add_argument("--strength", type=int, metavar="1-5")
    p.add_argument("--introduced-by", metavar="NAME_OR_ID", help='who introduced you ("" clears it)')
    p.add_argument("--how-met", metavar="TEXT")
    p.add_argument("--birthday", metavar="MM-DD|YYYY-MM-DD", help='"" clears it')
    p.set_defaults(func=cmd_edit)

    for name, what in (("archive", "hide a contact from lists and the queue (kept, findable)"),
                       ("unarchive", "bring an archived contact back")):
        p = sub.add_parser(name, parents=[common], help=what)
        p.add_argument("contact", metavar="NAME_OR_ID")
        p.set_defaults(func=cmd_archive, archived=name == "archive")

    p = sub.add_parser("delete", parents=[common], help="delete a contact with its touches and follow-ups (undoable)")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--yes", action="store_true", help="do not ask (needed without a terminal)")
    p.set_defaults(func=cmd_delete)

    p = sub.add_parser("touches", parents=[common], help="list a contact's touches, newest first")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_touches)

    p = sub.add_parser("edit-touch", parents=[common], help="change a touch's kind, day or note")
    p.add_argument("touch_id", type=int, metavar="ID")
    p.add_argument("--kind")
    p.add_argument("--on", metavar="DAY")
    p.add_argument("--note", metavar="TEXT")
    p.set_defaults(func=cmd_edit_touch)


def _contact_json(c, cadence, due, touches, follow_ups) -> dict:
    from dataclasses import asdict

    data = asdict(c)
    data["archived"] = c.archived
    data["cadence"] = cadence
    data["next_due"] = due.isoformat() if due else None
    data["touches"] = [asdict(t) for t in touches]
    data["follow_ups"] = [asdict(f) for f in follow_ups]
    return data


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.followups import list_follow_ups
    from kith.store.people.touches import list_touches
    from kith.store.today.cadence import next_due

    ctx.open()
    c = resolve_contact(args.contact)
    today = ctx.today()
    cadence = ctx.config.cadence_for(c.tier, c.cadence_days)
    due = None if c.archived else next_due(c.last_touch_on, c.created.date() if c.created else today, cadence)
    touches, follow_ups = list_touches(c.id), list_follow_ups(c.id)
    if args.json:
        dump_json(_contact_json(c, cadence, due, touches, follow_ups))
        return 0
    where = " · ".join(x for x in (c.role, c.company) if x)
    say(f"#{c.id}", named(c), f"({where})" if where else "")
    if c.cadence_days is not None:
        cadence_text = f"every {c.cadence_days} d (own)" if c.cadence_days else "none (own)"
    else:
        cadence_text = f"every {cadence} d ({c.tier} default)" if cadence else f"none ({c.tier} default)"
    last = (f"{c.last_touch_on.isoformat()} · {c.last_touch_kind or ''}".rstrip(" ·")
            if c.last_touch_on else "never")
    rows = [("Emails", ", ".join(c.emails)), ("Phones", ", ".join(c.phones)), ("Links", ", ".join(c.links)),
            ("Location", c.location), ("Tier", f"{c.tier} · strength {c.strength}/5"), ("Cadence", cadence_text),
            ("Last touch", last), ("Next due", due.isoformat() if due else ""), ("How we met", c.how_met),
            ("Introduced by", f"{c.introduced_by_name} (#{c.introduced_by_id})" if c.introduced_by_id else ""),
            ("Birthday", c.birthday), ("Connected on", c.connected_on.isoformat() if c.connected_on else ""),
            ("Archived", "yes" if c.archived else "no"),
            ("Tags", ", ".join(t.name if t.kind == "other" else f"{t.kind}:{t.name}" for t in c.tags))]
    for label, value in rows:
        say(f"  {label:<14}", value or "—")
    say(f"Follow-ups ({len(follow_ups)}):")
    for f in follow_ups:
        state = f"done {f.done_on.isoformat()}" if f.done else f"due {f.due.isoformat()}"
        say(f"  #{f.id:<5} {state}:", f.what)
    say(f"Timeline ({len(touches)} touches):")
    for t in touches:
        say(f"  #{t.id:<5} {t.date.isoformat()} {t.label}" + (":" if t.note else ""), _first_line(t.note))
    say("Notes:")
    for line in (c.notes or "—").splitlines():
        say(" ", line)
    return 0


def _first_line(text: str, limit: int = 100) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= limit else line[:limit - 1] + "…"


_BIRTHDAY = re.compile(r"^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$")


def parse_birthday(text: str) -> dict:
    """``MM-DD`` or ``YYYY-MM-DD`` as the contact's birthday fields; "" clears them."""
    if not text.strip():
        return {"birthday_month": None, "birthday_day": None, "birthday_year": None}
    m = _BIRTHDAY.match(text.strip())
    if not m:
        raise CliError(f"--birthday {text!r}: use MM-DD or YYYY-MM-DD")
    year, month, day = m.groups()
    return {"birthday_month": int(month), "birthday_day": int(day), "birthday_year": int(year) if year else None}


def _edited_list(current, replace, add, remove, fold_key) -> list | None:
    if replace is None and not add and not remove:
        return None
    items = [x for x in replace if x.strip()] if replace is not None else list(current)
    for item in add:
        if fold_key(item) not in {fold_key(x) for x in items}:
            items.append(item)
    for item in remove:
        if fold_key(item) not in {fold_key(x) for x in items}:
            raise CliError(f"{item!r} is not there to remove")
        items = [x for x in items if fold_key(x) != fold_key(item)]
    return items


def _changes(args: argparse.Namespace, ctx: Context, c) -> dict:
    from kith.store.core.fold import fold
    from kith.store.people.contacts import parse_tag
    from kith.tui.cli.contacts import _tier, check_every, check_tag

    changes: dict = {}
    for field in ("name", "company", "role", "how_met"):
        if getattr(args, field) is not None:
            changes[field] = getattr(args, field)
    if args.tier is not None:
        changes["tier"] = _tier(ctx, args.tier)
    if args.every is not None:
        changes["cadence_days"] = check_every(args.every)
    if args.strength is not None:
        changes["strength"] = args.strength
    if args.birthday is not None:
        changes.update(parse_birthday(args.birthday))
    emails = _edited_list(c.emails, args.email, args.add_email, args.remove_email, lambda e: e.strip().casefold())
    if emails is not None:
        changes["emails"] = emails
    for t in (args.tag or []) + args.add_tag + args.remove_tag:
        check_tag(t)

    def tag_key(t):
        info = parse_tag(t) if isinstance(t, str) else t
        return (info.kind, fold(info.name))

    tags = _edited_list(c.tags, args.tag, args.add_tag, args.remove_tag, tag_key)
    if tags is not None:
        changes["tags"] = tags
    if args.introduced_by is not None:
        changes["introduced_by_id"] = resolve_contact(args.introduced_by).id if args.introduced_by.strip() else None
    return changes


def cmd_edit(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.contacts import update_contact

    ctx.open()
    c = resolve_contact(args.contact)
    changes = _changes(args, ctx, c)
    if not changes:
        raise CliError("say what to change, e.g. --company Acme (see kith edit --help)")
    saved = update_contact(c.id, changes, base=c)
    changed = [k for k in ("name", "company", "role", "emails", "tags", "tier", "cadence_days", "strength",
                           "introduced_by_id", "how_met", "birthday") if getattr(saved, k) != getattr(c, k)]
    if not changed:
        say("nothing to change:", named(saved), "already has those values")
        return 0
    say(f"edited #{saved.id}", named(saved), f"({', '.join(changed)})")
    return 0


def cmd_archive(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.contacts import set_archived

    ctx.open()
    c = resolve_contact(args.contact)
    if c.archived == args.archived:
        say(named(c), "is already", "archived" if c.archived else "active")
        return 0
    c = set_archived(c.id, args.archived)
    say("archived" if args.archived else "unarchived", f"#{c.id}", c.name)
    return 0


def cmd_delete(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.contacts import delete_contact
    from kith.store.people.touches import list_touches

    ctx.open()
    c = resolve_contact(args.contact)
    confirm(f"delete {named(c)} (#{c.id}) with {len(list_touches(c.id))} touches?", args.yes)
    delete_contact(c.id)
    say(f"deleted #{c.id}", c.name, "(kith undo brings it back)")
    return 0


def cmd_touches(args: argparse.Namespace, ctx: Context) -> int:
    from dataclasses import asdict

    from kith.store.people.touches import list_touches

    ctx.open()
    c = resolve_contact(args.contact)
    touches = list_touches(c.id)
    return print_rows(touches, args.json, asdict,
                      lambda t: (f"#{t.id:<5} {t.date.isoformat()} {t.label}" + (":" if t.note else ""),
                                 _first_line(t.note)),
                      ("no touches with", named(c), "yet"), (f"{len(touches)} touches with", named(c) + ":"))


def cmd_edit_touch(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.touches import parse_kind, update_touch

    if args.kind is None and args.on is None and args.note is None:
        raise CliError("say what to change: --kind, --on or --note")
    kind = parse_kind(args.kind) if args.kind is not None else None
    on = parse_date_arg(args.on, "--on", ctx.today()) if args.on is not None else None
    if on is not None and on > ctx.today():
        raise CliError(f"--on {on.isoformat()} is still ahead: a touch is something that happened")
    ctx.open()
    t = update_touch(args.touch_id, kind=kind, on=on, note=args.note, today=ctx.today())
    say(f"touch #{t.id}: {t.date.isoformat()} {t.kind}" + (":" if t.note else ""), _first_line(t.note))
    return 0
