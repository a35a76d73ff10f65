"""Provides KeyFooter: the footer of every kith screen, compact so a screen's keys fit in 80 columns."""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer without its ctrl+p entry (the nav bar and the help name it) and compact."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)
