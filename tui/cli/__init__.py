"""Provides the command line. Each area registers its subcommands from its own module.

Nothing here imports Textual: ``kith find`` and ``kith today`` must start fast.
"""

from __future__ import annotations

import argparse
import importlib

# One module per area; each has register(subparsers, common) and keeps heavy imports local.
AREAS = ("contacts", "today", "mentors", "pitch", "find", "transfer")


def build_parser() -> argparse.ArgumentParser:
    from kith.tui import __version__

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file (env KITH_DB; default: the platform's data folder)")
    common.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS,
                        help="config file (env KITH_CONFIG; default: the platform's config folder)")
    parser = argparse.ArgumentParser(
        prog="kith", parents=[common],
        description="kith: keep your network warm, your pitch sharp and your mentors two-way. "
                    "With no command, opens the full-screen app.",
    )
    parser.add_argument("--version", action="version", version=f"kith {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for area in AREAS:
        module = importlib.import_module(f"kith.tui.cli.{area}")
        module.register(sub, common)
    return parser
