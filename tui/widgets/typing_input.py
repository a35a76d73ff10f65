"""Provides TypingInput, an Input whose keys repaint it without laying the whole screen out again,
and type_ahead, which sends a letter typed in a list to the list's filter.

Textual 8.2.8's Input gives itself a new virtual size (its text's width) on every key, and a new
virtual size asks for a layout of the screen. Nothing moves: an input's own size is set by its CSS
(width 100%, or a fraction), never by its text. That layout also made every scrolling list on the
screen repaint its scrollbar a frame later, so each key typed in a filter painted twice.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen
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


def type_ahead(screen: Screen, event: events.Key, field: Input) -> bool:
    """Send a printable key that no binding takes, typed in a list under ``field`` (its filter), to
    the filter. The filter gets the focus as it does from Esc (its words selected), then the key:
    typing in a list starts the filter over, never acts on a row, and no key is lost. Keys typed
    fast reach the screen queued after the first one moved the focus: they are typed too (a key the
    filter itself took never comes here)."""
    if not (event.is_printable and event.character):
        return False
    if screen.focused is not field:
        if event.key in screen.active_bindings:
            return False
        screen.set_focus(field)  # at once: the keys dispatched from now on go to the filter
    event.stop()
    event.prevent_default()
    field.post_message(events.Key(event.key, event.character))  # after its focus, which selects
    return True
