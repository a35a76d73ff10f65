"""Provides what every subcommand shares: opening the store, resolving names, output, errors."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kith.tui.cli.output import dump_json, say  # noqa: F401 (re-exported: every command prints through them)
from kith.tui.config import Config
from kith.tui.literal import safe_text


class CliError(Exception):
    """Bad input on the command line: printed as one line, exit status 2."""


@dataclass
class Context:
    config: Config
    db_path: Path
    may_create: bool = False
    """True only for what can create from nothing (the app, add, demo, import, restore): any other
    command on a missing database says so (exit 2) and creates nothing."""

    def open(self, check_now: bool = True, as_found: bool = False) -> None:
        """Open the store; any store error becomes a one-line message.

        A command that needs existing rows says so on a missing database (exit 2); one that may
        create it does, and says once on stderr when it had to create its folder. In a folder kith
        cannot write (a mounted backup) the others open the database read-only: reads work and a
        write fails with one line. ``check_now=False`` (the TUI)
        leaves the damage check to a worker after the first paint. ``as_found`` (salvage): a
        damaged file of an older schema opens as it is (see ``open_db``).
        """
        from kith.store.core.db import make_private_dir, open_db
        from kith.store.core.errors import StoreError

        if not self.db_path.exists():
            if not self.may_create:
                raise CliError(f"no database at {self.db_path} (`kith add`, `kith import` or `kith demo` creates one)")
            created = make_private_dir(self.db_path.parent.absolute())
            tell_created_folder(created[0] if created else None)
        try:
            open_db(self.db_path, check_now=check_now, as_found=as_found)
        except StoreError:
            if self.may_create or os.access(self.db_path.absolute().parent, os.W_OK):
                raise
            # A read-only folder (a mounted backup): reads and exports elsewhere still work.
            from kith.store.core.readonly import open_read_only

            open_read_only(self.db_path)
        from kith.store.conversations.thanks import configure
        from kith.store.today.cadence import use_rule
        from kith.tui.settings import cadence_rule, conversations_settings

        configure(conversations_settings(self.config).thanks)  # the thank-you loop's per-kind days, for every area
        use_rule(cadence_rule(self.config))  # which tiers a newsletter restarts the cadence of

    def today(self) -> date:
        from kith.store.core.clock import today

        return today(self.config.time_zone or None)


def tell_created_folder(folder: Path | None) -> None:
    """Say once on stderr that kith had to create ``folder`` (for the database, an export, a backup)."""
    if folder is not None:
        say(f"kith: created folder {folder}", file=sys.stderr)


def output_path(text: str | None, option: str = "-o") -> str | None:
    """A file name the user gave; an empty one is refused (it never means the default)."""
    if text is not None and not text.strip():
        raise CliError(f"{option} is empty: give a file name (or leave {option} out for the default)")
    return text


def print_rows(rows, as_json: bool, json_row, line, empty: object = "", head: object = None) -> int:
    """Print a listing the way every command does; return the exit status (0).

    ``--json``: a JSON list of ``json_row(row)`` (``json_row=None``: the rows as they are). Otherwise
    ``empty`` when there are no rows, else ``head`` (if any) and one ``line(row)`` per row. ``line``,
    ``empty`` and ``head`` give a string or a tuple of the parts ``say`` joins.
    """
    if as_json:
        dump_json(list(rows) if json_row is None else [json_row(r) for r in rows])
        return 0
    if not rows:
        if empty:
            say(*_parts(empty))
        return 0
    if head is not None:
        say(*_parts(head))
    for r in rows:
        say(*_parts(line(r)))
    return 0


def _parts(text: object) -> tuple:
    return text if isinstance(text, tuple) else (text,)


def parse_date_arg(text: str, what: str = "date", today: date | None = None) -> date:
    """Parse a day as the app's forms do (YYYY-MM-DD, today, yesterday, -3, +1w) or raise CliError."""
    from kith.store.core.clock import parse_day
    from kith.store.core.clock import today as clock_today

    try:
        return parse_day(text, today or clock_today())
    except ValueError as exc:
        raise CliError(f"{what}: {exc}") from None


def resolve_contact(text: str):
    """Return the one contact ``text`` names exactly (archived ones too) or by id; never a guess.

    No exact match raises CliError with "did you mean ..." from the matcher behind ``kith find``.
    """
    from kith.store.core.errors import Ambiguous, NotFound
    from kith.store.people.lookup import NoExactMatch, resolve_exact

    try:
        return resolve_exact(text)
    except NoExactMatch as exc:
        if exc.suggestions:
            guesses = " or ".join(f"{name} (#{cid})" + (" (archived)" if archived else "")
                                  for cid, name, archived in exc.suggestions)
            raise CliError(f"{exc}; did you mean {guesses}?") from None
        raise CliError(str(exc)) from None
    except NotFound as exc:
        raise CliError(str(exc)) from None
    except Ambiguous as exc:
        lines = [f"{exc}; say which, by id:"]
        for c in exc.candidates:
            where = " · ".join(x for x in (c.role, c.company) if x)
            lines.append(f"  #{c.id}  {safe_text(c.name)}" + (f"  ({safe_text(where)})" if where else "")
                         + ("  (archived)" if c.archived else ""))
        raise CliError("\n".join(lines)) from None


def named(contact) -> str:
    """A contact's name as answers show it: "(archived)" follows an archived one."""
    return f"{contact.name} (archived)" if contact.archived else contact.name


def confirm(question: str, yes: bool) -> None:
    """Go on when ``--yes`` was given or the user says y on a terminal; otherwise raise CliError.

    Without a terminal and without --yes nothing is asked: the command refuses (exit 2).
    """
    if yes:
        return
    if not sys.stdin.isatty():
        raise CliError(f"{question.rstrip('?')}: not without --yes (no terminal to ask on)")
    try:
        answer = input(safe_text(question) + " [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes"):
        raise CliError("nothing changed")
