"""Provides CareerFormModal: a small form of text fields whose save runs a callback that may refuse.

The screen passes ``submit(values) -> error or None``: the store's message for bad input is shown
inline and the form stays open; None closes it with the values.
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
from textual.widgets import Input, Label, Static

from kith.tui.literal import literal


@dataclass(frozen=True)
class FormField:
    key: str
    label: str
    placeholder: str = ""
    value: str = ""


class CareerFormModal(ModalScreen[dict | None]):
    """Fill in ``fields``; Enter saves (through ``submit``), Esc cancels."""

    CSS_PATH = "career_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="career-form-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="career-form-save", tooltip="Save (Enter works too)"),
    ]

    def __init__(self, title: str, fields: tuple[FormField, ...], submit: Callable[[dict], str | None]) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.styled(self.title_text, "bold"), id="title")
            for f in self.fields:
                yield Label(Content(f.label))
                yield Input(literal(f.value).plain, placeholder=f.placeholder, id=f"field-{f.key}", compact=True,
                            max_length=300)
            yield Static("", id="error", classes="error")
            yield Static(Content.styled("Enter saves · Tab moves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        self.query_one(f"#field-{self.fields[0].key}", Input).focus()

    def values(self) -> dict:
        return {f.key: self.query_one(f"#field-{f.key}", Input).value.strip() for f in self.fields}

    @on(Input.Submitted)
    def action_save(self) -> None:
        values = self.values()
        error = self.submit(values)
        if error:
            self.query_one("#error", Static).update(literal(error))
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)
