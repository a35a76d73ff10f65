"""Provides JobModal: one employment (organisation, title, from, to or current) for a contact's career."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Static

from kith.tui.literal import safe_text


class JobModal(ModalScreen[dict | None]):
    """Returns ``{"org", "title", "started", "ended", "current"}`` or None; the screen writes it."""

    CSS_PATH = "job.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="job-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="job-save", tooltip="Save (Enter works too)"),
    ]

    def __init__(self, typed: dict | None = None) -> None:
        super().__init__()
        self.typed = typed or {}

    def compose(self) -> ComposeResult:
        t = self.typed
        with Vertical(id="dialog"):
            yield Static(Content.styled("Add a job", "bold"), id="title")
            yield Label(Content("Organisation"))
            yield Input(safe_text(t.get("org", "")), id="org", max_length=200)
            yield Label(Content("Title"))
            yield Input(safe_text(t.get("title", "")), id="job-title", max_length=300)
            yield Label(Content("From and to  (YYYY or YYYY-MM)"))
            with Horizontal(id="span"):
                yield Input(safe_text(t.get("started") or ""), placeholder="from", id="started", max_length=10)
                yield Input(safe_text(t.get("ended") or ""), placeholder="to", id="ended", max_length=10)
            yield Checkbox("Their job now", bool(t.get("current")), id="current", compact=True)
            yield Static("", id="job-error", classes="error")
            yield Static(Content.styled("Enter saves · Tab moves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        self.query_one("#org", Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        org = " ".join(self.query_one("#org", Input).value.split())
        if not org:
            self.query_one("#job-error", Static).update(Content("Say which organisation."))
            self.query_one("#org", Input).focus()
            return
        current = self.query_one("#current", Checkbox).value
        ended = self.query_one("#ended", Input).value.strip() or None
        self.dismiss({"org": org, "title": self.query_one("#job-title", Input).value,
                      "started": self.query_one("#started", Input).value.strip() or None,
                      "ended": None if current else ended, "current": current})

    def action_cancel(self) -> None:
        self.dismiss(None)
