"""Provides ``kith plan``, ``kith plans``, ``kith prep``, ``kith held``, ``kith thank`` and ``kith week``:
conversations with a purpose from a shell (no Textual import)."""

from __future__ import annotations

import argparse

from kith.tui.cli.common import CliError, Context, dump_json, parse_date_arg, resolve_contact, say


def register(sub, common) -> None:
    """Add this area's subcommands to the parser."""
    p = sub.add_parser("plan", parents=[common], help="plan a conversation with a purpose (an informational "
                                                       "interview by default)")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--on", required=True, metavar="DAY", help="YYYY-MM-DD, today, tomorrow, +3, 1w ...")
    p.add_argument("--at", default=None, metavar="HH:MM")
    p.add_argument("--kind", default="informational interview", metavar="KIND",
                   help="informational interview (default), coffee, mentor meeting, check-in, call, other")
    p.add_argument("--purpose", default="", metavar="TEXT", help="what you want from it (required for an "
                                                                  "informational interview)")
    p.add_argument("--objective", action="append", default=[], metavar="TEXT", help="an objective (repeat)")
    p.add_argument("--point", action="append", default=[], metavar="TEXT", help="a talking point (repeat)")
    p.add_argument("--question", action="append", default=None, metavar="TEXT",
                   help="a question to ask (repeat; replaces the three feedback questions)")
    p.add_argument("--offer", default="", metavar="TEXT", help='what you can offer them ("How can I help you?")')
    p.add_argument("--new", action="store_true", help="NAME is a new person: add them first")
    p.set_defaults(func=cmd_plan)

    p = sub.add_parser("plans", parents=[common], help="list planned conversations, soonest first")
    p.add_argument("--all", action="store_true", help="held and dropped ones too")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_plans)

    p = sub.add_parser("prep", parents=[common], help="the prep brief for a person or a planned conversation")
    p.add_argument("contact", metavar="NAME_OR_ID", nargs="?")
    p.add_argument("--plan", type=int, default=None, metavar="ID", help="one planned conversation")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_prep)

    p = sub.add_parser("held", parents=[common], help="record a planned conversation as held")
    p.add_argument("plan", type=int, metavar="PLAN_ID")
    p.add_argument("--answer", action="append", default=[], metavar="TEXT",
                   help="answers, in the order of the plan's questions (repeat)")
    p.add_argument("--learned", default="", metavar="TEXT")
    p.add_argument("--referral", action="append", default=[], metavar="NAME",
                   help="a person they referred you to: an existing contact (name or #id) or a new one (repeat)")
    p.add_argument("--next", action="append", default=[], metavar="TEXT",
                   help="a next step: becomes a follow-up due in a week (repeat)")
    p.add_argument("--rating", type=int, default=None, metavar="1-5")
    p.add_argument("--minutes", type=int, default=None, metavar="N")
    p.set_defaults(func=cmd_held)

    p = sub.add_parser("thank", parents=[common], help="log a thank-you: closes what you owe them")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--kind", "--channel", dest="kind", default="email", metavar="KIND",
                   help="how you thanked them (the touch's channel): email (default), message, call, letter, "
                        "in person")
    p.add_argument("--note", default="", metavar="TEXT")
    p.set_defaults(func=cmd_thank)


def _store(call, *args, **kwargs):
    """Run a store call; its refusal is one line and exit 2."""
    from kith.store.core.errors import StoreError

    try:
        return call(*args, **kwargs)
    except StoreError as exc:
        raise CliError(str(exc)) from None


def cmd_plan(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.conversations.plans import parse_kind, parse_time, plan_conversation

    today = ctx.today()
    day = parse_date_arg(args.on, "--on", today)
    _store(parse_kind, args.kind)
    _store(parse_time, args.at)
    if day < today:
        raise CliError(f"--on: {day.isoformat()} is in the past: plan a conversation for today or later")
    ctx.open()
    if args.new:
        from kith.store.people.contacts import create_contact

        if parse_kind(args.kind) == "informational interview" and not args.purpose.strip():
            raise CliError("an informational interview needs a purpose: what do you want from it?")
        contact = _store(create_contact, args.contact)
    else:
        contact = resolve_contact(args.contact)
    p = _store(plan_conversation, contact.id, day, today=today, kind=args.kind, at=args.at, purpose=args.purpose,
               objectives=args.objective, points=args.point, questions=args.question, offer=args.offer)
    say(f"planned #{p.id}: {p.kind} with", p.contact_name, f"on {p.when()}")
    return 0


def cmd_plans(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.conversations.plans import list_plans

    ctx.open()
    plans = list_plans(include_all=args.all)
    if args.json:
        dump_json([p.as_json() for p in plans])
        return 0
    if not plans:
        say("No conversations planned. Plan one: kith plan NAME --on DAY --purpose TEXT")
        return 0
    for p in plans:
        state = "" if p.state == "planned" else f" [{p.state}]"
        say(f"#{p.id:<4} {p.when():<16} {p.kind}{state} ·", p.contact_name, *(("·", p.purpose) if p.purpose else ()))
    return 0


def cmd_prep(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.conversations.brief import as_text, prep_brief

    if (args.contact is None) == (args.plan is None):
        raise CliError("say whom to prepare for (NAME_OR_ID) or which plan (--plan ID), not both")
    ctx.open()
    today = ctx.today()
    if args.plan is not None:
        brief = _store(prep_brief, today=today, plan_id=args.plan)
    else:
        brief = _store(prep_brief, resolve_contact(args.contact).id, today=today)
    if args.json:
        dump_json(brief.as_json())
    else:
        for line in as_text(brief, today).splitlines():
            say(line)
    return 0


def cmd_held(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.conversations.held import record_held

    if args.rating is not None and not 1 <= args.rating <= 5:
        raise CliError("--rating must be 1 to 5")
    if args.minutes is not None and not 1 <= args.minutes <= 1440:
        raise CliError("--minutes must be 1 to 1440")
    ctx.open()
    h = _store(record_held, args.plan, today=ctx.today(), answers=args.answer, learned=args.learned,
               referrals=args.referral, next_steps=args.next, rating=args.rating, minutes=args.minutes)
    say(f"held #{h.plan.id}: {h.plan.kind} with", h.plan.contact_name, f"on {h.plan.held_on.isoformat()}")
    for cid, name, created in h.referrals:
        how = "added" if created else "linked"
        say("  referral:", name, f"(#{cid}, {how}, introduced by", h.plan.contact_name + ")")
    if h.follow_up_ids:
        say(f"  {len(h.follow_up_ids)} next step{'s' if len(h.follow_up_ids) != 1 else ''} added as follow-ups")
    if h.thank_you_id:
        from kith.store.people.followups import get_follow_up

        say("  thank-you owed:", get_follow_up(h.thank_you_id).what, f"(due {get_follow_up(h.thank_you_id).due})")
    return 0


def cmd_thank(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.conversations.thanks import list_owed, parse_channel
    from kith.store.people.touches import log_touch

    channel = _store(parse_channel, args.kind)
    ctx.open()
    contact = resolve_contact(args.contact)
    owed = list_owed(contact_id=contact.id)
    touch = _store(log_touch, contact.id, "thank-you", ctx.today(), args.note, channel=channel)
    say(f"thanked {contact.name} by {channel} (touch #{touch.id})")
    for o in owed:
        say("  closed:", o.what)
    return 0


# `kith week` (the weekly review, kith.tui.cli.quality) adds this section: the week's conversations,
# referrals gained and thank-yous sent.
def conversations_section(ctx: Context, day, first_weekday: int = 0) -> tuple[str, list[str], dict]:
    from kith.store.conversations.counts import week

    w = week(day, first_weekday)
    lines = [f"{c.day.isoformat()} {c.kind} with {c.name}" + (f" [{c.state}]" if c.state != "held" else "")
             + (f" → referrals: {', '.join(c.referrals)}" if c.referrals else "") for c in w.conversations]
    lines = lines or ["no conversations this week"]
    i = w.interviews
    lines.append(f"informational interviews: {i.week_held} held, {i.week_planned} still planned "
                 f"(target {ctx.config.conversations.interviews_per_week})")
    lines.append(f"referrals gained: {w.referrals} · thank-yous sent: {w.thank_yous}")
    return "conversations", lines, w.as_json()
