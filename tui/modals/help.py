"""Provides HelpModal: every key of the screen underneath, then the global ones."""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from kith.tui.literal import literal

KEY_WIDTH = 9
DESC_MAX = 20
DIALOG_MAX = 120
"""The dialog uses the terminal's width up to this many columns (help.tcss says the same)."""

# Focus and copy keys every Textual screen has; listing them would bury kith's own keys.
_PLUMBING = {"app.focus_next", "app.focus_previous", "focus_next", "focus_previous", "screen.copy_text", "copy_text"}
_SCROLLING = {b.action for b in ScrollableContainer.BINDINGS}
"""A scrolling container's stock keys (scroll_up, page_down, ...), also when kith subclasses one."""


def _key_label(app, key: str) -> str:
    return app.get_key_display(Binding(key, ""))


class HelpModal(ModalScreen[None]):
    """Lists the keys of ``screen`` (and its focused widget) and the app's keys."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="close-help", tooltip="Close the help"),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.target = screen

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.styled("Keys", "bold"), id="title")
            with VerticalScroll(id="keys"):
                yield Static(self._table(), id="key-table")
            yield Static(Content.styled("esc closes · ctrl+p lists every command", "dim"), id="hint")

    def _table(self) -> Content:
        app = self.app
        here, everywhere = [], []
        for key, active in self.target.active_bindings.items():
            b = active.binding
            if not b.description or b.action in _PLUMBING:
                continue
            if active.node is not app and (type(active.node).__module__.startswith("textual.") or (
                    isinstance(active.node, ScrollableContainer) and b.action in _SCROLLING)):
                continue  # a stock widget's scroll and edit keys: standard, and they bury kith's own
            row = (active.node is not self.target, _key_label(app, key), b.description, b.tooltip or "")
            (everywhere if active.node is app else here).append(row)
        lines: list[Content] = []
        desc_width = min(DESC_MAX, max((len(desc) for _, _, desc, _ in here + everywhere), default=8))
        indent = 2 + KEY_WIDTH + 2 + desc_width + 2
        tip_width = max(16, self._text_width() - indent)
        for heading, rows in (("This screen", here), ("Everywhere", everywhere)):
            if not rows:
                continue
            lines.append(Content.styled(heading, "bold $accent"))
            # The screen's own actions first, then its list's movement keys.
            for _, key, desc, tip in sorted(rows, key=lambda row: row[0]):
                # A long description wraps under itself, never cut and never under the key.
                tip_lines = textwrap.wrap(tip, tip_width) or [""]
                lines.append(Content.assemble((f"  {key:>{KEY_WIDTH}}  ", "bold"),
                                              literal(f"{desc:<{desc_width}}", limit=desc_width),
                                              literal(f"  {tip_lines[0]}" if tip else "", "dim")))
                lines.extend(Content.assemble(" " * indent, literal(more, "dim")) for more in tip_lines[1:])
            lines.append(Content(""))
        return Content("\n").join(lines[:-1])

    def _text_width(self) -> int:
        """Columns for text inside the dialog (as wide as the terminal, up to DIALOG_MAX)."""
        return min(self.app.size.width, DIALOG_MAX) - 6  # border, padding, scrollbar

    def action_dismiss(self) -> None:
        self.dismiss(None)
