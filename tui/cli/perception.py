"""Provides ``kith feedback ask|add|list|trends|decline`` and ``kith brand check|claim|variant``
(no Textual import)."""

from __future__ import annotations

import argparse
import sys

from kith.tui.cli.common import CliError, Context, dump_json, parse_date_arg, resolve_contact, say

MAX_STDIN = 20_001
"""Characters read from stdin for ``--text -``: one more than a feedback text may hold."""


def register(sub, common) -> None:
    """Add this area's subcommands to the parser."""
    fb = sub.add_parser("feedback", parents=[common], help="360 feedback: ask, add, list, trending terms")
    actions = fb.add_subparsers(dest="feedback_command", metavar="ACTION")
    fb.set_defaults(func=_need("kith feedback ask|add|list|trends|decline"))

    ask = actions.add_parser("ask", parents=[common], help="record that you asked someone for feedback")
    ask.add_argument("who", metavar="NAME_OR_ID")
    ask.add_argument("--prompt", metavar="TEXT", default=None,
                     help='the prompt used (default: "What am I doing well? What do I need to fix?"; '
                          'or "People say I am …" / "They say that I …")')
    ask.add_argument("--via", metavar="CHANNEL", default="", help="how you asked (email, in person, ...)")
    ask.set_defaults(func=cmd_ask)

    add = actions.add_parser("add", parents=[common], help="keep someone's feedback in their own words")
    add.add_argument("who", metavar="NAME_OR_ID")
    add.add_argument("--text", required=True, metavar="TEXT", help="their words, verbatim (- reads stdin)")
    add.add_argument("--on", metavar="DAY", default=None, help="the day they gave it (default: today)")
    add.add_argument("--context", metavar="KIND", default="conversation",
                     help="review, reference, conversation (default) or survey")
    add.add_argument("--quotable", action="store_true", help="you may quote them")
    add.set_defaults(func=cmd_add)

    ls = actions.add_parser("list", parents=[common], help="list feedback (of one person) and open requests")
    ls.add_argument("who", metavar="NAME_OR_ID", nargs="?", default=None)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)

    tr = actions.add_parser("trends", parents=[common], help="the words and phrases that trend in your feedback")
    tr.add_argument("--json", action="store_true")
    tr.add_argument("--limit", type=int, default=20, metavar="N", help="how many terms (default 20)")
    tr.set_defaults(func=cmd_trends)

    dec = actions.add_parser("decline", parents=[common], help="mark someone's open feedback request declined")
    dec.add_argument("who", metavar="NAME_OR_ID")
    dec.set_defaults(func=cmd_decline)

    br = sub.add_parser("brand", parents=[common], help="check your brand: staleness, channels, claims, perception")
    bra = br.add_subparsers(dest="brand_command", metavar="ACTION")
    br.set_defaults(func=_need("kith brand check|claim|variant"))
    ck = bra.add_parser("check", parents=[common], help="stale pitches, channels without a tagline, claims "
                                                         "without evidence, terms others use that you don't")
    ck.add_argument("--json", action="store_true")
    ck.set_defaults(func=cmd_check)
    cl = bra.add_parser("claim", parents=[common], help="note a claim a pitch makes, with evidence and source")
    cl.add_argument("pitch", metavar="PITCH", help="a pitch name (or part of it) or #id")
    cl.add_argument("claim", metavar="CLAIM")
    cl.add_argument("--evidence", default="", metavar="TEXT", help="a link or a note that backs it")
    cl.add_argument("--source", default="", metavar="TEXT", help="where borrowed wording comes from")
    cl.set_defaults(func=cmd_claim)
    va = bra.add_parser("variant", parents=[common], help="set a pitch's text for one audience (tech, non-tech, ...)")
    va.add_argument("pitch", metavar="PITCH")
    va.add_argument("audience", metavar="AUDIENCE")
    va.add_argument("--text", required=True, metavar="TEXT")
    va.add_argument("--seconds", type=int, default=None, metavar="N", help="its own target duration")
    va.set_defaults(func=cmd_variant)


def _need(what: str):
    def run(args, ctx) -> int:
        raise CliError(f"say what to do: {what}")

    return run


def _read_text(value: str) -> str:
    if value != "-":
        return value
    try:
        return sys.stdin.read(MAX_STDIN)
    except UnicodeDecodeError:
        raise CliError("stdin is not UTF-8 text") from None


def cmd_ask(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.perception.feedback import ask

    ctx.open()
    c = resolve_contact(args.who)
    r = ask(c.id, args.prompt, args.via, ctx.today())
    say(f"asked {c.name} for feedback (#{r.id})", f"via {r.channel}" if r.channel else "", f"· {r.prompt}")
    return 0


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.perception.feedback import add_feedback, clean_feedback_text, parse_context

    text = clean_feedback_text(_read_text(args.text))  # checked before the database is opened
    context = parse_context(args.context)
    ctx.open()
    today = ctx.today()
    on = parse_date_arg(args.on, "--on", today) if args.on else today
    c = resolve_contact(args.who)
    f = add_feedback(c.id, text, on, context, args.quotable, thank_you=ctx.config.perception.thank_you, today=today)
    say(f"feedback #{f.id} from {c.name} kept ({f.context}, {f.given_on.isoformat()}"
        f"{', quotable' if f.quotable else ''})")
    if f.thank_you_id:
        say(f"follow-up #{f.thank_you_id}: thank {c.name.split()[0]} for the feedback, due tomorrow")
    return 0


def _open_to_read(ctx: Context) -> None:
    """Listing commands never create a database: on a missing one they say so (exit 2)."""
    ctx.may_create = False
    ctx.open()


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.perception.feedback import list_feedback, list_requests

    _open_to_read(ctx)
    who = resolve_contact(args.who) if args.who else None
    entries = list_feedback(who.id if who else None)
    requests = list_requests(who.id if who else None)
    if args.json:
        dump_json({"feedback": [f.as_json() for f in entries], "requests": [r.as_json() for r in requests]})
        return 0
    open_requests = [r for r in requests if r.status == "asked"]
    for r in open_requests:
        say(f"asked   {r.asked_on.isoformat()}", r.name, f"#{r.contact_id}", "·", r.prompt)
    if not entries:
        say("no feedback yet: kith feedback add NAME --text '…'" if not who else f"no feedback from {who.name} yet")
        return 0
    for f in entries:
        first = " ".join(f.text.split())
        first = first if len(first) <= 100 else first[:99] + "…"
        say(f"#{f.id:<4} {f.given_on.isoformat()}", f.name, f"[{f.context}{', quotable' if f.quotable else ''}]",
            f"“{first}”")
    return 0


def cmd_trends(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.perception.trends import quotes, term_json, trends

    if args.limit < 1:
        raise CliError("--limit must be 1 or more")
    _open_to_read(ctx)
    found = trends(ctx.today(), limit=args.limit)
    if args.json:
        dump_json([term_json(t) for t in found])
        return 0
    if not found:
        say("no feedback yet: kith feedback add NAME --text '…'")
        return 0
    width = max(len(t.term) for t in found)
    for t in found:
        arrow = {"up": "↑", "down": "↓", "steady": "→"}[t.direction]
        say(f"{t.term:<{width}}  {t.people:>3} people  {t.count:>4}×  {arrow} {t.direction} ({t.trend:+d})",
            f"· {len(quotes(t.key))} quotes")
    return 0


def cmd_decline(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.perception.feedback import list_requests, set_request_status

    ctx.open()
    c = resolve_contact(args.who)
    open_requests = list_requests(c.id, status="asked")
    if not open_requests:
        raise CliError(f"{c.name} has no open feedback request")
    set_request_status(open_requests[0].id, "declined", ctx.today())
    say(f"{c.name} declined: request #{open_requests[0].id} closed")
    return 0


def _pitch(text: str):
    from kith.store.brand.pitches import resolve_pitch
    from kith.store.core.errors import Ambiguous

    try:
        return resolve_pitch(text)
    except Ambiguous as exc:
        names = ", ".join(f"{p.name} (#{p.id})" for p in exc.candidates)
        raise CliError(f"{exc}: {names}") from None


def cmd_claim(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.perception.brand_review import add_claim

    ctx.open()
    p = _pitch(args.pitch)
    c = add_claim(p.id, args.claim, args.evidence, args.source)
    say(f"claim #{c.id} on {p.name}:", c.claim, "" if c.evidence else "(no evidence yet)")
    return 0


def cmd_variant(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.perception.brand_review import set_variant

    ctx.open()
    p = _pitch(args.pitch)
    v = set_variant(p.id, args.audience, _read_text(args.text), args.seconds)
    say(f"{p.name}: variant for {v.audience} saved")
    return 0


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.perception.compare import brand_check

    _open_to_read(ctx)
    today = ctx.today()
    check = brand_check(today, ctx.config.perception.review_after_days)
    if args.json:
        dump_json(check.as_json(today))
        return 0
    if check.clean:
        say("your brand is fresh: nothing to review")
        return 0
    for s in check.stale:
        when = f"last reviewed {s.age(today)} d ago" if s.reviewed else f"never reviewed ({s.age(today)} d old)"
        say("stale:", s.name, f"[{s.channel}]", f"· {when}")
    for channel in check.missing_channels:
        say(f"no tagline: {channel}")
    for c in check.claims_without_evidence:
        say("no evidence:", f"“{c.claim}”", f"({c.pitch_name})")
    for t in check.they_say:
        say("they say, you don't:", t.term, f"· {t.people} people")
    return 0
