"""Provides ``kith stats``, ``kith focus``, ``kith triage``, ``kith bulk``, ``kith strength`` and
``kith week`` (no Textual import)."""

from __future__ import annotations

import argparse

from kith.tui.cli.common import CliError, Context, dump_json, print_rows, resolve_contact, say


def register(sub, common) -> None:
    """Add this area's subcommands to the parser."""
    p = sub.add_parser("stats", parents=[common],
                       help="network health: tag kinds, strength, tiers' states, give/take, weekly touches, relevance")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("focus", parents=[common],
                       help="show or set your focus (repeat an option; NAME=WEIGHT weighs a term, e.g. fintech=2)")
    for kind in ("profession", "industry", "geography"):
        p.add_argument(f"--{kind}", action="append", default=None, metavar="T",
                       help=f"a {kind} you target (the {kind}s given replace the stored ones)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_focus)

    p = sub.add_parser("triage", parents=[common], help="print the next untriaged contacts (for scripts)")
    p.add_argument("--filter", default="", metavar="QUERY",
                   help="narrow with the filter grammar (e.g. added:last-import)")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="how many to print (default 20)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_triage)

    p = sub.add_parser("bulk", parents=[common],
                       help="change every contact a filter keeps (without --yes: show the count and the first ten)")
    p.add_argument("--filter", required=True, metavar="QUERY",
                   help="the filter grammar: words, tier:, tag:[kind:], org:, strength>=, last<90d, added:last-import, "
                        "archived:yes, -negation")
    action = p.add_mutually_exclusive_group(required=True)
    action.add_argument("--tag", metavar="T", help="add this tag (kind:name or name)")
    action.add_argument("--untag", metavar="T", help="remove this tag")
    action.add_argument("--tier", metavar="T", help="set this tier")
    action.add_argument("--every", type=int, metavar="DAYS", help="set an own cadence (0: never)")
    action.add_argument("--strength", type=int, metavar="N", help="set the strength (1-5)")
    action.add_argument("--archive", action="store_true", help="archive them")
    p.add_argument("--yes", action="store_true", help="do it (one `kith undo` reverses it all)")
    p.set_defaults(func=cmd_bulk)

    p = sub.add_parser("strength", parents=[common], help="the suggested strength of a relationship, with its reasons")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--accept", action="store_true", help="make the suggestion the contact's strength")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_strength)

    p = sub.add_parser("week", parents=[common],
                       help="the weekly review: a week's touches, conversations, referrals, thank-yous and streak")
    p.add_argument("--date", default=None, metavar="DAY",
                   help="show the week containing DAY (YYYY-MM-DD, -7 ...; default today; weeks start on "
                        "[quality] weekly_review_day)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_week)


def _query(text: str):
    from kith.store.people.filters import parse

    return parse(text)  # BadFilter is a StoreError: one line, exit 2


def cmd_stats(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.quality.health import health
    from kith.tui.settings import health_settings

    ctx.open()
    h = health(ctx.today(), health_settings(ctx.config))
    if args.json:
        dump_json(h.as_json())
        return 0
    say(h.verdict)
    say(f"contacts: {h.contacts} · relevant: {h.relevant} · untriaged: {h.untriaged}")
    say("tagged by kind:", ", ".join(f"{k} {n}" for k, n in sorted(h.by_tag_kind.items())) or "none")
    for kind, name, n in h.by_focus:
        say(f"  focus {kind}: {name}: {n}")
    say("strength:", "  ".join(f"{i + 1}: {n}" for i, n in enumerate(h.strength)))
    for tier, states in h.tiers.items():
        say(f"tier {tier}:", ", ".join(f"{s} {n}" for s, n in states.items() if n) or "nobody")
    g = h.give_take
    say(f"give/take: given {g.given}, received {g.received} (last 90 d: {g.given_recent} / {g.received_recent})")
    say("touches per week (52, oldest first):", " ".join(str(n) for n in h.touches_per_week))
    say("new per month:", ", ".join(f"{m} {n}" for m, n in h.new_per_month))
    who = h.initiators
    say(f"who started it: you invited {who.get('me', 0)}, they invited {who.get('them', 0)}, "
        f"met in person {who.get('in-person', 0)}")
    for _cid, name, since in h.fading:
        say("reconnect with", name, f"({'never touched' if since is None else f'{since} d since the last touch'})")
    return 0


def cmd_focus(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.quality.focus import get_focus, parse_term, set_focus
    from kith.tui.settings import config_focus

    wanted = {k: getattr(args, k) for k in ("profession", "industry", "geography") if getattr(args, k) is not None}
    parsed = {}
    for kind, texts in wanted.items():
        try:
            parsed[kind] = [parse_term(kind, t) for t in texts if t.strip()]
        except Exception as exc:
            raise CliError(f"--{kind}: {exc}") from None
    ctx.open()
    for kind, terms in parsed.items():
        set_focus(kind, terms)
    focus = get_focus() + [t for t in config_focus(ctx.config) if t not in get_focus()]
    return print_rows(focus, args.json, lambda t: {"kind": t.kind, "name": t.name, "weight": t.weight},
                      lambda t: f"{t.kind}: {t.name}" + (f" (weight {t.weight:g})" if t.weight != 1 else ""),
                      "no focus set: kith focus --industry fintech --geography London (NAME=2 weighs a term double)")


def cmd_triage(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.quality.focus import effective_focus, relevance
    from kith.store.quality.triage import DEFAULT_QUERY, card, queue
    from kith.tui.settings import config_focus

    if not 1 <= args.limit <= 10000:
        raise CliError("--limit must be between 1 and 10000")
    query = _query(f"{DEFAULT_QUERY} {args.filter}")
    ctx.open()
    ids = queue(query, ctx.today())
    cards = [card(i) for i in ids[:args.limit]]
    rel = relevance(effective_focus(config_focus(ctx.config)), [c.id for c in cards]) if cards else {}
    if args.json:
        dump_json({"untriaged": len(ids), "contacts": [
            {**c.as_json(), "relevance": rel[c.id].score, "relevance_reason": rel[c.id].reason} for c in cards]})
        return 0
    say(f"{len(ids)} to triage" + (f"; the first {len(cards)}:" if cards else ""))
    for c in cards:
        where = " · ".join(x for x in (c.role, c.company, c.location) if x)
        conn = f"  connected {c.connected_on.isoformat()}" if c.connected_on else ""
        say(f"#{c.id}", c.name, f"({where})" if where else "", conn, f"  relevance {rel[c.id].score}")
    return 0


def cmd_bulk(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.filters import matching_ids
    from kith.store.quality import bulk

    query = _query(args.filter)
    if args.tier is not None and args.tier not in ctx.config.tiers:
        raise CliError(f"unknown tier {args.tier!r}; use one of: {', '.join(ctx.config.tiers)}")
    if args.every is not None and not 0 <= args.every <= 3650:
        raise CliError("--every must be between 0 and 3650 days")
    if args.strength is not None and not 1 <= args.strength <= 5:
        raise CliError("--strength must be between 1 and 5")
    ctx.open()
    ids = matching_ids(query, ctx.today())
    if not ids:
        raise CliError(f"no contact matches {args.filter!r}: nothing to change")
    if args.tag or args.untag:
        from kith.store.people.contacts import parse_tag

        parse_tag(args.tag or args.untag)  # a bad tag is refused before anything is shown
    what = (f"add tag {args.tag}" if args.tag else f"remove tag {args.untag}" if args.untag
            else f"set tier {args.tier}" if args.tier else f"set cadence {args.every} d" if args.every is not None
            else f"set strength {args.strength}" if args.strength is not None else "archive")
    if not args.yes:
        from kith.store.quality.triage import card

        say(f"would {what} on {len(ids)} contact{'s' if len(ids) != 1 else ''} (add --yes to do it); the first ten:")
        for i in ids[:10]:
            say(f"  #{i}", card(i).name)
        return 0
    if args.tag or args.untag:
        n = bulk.tag(ids, args.tag or args.untag, remove=bool(args.untag))
    elif args.tier:
        n = bulk.set_field(ids, "tier", args.tier)
    elif args.every is not None:
        n = bulk.set_field(ids, "cadence_days", args.every)
    elif args.strength is not None:
        n = bulk.set_field(ids, "strength", args.strength)
    else:
        n = bulk.set_field(ids, "archived", True)
    say(f"{what}: {n} of {len(ids)} contacts changed (kith undo reverses it)")
    return 0


def cmd_strength(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.quality.strength import accept, suggest

    ctx.open()
    c = resolve_contact(args.contact)
    s = accept(c.id, ctx.today()) if args.accept else suggest(c.id, ctx.today())
    if args.json:
        dump_json({**s.as_json(), "accepted": bool(args.accept)})
        return 0
    say(c.name, f"strength {s.suggested if args.accept else s.manual}, suggested {s.suggested}")
    for r in s.reasons:
        say("  " + r)
    if args.accept:
        say("accepted" if s.suggested != s.manual else "already at the suggestion; nothing changed")
    elif s.suggested != s.manual:
        say(f"  kith strength {c.id} --accept sets it to {s.suggested}")
    return 0


def week_sections(ctx: Context, day) -> list[tuple[str, list[str], dict]]:
    """The sections ``kith week`` prints for the week containing ``day``, as (title, lines, json)."""
    from kith.store.quality.weekly import week_containing
    from kith.tui.cli.conversations import conversations_section

    first = review_weekday(ctx.config)
    w = week_containing(day, ctx.today(), first, ctx.config.quality.week_streak_touches)
    return [("weekly review", w.lines(), w.as_json()), conversations_section(ctx, day, first)]


def review_weekday(config) -> int:
    """The configured weekly-review day as a weekday number (0 = Monday): weeks start on it."""
    from kith.tui.config_areas import WEEKDAYS

    return WEEKDAYS.index(config.quality.weekly_review_day)


def cmd_week(args: argparse.Namespace, ctx: Context) -> int:
    from kith.tui.cli.common import parse_date_arg

    day = parse_date_arg(args.date, "--date", ctx.today()) if args.date is not None else ctx.today()
    ctx.open()
    sections = week_sections(ctx, day)
    if args.json:
        start, end = sections[0][2]["start"], sections[0][2]["end"]
        dump_json({"start": start, "end": end, **{title.replace(" ", "_"): data for title, _, data in sections}})
        return 0
    for n, (title, lines, _) in enumerate(sections):
        if n:
            say("")
        say(f"== {title}")
        for line in lines:
            say(line)
    return 0
