"""Provides LogTouchModal: kind, day (default today) and a note; Enter saves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from kith.store.core.clock import parse_day
from kith.store.core.records import TOUCH_KINDS
from kith.tui.literal import literal, safe_text
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.day_field import DayField
from kith.tui.widgets.form_fields import FormSelect


@dataclass(frozen=True)
class TouchDraft:
    """What the user entered; the caller writes it to the store."""

    kind: str
    on: date
    note: str


class LogTouchModal(GuardedModal, ModalScreen[TouchDraft | None]):
    """Log a touch with ``contact_name``. Focus starts on the note: l, type, Enter."""

    CSS_PATH = "log_touch.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="log-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="log-save", tooltip="Save the touch (Enter works too)"),
    ]

    def __init__(self, contact_name: str, today: date, kind: str = "message", on: date | None = None,
                 note: str = "", title: str = "Log a touch with ") -> None:
        super().__init__()
        self.contact_name = contact_name
        self.today = today
        self.kind = kind if kind in TOUCH_KINDS else "message"
        self.on = on or today
        self.note = safe_text(note)
        """The note shown (display-safe); editing compares against it, so an untouched note is not rewritten."""
        self.title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble((self.title, "bold"), literal(self.contact_name, "bold $accent")),
                         id="title")
            yield Label(Content("Kind"))
            yield FormSelect([(Content(k), k) for k in TOUCH_KINDS], value=self.kind, allow_blank=False, id="kind")
            yield Label(Content("Day  (YYYY-MM-DD, today, yesterday, -3)"))
            yield DayField(self.on, self.today, parse_day, id="day", not_after_today=True)
            yield Label(Content("Note"))
            yield Input(self.note, placeholder="What did you talk about? (optional)", id="note", max_length=2000)
            yield Static(Content.styled("Enter saves · Space opens a list · Tab moves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Submitted)
    @on(FormSelect.Submitted)
    def action_save(self) -> None:
        day = self.query_one("#day", DayField).day
        if day is None:
            self.query_one("#day", DayField).focus()
            return
        kind = self.query_one("#kind", Select).value
        self.dismiss(TouchDraft(str(kind), day, self.query_one("#note", Input).value.strip()))

