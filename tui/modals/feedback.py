"""Provides FeedbackModal: ask someone for feedback, or keep the feedback they gave.

Asking takes the person, the prompt and the channel; keeping takes the person, their words
verbatim, the context and whether you may quote them. The caller writes the draft to the store;
``resolve`` (from the caller) turns the typed name into ``(id, name)`` or raises with a message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from kith.store.perception.feedback import CONTEXTS, MAX_TEXT, PROMPTS
from kith.tui.literal import literal, safe_text
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.contact_picker import ContactPicker
from kith.tui.widgets.form_fields import FormSelect, TickBox


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


class FeedbackModal(GuardedModal, ModalScreen[FeedbackDraft | None]):
    """``kind="ask"``: record a request. ``kind="add"``: keep someone's words.

    Esc asks before dropping typed words (GuardedModal). Enter in the name moves on to their
    words when keeping feedback, and saves a request; in their words it is a new line.
    """

    CSS_PATH = "feedback.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="feedback-cancel",
                tooltip="Close without saving (asks first when something was typed)"),
        Binding("ctrl+s", "save", "Save", id="feedback-save", tooltip="Save"),
    ]

    def __init__(self, kind: str, resolve: Callable[[str], tuple[int, str]], name: str = "",
                 find: Callable[[str], list[tuple[int, str]]] | None = None, who: tuple[int, str] | None = None,
                 note: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.resolve = resolve
        self.initial_name = name
        self.find = find or (lambda _text: [])
        self.who = who
        """The person already chosen (answering their request), or None."""
        self.note = note

    def compose(self) -> ComposeResult:
        title = "Ask for feedback" if self.kind == "ask" else "Feedback, in their words"
        with Vertical(id="dialog"):
            yield Static(Content.styled(title, "bold"), id="title")
            if self.note:
                yield Static(literal(self.note, "$text-muted", limit=300), id="note")
            with Horizontal(classes="row -tall"):
                yield Label(Content("Who"), classes="field-label")
                picked, name = self.who or (None, "")
                yield ContactPicker(picked, name, self.find, placeholder="a few letters of a name, or #id", id="who")
            yield Static(Content(""), id="who-error", classes="error")
            if self.kind == "ask":
                yield from _row("Prompt", FormSelect([(Content(p), p) for p in PROMPTS], value=PROMPTS[2],
                                                     allow_blank=False, id="prompt", compact=True))
                yield from _row("Via", Input(id="channel", max_length=60, compact=True,
                                             placeholder="email, in person, LinkedIn, … (optional)"))
            else:
                yield Label(Content("Their words, verbatim"), classes="text-label")
                yield TextArea(id="text", soft_wrap=True, compact=True)
                yield Static(Content(""), id="text-error", classes="error")
                yield from _row("Context", FormSelect([(Content(c), c) for c in CONTEXTS], value="conversation",
                                                      allow_blank=False, id="context", compact=True))
                yield from _row("Quote", TickBox(Content("I may quote them"), id="quotable", compact=True))
            hint = ("Enter saves · Space opens a list · Tab moves · Esc cancels" if self.kind == "ask" else
                    "ctrl+s saves · Tab moves · Space opens a list · Esc cancels")
            yield Static(Content.styled(hint, "dim"), id="hint")

    def on_mount(self) -> None:
        if self.kind == "add":
            self.query_one("#text", TextArea).cursor_blink = False
        who = self.query_one("#who", Input)
        if self.initial_name and self.who is None:
            who.value = safe_text(self.initial_name)
        if self.who is not None and self.kind == "add":
            self.query_one("#text", TextArea).focus()  # their name is known: on to their words
        else:
            who.focus()

    def action_form_enter(self) -> None:
        # Enter on a name with matches listed takes the name as typed when it is a whole name,
        # else the highlighted match, and goes on (asks, or moves to their words) in one press.
        picker = self.query_one("#who-picker", ContactPicker)
        if self.focused is self.query_one("#who", Input) and picker.picked is None and picker.take_highlighted(
                exact=self._exact(picker.text)):
            self.enter_pressed(self.query_one("#who", Input))
            return
        super().action_form_enter()

    def _exact(self, text: str) -> tuple[int, str] | None:
        from kith.store.core.errors import StoreError

        try:
            return self.resolve(text) if text.strip() else None
        except StoreError:
            return None

    def enter_pressed(self, widget: Widget) -> None:
        if self.kind == "add" and widget.id == "who":
            self.query_one("#text", TextArea).focus()
        else:
            super().enter_pressed(widget)

    def _who(self) -> tuple[int, str]:
        picker = self.query_one("#who-picker", ContactPicker)
        if picker.picked is not None:
            return picker.picked, picker.text
        return self.resolve(picker.text)

    def action_save(self) -> None:
        from kith.store.core.errors import StoreError

        who_error = self.query_one("#who-error", Static)
        try:
            contact_id, name = self._who()
        except StoreError as exc:
            who_error.update(literal(_with_suggestions(exc), limit=300))
            who_error.add_class("-shown")
            self.query_one("#who", Input).focus()
            return
        who_error.remove_class("-shown")
        if self.kind == "ask":
            self.dismiss(FeedbackDraft("ask", contact_id, name, prompt=str(self.query_one("#prompt", Select).value),
                                       channel=self.query_one("#channel", Input).value))
            return
        text = self.query_one("#text", TextArea).text
        problem = ("Write what they said." if not text.strip() else
                   f"Keep it under {MAX_TEXT:,} characters." if len(text) > MAX_TEXT else "")
        text_error = self.query_one("#text-error", Static)
        text_error.update(Content(problem))
        text_error.set_class(bool(problem), "-shown")
        if problem:
            self.query_one("#text", TextArea).focus()
            return
        self.dismiss(FeedbackDraft("add", contact_id, name, text=text,
                                   context=str(self.query_one("#context", Select).value),
                                   quotable=self.query_one("#quotable", TickBox).value))


def _row(label: str, widget: Widget) -> ComposeResult:
    with Horizontal(classes="row"):
        yield Label(Content(label), classes="field-label")
        yield widget


def _with_suggestions(exc: Exception) -> str:
    """The lookup's message, with the names it suggests ("did you mean Ada Lovelace?")."""
    names = [name for _id, name, *_rest in getattr(exc, "suggestions", [])][:3]
    return f"{exc}; did you mean {' or '.join(names)}?" if names else str(exc)
