"""Provides IntroductionModal: record who introduced whom, when, in what context, with what outcome.

Three shapes, as the ledger holds them: X introduced you to Y (Y may be a new person: a name
that matches nobody is added), you introduced A and B, X introduced A and B. The screen writes
the draft with ``store.network.record_introduction``, which logs an introduction touch with
everyone involved (as ``kith intro`` does).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from kith.store.core.clock import parse_day
from kith.store.core.fold import fold
from kith.store.network.records import OUTCOMES
from kith.tui.literal import literal
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.contact_picker import ContactPicker
from kith.tui.widgets.day_field import DayField
from kith.tui.widgets.form_fields import FormSelect

SHAPES = (("to-you", "X introduced you to Y"), ("between", "you introduced A and B"),
          ("others", "X introduced A and B"))
# Per shape: the label of each person field, or None where the shape has no such person.
LABELS = {"to-you": ("Introducer", None, "You met"), "between": (None, "You introduced", "and"),
          "others": ("Introducer", "Introduced", "and")}
MAX_NOTE = 2000


@dataclass(frozen=True)
class IntroDraft:
    """What the user entered. ``new_name``: the person met is new (``second_id`` None); add them first."""

    by_id: int | None
    first_id: int | None
    second_id: int | None
    new_name: str
    on: date
    note: str
    outcome: str


class IntroductionModal(GuardedModal, ModalScreen[IntroDraft | None]):
    """Pick the shape, the people (a few letters, ↓ Enter), the day and a note; ctrl+s saves."""

    CSS_PATH = "introduction.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="intro-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="intro-save", tooltip="Record the introduction"),
    ]

    def __init__(self, today: date, find: Callable[[str], list[tuple[int, str]]],
                 by: tuple[int, str] | None = None) -> None:
        super().__init__()
        self.today = today
        self.find = find
        """``find(text) -> [(contact_id, name), ...]``: the app's contact search."""
        self.by = by

    def compose(self) -> ComposeResult:
        by_id, by_name = self.by or (None, "")
        with Vertical(id="dialog"):
            yield Static(Content.styled("Record an introduction", "bold"), id="title")
            yield from self._row("shape", "Shape", FormSelect([(Content(label), key) for key, label in SHAPES],
                                                              value="to-you", allow_blank=False, id="shape",
                                                              compact=True))
            for name, picked, text in (("by", by_id, by_name), ("first", None, ""), ("second", None, "")):
                yield from self._row(name, "", ContactPicker(picked, text, self.find, id=f"intro-{name}",
                                                             placeholder="type a few letters of a name"))
            with Horizontal(classes="row"):
                yield Label(Content("Day"), classes="field-label")
                yield DayField(self.today, self.today, parse_day, compact=True, id="day", not_after_today=True,
                               fold_error=True)
            yield from self._row("note", "Context", Input(placeholder="where, why (optional)", id="note",
                                                          compact=True, max_length=MAX_NOTE))
            yield from self._row("outcome", "Outcome", FormSelect([(Content(o), o) for o in OUTCOMES],
                                                                  value="nothing yet", allow_blank=False,
                                                                  id="outcome", compact=True))
            yield Static(Content(""), id="intro-error")
            yield Static(Content.styled("Enter next · ctrl+s saves · ↓ Enter picks a match · Esc cancels", "dim"),
                         id="hint")

    def _row(self, name: str, label: str, widget: Widget) -> ComposeResult:
        with Horizontal(classes="row", id=f"row-{name}"):
            yield Label(Content(label), classes="field-label")
            yield widget

    def on_mount(self) -> None:
        self._apply_shape()
        super().on_mount()
        self.query_one("#shape").focus()

    @property
    def shape(self) -> str:
        return str(self.query_one("#shape", Select).value)

    @on(Select.Changed, "#shape")
    def _apply_shape(self) -> None:
        for name, label in zip(("by", "first", "second"), LABELS[self.shape]):
            row = self.query_one(f"#row-{name}")
            row.display = label is not None
            row.query_one(Label).update(Content(label or ""))
        self.query_one("#intro-second", Input).placeholder = (
            "a name: someone new is added" if self.shape == "to-you" else "type a few letters of a name")

    def _picker(self, name: str) -> ContactPicker:
        return self.query_one(f"#intro-{name}-picker", ContactPicker)

    def enter_pressed(self, widget: Widget) -> None:
        # Enter moves on; on the last field it saves (ctrl+s saves from anywhere).
        if widget.id == "outcome":
            self.action_save()
        else:
            self.focus_next()

    def _error(self, text: str, field: str | None = None) -> None:
        self.query_one("#intro-error", Static).update(literal(text, "$error"))
        if field:
            self.query_one(f"#{field}").focus()
        self.app.bell()

    def action_save(self) -> None:
        wanted = [n for n, label in zip(("by", "first", "second"), LABELS[self.shape]) if label is not None]
        ids = {n: self._picker(n).picked for n in wanted}
        new_name = ""
        for n in wanted:
            if ids[n] is not None:
                continue
            typed = " ".join(self._picker(n).text.split())
            if n == "second" and self.shape == "to-you" and typed:
                same = [name for _cid, name in self.find(typed) if fold(name) == fold(typed)]
                if same:
                    return self._error(f"{same[0]} is already a contact: pick them from the list (↓ Enter)",
                                       "intro-second")
                new_name = typed
                continue
            label = LABELS[self.shape][("by", "first", "second").index(n)]
            return self._error(f"{label}: pick someone from the list (type a few letters, ↓ Enter)", f"intro-{n}")
        people = [p for p in ids.values() if p is not None]
        if len(set(people)) != len(people):
            return self._error("nobody can be introduced to themselves")
        day = self.query_one("#day", DayField).day
        if day is None:
            return self._error("the day: YYYY-MM-DD, today, yesterday or -3 (not ahead)", "day")
        note = self.query_one("#note", Input).value.strip()
        self.dismiss(IntroDraft(ids.get("by"), ids.get("first"), ids.get("second"), new_name, day, note,
                                str(self.query_one("#outcome", Select).value)))
