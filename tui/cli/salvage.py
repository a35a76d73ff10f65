"""Provides ``kith export json --salvage``: every row a damaged database still gives up."""

from __future__ import annotations

import argparse
import sys

from kith.tui.cli.common import CliError, Context, output_path, say, tell_created_folder


def _default_path(ctx: Context):
    from datetime import datetime

    return ctx.db_path.parent / "exports" / f"kith-salvage-{datetime.now():%Y%m%d-%H%M%S}.json"


def cmd_export_salvage(args: argparse.Namespace, ctx: Context) -> int:
    """Write the readable rows as a kith JSON export (restorable) and say how many were lost."""
    from pathlib import Path

    from kith.store.core.files import write_file
    from kith.store.transfer.exporters import to_json
    from kith.store.transfer.salvage import salvage

    if args.kind != "json":
        raise CliError("--salvage writes JSON only: kith export json --salvage")
    output_path(args.output)
    ctx.open(as_found=True)  # a damaged file kith would need to upgrade: read it as it is
    data, report = salvage()
    text = to_json(data)
    if args.output == "-":
        from kith.tui.cli.output import escaped

        sys.stdout.write(escaped(text))
    else:
        target = Path(args.output) if args.output else _default_path(ctx)
        if target.exists() or target.is_symlink():
            raise CliError(f"{target} already exists; salvage never overwrites a file: give a new name")
        try:
            written = write_file(target, text)
        except OSError as exc:
            raise CliError(f"cannot write {target}: {exc.strerror}") from None
        if args.output:
            tell_created_folder(written.created_folder)
        say("salvage written to", target)
    say(f"kith: {report.summary()}", file=sys.stderr)
    return 0
