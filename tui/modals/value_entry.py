"""Provides ValueEntryModal: log value received from or given to a mentor (direction, category, day, note)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from store.clock import parse_day
from store.mentors import CATEGORIES, DIRECTIONS
from tui.literal import literal


@dataclass(frozen=True)
class ValueDraft:
    """What the user entered; the caller writes it with ``store.mentors.add_value``."""

    direction: str
    category: str
    on: date
    note: str
    touch_id: int | None = None


class ValueEntryModal(ModalScreen[ValueDraft | None]):
    """Log value with ``contact_name``: pick the category, type a note, Enter saves.

    ``touch_id`` links the entry to the touch it came from (right after logging one);
    ``made_mentor_hint`` says the contact will become a mentor by this entry.
    """

    CSS_PATH = "value_entry.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="value-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="value-save", tooltip="Save the entry (Enter works too)"),
    ]

    def __init__(self, contact_name: str, today: date, direction: str = "received", category: str | None = None,
                 note: str = "", on: date | None = None, touch_id: int | None = None,
                 made_mentor_hint: bool = False) -> None:
        super().__init__()
        self.contact_name = contact_name
        self.today = today
        self.direction = direction if direction in DIRECTIONS else "received"
        self.category = category if category in CATEGORIES[self.direction] else CATEGORIES[self.direction][0]
        self.note = note
        self.on = on or today
        self.touch_id = touch_id
        self.made_mentor_hint = made_mentor_hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble(("Value with ", "bold"), literal(self.contact_name, "bold $accent")),
                         id="title")
            if self.made_mentor_hint:
                yield Static(Content.styled("Saving this makes them a mentor.", "italic $text-muted"), id="made-hint")
            with Horizontal(id="kind-row"):
                with Vertical(id="direction-box"):
                    yield Label(Content("Direction"))
                    yield Select([(Content(d), d) for d in DIRECTIONS], value=self.direction, allow_blank=False,
                                 id="direction")
                with Vertical(id="category-box"):
                    yield Label(Content("Category  (Enter, then type to find)"))
                    yield Select(self._category_options(self.direction), value=self.category, allow_blank=False,
                                 id="category")
            yield Label(Content("Day  (YYYY-MM-DD, today, yesterday, -3)"))
            yield Input(self.on.isoformat(), id="day")
            yield Static("", id="day-error", classes="error")
            yield Label(Content("Note"))
            yield Input(self.note, placeholder="What was it? (optional)", id="note", max_length=2000)
            yield Static(Content.styled("Enter saves · Tab moves · Esc cancels", "dim"), id="hint")

    @staticmethod
    def _category_options(direction: str) -> list[tuple[Content, str]]:
        return [(Content(c), c) for c in CATEGORIES[direction]]

    def on_mount(self) -> None:
        self.query_one("#category", Select).focus()

    @on(Select.Changed, "#direction")
    def _direction_changed(self, event: Select.Changed) -> None:
        direction = str(event.value)
        if direction == self.direction:
            return
        self.direction = direction
        category = self.query_one("#category", Select)
        keep = category.value if category.value in CATEGORIES[direction] else CATEGORIES[direction][0]
        category.set_options(self._category_options(direction))
        category.value = keep

    @on(Input.Changed, "#day")
    def _check_day(self) -> None:
        self._parse_day()

    def _parse_day(self) -> date | None:
        error = self.query_one("#day-error", Static)
        try:
            day = parse_day(self.query_one("#day", Input).value, self.today)
        except ValueError as exc:
            error.update(literal(str(exc)))
            return None
        error.update(Content(""))
        return day

    @on(Input.Submitted)
    def action_save(self) -> None:
        day = self._parse_day()
        if day is None:
            self.query_one("#day", Input).focus()
            return
        direction = str(self.query_one("#direction", Select).value)
        category = str(self.query_one("#category", Select).value)
        if category not in CATEGORIES.get(direction, ()):
            category = CATEGORIES[direction][0]
        note = self.query_one("#note", Input).value.strip()
        self.dismiss(ValueDraft(direction, category, day, note, self.touch_id))

    def action_cancel(self) -> None:
        self.dismiss(None)
