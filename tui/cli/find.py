"""Provides ``kith find QUERY``: the best matches across everything, with what matched.

No Textual here, and the store is imported only when the command runs: it must start fast.
"""

from __future__ import annotations

import argparse

from kith.tui.cli.common import CliError, Context
from kith.tui.cli.quick_find import print_results

MAX_LIMIT = 500


def register(sub, common) -> None:
    p = sub.add_parser(
        "find", parents=[common], help="search contacts, notes, follow-ups and everything else",
        description="Fuzzy search across everything (typos, accents and case do not matter). "
                    "Exit status 1 when nothing matches.")
    p.add_argument("query", nargs="+", metavar="QUERY", help="words to find, e.g. jose alvarez")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results (default 20)")
    p.add_argument("--kind", action="append", default=None, metavar="KIND",
                   help="only this kind: contact, touch, follow-up, ... (repeat for several)")
    p.set_defaults(func=cmd_find)


def cmd_find(args: argparse.Namespace, ctx: Context) -> int:
    query = " ".join(args.query)
    if not 1 <= args.limit <= MAX_LIMIT:
        raise CliError(f"--limit must be between 1 and {MAX_LIMIT}, not {args.limit}")
    from kith.store.core.fold import fold

    if not fold(query):
        raise CliError("say what to find, e.g. kith find ada")
    ctx.open()
    from kith.store.search.engine import kind_names, search

    kinds = None
    if args.kind:
        known = kind_names()
        kinds = []
        for k in args.kind:
            name = k.strip().lower().replace("_", "-")
            name = {"followup": "follow-up", "follow-ups": "follow-up", "contacts": "contact",
                    "touches": "touch"}.get(name, name)
            if name not in known:
                raise CliError(f"unknown kind {k!r}; use one of: {', '.join(known)}")
            kinds.append(name)
    results = search(query, limit=args.limit, kinds=kinds)
    return print_results(results, query, args.json)
