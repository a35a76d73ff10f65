"""Provides BulkModal: choose one change for every marked contact (tag, untag, tier, cadence,
strength, archive). It only returns the choice; the screen confirms the count and writes."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

ACTIONS = {
    "tag": ("add a tag", "tag, e.g. industry:fintech"),
    "untag": ("remove a tag", "tag to remove"),
    "tier": ("set the tier", "tier name"),
    "every": ("set the cadence", "days between touches (0: never)"),
    "strength": ("set the strength", "1 to 5"),
    "archive": ("archive them", ""),
}


@dataclass(frozen=True)
class BulkChoice:
    action: str
    """One of ACTIONS."""
    value: str = ""


class BulkModal(ModalScreen[BulkChoice | None]):
    """Pick the change with one key, type its value, Enter."""

    CSS_PATH = "bulk.tcss"
    AUTO_FOCUS = None
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="bulk-cancel", tooltip="Change nothing"),
        Binding("t", "pick('tag')", "Tag", id="bulk-tag", tooltip="Add a tag to every marked contact"),
        Binding("r", "pick('untag')", "Untag", id="bulk-untag", tooltip="Remove a tag from every marked contact"),
        Binding("i", "pick('tier')", "Tier", id="bulk-tier", tooltip="Set the tier of every marked contact"),
        Binding("c", "pick('every')", "Cadence", id="bulk-cadence",
                tooltip="Set an own cadence on every marked contact"),
        Binding("s", "pick('strength')", "Strength", id="bulk-strength",
                tooltip="Set the strength of every marked contact"),
        Binding("a", "pick('archive')", "Archive", id="bulk-archive", tooltip="Archive every marked contact"),
    ]

    def __init__(self, count: int, tags: list[str], tiers: list[str]) -> None:
        super().__init__()
        self.count = count
        self.tags = tags
        self.tiers = tiers
        self.action_name: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="bulk-dialog"):
            yield Static(Content.assemble(("Bulk change", "bold"),
                                          f" · {self.count} marked contact{'s' if self.count != 1 else ''}"))
            yield Static(Content.assemble(("t", "bold"), " add tag  ", ("r", "bold"), " remove tag  ", ("i", "bold"),
                                          " tier  ", ("c", "bold"), " cadence  ", ("s", "bold"), " strength  ",
                                          ("a", "bold"), " archive  ", ("esc", "bold"), " cancel"), id="bulk-keys")
            yield Input(id="bulk-value", compact=True, max_length=300, disabled=True)
            yield Static(Content(""), id="bulk-error")

    def on_mount(self) -> None:
        self.query_one("#bulk-value").display = False

    def action_pick(self, action: str) -> None:
        if action == "archive":
            self.dismiss(BulkChoice("archive"))
            return
        self.action_name = action
        box = self.query_one("#bulk-value", Input)
        box.placeholder = ACTIONS[action][1] + " (Enter applies)"
        box.suggester = SuggestFromList(self.tags if action in ("tag", "untag") else self.tiers, case_sensitive=False)
        box.display, box.disabled = True, False
        box.value = ""
        box.focus()

    @on(Input.Submitted, "#bulk-value")
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.query_one("#bulk-error", Static).update(Content.styled("Type a value, or Esc to cancel.", "$error"))
            return
        self.dismiss(BulkChoice(self.action_name or "tag", value))

    def action_cancel(self) -> None:
        self.dismiss(None)
