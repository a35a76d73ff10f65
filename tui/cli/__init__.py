"""Provides the command line. Each area registers its subcommands from its own module.

Nothing here imports Textual: ``kith find`` and ``kith today`` must start fast.
"""

from __future__ import annotations

import argparse


class KithArgumentParser(argparse.ArgumentParser):
    """Usage errors in one line plus where to read more, not argparse's screenful of usage."""

    def error(self, message: str):
        import sys

        from kith.tui.literal import safe_text

        # Subcommand parsers are named "kith edit"; the top one is just "kith".
        print(f"{self.prog}: {safe_text(message)}\nsee {self.prog} --help", file=sys.stderr)
        raise SystemExit(2)

    def parse_args(self, args=None, namespace=None):
        # Unknown options are found by the top parser; blame the subcommand they were given to.
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            chosen = getattr(self, "commands", {}).get(getattr(parsed, "command", None), self)
            chosen.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed


def build_parser() -> argparse.ArgumentParser:
    from kith.tui import __version__

    common = KithArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file (env KITH_DB; default: the platform's data folder)")
    common.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS,
                        help="config file (env KITH_CONFIG; default: the platform's config folder)")
    parser = KithArgumentParser(
        prog="kith", parents=[common],
        description="kith: keep your network warm, your pitch sharp and your mentors two-way. "
                    "With no command, opens the full-screen app.",
    )
    parser.add_argument("--version", action="version", version=f"kith {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parser.commands = sub.choices
    # One module per area, in help order; each has register(subparsers, common) and keeps heavy
    # imports local.
    from kith.tui.cli import (
        career,
        contacts,
        conversations,
        find,
        followups,
        mentors,
        network,
        people,
        perception,
        pitch,
        quality,
        today,
        transfer,
        undo,
        volunteer,
    )

    for area in (contacts, people, followups, undo, today, mentors, pitch, perception, find, transfer, quality,
                 conversations, career, network, volunteer):
        area.register(sub, common)
    return parser
