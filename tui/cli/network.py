"""Provides the network commands: careers (``job``, ``jobs``), organisations (``org ...``),
introductions (``intro``, ``intros``), ``knows``, ``connectors``, targets (``target``, ``targets``)
and the warm path in (``path``). Every change is undoable with ``kith undo``.
"""

from __future__ import annotations

import argparse

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
    p = sub.add_parser("job", parents=[common], help="add an employment to a contact's career")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("org", metavar="ORG")
    p.add_argument("--title", default="")
    p.add_argument("--from", dest="started", metavar="YYYY[-MM]")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--to", dest="ended", metavar="YYYY[-MM]")
    when.add_argument("--current", action="store_true", help="their job now (becomes their company and role)")
    p.set_defaults(func=cmd_job)

    p = sub.add_parser("jobs", parents=[common], help="a contact's career, current job first")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_jobs)

    org = sub.add_parser("org", parents=[common], help="organisations: show, list, merge, alias")
    org_sub = org.add_subparsers(dest="org_command", metavar="show|list|merge|alias", required=True)
    p = org_sub.add_parser("show", parents=[common], help="an organisation and the people there now and before")
    p.add_argument("org", metavar="ORG")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_org_show)
    p = org_sub.add_parser("list", parents=[common], help="every organisation with people now and before")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_org_list)
    p = org_sub.add_parser("merge", parents=[common], help="fold OTHER into KEEP (shows what it does first)")
    p.add_argument("keep", metavar="KEEP")
    p.add_argument("other", metavar="OTHER")
    p.add_argument("--yes", action="store_true", help="do not ask (needed without a terminal)")
    p.set_defaults(func=cmd_org_merge)
    p = org_sub.add_parser("alias", parents=[common], help="another name the organisation goes by")
    p.add_argument("org", metavar="ORG")
    p.add_argument("alias", metavar="ALIAS")
    p.set_defaults(func=cmd_org_alias)

    p = sub.add_parser("intro", parents=[common],
                       help="BY introduced you to NEW, or --between A B: you introduced A and B")
    p.add_argument("people", nargs="+", metavar="BY NEW")
    p.add_argument("--between", action="store_true", help="you introduced the two people named")
    p.add_argument("--on", metavar="DAY")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--new", action="store_true", help="NEW is a new person even if a name is close")
    p.set_defaults(func=cmd_intro)

    p = sub.add_parser("intros", parents=[common], help="the introductions ledger (of one contact when named)")
    p.add_argument("contact", nargs="?", metavar="NAME_OR_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_intros)

    p = sub.add_parser("knows", parents=[common], help="record that A and B know each other")
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("--strength", type=int, default=3, metavar="1-5")
    p.set_defaults(func=cmd_knows)

    p = sub.add_parser("connectors", parents=[common], help="power connectors, ranked, with their reasons")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=10, metavar="N")
    p.set_defaults(func=cmd_connectors)

    p = sub.add_parser("target", parents=[common], help="mark an organisation as a target, or move its stage")
    p.add_argument("org", metavar="ORG")
    p.add_argument("--stage", metavar="STAGE", help="researching, reaching out, talking, applied, offer, closed")
    p.add_argument("--note", metavar="TEXT")
    p.set_defaults(func=cmd_target)

    p = sub.add_parser("targets", parents=[common], help="target organisations by stage")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_targets)

    p = sub.add_parser("path", parents=[common], help="warm paths from you into an organisation, best first")
    p.add_argument("org", metavar="ORG")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=10, metavar="N")
    p.set_defaults(func=cmd_path)


def _org(text: str):
    from kith.store.core.errors import NotFound
    from kith.store.network import resolve_org

    try:
        return resolve_org(text)
    except NotFound as exc:
        raise CliError(str(exc)) from None


def _target_org(text: str):
    """The organisation to target: a new one when nothing matches or comes close."""
    from kith.store.network import find_or_create_org, match_org
    from kith.store.network.orgs import suggest

    found = match_org(text)
    if found is None and not suggest(text):
        found = find_or_create_org(text)
        say(f"added organisation #{found.id}", found.name)
    return found or _org(text)


def _job_json(j) -> dict:
    return {"id": j.id, "org_id": j.org_id, "org": j.org_name, "title": j.title, "from": j.started,
            "to": j.ended, "current": j.current, "approximate": j.approximate}


def cmd_job(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network import add_job

    ctx.open()
    c = resolve_contact(args.contact)
    j = add_job(c.id, args.org, args.title, args.started, args.ended, args.current, today=ctx.today())
    span = j.span()
    say(f"added job #{j.id} to", named(c) + ":", " ".join(x for x in (j.title, "at", j.org_name) if x)
        + (f" ({span})" if span else ""))
    return 0


def cmd_jobs(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network import list_jobs

    ctx.open()
    c = resolve_contact(args.contact)
    jobs = list_jobs(c.id)
    if args.json:
        dump_json({"contact_id": c.id, "name": c.name, "jobs": [_job_json(j) for j in jobs]})
        return 0
    return print_rows(jobs, False, None, lambda j: (f"#{j.id:<5}", j.org_name, "·", j.title or "—", "·",
                                                    j.span() or "dates unknown"),
                      f"no jobs for {named(c)} yet (kith job NAME ORG --current adds one)")


def cmd_org_show(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network import people_at
    from kith.store.network.targets import get_target

    ctx.open()
    org = _org(args.org)
    now, before = people_at(org.id)
    target = get_target(org.id)
    if args.json:
        dump_json({"id": org.id, "name": org.name, "aliases": list(org.aliases), "domain": org.domain,
                   "industry": org.industry, "location": org.location, "notes": org.notes,
                   "target": {"stage": target.stage, "note": target.note} if target else None,
                   "now": [{"contact_id": j.contact_id, "name": n, **_job_json(j)} for j, n in now],
                   "before": [{"contact_id": j.contact_id, "name": n, **_job_json(j)} for j, n in before]})
        return 0
    say(f"{org.name} (#{org.id})" + (f"  also: {', '.join(org.aliases)}" if org.aliases else ""))
    target_text = f"{target.stage}" + (f" · {target.note}" if target.note else "") if target else ""
    for label, value in (("Industry", org.industry), ("Domain", org.domain), ("Location", org.location),
                         ("Target", target_text)):
        if value:
            say(f"  {label}:", value)
    for label, people in (("Now", now), ("Before", before)):
        say(f"{label} ({len(people)}):")
        for j, name in people:
            say(f"  #{j.contact_id:<5}", name, "·", j.title or "—", "·", j.span() or "")
    return 0


def cmd_org_list(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network import list_orgs

    ctx.open()
    rows = list_orgs()
    return print_rows(rows, args.json, lambda r: {"id": r.id, "name": r.name, "industry": r.industry, "now": r.current,
                                                  "before": r.former, "target": r.stage},
                      lambda r: (f"#{r.id:<5}", r.name, f"· {r.current} now, {r.former} before"
                                 + (f" · target: {r.stage}" if r.stage else "")),
                      "no organisations yet (a contact's company becomes one)")


def cmd_org_merge(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network.orgs import merge_orgs, merge_preview

    ctx.open()
    keep, other = _org(args.keep), _org(args.other)
    if keep.id == other.id:
        raise CliError(f"{args.keep!r} and {args.other!r} are the same organisation ({keep.name})")
    for line in merge_preview(keep.id, other.id):
        say(" ", line)
    confirm(f"Merge {other.name} into {keep.name}?", args.yes)
    merged = merge_orgs(keep.id, other.id)
    say(f"merged {other.name} into {merged.name} (kith undo reverses it)")
    return 0


def cmd_org_alias(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network.orgs import add_alias

    ctx.open()
    before = _org(args.org)
    org = add_alias(before.id, args.alias)
    if org.aliases == before.aliases:
        say(f"{args.alias!r} already names {org.name}: nothing to add")
        return 0
    say(f"{org.name} also goes by:", ", ".join(org.aliases))
    return 0


def _new_person(text: str, allow_new: bool):
    """The contact ``text`` names, or a new one when it names nobody (a close name needs --new)."""
    from kith.store.people.contacts import create_contact
    from kith.store.people.lookup import NoExactMatch, resolve_exact

    try:
        return resolve_exact(text), False
    except NoExactMatch as exc:
        close = exc.suggestions or _close_names(text)
        if close and not allow_new:
            guesses = " or ".join(f"{name} (#{cid})" for cid, name, _a in close)
            raise CliError(f"no contact is named {text!r}; did you mean {guesses}? (--new adds a new person)") from None
    if text.strip().lstrip("#").isdigit():
        raise CliError(f"no contact has id {text}")
    return create_contact(text), True


def _close_names(text: str) -> list[tuple[int, str, bool]]:
    """Contacts whose whole name is a typo away from ``text`` ("Dana Dias" for "Dana Diaz")."""
    from rapidfuzz import fuzz, process

    from kith.store.core.fold import fold
    from kith.store.people.contacts import list_rows

    rows = {r.id: r for r in list_rows(include_archived=True)}
    hits = process.extract(fold(text), {cid: fold(r.name) for cid, r in rows.items()}, scorer=fuzz.ratio,
                           score_cutoff=85, limit=3)
    return [(cid, rows[cid].name, rows[cid].archived) for _n, _s, cid in hits]


def cmd_intro(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network import record_introduction

    if len(args.people) != 2:
        raise CliError("name two people: kith intro BY NEW, or kith intro --between A B")
    on = parse_date_arg(args.on, "--on", ctx.today()) if args.on else ctx.today()
    if on > ctx.today():
        raise CliError(f"--on {on.isoformat()} is still ahead: record an introduction once it happened")
    ctx.open()
    if args.between:
        a, b = (resolve_contact(t) for t in args.people)
        if a.id == b.id:
            raise CliError("nobody can be introduced to themselves")
        intro = record_introduction(None, a.id, b.id, on, args.note)
    else:
        by = resolve_contact(args.people[0])
        new, created = _new_person(args.people[1], args.new)
        if by.id == new.id:
            raise CliError("nobody can be introduced to themselves")
        intro = record_introduction(by.id, None, new.id, on, args.note)
        if created:
            say(f"added #{new.id}", new.name, "(new contact)")
    say(f"recorded: {intro.line()} on {on.isoformat()} (intro #{intro.id}; logged as an introduction touch)")
    return 0


def cmd_intros(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network import list_introductions

    ctx.open()
    cid = resolve_contact(args.contact).id if args.contact else None
    rows = list_introductions(cid)
    return print_rows(rows, args.json, lambda i: {
        "id": i.id, "day": i.day.isoformat(), "by_id": i.by_id, "by": i.by_name or None, "first_id": i.first_id,
        "first": i.first_name or None, "second_id": i.second_id, "second": i.second_name, "note": i.note,
        "outcome": i.outcome, "line": i.line()},
        lambda i: (f"#{i.id:<5} {i.day.isoformat()}", i.line(), f"· {i.outcome}" + (f" · {i.note}" if i.note else "")),
        "no introductions yet (kith intro BY NEW records one)")


def cmd_knows(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network import set_knows

    if not 1 <= args.strength <= 5:
        raise CliError("--strength is 1 (faint) to 5 (very strong)")
    ctx.open()
    a, b = resolve_contact(args.a), resolve_contact(args.b)
    if a.id == b.id:
        raise CliError("someone always knows themselves: name two people")
    set_knows(a.id, b.id, args.strength)
    say(f"noted: {a.name} knows {b.name} (strength {args.strength})")
    return 0


def cmd_connectors(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network import rank_connectors

    if args.limit < 1:
        raise CliError("--limit must be 1 or more")
    ctx.open()
    rows = rank_connectors(ctx.today(), args.limit)
    if args.json:
        dump_json([{"contact_id": c.contact_id, "name": c.name, "score": c.score, "to_you": c.to_you,
                    "between": c.between, "organisations": c.organisations, "industries": c.industries,
                    "places": c.places, "reasons": list(c.reasons)} for c in rows])
        return 0
    if not rows:
        say("no connectors yet: nobody has made an introduction (kith intro BY NEW records one)")
    for n, c in enumerate(rows, 1):
        say(f"{n:>2}. {c.score:>6.1f}", c.name, f"(#{c.contact_id})")
        say("          ", "; ".join(c.reasons))
    return 0


def cmd_target(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network import set_target
    from kith.store.network.targets import parse_stage

    stage = parse_stage(args.stage) if args.stage is not None else None
    ctx.open()
    org = _target_org(args.org)
    t = set_target(org.id, stage, args.note, today=ctx.today())
    say(f"target {t.org_name}: {t.stage}" + (f" · {t.note}" if t.note else ""))
    return 0


def cmd_targets(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network import list_targets

    ctx.open()
    rows = list_targets()
    return print_rows(rows, args.json, lambda t: {
        "org_id": t.org_id, "org": t.org_name, "stage": t.stage, "note": t.note,
        "progressed": t.progressed.isoformat(), "now": t.current, "before": t.former},
        lambda t: (f"#{t.org_id:<5}", t.org_name, f"· {t.stage} · {t.current} now, {t.former} before",
                   f"· since {t.progressed.isoformat()}" + (f" · {t.note}" if t.note else "")),
        "no targets yet (kith target ORG marks one)")


def cmd_path(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.network import find_routes
    from kith.tui.settings import network_settings

    if args.limit < 1:
        raise CliError("--limit must be 1 or more")
    ctx.open()
    org = _org(args.org)
    routes = find_routes(org.id, network_settings(ctx.config), ctx.today(), args.limit)
    if args.json:
        dump_json([{"score": r.score, "why": r.why,
                    "hops": [{"contact_id": h.contact_id, "name": h.name, "edge": h.edge, "why": h.why}
                             for h in r.hops]} for r in routes])
        return 0
    if not routes:
        say(f"no warm path into {org.name} yet: nobody you know works there or knows someone who does")
    for n, r in enumerate(routes, 1):
        say(f"{n:>2}. {r.score:>5.1f}", r.why)
    return 0
