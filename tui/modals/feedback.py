"""Provides FeedbackModal: ask someone for feedback, or keep the feedback they gave.

Asking takes the person, the prompt and the channel; keeping takes the person, their words
verbatim, the context and whether you may quote them. The caller writes the draft to the store;
``resolve`` (from the caller) turns the typed name into ``(id, name)`` or raises with a message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from kith.store.perception.feedback import CONTEXTS, MAX_TEXT, PROMPTS
from kith.tui.literal import literal


@dataclass(frozen=True)
class FeedbackDraft:
    """What the user entered; ``kind`` is ``ask`` or ``add``."""

    kind: str
    contact_id: int
    name: str
    text: str = ""
    prompt: str = ""
    channel: str = ""
    context: str = "conversation"
    quotable: bool = False


class FeedbackModal(ModalScreen[FeedbackDraft | None]):
    """``kind="ask"``: record a request. ``kind="add"``: keep someone's words."""

    CSS_PATH = "feedback.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="feedback-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="feedback-save", tooltip="Save"),
    ]

    def __init__(self, kind: str, resolve: Callable[[str], tuple[int, str]], name: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.resolve = resolve
        self.initial_name = name

    def compose(self) -> ComposeResult:
        title = "Ask for feedback" if self.kind == "ask" else "Feedback, in their words"
        with Vertical(id="dialog"):
            yield Static(Content.styled(title, "bold"), id="title")
            yield Label(Content("Who (name or #id)"))
            yield Input(value=self.initial_name, id="who", max_length=200)
            yield Static("", id="who-error", classes="error")
            if self.kind == "ask":
                yield Label(Content("Prompt"))
                yield Select([(p, p) for p in PROMPTS], value=PROMPTS[2], allow_blank=False, id="prompt")
                yield Label(Content("Via (email, in person, …)"))
                yield Input(id="channel", max_length=60)
            else:
                yield Label(Content("Their words (verbatim)"))
                yield TextArea(id="text", soft_wrap=True)
                yield Static("", id="text-error", classes="error")
                yield Label(Content("Context"))
                yield Select([(c, c) for c in CONTEXTS], value="conversation", allow_blank=False, id="context")
                yield Checkbox("I may quote them", id="quotable")
            yield Static(Content.styled("ctrl+s saves · Tab moves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        if self.kind == "add":
            self.query_one("#text", TextArea).cursor_blink = False
        self.query_one("#who", Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        if self.kind == "ask" or event.input.id != "who":
            self.action_save()
        else:
            self.query_one("#text", TextArea).focus()

    def action_save(self) -> None:
        from kith.store.core.errors import StoreError

        who_error = self.query_one("#who-error", Static)
        try:
            contact_id, name = self.resolve(self.query_one("#who", Input).value)
        except StoreError as exc:
            who_error.update(literal(str(exc), limit=200))
            self.query_one("#who", Input).focus()
            return
        who_error.update(Content(""))
        if self.kind == "ask":
            self.dismiss(FeedbackDraft("ask", contact_id, name, prompt=str(self.query_one("#prompt", Select).value),
                                       channel=self.query_one("#channel", Input).value))
            return
        text = self.query_one("#text", TextArea).text
        problem = ("Write what they said." if not text.strip() else
                   f"Keep it under {MAX_TEXT:,} characters." if len(text) > MAX_TEXT else "")
        self.query_one("#text-error", Static).update(Content(problem))
        if problem:
            self.query_one("#text", TextArea).focus()
            return
        self.dismiss(FeedbackDraft("add", contact_id, name, text=text,
                                   context=str(self.query_one("#context", Select).value),
                                   quotable=self.query_one("#quotable", Checkbox).value))

    def action_cancel(self) -> None:
        self.dismiss(None)
