"""Provides main(): parse the command line, load the config, then run a subcommand or the app."""

from __future__ import annotations

import errno
import gc
import os
import sys

_light = False
"""Whether this process was answered by ``kith find``'s light path (see ``entry``)."""

_code_cache = None
"""The cache of ``@dataclass``'s compiled code, when started by ``entry`` (see ``dataclass_code``)."""


def entry() -> None:
    """The ``kith`` command: ``main``, then exit.

    The cyclic garbage collector waits while kith starts: importing it creates thousands of classes
    and objects that all live on, and the collector walked them again and again (15 ms of 190).
    A subcommand turns it back on when it starts its work; the app once its first screen is painted.

    After ``kith find``'s light path nothing is left to close (its read-only connection is closed,
    nothing waits at exit), so the process leaves at once rather than freeing, one by one, the
    objects it read: at 30,000 contacts that took 11 ms of a 150 ms command.

    The code ``@dataclass`` compiles for each record class is kept between starts (see
    ``dataclass_code``): 30 ms of every start.
    """
    gc.disable()
    global _code_cache
    from kith.tui.cli.dataclass_code import install

    _code_cache = install()
    code = main()
    if _light:
        try:
            if sys.stdout is not None:  # None: started with it closed (`kith find ada >&-`)
                sys.stdout.flush()
        except (BrokenPipeError, ValueError):
            pass  # the reader left (`kith find ada | head -1`): not an error worth a message
        except OSError as exc:  # a full disk (`kith find ada --json > out.json`): say so
            code = _say_unwritten(exc)
        try:
            if sys.stderr is not None:
                sys.stderr.flush()
        except (OSError, ValueError):
            pass
        _code_cache.save()  # os._exit runs no exit hooks
        os._exit(code)
    sys.exit(code)


def _say_unwritten(exc: OSError) -> int:
    """Tell (if standard error can) that the results could not be written; the exit status 2."""
    try:
        if sys.stderr is not None:  # None: print would write to standard output instead
            print(f"kith: {_os_error_line(exc)}", file=sys.stderr)
    except (OSError, ValueError):
        pass
    return 2


def main(argv: list[str] | None = None) -> int:
    global _light
    _light = False
    # Everything kith creates (database, backups, exports, logs) is owner-only.
    os.umask(0o077)
    from kith.tui.cli.quick_find import quick_find

    try:
        # `kith find` in the plain, healthy case: a light read path (None: the full command runs).
        code = quick_find(sys.argv[1:] if argv is None else list(argv))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # the results could not be written (a full disk): one line, as below
        if sys.stdout is not None:  # what is left in it is dropped, not written again at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _say_unwritten(exc)
    if code is not None:
        _light = True
        return code
    from kith.store.core.errors import StoreError
    from kith.tui.cli import build_parser, command_in
    from kith.tui.cli.common import CliError, Context
    from kith.tui.config import ConfigError, database_path, load_config

    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(command_in(argv)).parse_args(argv)  # a short command builds only its area
    ctx = None
    try:
        config = load_config(getattr(args, "config", None))
        func = getattr(args, "func", None)
        ctx = Context(config, database_path(config, getattr(args, "db", None)), may_create=_may_create(args))
        if func is None:
            return run_app(ctx)
        gc.enable()  # off while kith started (see entry); a command may make much garbage
        code = func(args, ctx) or 0
        _print_store_warnings()
        return code
    except (ConfigError, CliError, StoreError) as exc:
        from kith.tui.literal import safe_text

        # Messages can quote names and paths: keep escapes out of the terminal, keep the lines.
        print(f"kith: {safe_text(str(exc), multiline=True)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except UnicodeEncodeError as exc:
        # A lone surrogate (`$'\xff'` on a UTF-8 command line) that no store check caught.
        print(f"kith: {_surrogate_line(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `kith contacts | head`: the reader left; not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(f"kith: {_os_error_line(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:  # never a traceback on the user's screen
        from kith.store.core.db import DB_ERRORS, map_error
        from kith.tui.literal import safe_text

        line = _database_error_line(exc)
        if line is None and isinstance(exc, DB_ERRORS) and ctx is not None:
            # A read that reached a damaged page: what is wrong and how to recover, exit 2.
            line = safe_text(str(map_error(exc, ctx.db_path)))
        if line:
            print(f"kith: {line}", file=sys.stderr)
            return 2
        from kith.tui.crash import crash_line, log_crash

        print(crash_line(exc, log_crash(exc)), file=sys.stderr)
        return 1


def _may_create(args) -> bool:
    """Whether this run may create a missing database: the app, and the commands declared so.

    A command declares ``set_defaults(creates_db=True)`` where it is registered when it can make
    something from nothing (add, demo, import, restore); every other command, a new one too, needs
    an existing database. A dry run never creates one: it only shows.
    """
    if getattr(args, "func", None) is None:
        return True  # the full-screen app: its first run starts a new network
    return bool(getattr(args, "creates_db", False)) and not getattr(args, "dry_run", False)


def _print_store_warnings() -> None:
    # Once per command: a damaged database (read-only) and rows whose text is not UTF-8.
    from kith.store.core.integrity import warnings_for_user
    from kith.tui.literal import safe_text

    for line in warnings_for_user():
        print(f"kith: warning: {safe_text(line)}", file=sys.stderr)


def _surrogate_line(exc: UnicodeEncodeError) -> str:
    from kith.store.core.validate import text_problem

    text = exc.object if isinstance(exc.object, str) else ""
    return f"the text given {text_problem(text) or 'is not valid UTF-8'}"


def _os_error_line(exc: OSError) -> str:
    from kith.tui.literal import safe_text

    if exc.errno == errno.ENOSPC:
        return "disk full" + (f": cannot write {safe_text(exc.filename)}" if exc.filename else "")
    where = f"{safe_text(exc.filename)}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"


def _database_error_line(exc: Exception) -> str | None:
    """A raw SQLite failure outside a write (a read, a cache spill) as one line, or None."""
    from kith.store.core.db import DB_ERRORS

    if not isinstance(exc, DB_ERRORS):
        return None
    text = str(exc)
    if "full" in text:  # SQLITE_FULL: "database or disk is full"
        return f"disk full ({text})"
    return None


PAINT_FPS = "240"


def set_paint_clock(environ) -> None:
    """Let Textual paint up to 240 times a second, unless the user set TEXTUAL_FPS (read on import).

    Textual paints on a clock (default 60 ticks a second) and a change waits for the next tick, so a
    key whose effects take two or three rounds (a list's cursor, then the panel it fills) painted
    45-60 ms late. At 240 the same keys paint in about 20 ms for the same CPU: the clock only runs
    while something changes.
    """
    environ.setdefault("TEXTUAL_FPS", PAINT_FPS)


def run_app(ctx) -> int:
    """Open the store and run the full-screen app until the user quits."""
    from kith.store.people.contacts import count_contacts

    created = not ctx.db_path.exists()
    ctx.open(check_now=False)  # the damage check runs in a worker after the first paint
    from kith.store.brand.drafts import fold_in
    from kith.store.core.errors import StoreError

    try:
        fold_in()  # pitch typing a hang-up kept beside the database (store.drafts)
    except (StoreError, OSError):
        pass  # busy, damaged or unreadable: the file stays for the next start; the app opens anyway
    first_run = created or count_contacts(include_archived=True) == 0
    set_paint_clock(os.environ)
    from kith.tui.app import KithApp  # the one import of the full-screen app from the command line

    if _code_cache is not None:
        _code_cache.save()  # now: a session ended by a hang-up never reaches the one at exit
    app = KithApp(ctx.config, ctx.db_path, first_run=first_run)
    app.run()
    if app.crash_message:
        print(app.crash_message, file=sys.stderr)
    return app.return_code or 0

