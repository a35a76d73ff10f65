"""Provides ``kith today``, ``kith snooze`` and ``kith follow-up``: the Today queue from a shell.

``kith today`` lists the same items in the same order as the Today screen (both call
``store.queue.build_queue``). Nothing here imports Textual.
"""

from __future__ import annotations

import argparse

from kith.tui.cli.common import CliError, Context, dump_json, named, parse_date_arg, resolve_contact, say


def register(sub, common) -> None:
    """Add this area's subcommands to the parser."""
    p = sub.add_parser("today", parents=[common], help="list today's queue: whom to reach and why")
    p.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="the queue as of this day (default: today)")
    p.add_argument("--json", action="store_true", help="JSON objects, most urgent first")
    p.set_defaults(func=cmd_today)

    p = sub.add_parser("snooze", parents=[common],
                       help="hide the items a person has on Today (each one snoozed on its own) until a day")
    p.add_argument("contact", metavar="NAME_OR_ID")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--until", metavar="YYYY-MM-DD", help="the day the items come back")
    group.add_argument("--for", dest="span", metavar="3d|1w", help="how long: 3d, 1w, 2w, 10 (days)")
    p.set_defaults(func=cmd_snooze)

    p = sub.add_parser("follow-up", parents=[common], help="add a follow-up with a contact, due on a day")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="the day it is due")
    p.add_argument("text", nargs="+", metavar="TEXT", help="what to follow up on")
    p.set_defaults(func=cmd_follow_up)


def _queue(ctx: Context, day):
    from kith.store.today.queue import build_queue
    from kith.tui.settings import context_for

    return build_queue(context_for(ctx.config, day))


def cmd_today(args: argparse.Namespace, ctx: Context) -> int:
    day = parse_date_arg(args.date, "--date", ctx.today()) if args.date else ctx.today()
    ctx.open()
    items = _queue(ctx, day)
    if args.json:
        dump_json([item.as_json(day) for item in items])
        return 0
    if not items:
        say(f"Nothing is due on {day.isoformat()}. Add people with `kith add`, or give them a tier.")
        return 0
    say(f"{len(items)} to reach on {day.isoformat()} ({ctx.config.mode} mode):")
    width = len(str(len(items)))
    for n, item in enumerate(items, 1):
        who = f"#{item.contact_id:<5}" if item.contact_id is not None else "      "  # a brand review is about no one
        say(f"{n:>{width}}. {who}", item.contact_name, "·", item.reason)
    return 0


def cmd_snooze(args: argparse.Namespace, ctx: Context) -> int:
    from datetime import timedelta

    from kith.store.today import review
    from kith.store.today.queue import QueueItem
    from kith.store.today.snoozes import parse_span

    day = ctx.today()
    if args.until:
        until = parse_date_arg(args.until, "--until", ctx.today())
    else:
        try:
            until = day + parse_span(args.span)
        except ValueError as exc:
            raise CliError(f"--for: {exc}") from None
    if until <= day:
        raise CliError(f"--until must be after today ({day.isoformat()})")
    if (until - day) > timedelta(days=3650):
        raise CliError("snooze for at most ten years")
    ctx.open()
    contact = resolve_contact(args.contact)
    items = [i for i in _queue(ctx, day) if i.contact_id == contact.id]
    if not items:
        # Nothing due now: snooze the cadence reminder so it stays away until then.
        items = [QueueItem("cadence", contact.id, contact.name, day, 0.0, "", None, "on-track")]
    for item in items:
        review.snooze(item, until, day)
    from kith.tui.format import snoozed_line

    say(snoozed_line(named(contact), [item.source for item in items], until.isoformat()))
    return 0


def cmd_follow_up(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.followups import add_follow_up

    due = parse_date_arg(args.on, "--on", ctx.today())
    ctx.open()
    contact = resolve_contact(args.contact)
    info = add_follow_up(contact.id, due, " ".join(args.text))
    say(f"follow-up #{info.id} with", named(contact), f"due {due.isoformat()}:", info.what)
    return 0
