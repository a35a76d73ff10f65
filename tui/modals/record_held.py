"""Provides RecordModal: record a planned conversation as held (answers to its questions, what you
learned, referrals, next steps, rating, minutes), written through a ``save`` callable; a refusal
(a referral that names several contacts, a rating of 7) shows inline and the form stays."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from kith.tui.literal import literal


@dataclass(frozen=True)
class HeldDraft:
    answers: list[str]
    learned: str
    referrals: list[str]
    next_steps: list[str]
    rating: int | None
    minutes: int | None


class RecordModal(ModalScreen[object]):
    """Record the held conversation ``title`` with ``questions``; ctrl+s saves."""

    CSS_PATH = "record_held.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="record-cancel", tooltip="Close without recording"),
        Binding("ctrl+s", "save", "Save", id="record-save", tooltip="Record the conversation as held"),
    ]

    def __init__(self, title: str, questions: tuple[str, ...], save: Callable[[HeldDraft], object]) -> None:
        super().__init__()
        self.title_text, self.questions, self.save = title, questions, save

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble(("Held: ", "bold"), literal(self.title_text, "bold $accent", limit=60)),
                         id="title")
            with VerticalScroll(id="fields"):
                for n, question in enumerate(self.questions):
                    yield Label(literal(question, limit=70))
                    yield Input(id=f"answer-{n}", compact=True, max_length=2000, classes="answer")
                yield Label(Content("What you learned"))
                yield Input(id="learned", compact=True, max_length=10_000)
                yield Label(Content("Referrals (names or #ids, comma between)"))
                yield Input(id="referrals", compact=True, placeholder="e.g. Ana Silva, #42")
                yield Label(Content("Next steps (one a line: each becomes a follow-up in a week)"))
                yield TextArea(id="next", compact=True)
                with Horizontal(classes="row"):
                    yield Label(Content("Rating 1-5 "))
                    yield Input(id="rating", compact=True, max_length=1, restrict=r"[1-5]?")
                    yield Label(Content("  Minutes "))
                    yield Input(id="minutes", compact=True, max_length=4, restrict=r"\d*")
            yield Static("", id="error", classes="error")
            yield Static(Content.styled("ctrl+s records · Tab moves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        first = self.query(".answer")
        (first.first(Input) if first else self.query_one("#learned", Input)).focus()

    def draft(self) -> HeldDraft:
        def value(selector: str) -> str:
            return self.query_one(selector, Input).value.strip()

        answers = [value(f"#answer-{n}") for n in range(len(self.questions))]
        while answers and not answers[-1]:
            answers.pop()
        rating, minutes = value("#rating"), value("#minutes")
        return HeldDraft(answers, value("#learned"),
                         [r.strip() for r in value("#referrals").split(",") if r.strip()],
                         [s.strip() for s in self.query_one("#next", TextArea).text.splitlines() if s.strip()],
                         int(rating) if rating else None, int(minutes) if minutes else None)

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()  # many fields: Enter moves on, ctrl+s saves

    def action_save(self) -> None:
        from kith.store.core.errors import StoreError

        try:
            result = self.save(self.draft())
        except StoreError as exc:
            self.query_one("#error", Static).update(literal(str(exc)))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)
