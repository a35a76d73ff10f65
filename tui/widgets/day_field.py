"""Provides DayField: a day input that understands "today", "-3", "+1w" and shows its own error."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from kith.tui.literal import literal


class DayField(Vertical):
    """An Input for a day plus an inline error line; read the result from ``day``."""

    DEFAULT_CSS = """
    DayField { height: auto; }
    DayField > .day-error { color: $error; height: auto; }
    """

    class Changed(Message):
        """The text changed (the Input's own Changed stops here); a form revalidates on it."""

    def __init__(self, value: date | None, today: date, parse: Callable[[str, date], date], *, compact: bool = False,
                 id: str | None = None, not_after_today: bool = False, placeholder: str = "",
                 fold_error: bool = False) -> None:
        super().__init__(id=id)
        self.parse = parse
        """Turns the typed text into a day or raises ValueError (the screen passes store.clock.parse_day)."""
        self.value = value
        self.today = today
        self.compact = compact
        self.not_after_today = not_after_today
        self.placeholder = placeholder
        self.fold_error = fold_error
        """Hide the error line while there is no error (a one-line form row)."""
        """For what already happened (a touch, value received): a future day is refused."""

    def compose(self) -> ComposeResult:
        yield Input(self.value.isoformat() if self.value else "", compact=self.compact, placeholder=self.placeholder)
        error = Static("", classes="day-error")
        error.display = not self.fold_error
        yield error

    @on(Input.Changed)
    def _validate(self, event: Input.Changed) -> None:
        event.stop()
        _ = self.day
        self.post_message(self.Changed())

    @property
    def day(self) -> date | None:
        """The day typed, or None (the error line then says why)."""
        try:
            day = self.parse(self.query_one(Input).value, self.today)
        except ValueError as exc:
            return self._say(literal(str(exc)))
        if self.not_after_today and day > self.today:
            return self._say(Content("That day is still ahead: log it when it has happened (or add a follow-up)."))
        self._say(Content(""))
        return day

    def _say(self, message: Content) -> None:
        error = self.query_one(".day-error", Static)
        error.update(message)
        if self.fold_error:
            error.display = bool(message.plain)

    def focus(self, scroll_visible: bool = True) -> DayField:
        self.query_one(Input).focus(scroll_visible)
        return self
