"""Provides ``kith add``, ``kith log``, ``kith contacts``, ``kith demo`` and ``kith backup``.

Showing, editing, archiving and deleting one contact are in ``tui.cli.people``."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from kith.tui.cli.common import CliError, Context, named, parse_date_arg, print_rows, resolve_contact, say


def register(sub, common) -> None:
    p = sub.add_parser("add", parents=[common], help="add a contact")
    p.add_argument("name")
    p.add_argument("--company", default="")
    p.add_argument("--role", default="")
    p.add_argument("--email", action="append", default=[], help="repeat for several")
    p.add_argument("--phone", action="append", default=[])
    p.add_argument("--link", action="append", default=[], help="a URL such as a LinkedIn profile")
    p.add_argument("--tag", action="append", default=[],
                   help="TAG or KIND:TAG, KIND one of profession, industry, geography")
    p.add_argument("--tier", default=None, help="a tier from the config (default: network)")
    p.add_argument("--every", type=int, default=None, metavar="DAYS", help="own cadence in days (0: never)")
    p.add_argument("--location", default="")
    p.add_argument("--note", default="")
    p.add_argument("--yes", action="store_true", help="add even when someone looks like the same person")
    p.set_defaults(func=cmd_add, creates_db=True)

    p = sub.add_parser("log", parents=[common], help="log a touch (an interaction) with a contact")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--kind", default=None,
                   help="default: the config's default kind (message); coffee, call, email, message, meeting, event, "
                   "informational interview, check-in, newsletter, introduction, other")
    p.add_argument("--note", default="")
    p.add_argument("--on", default=None, metavar="YYYY-MM-DD", help="default: today")
    p.add_argument("--rating", type=int, default=None, metavar="1-5",
                   help="how good it was (feeds the suggested strength)")
    p.add_argument("--minutes", type=int, default=None, metavar="N", help="how long it took")
    p.set_defaults(func=cmd_log)

    p = sub.add_parser("contacts", parents=[common], help="list contacts")
    p.add_argument("--json", action="store_true")
    p.add_argument("--archived", action="store_true", help="include archived contacts")
    p.set_defaults(func=cmd_contacts)

    p = sub.add_parser("demo", parents=[common], help="fill an empty database with a demo network")
    p.add_argument("--contacts", type=int, default=None, metavar="N", help="benchmark size (up to 30000)")
    p.add_argument("--touches", type=int, default=None, metavar="M", help="benchmark size (up to 300000)")
    p.set_defaults(func=cmd_demo, creates_db=True)

    p = sub.add_parser("backup", parents=[common], help="copy the database safely (SQLite backup API)")
    p.add_argument("path", nargs="?", default=None,
                   help="file or folder (default: a new kith-YYYYMMDD-HHMMSS.db beside the database)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing file (never a database; a link is replaced, not followed)")
    p.set_defaults(func=cmd_backup)


def _tier(ctx: Context, tier: str | None) -> str:
    from kith.store.people.contacts import check_tier  # the importers check a file's tiers with it too

    if tier is None:
        return "network" if "network" in ctx.config.tiers else next(iter(ctx.config.tiers))
    return check_tier(tier, ctx.config.tiers)


def check_tag(text: str) -> str:
    """Refuse a tag the user surely did not mean: ``:``, ``badkind:x``, a kind with no name."""
    from kith.store.core.records import TAG_KINDS

    kind, sep, name = text.partition(":")
    if not sep:
        return text
    if not kind.strip() and not name.strip():
        raise CliError(f"--tag {text!r} is empty: give TAG or KIND:TAG")
    if kind.strip().lower() not in TAG_KINDS:
        raise CliError(f"--tag {text!r}: unknown kind {kind.strip()!r}; KIND is one of {', '.join(TAG_KINDS)}")
    if not name.strip():
        raise CliError(f"--tag {text!r} has a kind but no name")
    return text


def check_every(days: int | None) -> int | None:
    """A cadence in days: 0 means never; a negative one is refused."""
    if days is not None and days < 0:
        raise CliError(f"--every {days}: give a number of days (0 means never), not a negative one")
    return days


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.contacts import create_contact
    from kith.store.people.lookup import likely_duplicates

    tier = _tier(ctx, args.tier)
    tags = [check_tag(t) for t in args.tag]
    check_every(args.every)
    ctx.open()
    if not args.yes:
        same = likely_duplicates(args.name, args.company, args.email)
        if same:
            cid, name, why = same[0]
            raise CliError(f"{name} (#{cid}) looks like the same person ({why}); add anyway with --yes")
    c = create_contact(
        args.name, company=args.company, role=args.role, emails=args.email, phones=args.phone,
        links=args.link, tags=tags, tier=tier, cadence_days=args.every, location=args.location,
        notes=args.note,
    )
    say(f"added #{c.id}", c.name)
    return 0


def cmd_log(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.touches import log_touch, parse_kind

    kind = parse_kind(args.kind or default_kind(ctx))
    on = parse_date_arg(args.on, "--on", ctx.today()) if args.on else ctx.today()
    if on > ctx.today():
        raise CliError(f"--on {on.isoformat()} is still ahead: log a touch once it happened (or add a follow-up)")
    ctx.open()
    c = resolve_contact(args.contact)
    if args.rating is not None or args.minutes is not None:
        from kith.store.quality.strength import log_rated_touch

        touch = log_rated_touch(c.id, kind, on, args.note, args.rating, args.minutes)
    else:
        touch = log_touch(c.id, kind, on, args.note)
    say(f"logged {kind} with", named(c), f"on {on.isoformat()} (touch #{touch.id})")
    return 0


def default_kind(ctx: Context) -> str:
    """The kind ``kith log`` uses without --kind: the config's, else "message" (as the app's log form)."""
    return getattr(ctx.config, "default_kind", "") or "message"


def cmd_contacts(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.contacts import list_contacts

    ctx.open()
    contacts = list_contacts(include_archived=args.archived)
    return print_rows(contacts, args.json, asdict, _contact_line)


def _contact_line(c) -> tuple:
    where = " · ".join(x for x in (c.role, c.company) if x)
    last = c.last_touch_on.isoformat() if c.last_touch_on else "never"
    return f"#{c.id:<5}", c.name, f"({where})" if where else "", f"[{c.tier}] last: {last}"


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    import time

    from kith.store.demo import build_demo
    from kith.store.people.contacts import count_contacts

    # LinkedIn caps a member at 30,000 connections: the largest network kith must serve.
    if args.contacts is not None and not 1 <= args.contacts <= 30_000:
        raise CliError("--contacts must be between 1 and 30000")
    if args.touches is not None and not 0 <= args.touches <= 300_000:
        raise CliError("--touches must be between 0 and 300000")
    ctx.open()
    existing = count_contacts(include_archived=True)
    if existing:
        say(f"{ctx.db_path} already holds {existing} contacts; left as is (use an empty --db for the demo)")
        return 0
    started = time.perf_counter()
    made = build_demo(ctx.today(), contacts=args.contacts, touches=args.touches)
    say(f"demo network written to {ctx.db_path}: {made['contacts']} contacts, {made['touches']} touches, "
        f"{made['follow_ups']} follow-ups in {time.perf_counter() - started:.1f} s")
    return 0


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.core.files import backup_database
    from kith.tui.cli.common import output_path, tell_created_folder

    output_path(args.path, "PATH")
    ctx.open()
    written = backup_database(args.path, beside=ctx.db_path.parent, force=args.force)
    tell_created_folder(written.created_folder)
    say("backed up to", written.path, *(["(replaced the existing file)"] if written.replaced else []))
    return 0
