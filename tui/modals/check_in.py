"""Provides CheckInModal: an accountability check-in (last time's commitments, answers, new commitments)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from kith.store.core.clock import parse_day
from kith.tui.literal import literal
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.day_field import DayField

OUTCOMES = (None, "kept", "missed")


class OutcomeToggle(Static, can_focus=True):
    """Kept, missed or not yet for one commitment: Space cycles, y / n set it, ↓ ↑ (j k) and Enter move."""

    BINDINGS = [
        Binding("space", "cycle", "Kept/missed", id="check-in-outcome-cycle", tooltip="Cycle not yet, kept, missed"),
        Binding("y", "mark('kept')", "Kept", id="check-in-outcome-kept", tooltip="The commitment was kept"),
        Binding("n", "mark('missed')", "Missed", id="check-in-outcome-missed", tooltip="The commitment was missed"),
        Binding("down,j", "app.focus_next", "Next", show=False, id="check-in-outcome-down",
                tooltip="The next commitment (then the answers)"),
        Binding("up,k", "previous", "Previous", show=False, id="check-in-outcome-up",
                tooltip="The previous commitment"),
        Binding("enter", "app.focus_next", "Next", show=False, id="check-in-outcome-next", tooltip="The next field"),
    ]
    outcome: reactive[str | None] = reactive(None)

    def render(self) -> Content:
        if self.outcome == "kept":
            return Content.styled("[✓] kept", "bold $success")
        if self.outcome == "missed":
            return Content.styled("[✗] missed", "bold $error")
        return Content.styled("[ ] not yet", "$text-muted")

    def action_cycle(self) -> None:
        self.outcome = OUTCOMES[(OUTCOMES.index(self.outcome) + 1) % len(OUTCOMES)]

    def action_mark(self, outcome: str) -> None:
        self.outcome = outcome

    def action_previous(self) -> None:
        # Up from the first commitment stays put rather than wrapping round to the day field.
        toggles = list(self.screen.query(OutcomeToggle))
        if toggles and toggles[0] is not self:
            self.app.action_focus_previous()


@dataclass(frozen=True)
class CheckInDraft:
    """What the user entered; the caller writes it with ``store.mentors.record_check_in``."""

    on: date
    answers: tuple[tuple[str, str], ...] = ()
    outcomes: dict[int, str] = field(default_factory=dict)
    """Last time's commitment id -> ``kept`` or ``missed``; unmarked ones stay open."""
    commitments: tuple[str, ...] = ()
    note: str = ""


class CheckInModal(GuardedModal, ModalScreen[CheckInDraft | None]):
    """Check in with a partner. Enter moves to the next field; Enter on the last (or Ctrl+S) saves."""

    CSS_PATH = "check_in.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="check-in-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="check-in-save", tooltip="Save the check-in"),
    ]

    def __init__(self, contact_name: str, today: date, questions: Sequence[str],
                 open_commitments: Sequence[tuple[int, str]] = (), last_on: date | None = None,
                 goals: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.goals = tuple(goals)
        """Your current (kind, text) goals and challenges: a partner should know them."""
        self.contact_name = contact_name
        self.today = today
        self.questions = tuple(questions)
        self.open_commitments = tuple(open_commitments)
        self.last_on = last_on

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            last = f"  (last: {self.last_on.isoformat()})" if self.last_on else "  (the first one)"
            yield Static(Content.assemble(("Check-in with ", "bold"), literal(self.contact_name, "bold $accent"),
                                          (last, "$text-muted")), id="title")
            if self.goals:
                yield Label(Content("Your goals and challenges"), classes="section")
                for kind, text in self.goals:
                    yield Static(Content.assemble((f"{kind}: ", "$text-muted"), literal(text, limit=200)),
                                 classes="goal")
            if self.open_commitments:
                yield Label(Content("Last time you committed to  (y kept · n missed · ↓ ↑ move)"), classes="section")
                for cid, what in self.open_commitments:
                    with Horizontal(classes="commitment"):
                        # By id, as ``kith check-in`` and ``kith check-ins`` number them.
                        yield Static(Content.assemble((f"#{cid} ", "$text-muted"), literal(what, limit=200)),
                                     classes="what")
                        yield OutcomeToggle(id=f"outcome-{cid}", classes="outcome")
            for i, question in enumerate(self.questions):
                yield Label(literal(question), classes="question section" if i == 0 else "question")
                yield Input(id=f"answer-{i}", compact=True, max_length=2000, classes="answer")
            yield Label(Content("New commitments  (separate with ;)"), classes="section")
            yield Input(placeholder="e.g. send 5 messages; draft the pitch", id="commitments", compact=True,
                        max_length=2000)
            yield Label(Content("Day  (YYYY-MM-DD, today, yesterday, -3)"), classes="section")
            yield DayField(self.today, self.today, parse_day, compact=True, id="day", not_after_today=True)
            hint = "Enter: next field (saves on the last) · Ctrl+S saves · Esc cancels"
            yield Static(Content.styled(hint, "dim"), id="hint")

    def on_mount(self) -> None:
        first = self.query(OutcomeToggle).first() if self.open_commitments else self.query(Input).first()
        first.focus()

    def enter_pressed(self, widget: Widget) -> None:
        if self.query_one("#day", DayField) in widget.ancestors:
            widget.call_later(self.action_save)
        else:
            self.focus_next()

    def action_save(self) -> None:
        day = self.query_one("#day", DayField).day
        if day is None:
            self.query_one("#day", DayField).focus()
            return
        answers = []
        for i, question in enumerate(self.questions):
            text = self.query_one(f"#answer-{i}", Input).value.strip()
            if text:
                answers.append((question, text))
        outcomes = {}
        for cid, _ in self.open_commitments:
            value = self.query_one(f"#outcome-{cid}", OutcomeToggle).outcome
            if value in ("kept", "missed"):
                outcomes[cid] = value
        new = tuple(x.strip() for x in self.query_one("#commitments", Input).value.split(";") if x.strip())
        self.dismiss(CheckInDraft(day, tuple(answers), outcomes, new))

