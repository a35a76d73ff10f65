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
from kith.store.core.records import THANK_CHANNELS, TOUCH_KINDS
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
    channel: str | None = None
    """How a thank-you was sent (asked only for that kind)."""


class LogTouchModal(GuardedModal, ModalScreen[TouchDraft | None]):
    """Log a touch with ``contact_name``. Focus starts on the note: l, type, Enter."""

    CSS_PATH = "log_touch.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="log-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="log-save", tooltip="Save the touch (Enter works too)"),
    ]

    def __init__(self, contact_name: str, today: date, kind: str = "message", on: date | None = None,
                 note: str = "", title: str = "Log a touch with ", channel: str | None = None) -> None:
        super().__init__()
        self.channel = channel if channel in THANK_CHANNELS else "email"
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
            with Vertical(id="channel-row"):
                yield Label(Content("Sent by"))
                yield FormSelect([(Content(c), c) for c in THANK_CHANNELS], value=self.channel, allow_blank=False,
                                 id="channel")
            yield Static(Content.styled("Enter saves · Space opens a list · Tab moves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        self._show_channel(self.kind)
        self.query_one("#note", Input).focus()

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        self._show_channel(str(event.value))

    def _show_channel(self, kind: str) -> None:
        """Only a thank-you asks how it was sent."""
        self.query_one("#channel-row").display = kind == "thank-you"

    @on(Input.Submitted)
    @on(FormSelect.Submitted)
    def action_save(self) -> None:
        day = self.query_one("#day", DayField).day
        if day is None:
            self.query_one("#day", DayField).focus()
            return
        kind = str(self.query_one("#kind", Select).value)
        channel = str(self.query_one("#channel", Select).value) if kind == "thank-you" else None
        self.dismiss(TouchDraft(kind, day, self.query_one("#note", Input).value.strip(), channel))

