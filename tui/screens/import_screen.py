"""Provides ImportScreen: import a LinkedIn, vCard or kith CSV file with a progress bar and a summary."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, ProgressBar, Static

from kith.tui.literal import literal
from kith.tui.widgets.key_footer import KeyFooter

KIND_LABELS = {"linkedin": "LinkedIn connections", "vcard": "vCard contacts", "csv": "kith CSV export"}


class ImportScreen(Screen):
    """Type a path, Enter imports it (Ctrl+R: dry run); the summary shows every skipped row."""

    CSS_PATH = "import_screen.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="import-close", tooltip="Back to where you were"),
        Binding("ctrl+r", "run(True)", "Dry run", priority=True, id="import-dry-run",
                tooltip="Show what the import would change; write nothing"),
        Binding("ctrl+s", "run(False)", "Import", priority=True, id="import-run",
                tooltip="Import the file (Enter in the path does the same)"),
        Binding("ctrl+t", "triage", "Triage", priority=True, id="import-triage",
                tooltip="Triage the people the import just added, one at a time"),
    ]

    @dataclass
    class Progressed(Message):
        done: int
        total: int

    @dataclass
    class Finished(Message):
        lines: list[str]
        dry_run: bool
        added: int = 0

    @dataclass
    class Failed(Message):
        error: str

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.initial_path = path
        self.running = False

    def compose(self) -> ComposeResult:
        from kith.tui.literal import safe_text

        with Vertical(id="import-form"):
            yield Static(Content("Import contacts"), id="import-title")
            yield Static(Content("LinkedIn Connections.csv, a .vcf file (Apple, Google, Android) or a kith CSV export. "
                                 "Importing twice changes nothing."), id="import-help")
            yield Input(safe_text(self.initial_path), placeholder="Path to the file, e.g. ~/Downloads/Connections.csv",
                        id="import-path")
            yield Static(Content(""), id="import-kind")
            yield ProgressBar(total=1, show_eta=False, id="import-progress")
        with VerticalScroll(id="import-result"):
            yield Static(Content(""), id="import-summary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()
        self._show_kind(self.initial_path)

    def _show_kind(self, path: str) -> None:
        from kith.store.transfer.importers import guess_kind

        kind = guess_kind(self._expand(path)) if path.strip() else ""
        text = Content.assemble(("Format: ", "dim"), KIND_LABELS[kind]) if kind else Content("")
        self.query_one("#import-kind", Static).update(text)

    @staticmethod
    def _expand(path: str) -> str:
        import os

        return os.path.expanduser(path.strip())

    @on(Input.Changed, "#import-path")
    def _path_changed(self, event: Input.Changed) -> None:
        self._show_kind(event.value)

    @on(Input.Submitted, "#import-path")
    def _path_submitted(self) -> None:
        self.action_run(False)

    def action_run(self, dry_run: bool) -> None:
        """Start the import (or a dry run) of the typed path."""
        from kith.store.transfer.importers import BadImportFile, guess_kind, read_text

        if self.running:
            return
        path = self._expand(self.query_one("#import-path", Input).value)
        summary = self.query_one("#import-summary", Static)
        if not path:
            summary.update(Content.styled("Type the path of the file to import.", "$error"))
            return
        try:
            read_text(path)  # refuse FIFOs, folders, binaries at once, with one line
        except BadImportFile as exc:
            summary.update(Content.assemble(("Cannot import: ", "$error"), literal(str(exc))))
            return
        self.running = True
        summary.update(Content("Reading the file…"))
        self.query_one("#import-progress", ProgressBar).update(total=None, progress=0)
        self._import(guess_kind(path), path, dry_run)

    @work(thread=True, exclusive=True)
    def _import(self, kind: str, path: str, dry_run: bool) -> None:
        from kith.store.core.access import in_own_connection
        from kith.store.core.errors import StoreError
        from kith.store.transfer.importers import import_file

        try:
            result = in_own_connection(import_file, kind, path, dry_run=dry_run, tiers=self.app.config.tiers,
                                       progress=lambda done, total: self.post_message(self.Progressed(done, total)))
        except StoreError as exc:
            self.post_message(self.Failed(str(exc)))
            return
        except Exception as exc:  # a worker must report, not take the app down mid-import
            from kith.tui.crash import log_crash

            log_crash(exc)
            self.post_message(self.Failed(f"import failed: {type(exc).__name__}: {exc}; nothing was written"))
            return
        self.post_message(self.Finished(result.lines(), dry_run, len(result.added_ids)))

    def on_import_screen_progressed(self, event: Progressed) -> None:
        self.query_one("#import-progress", ProgressBar).update(total=max(event.total, 1), progress=event.done)

    def on_import_screen_finished(self, event: Finished) -> None:
        self.running = False
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        head, *rest = event.lines
        parts = [literal(head, "bold")]
        for line in rest:
            parts += [Content("\n"), literal(line)]
        self.added = 0 if event.dry_run else event.added
        if self.added:
            parts += [Content("\n\n"), Content.assemble("Press ", ("ctrl+t", "bold"),
                                                         f" to triage the {self.added} people just added.")]
        self.refresh_bindings()
        self.query_one("#import-summary", Static).update(Content.assemble(*parts))

    def on_import_screen_failed(self, event: Failed) -> None:
        self.running = False
        self.query_one("#import-progress", ProgressBar).update(total=None, progress=0)
        self.query_one("#import-summary", Static).update(
            Content.assemble(("Cannot import: ", "$error"), literal(event.error)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "triage":
            return bool(getattr(self, "added", 0)) and not self.running  # hidden until an import added people
        return True

    def action_triage(self) -> None:
        from kith.tui.modals.triage import start_triage

        start_triage(self.app, "added:last-import", "Triage: last import")

    def action_close(self) -> None:
        """Leave the import screen (a running import carries on to its end)."""
        if self.running:
            self.app.notify("The import is still running; wait for its summary.", severity="warning")
            return
        self.app.pop_screen()
