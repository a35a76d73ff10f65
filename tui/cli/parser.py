"""Provides the parser of ``kith``'s command line, built from the areas' own modules."""

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


def build_parser(areas: tuple[str, ...]) -> argparse.ArgumentParser:
    """The parser of ``kith`` with the subcommands of ``areas`` (modules of ``kith.tui.cli``)."""
    import importlib

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
    for area in areas:
        importlib.import_module(f"kith.tui.cli.{area}").register(sub, common)
    return parser
