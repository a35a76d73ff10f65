"""Provides the volunteering commands: ``kith volunteer add|log|met|list|show``.

``kith volunteer add ORG --role ROLE [--from DAY] [--to DAY]``,
``kith volunteer log ID --hours H [--on DAY] [--note TEXT]``,
``kith volunteer met ID NAME_OR_ID [--on DAY]`` (a name kith does not know adds that person;
a name close to someone's needs ``--new``), ``kith volunteer list [--json]``,
``kith volunteer show ID [--json]``. ID is the engagement's number, or its organisation when only
one engagement is there. Every change is undoable with ``kith undo``. Nothing here imports Textual.
"""

from __future__ import annotations

import argparse

from kith.tui.cli.common import CliError, Context, dump_json, parse_date_arg, say


def register(sub, common) -> None:
    """Add this area's subcommands to the parser."""
    p = sub.add_parser("volunteer", parents=[common],
                       help="volunteering: engagements, hours given, people met there")
    actions = p.add_subparsers(dest="volunteer_command", metavar="add|log|met|list|show")
    a = actions.add_parser("add", parents=[common], help="add an engagement at an organisation")
    a.add_argument("org", metavar="ORG")
    a.add_argument("--role", required=True, metavar="ROLE", help="e.g. mentor, treasurer, organiser")
    a.add_argument("--from", dest="started", metavar="DAY", help="its first day (default: today)")
    a.add_argument("--to", dest="ended", metavar="DAY", help="its last day (none: ongoing)")
    a.add_argument("--note", default="", metavar="TEXT")
    a.add_argument("--skill", action="append", default=[], metavar="NAME",
                   help="a skill it uses (repeatable; a new name is added to your skills)")
    a.add_argument("--learned", action="append", default=[], metavar="NAME",
                   help="a skill you learn there (repeatable)")
    a.set_defaults(func=cmd_add)
    g = actions.add_parser("log", parents=[common], help="log hours given on a day")
    g.add_argument("id", metavar="ID")
    g.add_argument("--hours", required=True, metavar="H", help="2, 1.5 or 1:30 (24 at most in a day)")
    g.add_argument("--on", metavar="DAY", help="the day (default: today)")
    g.add_argument("--note", default="", metavar="TEXT")
    g.set_defaults(func=cmd_log)
    m = actions.add_parser("met", parents=[common], help="someone you met there (logs an event touch)")
    m.add_argument("id", metavar="ID")
    m.add_argument("person", metavar="NAME_OR_ID")
    m.add_argument("--on", metavar="DAY", help="the day you met (default: today)")
    m.add_argument("--note", default="", metavar="TEXT", help="what you talked about")
    m.add_argument("--new", action="store_true", help="a new person even if a name is close")
    m.set_defaults(func=cmd_met)
    ls = actions.add_parser("list", parents=[common], help="every engagement with its hours and people met")
    ls.add_argument("--json", action="store_true", help="JSON objects")
    ls.set_defaults(func=cmd_list)
    s = actions.add_parser("show", parents=[common], help="one engagement: hours by day, people met")
    s.add_argument("id", metavar="ID")
    s.add_argument("--json", action="store_true", help="JSON object")
    s.set_defaults(func=cmd_show)
    p.set_defaults(func=lambda args, ctx: _missing())


def _missing() -> int:
    raise CliError("say what to do: kith volunteer add|log|met|list|show (see --help)")


def _day(text: str | None, option: str, ctx: Context):
    return parse_date_arg(text, option, ctx.today()) if text else None


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.volunteering.engagements import add_engagement

    today = ctx.today()
    started, ended = _day(args.started, "--from", ctx), _day(args.ended, "--to", ctx)
    skills = tuple((n, "used") for n in args.skill) + tuple((n, "learned") for n in args.learned)
    ctx.open()
    e = add_engagement(args.org, args.role, today, started, ended, args.note, skills)
    say(f"volunteering #{e.id}", e.title, f"· {e.span()}"
        + (f" · skills {', '.join(n for n, _ in e.skills)}" if e.skills else ""))
    return 0


def cmd_log(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.volunteering.engagements import get_engagement, resolve_engagement
    from kith.store.volunteering.hours import log_hours

    today = ctx.today()
    day = _day(args.on, "--on", ctx)
    ctx.open()
    e = resolve_engagement(args.id)
    entry = log_hours(e.id, args.hours, today, day, args.note)
    total = get_engagement(e.id)
    say(f"logged {entry.hours} h", "at", e.title, f"on {entry.day.isoformat()} · {total.hours} h in all")
    return 0


def cmd_met(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.volunteering.engagements import resolve_engagement
    from kith.store.volunteering.met import meet

    today = ctx.today()
    day = _day(args.on, "--on", ctx)
    ctx.open()
    e = resolve_engagement(args.id)
    contact_id, new_name = _person(args.person, args.new)
    m = meet(e.id, today, contact_id=contact_id, new_name=new_name, day=day, note=args.note)
    if new_name:
        say(f"added #{m.contact_id}", m.name, "(new contact)")
    say("met", m.name, "at", e.title, f"on {m.day.isoformat()} (event touch logged)")
    return 0


def _person(text: str, allow_new: bool) -> tuple[int | None, str | None]:
    """(contact id, None) for someone kith knows; (None, name) for a new person (close names need --new)."""
    from kith.store.people.lookup import NoExactMatch, resolve_exact
    from kith.tui.cli.common import resolve_contact
    from kith.tui.cli.network import _close_names

    if allow_new:
        if text.strip().lstrip("#").isdigit():
            raise CliError("--new adds a person by name, not by id")
        return None, text
    try:
        resolve_exact(text)
    except NoExactMatch as exc:
        close = exc.suggestions or _close_names(text)
        if close:
            guesses = " or ".join(f"{name} (#{cid})" for cid, name, _a in close)
            raise CliError(f"no contact is named {text!r}; did you mean {guesses}? (--new adds a new person)") from None
        if text.strip().lstrip("#").isdigit():
            raise CliError(f"no contact has id {text.strip().lstrip('#')}") from None
        return None, text
    except Exception:  # ambiguous or not found by id: the one-line messages of resolve_contact
        pass
    return resolve_contact(text).id, None


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.volunteering.engagements import list_engagements
    from kith.store.volunteering.records import hours_text

    ctx.open()
    rows = list_engagements()
    if args.json:
        dump_json([e.as_json() for e in rows])
        return 0
    if not rows:
        say("No volunteering yet: kith volunteer add ORG --role ROLE")
        return 0
    for e in rows:
        say(f"#{e.id:<4}", e.title, f"· {e.span()} · {e.hours} h on {e.days_logged} d · {e.people} met"
            + (f" · {', '.join(n for n, _ in e.skills)}" if e.skills else ""))
    say(f"{hours_text(sum(e.minutes for e in rows))} h in all")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.volunteering.engagements import resolve_engagement
    from kith.store.volunteering.hours import list_hours
    from kith.store.volunteering.met import list_met

    ctx.open()
    e = resolve_engagement(args.id)
    hours, met = list_hours(e.id), list_met(e.id)
    if args.json:
        dump_json({**e.as_json(), "hours_by_day": [{"day": h.day.isoformat(), "hours": float(h.hours),
                                                    "note": h.note} for h in hours],
                   "met": [{"contact_id": m.contact_id, "name": m.name, "day": m.day.isoformat()} for m in met]})
        return 0
    say(f"#{e.id}", e.title, f"· {e.span()} · {e.hours} h on {e.days_logged} d")
    if e.note:
        say(" ", e.note)
    if e.skills:
        say("  skills:", ", ".join(f"{n} ({h})" for n, h in e.skills))
    for h in hours:
        say(f"  {h.day.isoformat()}  {h.hours:>5} h", *((h.note,) if h.note else ()))
    for m in met:
        say(f"  met {m.day.isoformat()}", m.name, f"(#{m.contact_id})")
    return 0
