"""Provides FirstRunModal: on an empty database, offer the demo network or an empty start."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

WELCOME = (
    "Welcome to kith: nobody will take care of your career but you.\n\n"
    "kith keeps your network warm (a daily queue of whom to reach and why), your pitch sharp, "
    "and your mentor relationships two-way.\n\n"
    "Start with a demo network to look around, or start empty and add people with n "
    "(or import a LinkedIn export with `kith import linkedin FILE`)."
)


class FirstRunModal(ModalScreen[bool]):
    """Dismisses with True for the demo network, False for an empty start."""

    CSS_PATH = "first_run.tcss"
    BINDINGS = [
        Binding("d", "choose(True)", "Demo network", id="first-run-demo", tooltip="Load a realistic demo network"),
        Binding("e,escape", "choose(False)", "Start empty", id="first-run-empty", tooltip="Start with no contacts"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(WELCOME), id="welcome")
            with Horizontal(id="buttons"):
                yield Button(Content("Demo network (d)"), variant="primary", id="demo")
                yield Button(Content("Start empty (e)"), id="empty")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "demo")

    def action_choose(self, demo: bool) -> None:
        self.dismiss(demo)
