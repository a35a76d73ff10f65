"""Provides the career commands: skills, learning, income streams, your jobs, goals and challenges.

``kith skill add|used``, ``kith skills``, ``kith learn add``, ``kith learning``,
``kith income add|end``, ``kith income``, ``kith me job``, ``kith me career``,
``kith goal add|done``, ``kith goals``. Nothing here imports Textual.
"""

from __future__ import annotations

import argparse

from kith.tui.cli.common import CliError, Context, dump_json, parse_date_arg, print_rows, say


def settings(ctx: Context):
    """The career rules from the config, as the store's typed settings."""
    from dataclasses import asdict

    from kith.store.career.settings import CareerSettings

    return CareerSettings(**asdict(ctx.config.career))


def _depth(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"depth must be 1 to 5, not {text!r}") from None
    if not 1 <= value <= 5:
        raise argparse.ArgumentTypeError(f"depth must be 1 to 5, not {value}")
    return value


def register(sub, common) -> None:
    """Add this area's subcommands to the parser."""
    p = sub.add_parser("skill", parents=[common], help="add a skill, or record that you used one")
    actions = p.add_subparsers(dest="skill_command", metavar="ACTION")
    a = actions.add_parser("add", parents=[common], help="add a skill")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--kind", default="hard", help="hard (default), soft, language or domain")
    a.add_argument("--depth", type=_depth, default=2, metavar="1-5",
                   help="1 aware, 2 working (default), 3 practitioner, 4 expert, 5 authority")
    a.add_argument("--used", metavar="YYYY-MM", help="the month you last used it")
    a.add_argument("--emerging", action="store_true", help="an emerging skill: Today asks you to keep learning it")
    a.set_defaults(func=cmd_skill_add)
    u = actions.add_parser("used", parents=[common], help="record a use of a skill (this month by default)")
    u.add_argument("name", metavar="NAME")
    u.add_argument("--on", metavar="YYYY-MM", help="the month of use (default: this month)")
    u.set_defaults(func=cmd_skill_used)
    p.set_defaults(func=lambda args, ctx: _missing("kith skill add|used"))

    p = sub.add_parser("skills", parents=[common], help="list your skills with depth and currency")
    p.add_argument("--json", action="store_true", help="JSON objects")
    p.add_argument("--stale", action="store_true", help="only stale skills and emerging ones that need learning")
    p.set_defaults(func=cmd_skills)

    p = sub.add_parser("learn", parents=[common], help="add a course, certification, book, talk, degree, ...")
    actions = p.add_subparsers(dest="learn_command", metavar="ACTION")
    a = actions.add_parser("add", parents=[common], help="add a learning item")
    a.add_argument("title", metavar="TITLE")
    a.add_argument("--kind", default="course",
                   help="degree, course (default), certification, language, book, talk or project")
    a.add_argument("--skill", action="append", default=[], metavar="NAME", help="a skill it feeds (repeatable)")
    a.add_argument("--status", default="planned", help="planned (default), doing, done or dropped")
    a.add_argument("--expires", metavar="DAY", help="a certification's expiry day (Today warns 60 days ahead)")
    a.set_defaults(func=cmd_learn_add)
    p.set_defaults(func=lambda args, ctx: _missing("kith learn add"))

    p = sub.add_parser("learning", parents=[common], help="list your learning")
    p.add_argument("--json", action="store_true", help="JSON objects")
    p.set_defaults(func=cmd_learning)

    p = sub.add_parser("income", parents=[common],
                       help="list income streams, shares and count against target; add or end one")
    p.add_argument("--json", action="store_true", help="JSON object")
    actions = p.add_subparsers(dest="income_command", metavar="ACTION")
    a = actions.add_parser("add", parents=[common], help="add a stream, or a new amount for one (history kept)")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--kind", required=True, help="salary, freelance, consulting, product, teaching, writing, "
                                                 "investments, rental or other")
    a.add_argument("--monthly", required=True, metavar="AMOUNT", help="per month, a decimal like 4500.00")
    a.add_argument("--currency", default=None, metavar="CUR", help="ISO 4217 code (default: display_currency)")
    a.add_argument("--from", dest="from_day", metavar="DAY", help="the day this amount starts (default: today)")
    a.set_defaults(func=cmd_income_add)
    e = actions.add_parser("end", parents=[common], help="end a stream")
    e.add_argument("name", metavar="NAME")
    e.add_argument("--on", metavar="DAY", help="its last day (default: today)")
    e.set_defaults(func=cmd_income_end)
    p.set_defaults(func=cmd_income)

    p = sub.add_parser("me", parents=[common], help="your own jobs over time and the gaps between them")
    actions = p.add_subparsers(dest="me_command", metavar="ACTION")
    j = actions.add_parser("job", parents=[common], help="add a job of yours")
    j.add_argument("organisation", metavar="ORG")
    j.add_argument("--title", default="", metavar="T")
    j.add_argument("--from", dest="start", required=True, metavar="YYYY-MM")
    until = j.add_mutually_exclusive_group()
    until.add_argument("--to", dest="end", metavar="YYYY-MM", help="the last month (none: current)")
    until.add_argument("--current", action="store_true", help="you still work there (the default without --to)")
    j.set_defaults(func=cmd_me_job)
    c = actions.add_parser("career", parents=[common], help="your jobs and any gap over three months")
    c.add_argument("--json", action="store_true", help="JSON object")
    c.set_defaults(func=cmd_me_career)
    p.set_defaults(func=lambda args, ctx: _missing("kith me job|career"))

    p = sub.add_parser("goal", parents=[common], help="add a goal or challenge, or mark one done")
    actions = p.add_subparsers(dest="goal_command", metavar="ACTION")
    a = actions.add_parser("add", parents=[common], help="add a goal or a challenge")
    a.add_argument("text", metavar="TEXT")
    a.add_argument("--kind", default="goal", choices=("goal", "challenge"))
    a.set_defaults(func=cmd_goal_add)
    d = actions.add_parser("done", parents=[common], help="mark a goal or challenge done")
    d.add_argument("id", metavar="ID")
    d.set_defaults(func=cmd_goal_done)
    p.set_defaults(func=lambda args, ctx: _missing("kith goal add|done"))

    p = sub.add_parser("goals", parents=[common], help="list your open goals and challenges")
    p.add_argument("--json", action="store_true", help="JSON objects (done ones too)")
    p.set_defaults(func=cmd_goals)


def _missing(usage: str) -> int:
    raise CliError(f"say what to do: {usage} (see --help)")


# -- skills and learning --------------------------------------------------------------------------

def cmd_skill_add(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.skills import add_skill

    day = ctx.today()
    ctx.open()
    s = add_skill(args.name, day, kind=args.kind, depth=args.depth, used=args.used, emerging=args.emerging)
    say(f"skill #{s.id}", s.name, f"· {s.kind} · depth {s.depth} {s.depth_label}"
        + (f" · used {s.last_used}" if s.last_used else "") + (" · emerging" if s.emerging else ""))
    return 0


def cmd_skill_used(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.skills import mark_used

    day = ctx.today()
    ctx.open()
    s = mark_used(args.name, day, args.on)
    say("used", s.name, f"· first {s.first_used} · last {s.last_used}")
    return 0


def cmd_skills(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.skills import list_skills

    day = ctx.today()
    ctx.open()
    skills = list_skills(day, settings(ctx))
    if args.stale:
        skills = [s for s in skills if s.stale or s.needs_learning]
    if args.json:
        dump_json([s.as_json() for s in skills])
        return 0
    if not skills:
        say("No stale skills." if args.stale else "No skills yet: kith skill add NAME --depth 3 --used 2026-01")
        return 0
    for s in skills:
        used = f"last used {s.last_used}" if s.last_used else "no use recorded"
        say(f"#{s.id:<4}", s.name, f"· {s.kind} · {s.depth} {s.depth_label} · {used}"
            + (f" · {s.flags}" if s.flags else ""))
    return 0


def cmd_learn_add(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.learning import add_learning

    day = ctx.today()
    expires = parse_date_arg(args.expires, "--expires", day) if args.expires else None
    ctx.open()
    item = add_learning(args.title, day, kind=args.kind, skills=tuple(args.skill), status=args.status,
                        expires=expires)
    feeds = f" · feeds {', '.join(item.skills)}" if item.skills else ""
    say(f"learning #{item.id}", item.title, f"· {item.kind} · {item.status}{feeds}"
        + (f" · expires {item.expires.isoformat()}" if item.expires else ""))
    return 0


def cmd_learning(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.learning import list_learning

    day = ctx.today()
    ctx.open()
    items = list_learning()
    if args.json:
        dump_json([i.as_json() for i in items])
        return 0
    if not items:
        say("No learning yet: kith learn add TITLE --kind course --skill NAME")
        return 0
    for i in items:
        extra = ""
        if i.expires:
            left = i.expires_in(day)
            extra = f" · expires {i.expires.isoformat()}" + (f" (in {left} d)" if left >= 0 else " (expired)")
        feeds = f" · feeds {', '.join(i.skills)}" if i.skills else ""
        say(f"#{i.id:<4}", i.title, f"· {i.kind} · {i.status}{feeds}{extra}")
    return 0


# -- income -----------------------------------------------------------------------------------------

def cmd_income_add(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.currency import shown
    from kith.store.career.income import add_income

    day = ctx.today()
    start = parse_date_arg(args.from_day, "--from", day) if args.from_day else day
    ctx.open()
    s = add_income(args.name, args.kind, args.monthly, day, currency=args.currency or settings(ctx).display_currency,
                   from_day=start)
    last = s.history[-1]
    say(f"income #{s.id}", s.name, f"· {s.kind} · {shown(last.monthly, s.currency)} a month from "
        f"{last.from_day.isoformat()}" + (f" (amount {len(s.history)} of its history)" if len(s.history) > 1 else ""))
    return 0


def cmd_income_end(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.income import end_income

    day = ctx.today()
    on = parse_date_arg(args.on, "--on", day) if args.on else day
    ctx.open()
    s = end_income(args.name, day, on)
    say("ended", s.name, f"on {s.ended.isoformat()}")
    return 0


def _summary_json(s) -> dict:
    return {
        "day": s.day.isoformat(), "display_currency": s.display_currency, "active_count": s.count,
        "target": s.target, "under_target": s.under_target, "largest_share_percent": str(s.largest_share)
        if s.largest_share is not None else None, "share_limit_percent": s.share_limit, "over_share": s.over_share,
        "note": s.note(),
        "currencies": [{"currency": g.currency, "total_monthly": str(g.total),
                        "shares": [{"name": n, "monthly": str(a), "percent": str(p)} for n, a, p in g.shares]}
                       for g in s.groups],
        "streams": [{"id": x.id, "name": x.name, "kind": x.kind, "currency": x.currency,
                     "organisation": x.organisation, "started": x.started.isoformat(),
                     "ended": x.ended.isoformat() if x.ended else None, "active": x.active_on(s.day),
                     "monthly": str(x.amount_on(s.day)) if x.amount_on(s.day) is not None else None,
                     "history": [{"monthly": str(a.monthly), "from": a.from_day.isoformat(),
                                  "to": a.to_day.isoformat() if a.to_day else None} for a in x.history]}
                    for x in s.streams],
        "history": [{"month": m, "total": str(t)} for m, t in s.history],
    }


def cmd_income(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.currency import shown
    from kith.store.career.income import summary

    day = ctx.today()
    ctx.open()
    s = summary(day, settings(ctx))
    if args.json:
        dump_json(_summary_json(s))
        return 0
    if not s.streams:
        say("No income streams yet: kith income add NAME --kind salary --monthly 4500")
        return 0
    for g in s.groups:
        say(f"{g.currency}: {shown(g.total, g.currency)} a month")
        for name, amount, percent in g.shares:
            say("  ", name, f"· {shown(amount, g.currency)} · {percent}%")
    ended = [x for x in s.streams if not x.active_on(day)]
    if ended:
        say("not active:", ", ".join(x.name for x in ended))
    share = f"{s.largest_share}%" if s.largest_share is not None else "none"
    say(f"largest share ({s.display_currency}): {share}" + (f" · over {s.share_limit}%" if s.over_share else "")
        + f" · active streams: {s.count} of target {s.target}" + (" · under target" if s.under_target else ""))
    if s.note():
        say(s.note())
    return 0


# -- your own career and goals ------------------------------------------------------------------------

def cmd_me_job(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.jobs import add_job

    day = ctx.today()
    ctx.open()
    job = add_job(args.organisation, args.start, day, title=args.title, end=None if args.current else args.end)
    say(f"job #{job.id}", job.organisation, (f"· {job.title} " if job.title else "")
        + f"· {job.start} to {job.end or 'now'}")
    return 0


def cmd_me_career(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.jobs import gaps, list_jobs

    day = ctx.today()
    ctx.open()
    jobs = list_jobs()
    found = gaps(jobs, day)
    if args.json:
        dump_json({"jobs": [j.as_json() for j in jobs], "gaps": [g.as_json() for g in found]})
        return 0
    if not jobs:
        say("No jobs yet: kith me job ORG --title T --from 2020-01 --current")
        return 0
    rows = [(j.start, 0, j) for j in jobs] + [(g.start, 1, g) for g in found]
    for _, is_gap, x in sorted(rows, key=lambda r: (r[0], r[1])):
        if is_gap:
            say(f"  gap {x.start} to {x.end} ({x.months} months)")
        else:
            say(f"{x.start} to {x.end or 'now':7}", x.organisation, f"· {x.title}" if x.title else "")
    return 0


def cmd_goal_add(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.goals import add_goal

    day = ctx.today()
    ctx.open()
    g = add_goal(args.text, day, args.kind)
    say(f"{g.kind} #{g.id}:", g.text)
    return 0


def cmd_goal_done(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.goals import mark_done

    text = args.id.lstrip("#")
    if not text.isdigit():
        raise CliError(f"goal done: give the number shown by `kith goals`, not {args.id!r}")
    day = ctx.today()
    ctx.open()
    g = mark_done(int(text), day)
    say(f"done: {g.kind} #{g.id}", g.text)
    return 0


def cmd_goals(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.career.goals import list_goals

    ctx.open()
    goals = list_goals(include_done=args.json)
    return print_rows(goals, args.json, lambda g: g.as_json(),
                      lambda g: (f"#{g.id:<4} {g.kind:9} since {g.added.isoformat()}:", g.text),
                      "No open goals or challenges: kith goal add TEXT [--kind challenge]")
