"""Provides PlanFormModal (plan a conversation: kind, day, time, purpose, objectives, points,
questions, offer) and MoveModal (a new day for a planned conversation).

Both hand what was typed to a ``save`` callable that writes it through the store; a refusal
(an informational interview without a purpose, a day in the past) shows inline, the form stays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from kith.store.conversations.names import FEEDBACK_QUESTIONS, PLAN_KINDS
from kith.store.core.clock import parse_day
from kith.tui.literal import literal
from kith.tui.widgets.day_field import DayField


@dataclass(frozen=True)
class PlanDraft:
    """What the user entered; ``save`` writes it."""

    kind: str
    day: date
    at: str
    purpose: str
    objectives: list[str]
    points: list[str]
    questions: list[str]
    offer: str


def _lines(area: TextArea) -> list[str]:
    return [line.strip() for line in area.text.splitlines() if line.strip()]


class PlanFormModal(ModalScreen[object]):
    """Plan a conversation with ``contact_name``; ctrl+s saves through ``save(draft)``."""

    CSS_PATH = "plan_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="plan-form-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="plan-form-save", tooltip="Plan the conversation"),
    ]

    def __init__(self, contact_name: str, today: date, save: Callable[[PlanDraft], object]) -> None:
        super().__init__()
        self.contact_name = contact_name
        self.today = today
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble(("Plan a conversation with ", "bold"),
                                          literal(self.contact_name, "bold $accent", limit=40)), id="title")
            with VerticalScroll(id="fields"):
                with Horizontal(classes="row"):
                    with Vertical(classes="kind"):
                        yield Label(Content("Kind"))
                        yield Select([(Content(k), k) for k in PLAN_KINDS], value=PLAN_KINDS[0], allow_blank=False,
                                     id="kind", compact=True)
                    with Vertical(classes="day"):
                        yield Label(Content("Day"))
                        yield DayField(self.today + timedelta(days=1), self.today, parse_day, compact=True, id="day")
                    with Vertical(classes="at"):
                        yield Label(Content("Time"))
                        yield Input(placeholder="HH:MM", id="at", compact=True, max_length=5)
                yield Label(Content("Purpose (what you want from it)"))
                yield Input(id="purpose", compact=True, max_length=500, placeholder="e.g. learn how the team hires")
                yield Static("", id="error", classes="error")
                yield Label(Content("Objectives (one a line)"))
                yield TextArea(id="objectives", compact=True, classes="list")
                yield Label(Content("Talking points (one a line)"))
                yield TextArea(id="points", compact=True, classes="list")
                yield Label(Content("Questions (one a line)"))
                yield TextArea("\n".join(FEEDBACK_QUESTIONS), id="questions", compact=True, classes="list")
                yield Label(Content('What you can offer ("How can I help you?")'))
                yield Input(id="offer", compact=True, max_length=500)
            yield Static(Content.styled("ctrl+s saves · Tab moves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        self.query_one("#purpose", Input).focus()

    def draft(self) -> PlanDraft | None:
        day = self.query_one("#day", DayField).day
        if day is None:
            return None
        return PlanDraft(
            kind=str(self.query_one("#kind", Select).value), day=day, at=self.query_one("#at", Input).value,
            purpose=self.query_one("#purpose", Input).value,
            objectives=_lines(self.query_one("#objectives", TextArea)),
            points=_lines(self.query_one("#points", TextArea)),
            questions=_lines(self.query_one("#questions", TextArea)), offer=self.query_one("#offer", Input).value)

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()  # many fields: Enter moves on, ctrl+s saves

    def action_save(self) -> None:
        from kith.store.core.errors import StoreError

        draft = self.draft()
        if draft is None:
            self.query_one("#day", DayField).focus()
            return
        try:
            result = self.save(draft)
        except StoreError as exc:
            self.query_one("#error", Static).update(literal(str(exc)))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MoveModal(ModalScreen[object]):
    """A new day (and time) for a planned conversation; Enter saves through ``save(day, at)``."""

    CSS_PATH = "plan_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="plan-move-cancel", tooltip="Close without moving"),
        Binding("ctrl+s", "save", "Save", id="plan-move-save", tooltip="Move the conversation (Enter works too)"),
    ]

    def __init__(self, title: str, day: date, at: str | None, today: date,
                 save: Callable[[date, str], object]) -> None:
        super().__init__()
        self.title_text, self.day, self.at, self.today, self.save = title, day, at, today, save

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble(("Move ", "bold"), literal(self.title_text, "bold $accent", limit=50)),
                         id="title")
            yield Label(Content("Day  (YYYY-MM-DD, tomorrow, +3, +1w)"))
            yield DayField(max(self.day, self.today), self.today, parse_day, id="day")
            yield Label(Content("Time  (HH:MM, empty for none)"))
            yield Input(self.at or "", id="at", max_length=5)
            yield Static("", id="error", classes="error")
            yield Static(Content.styled("Enter saves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        self.query_one("#day", DayField).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        from kith.store.core.errors import StoreError

        day = self.query_one("#day", DayField).day
        if day is None:
            return
        try:
            result = self.save(day, self.query_one("#at", Input).value)
        except StoreError as exc:
            self.query_one("#error", Static).update(literal(str(exc)))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)
