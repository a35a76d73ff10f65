"""Provides QueueList: the Today queue drawn virtually, one line per item, with a cursor.

Only the visible rows are rendered (a queue over 10,000 contacts can hold thousands of items;
OptionList would measure every one of them before the first paint). The widget knows nothing of
the store: the screen hands it ``QueueRow`` values and hears back ``Highlighted`` messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from kith.tui.format import DUE_MARK, DUE_STYLE
from kith.tui.literal import literal

STATE_MARK = DUE_MARK
STATE_STYLE = DUE_STYLE


@dataclass(frozen=True)
class QueueRow:
    """What one line shows: the state (colour), who, and why."""

    state: str
    name: str
    reason: str


class QueueList(ScrollView, can_focus=True, inherit_bindings=False):
    """A cursor list of queue rows; ``rows`` is set by the screen."""

    DEFAULT_CSS = """
    QueueList {
        height: 1fr;
        background: $surface;
        scrollbar-size-vertical: 1;
        & > .queue-list--cursor {
            background: $block-cursor-blurred-background;
        }
        &:focus > .queue-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"queue-list--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)
    """Index of the highlighted row."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to ``index``."""

        queue_list: QueueList
        index: int

        @property
        def control(self) -> QueueList:
            return self.queue_list

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: list[QueueRow] = []
        self._cache: dict[tuple[int, int, bool, bool], Strip] = {}
        # (row, width, cursor, cursor in focus): a cursor move or a focus change repaints two rows

    @property
    def rows(self) -> list[QueueRow]:
        return self._rows

    def set_rows(self, rows: list[QueueRow], cursor: int = 0) -> None:
        """Show ``rows`` with the cursor on ``cursor`` (clamped)."""
        self._rows = list(rows)
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self._rows))
        self.cursor = self._clamp(cursor)
        self.refresh()

    def _clamp(self, index: int) -> int:
        return max(0, min(index, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        if self._rows:
            self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True, immediate=True)
            self.post_message(self.Highlighted(self, new))
        self.refresh()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme) -> None:
        self._cache.clear()  # drawn rows hold the old theme's colours
        self.refresh()

    def on_resize(self) -> None:
        # Textual sends a resize of the same size after the first paint: keep what is drawn.
        # Rows of another width are dropped (their keys hold the width: only memory is at stake).
        width = self.scrollable_content_region.width
        if any(key[1] != width for key in self._cache):
            self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self._rows))

    def action_cursor(self, delta: int) -> None:
        self.cursor = self._clamp(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.cursor = self._clamp(self.cursor + direction * max(1, self.size.height - 1))

    def action_jump(self, index: int) -> None:
        self.cursor = self._clamp(index if index >= 0 else len(self._rows) - 1)

    def on_click(self, event) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self._rows):
            self.cursor = index

    def line_content(self, row: QueueRow, width: int) -> Content:
        """One row: coloured state mark, the name in a column, then the reason."""
        name_width = max(8, min(26, width * 28 // 100))
        name = literal(row.name).truncate(name_width, ellipsis=True, pad=True)
        mark = STATE_MARK.get(row.state, "•")
        style = STATE_STYLE.get(row.state, "")
        head, sep, rest = row.reason.partition(" · ")
        reason = Content.assemble(literal(head, style.replace("bold ", "")), literal(sep + rest, "$text-muted"))
        line = Content.assemble(" ", (mark, style), " ", name, " ", reason)
        return line.truncate(width, ellipsis=True, pad=True)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        selected = index == self.cursor
        key = (index, width, selected, selected and self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            style = self.get_visual_style("queue-list--cursor") if selected else self.visual_style
            content = self.line_content(self._rows[index], width)
            strip = Visual.to_strips(self, content, width, 1, style)[0].extend_cell_length(width, style.rich_style)
            self._cache[key] = strip
        return strip.crop(0, width)

    def on_focus(self) -> None:
        self.refresh()  # only the cursor row looks different: its cache key holds the focus

    def on_blur(self) -> None:
        self.refresh()
