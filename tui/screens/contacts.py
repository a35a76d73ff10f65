"""Provides ContactsScreen: the Contacts area."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Static

from tui.literal import literal
from tui.screens.area import AreaScreen
from tui.widgets.nav_bar import NavBar


class ContactsScreen(AreaScreen):
    """The Contacts area."""

    AREA = "contacts"
    CSS_PATH = "contacts.tcss"

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        yield Static(literal("Contacts are coming."), id="empty")
        yield Footer()
