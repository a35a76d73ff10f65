"""Provides SearchScreen: search across everything (filled in by its issue)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from tui.literal import literal


class SearchScreen(Screen):
    """Search across everything."""

    CSS_PATH = "search.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Close", id="search-close", tooltip="Back to where you were")]

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Search contacts, notes, pitches…", id="query")
        yield Static(literal("Search is not built yet (issue: fuzzy search). Press Esc to go back."), id="empty")
        yield Footer()
