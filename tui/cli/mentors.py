"""Provides ``kith role``, ``kith value``, ``kith mentors``, ``kith check-in`` and ``kith check-ins``
(no Textual import)."""

from __future__ import annotations

import argparse

from kith.tui.cli.common import CliError, Context, dump_json, resolve_contact, say


def register(sub, common) -> None:
    """Add this area's subcommands to the parser."""
    p = sub.add_parser("role", parents=[common], help="make a contact a mentor, coach or accountability partner")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("role", metavar="ROLE", help="mentor, coach or partner (several roles may be held at once)")
    p.add_argument("--remove", action="store_true",
                   help="end the role today (it stays in the history as former, with its value log)")
    p.add_argument("--every", type=int, default=None, metavar="DAYS",
                   help="a partner's check-in cadence (default: mentors.check_in_days from the config)")
    p.set_defaults(func=cmd_role)

    p = sub.add_parser("value", parents=[common], help="log value received from or given to a mentor")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("direction", metavar="received|given")
    p.add_argument("category", metavar="CATEGORY", nargs="+",
                   help="received: accountability, information, introduction, new perspective, thought process, "
                        "thinking differently, questioning, systems and processes; given: gratitude, insight or "
                        "information, introduction, follow-up (a unique prefix is enough)")
    p.add_argument("--note", default="")
    p.add_argument("--on", default=None, metavar="DATE", help="YYYY-MM-DD, yesterday, -3 ... (default: today)")
    p.add_argument("--touch", type=int, default=None, metavar="ID", help="the touch this value came from")
    p.set_defaults(func=cmd_value)

    p = sub.add_parser("mentors", parents=[common],
                       help="list mentors with what flowed each way (former ones after, marked former)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_mentors)

    p = sub.add_parser("check-in", parents=[common],
                       help="record a check-in with an accountability partner (no options: show what to ask)")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--answer", action="append", default=[], metavar="TEXT",
                   help="answers, in the order of the partner's questions (repeat)")
    p.add_argument("--commit", action="append", default=[], metavar="TEXT", help="a new commitment (repeat)")
    p.add_argument("--kept", action="append", type=int, default=[], metavar="ID", help="last time's commitment kept")
    p.add_argument("--missed", action="append", type=int, default=[], metavar="ID", help="... or missed")
    p.add_argument("--note", default="")
    p.add_argument("--on", default=None, metavar="DATE", help="default: today")
    p.set_defaults(func=cmd_check_in)

    p = sub.add_parser("check-ins", parents=[common],
                       help="past check-ins with a partner: answers, commitments made and reviewed")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check_ins)


def _day(ctx: Context, text: str | None):
    from kith.store.core.clock import parse_day

    if text is None:
        return ctx.today()
    try:
        return parse_day(text, ctx.today())
    except ValueError as exc:
        raise CliError(f"--on: {exc}") from None


def _pick(parse, *args):
    from kith.store.core.errors import Invalid

    try:
        return parse(*args)
    except Invalid as exc:
        raise CliError(str(exc)) from None


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def cmd_role(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.mentors.value import assign_roles, get_roles, parse_role, role_periods, set_role

    role = _pick(parse_role, args.role)
    if args.every is not None and (role != "partner" or args.remove):
        raise CliError("--every sets a partner's check-in cadence: use it with the partner role")
    if args.every is not None and not 1 <= args.every <= 365:
        raise CliError("--every must be between 1 and 365 days")
    ctx.open()
    c = resolve_contact(args.contact)
    if args.remove and role not in get_roles(c.id):
        raise CliError(f"{c.name} is not a {role} now; nothing changed")
    if args.every is not None:  # the role and its cadence in one write: one undo reverses both
        roles = assign_roles(c.id, [role], ctx.today(), add_to_existing=True, cadence_days=args.every)
    else:
        roles = set_role(c.id, role, present=not args.remove, on=ctx.today())
    if args.remove:
        ended = [p for p in role_periods(c.id) if p.role == role and not p.current][-1]
        say(c.name, f"is a former {role} now ({ended.label()})")
    say(c.name, "now has roles:", ", ".join(roles) if roles else "none")
    return 0


def cmd_value(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.mentors.value import parse_category, parse_direction
    from kith.store.mentors.value_edits import add_value  # undoable: `kith undo` removes it

    direction = _pick(parse_direction, args.direction)
    category = _pick(parse_category, direction, " ".join(args.category))
    on = _day(ctx, args.on)
    ctx.open()
    c = resolve_contact(args.contact)
    logged = add_value(c.id, direction, category, on, args.note, args.touch, today=ctx.today())
    way = "from" if direction == "received" else "to"
    say(f"logged {direction} · {category} {way}", c.name, f"on {on.isoformat()}")
    if logged.made_mentor:
        say(c.name, "is now a mentor")
    return 0


def cmd_mentors(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.mentors.value import give_back_due, list_mentors

    ctx.open()
    today, cfg = ctx.today(), ctx.config.mentors
    rows = list_mentors(include_former=True)
    out = []
    for r in rows:
        due = None if r.former else give_back_due(r, today, cfg.give_back_margin, cfg.give_back_after_days)
        out.append({
            "contact_id": r.contact_id, "name": r.name, "roles": list(r.roles), "former": r.former,
            "former_roles": list(r.former_roles),
            "periods": [{"role": p.role, "started": p.started.isoformat(),
                         "ended": p.ended.isoformat() if p.ended else None} for p in r.periods],
            "received": r.received,
            "given": r.given, "balance": r.balance,
            "last_given_on": r.last_given_on.isoformat() if r.last_given_on else None,
            "last_given_category": r.last_given_category,
            "last_received_on": r.last_received_on.isoformat() if r.last_received_on else None,
            "last_received_category": r.last_received_category,
            "last_touch_on": r.last_touch_on.isoformat() if r.last_touch_on else None,
            "give_back_due": due is not None,
        })
    if args.json:
        dump_json(out)
        return 0
    if not rows:
        say("no mentors yet: `kith role NAME mentor`, or log value with `kith value NAME received CATEGORY`")
        return 0
    for i, (r, o) in enumerate(zip(rows, out)):
        if r.former and (i == 0 or not rows[i - 1].former):
            say("former:")
        last = f"{r.last_given_category} {r.last_given_on.isoformat()}" if r.last_given_on else "never"
        flag = "  · give back" if o["give_back_due"] else ""
        held = "; ".join(p.label() for p in r.periods if not p.current)
        roles = f"[former {held}]" if r.former else f"[{', '.join(r.roles)}]"
        say(f"#{r.contact_id:<5}", r.name, roles,
            f"received {r.received} · given {r.given} · balance {r.balance:+d} · last given: {last}{flag}")
    return 0


def cmd_check_in(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.mentors.value import get_partner, record_check_in

    on = _day(ctx, args.on)
    both = set(args.kept) & set(args.missed)
    if both:
        raise CliError(f"commitment {min(both)} cannot be both kept and missed")
    ctx.open()
    c = resolve_contact(args.contact)
    p = get_partner(c.id)
    if not p.is_partner:
        was = f" (was one until {p.ended.isoformat()})" if p.ended else ""
        raise CliError(f"{c.name} is not an accountability partner{was}: `kith role {c.id} partner` first")
    if len(args.answer) > len(p.questions):
        raise CliError(f"{len(args.answer)} answers for {len(p.questions)} questions")
    recording = args.answer or args.commit or args.kept or args.missed or args.note
    if not recording:
        every = p.cadence(ctx.config.mentors.check_in_days)
        due = p.next_due(ctx.config.mentors.check_in_days)
        say("check-in with", c.name, f"every {every} d · next due {due.isoformat() if due else '-'}")
        for i, q in enumerate(p.questions, 1):
            say(f"  Q{i}.", q)
        for x in p.open_commitments:
            say(f"  commitment #{x.id}:", x.what)
        say("record: kith check-in NAME --answer TEXT ... --commit TEXT --kept ID --missed ID")
        return 0
    outcomes = {i: "kept" for i in args.kept} | {i: "missed" for i in args.missed}
    ci = record_check_in(c.id, on, answers=list(zip(p.questions, args.answer)), commitments=args.commit,
                         outcomes=outcomes, note=args.note)
    say("check-in with", c.name, f"on {on.isoformat()}: {_n(len(ci.answers), 'answer')}, "
        f"{_n(len(ci.commitments), 'new commitment')}, {len(ci.reviewed)} reviewed")
    for x in ci.reviewed:
        say(f"  commitment #{x.id} {x.outcome}:", x.what)
    for x in ci.commitments:
        say(f"  commitment #{x.id} new:", x.what)
    return 0


def cmd_check_ins(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.mentors.value import get_partner, list_check_ins

    ctx.open()
    c = resolve_contact(args.contact)
    p = get_partner(c.id)
    history = list_check_ins(c.id)
    if args.json:
        dump_json({"contact_id": c.id, "name": c.name, "partner": p.is_partner,
                   "check_ins": [ci.as_json() for ci in history]})
        return 0
    if not history:
        say("no check-ins with", c.name, "yet")
        return 0
    state = "" if p.is_partner else f" (former partner, until {p.ended.isoformat()})" if p.ended else " (not a partner)"
    say(f"{_n(len(history), 'check-in')} with", c.name + state, "· newest first")
    for ci in history:
        say(ci.date.isoformat())
        for question, answer in ci.answers:
            say("  Q:", question)
            say("  A:", answer)
        for x in ci.reviewed:
            say(f"  commitment #{x.id} {x.outcome}:", x.what)
        for x in ci.commitments:
            say(f"  commitment #{x.id} made ({x.state}):", x.what)
        if ci.note:
            say("  note:", ci.note)
    return 0
