"""Provides LineList: a cursor over rows of ready-made Content, each as many lines as its text holds.

Textual's OptionList measures every option when options are set (it wraps each prompt to learn
its height) and lays itself out again once the highlight lands: search at 30,000 contacts painted
three frames per key. A row here is never wrapped (its lines are cut to the width when built), so
its height is its count of lines; setting rows costs a list, and only the rows on screen are drawn.
The screen pushes rows down and handles the messages the list posts up.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from kith.tui.widgets.quiet import QuietLength


class LineList(QuietLength, ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of ``(key, Content)``; the highlighted row is drawn as a cursor over all its lines."""

    DEFAULT_CSS = """
    LineList {
        width: 100%;
        height: 1fr;
        overflow-x: hidden;
        text-wrap: nowrap;  /* a row is as many lines as its text holds: a long line is cut, with "…" */
        text-overflow: ellipsis;
        & > .line-list--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .line-list--highlighted {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """
    COMPONENT_CLASSES = {"line-list--highlighted"}
    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False, id="line-list-up"),
        Binding("down,j", "move(1)", "Down", show=False, id="line-list-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="line-list-page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="line-list-page-down"),
        Binding("home", "jump(0)", "First", show=False, id="line-list-first"),
        Binding("end", "jump(-1)", "Last", show=False, id="line-list-last"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another row (``key`` None: the list is empty)."""

        line_list: LineList
        key: str | None

        @property
        def control(self) -> LineList:
            return self.line_list

    @dataclass
    class Chosen(Message):
        """A click on a row (its screen binds Enter where Enter opens a row)."""

        line_list: LineList
        key: str

        @property
        def control(self) -> LineList:
            return self.line_list

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._keys: list[str] = []
        self._rows: list[Content] = []
        self._starts: list[int] = []
        """The first line of each row."""
        self._lines = 0
        self._cursor: int | None = None
        self._selectable = 0
        """Rows the cursor may rest on: the first ones (a last row may only say "… 12 more")."""
        self._strips: LRUCache[tuple, list[Strip]] = LRUCache(128)

    # -- rows pushed down by the screen ---------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Content]:
        """The rows as given, top to bottom."""
        return self._rows

    @property
    def highlighted(self) -> int | None:
        """The index of the highlighted row (None: the list is empty)."""
        return self._cursor

    @property
    def highlighted_key(self) -> str | None:
        return None if self._cursor is None else self._keys[self._cursor]

    def set_rows(self, rows: Sequence[tuple[str, Content]], keep: str | None = None,
                 selectable: int | None = None) -> None:
        """Show ``rows``, the cursor on the row keyed ``keep`` if listed, else on the first; only the
        first ``selectable`` rows (all by default) take the cursor."""
        self._keys = [key for key, _ in rows]
        self._selectable = len(rows) if selectable is None else min(selectable, len(rows))
        self._rows = [content for _, content in rows]
        self._starts = []
        line = 0
        for content in self._rows:
            self._starts.append(line)
            line += content.plain.count("\n") + 1
        self._lines = line
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, line)
        self._cursor = None
        self.scroll_to(y=0, animate=False, immediate=True)
        self.move_to(self._keys.index(keep) if keep in self._keys[:self._selectable] else 0)
        self.repaint_in_next_frame()

    # -- cursor ---------------------------------------------------------------------------------

    def move_to(self, index: int) -> None:
        """Highlight row ``index`` (clamped), scroll it into view and say so."""
        new = max(0, min(index, self._selectable - 1)) if self._selectable else None
        if new == self._cursor and new is not None:
            return
        for row in (self._cursor, new):
            if row is not None:
                self.refresh(self._row_region(row))
        self._cursor = new
        if new is not None:
            # force: right after new rows, the layout that shows the scrollbar has not run yet, and
            # Textual would not scroll a list it thinks cannot scroll.
            self.scroll_to_region(self._row_region(new, scrolled=False), animate=False, immediate=True, force=True)
        self.post_message(self.Highlighted(self, self.highlighted_key))

    def _row_region(self, index: int, scrolled: bool = True) -> Region:
        start = self._starts[index]
        end = self._starts[index + 1] if index + 1 < len(self._starts) else self._lines
        top = start - int(self.scroll_y) if scrolled else start
        return Region(0, top, self.scrollable_content_region.width, end - start)

    def action_move(self, step: int) -> None:
        if self._cursor is not None:
            self.move_to(self._cursor + step)

    def action_page(self, direction: int) -> None:
        if self._cursor is not None:
            self.move_to(self._cursor + direction * max(1, self.scrollable_content_region.height // 2))

    def action_jump(self, where: int) -> None:
        self.move_to(self._selectable - 1 if where < 0 else where)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._keys:
            return
        line = int(self.scroll_y) + offset.y
        index = bisect_right(self._starts, line) - 1
        if line < self._lines and index < self._selectable:
            self.move_to(index)
            self.post_message(self.Chosen(self, self._keys[index]))

    # -- drawing --------------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self._lines)

    def on_focus(self) -> None:
        self._strips.clear()

    def on_blur(self) -> None:
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = int(self.scroll_y) + y
        if line >= self._lines:
            return Strip.blank(width, self.rich_style)
        index = bisect_right(self._starts, line) - 1
        lit = index == self._cursor
        key = (index, lit, width)
        strips = self._strips.get(key)
        if strips is None:
            style = self.get_visual_style("line-list--highlighted") if lit else self.get_visual_style()
            content = self._rows[index]
            strips = [strip.extend_cell_length(width, style.rich_style).crop(0, width)
                      for strip in Visual.to_strips(self, content, width, None, style)]
            self._strips[key] = strips
        offset = line - self._starts[index]
        return strips[offset] if offset < len(strips) else Strip.blank(width, self.rich_style)
