"""Provides BrandScreen: the Brand area."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Static

from tui.literal import literal
from tui.screens.area import AreaScreen
from tui.widgets.nav_bar import NavBar


class BrandScreen(AreaScreen):
    """The Brand area."""

    AREA = "brand"
    CSS_PATH = "brand.tcss"

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        yield Static(literal("The brand studio is not built yet (issue: brand studio). Your elevator pitch and taglines, with word count and speaking time, will live here."), id="empty")
        yield Footer()
