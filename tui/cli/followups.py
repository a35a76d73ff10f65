"""Provides ``kith follow-ups`` (open follow-ups, or all with --all) and ``kith done FOLLOW_UP_ID``.

Adding one is ``kith follow-up`` (in ``tui.cli.today``). Marking one done is undoable.
"""

from __future__ import annotations

import argparse

from kith.tui.cli.common import CliError, Context, dump_json, say


def register(sub, common) -> None:
    p = sub.add_parser("follow-ups", parents=[common], help="list open follow-ups, soonest first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="done ones and archived contacts' too")
    p.set_defaults(func=cmd_follow_ups)

    p = sub.add_parser("done", parents=[common], help="mark a follow-up done today (kith undo reopens it)")
    p.add_argument("follow_up_id", metavar="FOLLOW_UP_ID", help="the #id kith follow-ups shows")
    p.set_defaults(func=cmd_done)


def cmd_follow_ups(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.followups import list_all, list_open

    ctx.open()
    rows = list_all() if args.all else [(f, name, False) for f, name in _with_names(list_open())]
    today = ctx.today()
    if args.json:
        dump_json([{"id": f.id, "contact_id": f.contact_id, "contact": name, "archived": archived,
                    "due": f.due.isoformat(), "what": f.what, "done": f.done,
                    "done_on": f.done_on.isoformat() if f.done_on else None} for f, name, archived in rows])
        return 0
    if not rows:
        say("no open follow-ups" if not args.all else "no follow-ups")
        return 0
    for f, name, archived in rows:
        if f.done:
            state = f"done {f.done_on.isoformat() if f.done_on else ''}".strip()
        else:
            state = f"due {f.due.isoformat()}" + (" (overdue)" if f.due < today else "")
        say(f"#{f.id:<5} {state} ·", name + (" (archived)" if archived else ""), "·", f.what)
    return 0


def _with_names(follow_ups):
    from kith.store.people.contacts import get_contact

    names: dict[int, str] = {}
    for f in follow_ups:
        if f.contact_id not in names:
            names[f.contact_id] = get_contact(f.contact_id).name
        yield f, names[f.contact_id]


def cmd_done(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.contacts import get_contact
    from kith.store.people.followups import get_follow_up, set_done

    text = args.follow_up_id.strip().lstrip("#")
    if not text.isdigit():
        raise CliError(f"{args.follow_up_id!r} is not a follow-up id: use the #id that kith follow-ups shows")
    ctx.open()
    f = get_follow_up(int(text))
    if f.done:
        say(f"follow-up #{f.id} was already done on {f.done_on.isoformat() if f.done_on else '?'}")
        return 0
    f = set_done(f.id, True, on=ctx.today())
    c = get_contact(f.contact_id)
    say(f"done: follow-up #{f.id} with", c.name + (" (archived)" if c.archived else "") + ":", f.what)
    return 0
