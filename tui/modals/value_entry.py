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
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Select, Static

from kith.store.core.clock import parse_day
from kith.store.core.errors import Invalid
from kith.store.mentors.value import CATEGORIES, DIRECTIONS, parse_category
from kith.tui.literal import literal, safe_text
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.day_field import DayField
from kith.tui.widgets.form_fields import FormSelect


@dataclass(frozen=True)
class ValueDraft:
    """What the user entered; the caller writes it with ``store.mentors.add_value``."""

    direction: str
    category: str
    on: date
    note: str
    touch_id: int | None = None


class ValueEntryModal(GuardedModal, ModalScreen[ValueDraft | None]):
    """Log value with ``contact_name``: type a category (a prefix is enough), Tab, a note, Enter saves.

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
                 made_mentor_hint: bool = False, title: str = "Value with ") -> None:
        super().__init__()
        self.contact_name = contact_name
        self.today = today
        self.direction = direction if direction in DIRECTIONS else "received"
        self.category = category if category in CATEGORIES[self.direction] else CATEGORIES[self.direction][0]
        self.note = safe_text(note)
        """The note shown (display-safe); editing compares against it, so an untouched note is not rewritten."""
        self.on = on or today
        self.title = title
        self.touch_id = touch_id
        self.made_mentor_hint = made_mentor_hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble((self.title, "bold"), literal(self.contact_name, "bold $accent")),
                         id="title")
            if self.made_mentor_hint:
                yield Static(Content.styled("Saving this makes them a mentor.", "italic $text-muted"), id="made-hint")
            with Horizontal(id="kind-row"):
                with Vertical(id="direction-box"):
                    yield Label(Content("Direction"))
                    yield FormSelect([(Content(d), d) for d in DIRECTIONS], value=self.direction, allow_blank=False,
                                 id="direction")
                with Vertical(id="category-box"):
                    yield Label(Content("Category  (a few letters; → completes)"))
                    yield Input(self.category, id="category", max_length=60,
                                suggester=SuggestFromList(CATEGORIES[self.direction], case_sensitive=False))
            yield Static(self._category_help(), id="category-help")
            yield Label(Content("Note"))
            yield Input(self.note, placeholder="What was it? (optional)", id="note", max_length=2000)
            yield Label(Content("Day  (YYYY-MM-DD, today, yesterday, -3)"))
            yield DayField(self.on, self.today, parse_day, id="day", not_after_today=True)
            yield Static(Content.styled("Enter saves · Space opens a list · Tab moves · Esc cancels", "dim"), id="hint")

    def _category_help(self, error: str = "") -> Content:
        if error:
            return Content.styled(error, "$error")
        return Content.styled(" · ".join(CATEGORIES[self.direction]), "$text-muted")

    def on_mount(self) -> None:
        category = self.query_one("#category", Input)
        category.focus()
        category.select_all()

    @on(Select.Changed, "#direction")
    def _direction_changed(self, event: Select.Changed) -> None:
        direction = str(event.value)
        if direction == self.direction:
            return
        self.direction = direction
        category = self.query_one("#category", Input)
        category.suggester = SuggestFromList(CATEGORIES[direction], case_sensitive=False)
        if category.value not in CATEGORIES[direction]:
            category.value = CATEGORIES[direction][0]
        self._parse_category()

    @on(Input.Changed, "#category")
    def _check_category(self) -> None:
        self._parse_category()

    def _parse_category(self) -> str | None:
        text = self.query_one("#category", Input).value
        try:
            category = parse_category(self.direction, text)
        except Invalid as exc:
            # While typing, an empty or ambiguous prefix is fine: show the choices, not an error.
            error = "" if not text.strip() else str(exc)
            self.query_one("#category-help", Static).update(self._category_help(error))
            return None
        self.query_one("#category-help", Static).update(self._category_help())
        return category

    @on(Input.Submitted)
    @on(FormSelect.Submitted)
    def action_save(self) -> None:
        day = self.query_one("#day", DayField).day
        if day is None:
            self.query_one("#day", DayField).focus()
            return
        direction = str(self.query_one("#direction", Select).value)
        category = self._parse_category()
        if category is None:
            text = self.query_one("#category", Input).value
            try:
                parse_category(direction, text)
            except Invalid as exc:
                self.query_one("#category-help", Static).update(self._category_help(str(exc)))
            self.query_one("#category", Input).focus()
            return
        note = self.query_one("#note", Input).value.strip()
        self.dismiss(ValueDraft(direction, category, day, note, self.touch_id))

