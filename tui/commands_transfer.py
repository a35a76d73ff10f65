"""Provides the command-palette verbs for import, export and merging duplicates."""

from __future__ import annotations

from pathlib import Path

from textual.app import SystemCommand

from kith.tui.literal import literal

EXPORTS = (("json", "JSON (everything)"), ("toml", "TOML (everything)"), ("csv", "CSV (contacts)"),
           ("vcard", "vCard (contacts)"), ("ics", "iCalendar (follow-ups, due dates, birthdays)"))


def export_folder(app) -> Path:
    """Exports go into ``exports/`` beside the database (owner-only, like the database)."""
    return Path(app.db_path).parent / "exports"


def run_export(app, kind: str) -> None:
    """Export in a thread worker under a new unique name (never replacing a file), then say where."""

    def work() -> None:
        from kith.store.core.access import in_own_connection
        from kith.store.core.errors import StoreError
        from kith.store.transfer.exporters import export_new
        from kith.tui.literal import safe_text

        try:
            written = in_own_connection(export_new, kind, export_folder(app), app.config.cadence_for)
        except StoreError as exc:  # refused, disk full, permissions: one line, never a crash
            app.call_from_thread(app.notify, safe_text(f"Export failed: {exc}"), severity="error", markup=False)
            return
        except Exception as exc:  # anything else: say so and log it, never take the app down
            from kith.tui.crash import log_crash

            log_crash(exc)
            app.call_from_thread(app.notify, safe_text(f"Export failed: {type(exc).__name__}: {exc}"),
                                 severity="error", markup=False)
            return
        app.call_from_thread(app.notify, safe_text(f"Exported to {written.path}"), title="Export",
                             markup=False, timeout=10)

    app.run_worker(work, thread=True, group="export")


def open_import(app) -> None:
    from kith.tui.screens.import_screen import ImportScreen

    app.push_screen(ImportScreen())


def open_merge(app) -> None:
    from kith.tui.screens.merge import MergeScreen

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
