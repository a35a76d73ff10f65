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


AREAS = ("contacts", "people", "followups", "undo", "today", "mentors", "pitch", "perception", "find", "transfer",
         "quality", "conversations", "career", "network", "newsletter", "volunteer")
"""One module per area, in help order; each has register(subparsers, common) and keeps heavy imports local."""

COMMANDS = {
    "add": "contacts", "backup": "contacts", "contacts": "contacts", "demo": "contacts", "log": "contacts",
    "archive": "people", "delete": "people", "edit": "people", "edit-touch": "people", "show": "people",
    "touches": "people", "unarchive": "people", "done": "followups", "follow-ups": "followups", "undo": "undo",
    "follow-up": "today", "snooze": "today", "today": "today", "check-in": "mentors", "check-ins": "mentors",
    "mentors": "mentors", "role": "mentors", "value": "mentors", "pitch": "pitch", "brand": "perception",
    "feedback": "perception", "find": "find", "duplicates": "transfer", "export": "transfer", "import": "transfer",
    "merge": "transfer", "restore": "transfer", "bulk": "quality", "focus": "quality", "stats": "quality",
    "strength": "quality", "triage": "quality", "week": "quality", "held": "conversations", "plan": "conversations",
    "plans": "conversations", "prep": "conversations", "thank": "conversations", "goal": "career", "goals": "career",
    "income": "career", "learn": "career", "learning": "career", "me": "career", "skill": "career",
    "skills": "career", "connectors": "network", "intro": "network", "intros": "network", "job": "network",
    "jobs": "network", "knows": "network", "org": "network", "path": "network", "target": "network",
    "targets": "network", "newsletter": "newsletter", "opt-out": "newsletter", "volunteer": "volunteer",
}
"""Which area registers each subcommand (tests/cli/test_parser_areas.py keeps it true): a short
command builds only its own area's parsers, not every area's."""


def command_in(argv: list[str]) -> str | None:
    """The subcommand named on ``argv`` when it is a plain one, else None (help, version, no command)."""
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg in ("--db", "--config"):
            if rest:
                rest.pop(0)
        elif arg.startswith(("--db=", "--config=")):
            continue
        else:
            return arg if arg in COMMANDS else None
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every subcommand; with ``command``, only those of the area that registers it."""
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
    for area in (COMMANDS[command],) if command in COMMANDS else AREAS:
        importlib.import_module(f"kith.tui.cli.{area}").register(sub, common)
    return parser
