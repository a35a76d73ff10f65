"""Provides ContactList: a virtual list of contacts that draws only the rows on screen.

DataTable and ListView measure every row and take seconds at 10,000 contacts (SAFETY.md);
this widget renders each visible line on demand with the Line API, so its cost is the
height of the terminal, not the size of the network. It never imports the store: the
screen pushes plain ``ContactEntry`` rows down and handles the messages it posts up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from kith.tui.literal import safe_text
from kith.tui.widgets.quiet import QuietLength

HEADINGS = ("Name", "Role · company", "Tier", "Last", "Next due")


@dataclass(frozen=True)
class ContactEntry:
    """One row as the list draws it; every string is display text (made safe when drawn)."""

    id: int
    name: str
    detail: str
    tier: str
    last_touch: str
    next_due: str
    state: str = ""
    """``overdue``, ``due-soon`` or empty: picks the colour of the next-due column."""
    archived: bool = False


def column_widths(width: int) -> tuple[int, int, int, int, int]:
    """Widths of name, role · company, tier, last touch and next due for a row ``width`` wide."""
    tier, last, due = 8, 9, 13
    rest = max(width - tier - last - due - 5, 10)  # 1 left pad and 4 gaps between the columns
    name = max(10, min(40, rest * 45 // 100))
    return name, rest - name, tier, last, due


def fit(text: str, width: int, right: bool = False) -> str:
    """``text`` padded or cut to exactly ``width`` cells; a cut ends with an ellipsis."""
    if width <= 0:
        return ""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…"
    pad = " " * (width - length)
    return pad + text if right else text + pad


MARK = "✓"
"""Drawn in the left margin of a marked row (a character, so it reads without colour)."""


def row_cells(entry: ContactEntry, width: int, marked: bool = False) -> list[tuple[str, str]]:
    """The row's text as (cells, role) pairs; role is ``main``, ``secondary`` or ``due``."""
    name_w, detail_w, tier_w, last_w, due_w = column_widths(width)
    tier = "archived" if entry.archived else entry.tier
    cells = [
        (MARK if marked else " ", "main"),
        (fit(safe_text(entry.name), name_w) + " ", "main"),
        (fit(safe_text(entry.detail), detail_w) + " ", "secondary"),
        (fit(safe_text(tier), tier_w) + " ", "secondary"),
        (fit(safe_text(entry.last_touch), last_w, right=True) + " ", "secondary"),
        (fit(safe_text(entry.next_due), due_w, right=True), "due"),
    ]
    used = sum(cell_len(text) for text, _ in cells)
    if used < width:
        cells.append((" " * (width - used), "main"))
    return cells


class ContactListHeader(Static):
    """The column headings, aligned with ContactList's columns."""

    DEFAULT_CSS = """
    ContactListHeader {
        height: 1;
        color: $text-muted;
        text-style: bold;
        padding-right: 1;
    }
    """

    def render(self) -> Content:
        name_w, detail_w, tier_w, last_w, due_w = column_widths(self.content_region.width)
        return Content(" " + fit(HEADINGS[0], name_w) + " " + fit(HEADINGS[1], detail_w) + " "
                       + fit(HEADINGS[2], tier_w) + " " + fit(HEADINGS[3], last_w, right=True) + " "
                       + fit(HEADINGS[4], due_w, right=True))


class ContactList(QuietLength, ScrollView, can_focus=True, inherit_bindings=False):
    """A cursor over ``ContactEntry`` rows, drawn line by line."""

    DEFAULT_CSS = """
    ContactList {
        width: 100%;
        height: 1fr;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;  /* rows keep the header's columns when a filter hides the scrollbar */
        overflow-x: hidden;
        & > .contact-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .contact-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .contact-list--secondary { color: $text-muted; }
        & > .contact-list--archived { color: $text-disabled; text-style: italic; }
        & > .contact-list--overdue { color: $error; text-style: bold; }
        & > .contact-list--due-soon { color: $warning; }
    }
    """
    COMPONENT_CLASSES = {
        "contact-list--cursor", "contact-list--secondary", "contact-list--archived",
        "contact-list--overdue", "contact-list--due-soon",
    }
    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False, id="contact-list-up"),
        Binding("down,j", "move(1)", "Down", show=False, id="contact-list-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="contact-list-page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="contact-list-page-down"),
        Binding("home", "jump(0)", "First", show=False, id="contact-list-first"),
        Binding("end", "jump(-1)", "Last", show=False, id="contact-list-last"),
        Binding("enter", "choose", "Open", show=False, tooltip="Open the highlighted contact", id="open-contact"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another contact (None: the list is empty)."""

        contact_list: ContactList
        contact_id: int | None

        @property
        def control(self) -> ContactList:
            return self.contact_list

    @dataclass
    class Chosen(Message):
        """The user pressed Enter on (or clicked twice) a contact."""

        contact_list: ContactList
        contact_id: int

        @property
        def control(self) -> ContactList:
            return self.contact_list

    @dataclass
    class AboveTop(Message):
        """↑ on the first row: the screen may move the cursor to what is above the list (its filter)."""

        contact_list: ContactList

        @property
        def control(self) -> ContactList:
            return self.contact_list

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._ids: list[int] = []
        self._entry_for: Callable[[int], ContactEntry] = lambda contact_id: ContactEntry(contact_id, "", "", "", "", "")
        self._cursor = 0
        self._strips: LRUCache[tuple, Strip] = LRUCache(256)
        self._marked: set[int] = set()

    # -- data pushed down by the screen ---------------------------------------------------------

    @property
    def entries(self) -> list[ContactEntry]:
        """Every listed row, built on demand (drawing never needs this; tests and small lists do)."""
        return [self._entry_for(contact_id) for contact_id in self._ids]

    @property
    def ids(self) -> Sequence[int]:
        """The listed contact ids, top to bottom."""
        return self._ids

    @property
    def cursor(self) -> int:
        """Index of the highlighted row (0 when the list is empty)."""
        return self._cursor

    @property
    def highlighted_id(self) -> int | None:
        """The id of the contact under the cursor, or None for an empty list."""
        return self._ids[self._cursor] if self._ids else None

    def show(self, ids: list[int], entry_for: Callable[[int], ContactEntry], keep_id: int | None = None) -> None:
        """List the contacts ``ids``; ``entry_for(id)`` gives a row's text when it comes into view.

        Only visible rows are ever built, so 10,000 ids cost a list, not 10,000 formatted rows.
        The cursor stays on contact ``keep_id`` if it is still listed.
        """
        self._ids = ids
        self._entry_for = entry_for
        self._strips.clear()
        index = 0
        if keep_id is not None:
            try:
                index = ids.index(keep_id)
            except ValueError:
                index = 0
        self.virtual_size = Size(self.scrollable_content_region.width, len(ids))
        self._cursor = -1  # force the Highlighted message even when the index is unchanged
        self.move_to(index, force_message=True)
        self.refresh()

    def set_entries(self, entries: list[ContactEntry], keep_id: int | None = None) -> None:
        """List ready-made rows (small lists)."""
        by_id = {e.id: e for e in entries}
        self.show([e.id for e in entries], by_id.__getitem__, keep_id)

    # -- marks (bulk actions) ---------------------------------------------------------------------

    @property
    def marked(self) -> frozenset[int]:
        """The ids of the marked contacts (listed or not: a filter change keeps marks)."""
        return frozenset(self._marked)

    def set_marked(self, ids) -> None:
        """Mark exactly ``ids`` and redraw."""
        self._marked = set(ids)
        self.refresh()

    def toggle_mark(self, contact_id: int) -> None:
        """Mark or unmark one contact."""
        self._marked ^= {contact_id}
        self.refresh()

    # -- cursor ---------------------------------------------------------------------------------

    def move_to(self, index: int, force_message: bool = False) -> None:
        """Put the cursor on row ``index`` (clamped) and scroll it into view."""
        index = max(0, min(index, len(self._ids) - 1)) if self._ids else 0
        old = self._cursor
        self._cursor = index
        if old != index or force_message:
            self._refresh_row(old)
            self._refresh_row(index)
            self._scroll_to_cursor()
            self.post_message(self.Highlighted(self, self.highlighted_id))

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if height <= 0:
            return
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, immediate=True)
        elif self._cursor >= top + height:
            self.scroll_to(y=self._cursor - height + 1, animate=False, immediate=True)

    def _refresh_row(self, index: int) -> None:
        if index >= 0:
            self.refresh_line(index - int(self.scroll_y))

    def action_move(self, delta: int) -> None:
        if delta < 0 and self._cursor == 0:
            self.post_message(self.AboveTop(self))
            return
        self.move_to(self._cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self._cursor + direction * max(1, self.scrollable_content_region.height - 1))

    def action_jump(self, where: int) -> None:
        self.move_to(len(self._ids) - 1 if where < 0 else where)

    def action_choose(self) -> None:
        if self._ids:
            self.post_message(self.Chosen(self, self._ids[self._cursor]))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = int(self.scroll_y) + offset.y
        if 0 <= index < len(self._ids):
            if index == self._cursor and event.chain >= 2:
                self.action_choose()
            else:
                self.move_to(index)

    # -- drawing --------------------------------------------------------------------------------

    def on_resize(self) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._ids))
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self._strips.clear()

    def on_blur(self) -> None:
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        if index >= len(self._ids):
            return Strip.blank(width, self.rich_style)
        entry = self._entry_for(self._ids[index])
        marked = entry.id in self._marked
        key = (entry, index == self._cursor, width, marked)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_entry(entry, index == self._cursor, width, marked)
            self._strips[key] = strip
        return strip

    def _render_entry(self, entry: ContactEntry, is_cursor: bool, width: int, marked: bool = False) -> Strip:
        if is_cursor:
            style = self.get_visual_style("contact-list--cursor").rich_style
            segments = [Segment(text, style) for text, _ in row_cells(entry, width, marked)]
            return Strip(segments, width)
        style = self.get_visual_style("contact-list--archived") if entry.archived else self.get_visual_style()
        main = style.rich_style
        styles = {"main": main, "secondary": self.get_visual_style("contact-list--secondary").rich_style}
        due_class = f"contact-list--{entry.state}" if entry.state in ("overdue", "due-soon") else ""
        styles["due"] = self.get_visual_style(due_class).rich_style if due_class else styles["secondary"]
        if entry.archived:
            styles["secondary"] = styles["due"] = main
        return Strip([Segment(text, styles[role]) for text, role in row_cells(entry, width, marked)], width)

    def visible_text(self) -> list[str]:
        """The plain text of the rows on screen (for tests and screen readers of the future)."""
        width = self.scrollable_content_region.width
        top = int(self.scroll_y)
        return ["".join(text for text, _ in row_cells(self._entry_for(i), width, i in self._marked)).rstrip()
                for i in self._ids[top:top + self.scrollable_content_region.height]]
