"""Provides TypingInput: an Input whose keys repaint it without laying the whole screen out again.

Textual 8.2.8's Input gives itself a new virtual size (its text's width) on every key, and a new
virtual size asks for a layout of the screen. Nothing moves: an input's own size is set by its CSS
(width 100%, or a fraction), never by its text. That layout also made every scrolling list on the
screen repaint its scrollbar a frame later, so each key typed in a filter painted twice.
"""

from __future__ import annotations

from textual.widgets import Input


class TypingInput(Input):
    """An Input for a filter or a query: typing repaints it, and lays nothing out."""

    _typing = False

    def _watch_value(self, value: str) -> None:
        self._typing = True
        try:
            super()._watch_value(value)
        finally:
            self._typing = False

    def refresh(self, *regions, repaint: bool = True, layout: bool = False, recompose: bool = False):
        # The text's width is the virtual size Input sets while its value changes: scrolling within the
        # input reads it, the screen's layout does not need it.
        return super().refresh(*regions, repaint=repaint, layout=layout and not self._typing, recompose=recompose)
