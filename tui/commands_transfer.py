"""Provides the command-palette verbs for import, export and merging duplicates."""

from __future__ import annotations

from pathlib import Path

from textual.app import SystemCommand

from tui.literal import literal

EXPORTS = (("json", "JSON (everything)"), ("toml", "TOML (everything)"), ("csv", "CSV (contacts)"),
           ("vcard", "vCard (contacts)"), ("ics", "iCalendar (follow-ups, due dates, birthdays)"))


def export_folder(app) -> Path:
    """Exports go into ``exports/`` beside the database (owner-only, like the database)."""
    return Path(app.db_path).parent / "exports"


def run_export(app, kind: str) -> None:
    """Export in a thread worker, then say where the file is."""
    from datetime import datetime

    from store.exporters import SUFFIX

    target = export_folder(app) / f"kith-{datetime.now():%Y%m%d-%H%M%S}{SUFFIX[kind]}"

    def work() -> None:
        from store.db import db
        from store.exporters import export
        from tui.literal import safe_text

        try:
            with db.connection_context():
                path = export(kind, target, app.config.cadence_for)
        except Exception as exc:  # disk full, permissions: say so, never crash the app
            app.call_from_thread(app.notify, safe_text(f"Export failed: {exc}"), severity="error", markup=False)
            return
        app.call_from_thread(app.notify, safe_text(f"Exported to {path}"), title="Export", markup=False, timeout=10)

    app.run_worker(work, thread=True, group="export")


def open_import(app) -> None:
    from tui.screens.import_screen import ImportScreen

    app.push_screen(ImportScreen())


def open_merge(app) -> None:
    from tui.screens.merge import MergeScreen

    app.push_screen(MergeScreen())


def transfer_commands(app):
    """The SystemCommands for ``KithApp.get_system_commands``."""
    yield SystemCommand("Import contacts", "From LinkedIn Connections.csv, a vCard file or a kith CSV",
                        lambda: open_import(app))
    yield SystemCommand("Merge duplicates", "Likely duplicate contacts side by side; merge or skip",
                        lambda: open_merge(app))
    for kind, label in EXPORTS:
        yield SystemCommand(f"Export {label}", literal(f"Write the {kind} export into {export_folder(app)}"),
                            lambda k=kind: run_export(app, k))
