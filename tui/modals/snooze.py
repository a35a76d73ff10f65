"""Provides SnoozeModal: one more key picks how long (1 day, 3 days, 1 week) or d types a date."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Static

from kith.store.core.clock import parse_day
from kith.store.today.snoozes import MAX_SNOOZE_DAYS
from kith.tui.literal import literal
from kith.tui.modals.guard import GuardedModal

CHOICES = (("1", "1 day", 1), ("3", "3 days", 3), ("w", "1 week", 7))


class SnoozeModal(GuardedModal, ModalScreen[date | None]):
    """Snooze ``contact_name``'s item: returns the day it comes back, or None."""

    CSS_PATH = "snooze.tcss"
    AUTO_FOCUS = ""  # not None (that means "the app's"): the keys pick; the date field takes focus after d
    BINDINGS = [
        Binding("1", "span(1)", "1 day", id="snooze-1d", tooltip="Back tomorrow"),
        Binding("3", "span(3)", "3 days", id="snooze-3d", tooltip="Back in three days"),
        Binding("w", "span(7)", "1 week", id="snooze-1w", tooltip="Back in a week"),
        Binding("d", "pick_date", "Date", id="snooze-date", tooltip="Type the day it comes back"),
        Binding("escape", "cancel", "Cancel", id="snooze-cancel", tooltip="Close without snoozing"),
    ]

    def __init__(self, contact_name: str, today: date) -> None:
        super().__init__()
        self.contact_name = contact_name
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble(("Snooze ", "bold"), literal(self.contact_name, "bold $accent")), id="title")
            for key, label, days in CHOICES:
                back = self.today + timedelta(days=days)
                yield Static(Content.assemble((f" {key} ", "bold reverse"), f"  {label}",
                                              (f"  back {back:%a} {back.day} {back:%b}", "dim")), classes="choice")
            yield Static(Content.assemble((" d ", "bold reverse"), "  a date…"), classes="choice")
            until = Input(placeholder="YYYY-MM-DD, +10, 2w", id="until")
            until.display = False
            yield until
            yield Static("", id="until-error", classes="error")
            yield Static(Content.styled("Press a key · Esc cancels", "dim"), id="hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the date field is open, the digit and letter keys type into it.
        if action in ("span", "pick_date") and self.query_one("#until", Input).display:
            return False
        return True

    def action_span(self, days: int) -> None:
        self.dismiss(self.today + timedelta(days=days))

    def action_pick_date(self) -> None:
        field = self.query_one("#until", Input)
        field.display = True
        field.value = (self.today + timedelta(days=14)).isoformat()
        field.focus()
        self.remember_start()  # the proposed day is not a change; typing over it is
        self.query_one("#hint", Static).update(Content.styled("Enter snoozes · Esc cancels", "dim"))

    def enter_pressed(self, widget: Widget) -> None:
        widget.call_later(self._submit)

    def _submit(self) -> None:
        error = self.query_one("#until-error", Static)
        try:
            until = parse_day(self.query_one("#until", Input).value, self.today)
        except ValueError as exc:
            error.update(literal(str(exc)))
            return
        if until <= self.today:
            error.update(literal(f"Pick a day after today ({self.today.isoformat()})."))
            return
        if (until - self.today).days > MAX_SNOOZE_DAYS:
            error.update(literal("Snooze for at most ten years; archive the contact to hide them for good."))
            return
        self.dismiss(until)

