"""Provides KeyFooter: the footer of every kith screen, compact so a screen's keys fit in 80 columns."""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget


class FooterEntry(NamedTuple):
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


DIM = Style(dim=True)


class KeyFooter(Widget, can_focus=False):
    """The screen's keys on one line, drawn as Textual's compact Footer draws them, without its
    ctrl+p entry (the nav bar and the help name it).

    Screens refresh their bindings on every cursor move (a key may apply to one row and not the
    next). Textual's footer is a row of widgets, one per key, removed and mounted again on every
    change and laid out anew: about 30 ms of a key that moves the focus from a filter to its
    list at 10,000 contacts. This one is a single line of text: it repaints only when what it
    shows changes, and never changes the layout. A click on a key presses it; the mouse over a
    key shows its tooltip.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--hover"}

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        text-wrap: nowrap;  /* too many keys for the width: cut at the edge, never at a word */
        text-overflow: clip;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.entries: tuple[FooterEntry, ...] = ()
        self._spans: list[tuple[int, int, FooterEntry]] = []
        self._hover: FooterEntry | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def bindings_changed(self, screen) -> None:
        if not (self.is_attached and screen is self.screen and screen.app.app_focus):
            return  # the terminal lost the focus: keep the keys of when it had it (as Textual does)
        # One key per action, the first bound to it, as Textual's footer shows them.
        entries: dict[str, FooterEntry] = {}
        for (_, binding, enabled, tooltip) in screen.active_bindings.values():
            if binding.show and binding.action not in entries:
                entries[binding.action] = FooterEntry(binding.key, self.app.get_key_display(binding),
                                                      binding.description, enabled, tooltip or binding.tooltip)
        shown = tuple(entries.values())
        if shown != self.entries:
            self.entries = shown
            self.refresh()

    def render(self) -> Text:
        base = self.rich_style
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        hover = self.get_component_rich_style("key-footer--hover")
        for entry in self.entries:
            start, start_cell = len(line), line.cell_len
            line.append(entry.display, key_style)
            if entry.description:
                line.append(" " + entry.description, description_style)
            line.stylize_before(base if entry.enabled else base + DIM, start)
            if entry is self._hover:
                line.stylize(hover, start)
            self._spans.append((start_cell, line.cell_len, entry))
            line.append(" ")  # the gap between keys, in the footer's colours
        return line

    def _entry_at(self, x: int) -> FooterEntry | None:
        return next((entry for start, end, entry in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        entry = self._entry_at(event.x)
        if entry is not self._hover:
            self._hover = entry
            self.tooltip = entry.tooltip if entry and entry.tooltip else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        entry = self._entry_at(event.x)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()
