"""Provides the command line. Each area registers its subcommands from its own module.

Nothing here imports Textual: ``kith find`` and ``kith today`` must start fast. This module is
imported by ``kith find``'s light path too, so argparse waits in ``cli/parser.py``.
"""

from __future__ import annotations

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


APP = ""
"""What ``command_in`` says of a line naming no command, only the database or the config: the
full-screen app, whose parser needs no subcommand (building them all took 18 ms of its start)."""


def command_in(argv: list[str]) -> str | None:
    """The subcommand named on ``argv`` when it is a plain one; ``APP`` when the line only names the
    database or the config; else None (help, version, anything else)."""
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
    return APP


def build_parser(command: str | None = None):
    """The parser of every subcommand; with ``command``, only those of the area that registers it
    (none for ``APP``)."""
    from kith.tui.cli.parser import build_parser as build

    return build(() if command == APP else (COMMANDS[command],) if command in COMMANDS else AREAS)
