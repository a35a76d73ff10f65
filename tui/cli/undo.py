"""Provides ``kith undo``: reverse the last change made from the CLI or the app (one shared log)."""

from __future__ import annotations

import argparse

from kith.tui.cli.common import Context, say


def register(sub, common) -> None:
    p = sub.add_parser("undo", parents=[common],
                       help="reverse the last change (from the CLI or the app): all that one action did")
    p.set_defaults(func=cmd_undo)


def cmd_undo(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.core.undo import undo_last

    ctx.open()
    entry = undo_last()
    if entry is None:
        say("nothing to undo")
        return 0
    say("undid:", entry.summary or entry.action)
    return 0
