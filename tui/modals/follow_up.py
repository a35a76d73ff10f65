"""Provides FollowUpModal: what to follow up on, and when (default: in a week)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from kith.store.core.clock import parse_day
from kith.tui.literal import literal, safe_text
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.day_field import DayField


@dataclass(frozen=True)
class FollowUpDraft:
    """What the user entered; the caller writes it to the store."""

    due: date
    what: str


class FollowUpModal(GuardedModal, ModalScreen[FollowUpDraft | None]):
    """Add a follow-up for ``contact_name``: type what, Enter saves."""

    CSS_PATH = "follow_up.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="follow-up-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="follow-up-save", tooltip="Save (Enter works too)"),
    ]

    def __init__(self, contact_name: str, today: date, due_in_days: int = 7, due: date | None = None,
                 what: str = "", title: str = "Follow up with ") -> None:
        super().__init__()
        self.contact_name = contact_name
        self.today = today
        self.due = due or today + timedelta(days=due_in_days)
        self.what = safe_text(what)
        """The text shown (display-safe); editing compares against it, so untouched text is not rewritten."""
        self.title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble((self.title, "bold"), literal(self.contact_name, "bold $accent")),
                         id="title")
            yield Label(Content("What"))
            yield Input(self.what, placeholder="e.g. send the deck from the talk", id="what", max_length=1000)
            yield Static("", id="what-error", classes="error")
            yield Label(Content("Due  (YYYY-MM-DD, tomorrow, +3, +2w)"))
            yield DayField(self.due, self.today, parse_day, id="due")
            yield Static(Content.styled("Enter saves · Tab moves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        self.query_one("#what", Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        what = " ".join(self.query_one("#what", Input).value.split())
        self.query_one("#what-error", Static).update(Content("Say what to follow up on." if not what else ""))
        due = self.query_one("#due", DayField).day
        if not what:
            self.query_one("#what", Input).focus()
        elif due is None:
            self.query_one("#due", DayField).focus()
        else:
            self.dismiss(FollowUpDraft(due, what))

