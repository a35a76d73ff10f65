"""Provides MentorsScreen: the Mentors area."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Static

from tui.literal import literal
from tui.screens.area import AreaScreen
from tui.widgets.nav_bar import NavBar


class MentorsScreen(AreaScreen):
    """The Mentors area."""

    AREA = "mentors"
    CSS_PATH = "mentors.tcss"

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        yield Static(literal("The mentor value log is not built yet (issue: mentor value log). Mentors, coaches and accountability partners will live here, with what flows each way."), id="empty")
        yield Footer()
