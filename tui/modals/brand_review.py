"""Provides BrandReviewModal: walk one pitch through the five brand-message mistakes.

Each mistake is a checkbox ("fixed or not a problem") with its adjustment under it and a note;
saving returns the answers, which the caller records as the pitch's review. Esc asks before
dropping ticks and notes (GuardedModal); Enter moves down the checklist and records the review
from the last note.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Static

from kith.store.perception.brand_review import MISTAKES
from kith.tui.literal import literal
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.form_fields import TickBox


class BrandReviewModal(GuardedModal, ModalScreen[dict | None]):
    """The review checklist of ``pitch_name``; dismisses with ``{key: {"ok", "note"}}``."""

    CSS_PATH = "brand_review.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="review-cancel",
                tooltip="Close without recording a review (asks first when something was ticked or typed)"),
        Binding("ctrl+s", "save", "Save", id="review-save", tooltip="Record the review (clears the Today nudge)"),
    ]

    def __init__(self, pitch_name: str, last_reviewed: str) -> None:
        super().__init__()
        self.pitch_name = pitch_name
        self.last_reviewed = last_reviewed

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble(("Review ", "bold"), literal(self.pitch_name, "bold $accent", limit=60),
                                          (f"  {self.last_reviewed}", "$text-muted")), id="title")
            with VerticalScroll(id="checklist"):
                for n, (key, mistake, adjustment) in enumerate(MISTAKES, 1):
                    yield TickBox(Content(f"{n}. {mistake}: fixed, or not a problem"), id=f"ok-{key}",
                                  classes="mistake")
                    yield Static(Content.styled(adjustment, "$text-muted"), classes="adjustment")
                    yield Input(placeholder="note (optional)", id=f"note-{key}", max_length=1000, classes="note")
            yield Static(Content.styled("Space ticks · Enter or Tab moves · ctrl+s records the review · Esc cancels",
                                        "dim"), id="hint")

    def on_mount(self) -> None:
        self.query_one(f"#ok-{MISTAKES[0][0]}", TickBox).focus()

    def enter_pressed(self, widget: Widget) -> None:
        # A checklist is walked: Enter goes down it, and records the review from the last note.
        if widget.id == f"note-{MISTAKES[-1][0]}":
            super().enter_pressed(widget)
        else:
            self.focus_next()

    def action_save(self) -> None:
        self.dismiss({key: {"ok": self.query_one(f"#ok-{key}", TickBox).value,
                            "note": self.query_one(f"#note-{key}", Input).value} for key, _m, _a in MISTAKES})
