"""Provides the newsletter commands: ``kith newsletter new|list|audience|bcc|sent|undo-sent`` and
``kith opt-out``. kith never sends mail: ``bcc`` prints the list for your own mail client.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys

from kith.tui.cli.common import CliError, Context, dump_json, named, parse_date_arg, resolve_contact, say

MAX_BODY_BYTES = 200_000


def register(sub, common) -> None:
    nl = sub.add_parser("newsletter", parents=[common],
                        help="your newsletter: issues, audiences, the BCC list, marking one sent")
    nl_sub = nl.add_subparsers(dest="newsletter_command", metavar="new|list|audience|bcc|sent|undo-sent",
                               required=True)
    p = nl_sub.add_parser("new", parents=[common], help="write a new issue (a draft) for an audience")
    p.add_argument("subject", metavar="SUBJECT")
    p.add_argument("--body-file", metavar="F|-", help="the body: a UTF-8 text file, or - for stdin")
    p.add_argument("--tier", action="append", default=[], metavar="T", help="a tier (repeat: any of them)")
    p.add_argument("--tag", action="append", default=[], metavar="[KIND:]T", help="a tag (repeat: any of them)")
    p.add_argument("--org", action="append", default=[], metavar="ORG", help="an organisation (repeat: any)")
    p.set_defaults(func=cmd_new)
    p = nl_sub.add_parser("list", parents=[common], help="every issue: drafts first, then sent ones")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)
    p = nl_sub.add_parser("audience", parents=[common], help="who an issue goes to, and who is out and why")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audience)
    p = nl_sub.add_parser("bcc", parents=[common], help="the BCC list, one batch a line ([newsletter] batch_size)")
    p.add_argument("id", metavar="ID")
    p.set_defaults(func=cmd_bcc)
    p = nl_sub.add_parser("sent", parents=[common], help="mark an issue sent: a newsletter touch per recipient")
    p.add_argument("id", metavar="ID")
    p.add_argument("--on", metavar="DAY", help="the day it went out (default today)")
    p.set_defaults(func=cmd_sent)
    p = nl_sub.add_parser("undo-sent", parents=[common], help="undo marking an issue sent (removes its touches)")
    p.add_argument("id", metavar="ID")
    p.set_defaults(func=cmd_undo_sent)

    p = sub.add_parser("opt-out", parents=[common], help="keep a contact out of every newsletter (--undo: back in)")
    p.add_argument("contact", metavar="NAME_OR_ID")
    p.add_argument("--undo", action="store_true", help="let them receive the newsletter again")
    p.set_defaults(func=cmd_opt_out)


def _issue(text: str):
    from kith.store.core.errors import NotFound
    from kith.store.newsletter import get_issue

    digits = text.strip().lstrip("#")
    if not digits.isdigit():
        raise CliError(f"{text!r} is not an issue id (kith newsletter list shows them)")
    try:
        return get_issue(int(digits))
    except NotFound as exc:
        raise CliError(f"{exc} (kith newsletter list shows them)") from None


def _read_body(name: str) -> str:
    if name == "-":
        stream = getattr(sys.stdin, "buffer", None)  # a text-only stdin (a test's) has no bytes underneath
        data = stream.read(MAX_BODY_BYTES + 1) if stream else sys.stdin.read(MAX_BODY_BYTES + 1).encode()
        where = "stdin"
    else:
        try:
            if not stat.S_ISREG(os.stat(name).st_mode):
                raise CliError(f"{name} is not a regular file")
            with open(name, "rb") as f:
                data = f.read(MAX_BODY_BYTES + 1)
        except OSError as exc:
            raise CliError(f"cannot read {name}: {exc.strerror}") from None
        where = name
    if len(data) > MAX_BODY_BYTES:
        raise CliError(f"{where} is larger than {MAX_BODY_BYTES:,} bytes; a newsletter body is much shorter")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError(f"{where} is not UTF-8 text (byte {exc.start})") from None
    if "\x00" in text or any(ord(ch) < 32 and ch not in "\n\r\t\f" for ch in text):
        raise CliError(f"{where} is not a text file (it holds control bytes)")
    return text


def cmd_new(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.newsletter import audience_from_options, create_issue, preview_filter

    body = _read_body(args.body_file) if args.body_file else ""
    ctx.open()
    audience = audience_from_options(args.tier, args.tag, args.org)
    found = preview_filter(audience, ctx.today())
    if not found.inside:
        raise CliError(f"the audience is empty ({found.summary()}): nothing was written")
    issue = create_issue(args.subject, body, "", audience)
    say(f"added newsletter issue #{issue.id}:", issue.subject, f"· {found.summary()}")
    return 0


def _issue_json(i) -> dict:
    return {"id": i.id, "subject": i.subject, "audience": i.audience_lines if i.audience else [],
            "sent_on": i.sent_on, "recipients": i.recipients, "replies": i.replies,
            "body": i.body, "help": i.help}


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.newsletter import list_issues

    ctx.open()
    issues = list_issues()
    if args.json:
        dump_json([_issue_json(i) for i in issues])
        return 0
    if not issues:
        say('no newsletter issues yet (kith newsletter new "SUBJECT" --tier network writes one)')
    for i in issues:
        state = (f"sent {i.sent_on.isoformat()} to {i.recipients}" + (f", {i.replies} replied" if i.replies else "")
                 if i.sent_on else "draft")
        say(f"#{i.id:<4}", i.subject, f"· {state}")
    return 0


def cmd_audience(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.newsletter import preview

    ctx.open()
    issue = _issue(args.id)
    found = preview(issue, ctx.today())
    if args.json:
        member = lambda m: {"contact_id": m.contact_id, "name": m.name, "email": m.email}  # noqa: E731
        dump_json({"id": issue.id, "audience": issue.audience_lines if issue.audience else [],
                   "in": [member(m) for m in found.inside],
                   "out": [{**member(m), "reason": m.reason} for m in found.out],
                   "counts": {"in": len(found.inside), "out": len(found.out), **found.counts}})
        return 0
    if issue.sent_on:
        say(f"(issue #{issue.id} was sent on {issue.sent_on.isoformat()}; this is who the audience selects today)")
    say(f"#{issue.id}", issue.subject, "·", found.summary())
    say(f"In ({len(found.inside)}):")
    for m in found.inside:
        say(f"  #{m.contact_id:<5}", m.name, f"<{m.email}>")
    say(f"Out ({len(found.out)}):")
    for m in found.out:
        say(f"  #{m.contact_id:<5}", m.name, f"· {m.reason}" + (f" <{m.email}>" if m.email else ""))
    return 0


def cmd_bcc(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.newsletter import bcc_batches, preview

    ctx.open()
    issue = _issue(args.id)
    found = preview(issue, ctx.today())
    if not found.inside:
        raise CliError(f"issue #{issue.id} has an empty audience ({found.summary()})")
    for batch in bcc_batches(found.emails, ctx.config.newsletter.batch_size):
        say(batch)
    return 0


def cmd_sent(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.newsletter import mark_sent

    ctx.open()
    today = ctx.today()
    on = parse_date_arg(args.on, "--on", today) if args.on else today
    issue = _issue(args.id)
    count = mark_sent(issue.id, on, today=today)
    say(f"marked #{issue.id}", issue.subject, f"sent on {on.isoformat()}: a newsletter touch logged for {count} "
        f"(kith newsletter undo-sent {issue.id} or kith undo reverses it)")
    return 0


def cmd_undo_sent(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.newsletter import unsend

    ctx.open()
    issue = _issue(args.id)
    count = unsend(issue.id)
    say(f"#{issue.id}", issue.subject, f"is a draft again: removed the {count} newsletter touches of its send")
    return 0


def cmd_opt_out(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.newsletter import set_opt_out

    ctx.open()
    c = resolve_contact(args.contact)
    changed = set_opt_out(c.id, not args.undo)
    if args.undo:
        say(named(c), "receives the newsletter again" if changed else "was not opted out")
    else:
        say(named(c), "is opted out of the newsletter" if changed else "was already opted out")
    return 0
