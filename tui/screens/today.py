"""Provides TodayScreen: the Today area."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Static

from tui.literal import literal
from tui.screens.area import AreaScreen
from tui.widgets.nav_bar import NavBar


class TodayScreen(AreaScreen):
    """The Today area."""

    AREA = "today"
    CSS_PATH = "today.tcss"

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        yield Static(literal("The Today queue is not built yet (issue: today queue). Press 2 for your contacts."), id="empty")
        yield Footer()
