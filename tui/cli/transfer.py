"""Provides ``kith import``, ``kith export``, ``kith restore``, ``kith duplicates`` and ``kith merge``."""

from __future__ import annotations

import argparse
import sys

from kith.tui.cli.common import CliError, Context, dump_json, output_path, resolve_contact, say, tell_created_folder
from kith.tui.literal import plural

IMPORT_KINDS = ("linkedin", "vcard", "csv")
EXPORT_KINDS = ("json", "toml", "csv", "vcard", "ics")


def register(sub, common) -> None:
    p = sub.add_parser("import", parents=[common], help="import contacts from LinkedIn, vCard or kith CSV")
    p.add_argument("kind", choices=IMPORT_KINDS, help="linkedin (Connections.csv), vcard (.vcf) or csv (kith's export)")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true",
                   help="show what would change; write nothing (needs an existing database)")
    p.set_defaults(func=cmd_import, creates_db=True)

    p = sub.add_parser("export", parents=[common], help="export everything (json, toml) or contacts (csv, vcard, ics)")
    p.add_argument("kind", choices=EXPORT_KINDS)
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="file to write (a folder for vcard: one file per contact; '-' for standard output); "
                        "default: exports/kith-YYYYMMDD-HHMMSS.KIND beside the database")
    p.add_argument("--force", action="store_true",
                   help="replace an existing FILE (never a database; a link is replaced, not followed)")
    p.set_defaults(func=cmd_export)
    from kith.tui.cli.salvage import cmd_export_salvage  # a small module: no heavy imports

    p.add_argument("--salvage", dest="func", action="store_const", const=cmd_export_salvage, default=cmd_export,
                   help="json only: from a damaged database, write every row that can still be read")

    p = sub.add_parser("restore", parents=[common], help="load a JSON or TOML export into an empty database")
    p.add_argument("file")
    p.set_defaults(func=cmd_restore, creates_db=True)

    p = sub.add_parser("duplicates", parents=[common], help="list likely duplicate contacts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_duplicates)

    p = sub.add_parser("merge", parents=[common], help="merge contact OTHER into KEEP, keeping everything of both")
    p.add_argument("keep", metavar="KEEP")
    p.add_argument("other", metavar="OTHER")
    p.add_argument("--yes", action="store_true",
                   help="do the merge (after a backup beside the database); without it, only the preview")
    p.set_defaults(func=cmd_merge)


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.transfer.importers import BadImportFile, parse_file
    from kith.store.transfer.importers.apply import apply_records

    try:
        # A bad file is refused before the database is even opened (or created).
        records, summary = parse_file(args.kind, args.file)
    except BadImportFile as exc:
        raise CliError(str(exc)) from None
    ctx.open()
    try:
        summary = apply_records(records, summary, dry_run=args.dry_run, tiers=ctx.config.tiers)
    except BadImportFile as exc:
        raise CliError(str(exc)) from None
    for line in summary.lines():
        say(line)
    return 0


def default_export_folder(ctx: Context):
    """Exports without ``-o`` go to ``exports/`` beside the database, under a unique name."""
    return ctx.db_path.parent / "exports"


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.transfer.exporters import export_file, export_new, render

    output_path(args.output)
    ctx.open()
    cadence = ctx.config.cadence_for
    if args.output == "-":
        text = render(args.kind, cadence)
        if args.kind in ("json", "toml"):
            from kith.tui.cli.output import escaped

            text = escaped(text)
        elif sys.stdout.isatty():
            from kith.tui.literal import safe_text

            text = safe_text(text, multiline=True)  # a terminal never gets raw escapes from a note
        sys.stdout.write(text)
        return 0
    if args.output:
        written = export_file(args.kind, args.output, cadence, force=args.force)
    else:
        written = export_new(args.kind, default_export_folder(ctx), cadence)
    tell_created_folder(written.created_folder)
    say(f"exported {args.kind} to", written.path, *(["(replaced the existing file)"] if written.replaced else []))
    return 0


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.transfer.importers.common import BadImportFile, read_text
    from kith.store.transfer.restore import load_export, restore

    try:
        read_text(args.file)
    except BadImportFile as exc:
        raise CliError(str(exc)) from None
    load_export(args.file)  # a wrong file is refused before the database is opened
    ctx.open()
    counts = restore(args.file)
    say(f"restored {counts.get('contact', 0)} contacts and {sum(counts.values())} rows in all from", args.file)
    return 0


def cmd_duplicates(args: argparse.Namespace, ctx: Context) -> int:
    from dataclasses import asdict

    from kith.store.people.duplicates import find_duplicates

    ctx.open()
    pairs = find_duplicates()
    if args.json:
        dump_json([asdict(p) for p in pairs])
        return 0
    if not pairs:
        say("no likely duplicates")
        return 0
    for p in pairs:
        say(f"#{p.a_id}", p.a_name, f"  ~  #{p.b_id}", p.b_name, f"  ({', '.join(p.reasons)})")
    say(f"{plural(len(pairs), 'likely duplicate pair')}; merge one with: kith merge KEEP_ID OTHER_ID")
    return 0


def cmd_merge(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.people.merge import merge_plan, merge_with_backup

    ctx.open()
    keep = resolve_contact(args.keep)
    other = resolve_contact(args.other)
    if keep.id == other.id:
        raise CliError("KEEP and OTHER are the same contact")
    plan = merge_plan(keep.id, other.id, ctx.today())
    for line in plan.lines():
        say(line)
    if not args.yes:
        say("nothing changed: add --yes to merge (a backup of the database is taken first)")
        return 0
    merged, backup = merge_with_backup(keep.id, other.id, ctx.today())
    say("backup before the merge:", backup)
    say(f"merged #{other.id}", other.name, f"into #{merged.id}", merged.name)
    return 0
