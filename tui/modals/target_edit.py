"""Provides TargetModal: a target organisation's stage and note (``kith target ORG --stage --note``)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from kith.store.network.records import STAGES
from kith.store.network.targets import MAX_NOTE
from kith.tui.literal import literal, safe_text
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.form_fields import FormSelect


class TargetModal(GuardedModal, ModalScreen[tuple[str, str] | None]):
    """Returns ``(stage, note)`` or None; the screen writes it with ``set_target`` (progress today)."""

    CSS_PATH = "target_edit.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="target-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="target-save", tooltip="Save the stage and note (Enter works too)"),
    ]

    def __init__(self, org_name: str, stage: str, note: str) -> None:
        super().__init__()
        self.org_name = org_name
        self.stage = stage if stage in STAGES else STAGES[0]
        self.note = safe_text(note)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble(("Target ", "bold"), literal(self.org_name, "bold $accent", limit=50)),
                         id="title")
            with Horizontal(classes="row"):
                yield Label(Content("Stage"), classes="field-label")
                yield FormSelect([(Content(s), s) for s in STAGES], value=self.stage, allow_blank=False,
                                 id="stage", compact=True)
            with Horizontal(classes="row"):
                yield Label(Content("Note"), classes="field-label")
                yield Input(self.note, placeholder="what is next, who you talked to", id="note", compact=True,
                            max_length=MAX_NOTE)
            yield Static(Content.styled("Enter saves · Space lists the stages · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#stage").focus()

    def enter_pressed(self, widget: Widget) -> None:
        self.action_save()

    def action_save(self) -> None:
        self.dismiss((str(self.query_one("#stage", Select).value), self.query_one("#note", Input).value.strip()))
