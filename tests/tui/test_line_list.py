"""LineList: rows of one or more lines, a cursor over them, scrolled into view, chosen with Enter or a click."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from kith.tui.widgets.line_list import LineList
from tests.tui.test_quiet import count_calls


class ListApp(App):
    def __init__(self, rows) -> None:
        super().__init__()
        self.rows = rows
        self.seen: list[tuple[str, str | None]] = []

    def compose(self) -> ComposeResult:
        yield LineList(id="list")

    def on_mount(self) -> None:
        self.query_one(LineList).set_rows(self.rows)
        self.query_one(LineList).focus()

    def on_line_list_highlighted(self, message: LineList.Highlighted) -> None:
        self.seen.append(("highlighted", message.key))

    def on_line_list_chosen(self, message: LineList.Chosen) -> None:
        self.seen.append(("chosen", message.key))


def _rows(n: int):
    # Every third row has a second line, as a search result with a quote does.
    return [(f"r{i}", Content(f"row {i}" + (f"\n  more of {i}" if i % 3 == 0 else ""))) for i in range(n)]


def _text(widget: LineList) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.scrollable_content_region.height)]


async def test_rows_take_their_lines_and_the_cursor_moves_and_scrolls_over_them():
    app = ListApp(_rows(30))
    async with app.run_test(size=(40, 8)) as pilot:
        widget = app.query_one(LineList)
        assert widget.virtual_size.height == 30 + 10
        assert _text(widget)[:5] == ["row 0", "  more of 0", "row 1", "row 2", "row 3"]
        await pilot.press("down", "down", "down")
        assert widget.highlighted_key == "r3" and widget.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert widget.highlighted_key == "r29"
        assert _text(widget)[-1] == "row 29"  # scrolled so the last row shows
        await pilot.press("home", "enter")  # Enter is the screen's to bind (search opens the row)
        await pilot.pause()
        assert app.seen[-1] == ("highlighted", "r0") and not [s for s in app.seen if s[0] == "chosen"]


async def test_keep_holds_the_cursor_on_its_row_and_an_empty_list_highlights_nothing():
    app = ListApp(_rows(10))
    async with app.run_test(size=(40, 8)) as pilot:
        widget = app.query_one(LineList)
        await pilot.press("down", "down")
        widget.set_rows(_rows(10)[1:], keep=widget.highlighted_key)
        assert widget.highlighted_key == "r2" and widget.highlighted == 1
        widget.set_rows(_rows(10), keep="gone")
        assert widget.highlighted_key == "r0"
        widget.set_rows([])
        await pilot.press("down", "enter")
        await pilot.pause()
        assert widget.highlighted is None and widget.virtual_size.height == 0
        assert not [s for s in app.seen if s[0] == "chosen"]


async def test_a_click_on_the_second_line_of_a_row_chooses_that_row():
    app = ListApp(_rows(6))
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.click(LineList, offset=(2, 1))  # "  more of 0"
        await pilot.click(LineList, offset=(2, 4))  # row 3
        await pilot.pause()
        assert [s for s in app.seen if s[0] == "chosen"] == [("chosen", "r0"), ("chosen", "r3")]


async def test_the_scrollbar_follows_the_length_and_a_long_list_keeps_it_without_a_layout(monkeypatch):
    app = ListApp(_rows(30))
    async with app.run_test(size=(40, 8)) as pilot:
        widget = app.query_one(LineList)
        await pilot.pause()
        assert widget.show_vertical_scrollbar
        layouts = count_calls(monkeypatch, "_refresh_layout")
        widget.set_rows(_rows(20))  # still longer than the view: the same scrollbar, a shorter thumb
        await pilot.pause()
        assert layouts == []  # a repaint only: no layout of the screen
        assert widget.virtual_size.height == 20 + 7 and widget.show_vertical_scrollbar
        assert widget.vertical_scrollbar.window_virtual_size == 27
        widget.set_rows(_rows(2))  # fits: the scrollbar goes
        await pilot.pause()
        assert widget.virtual_size.height == 3 and not widget.show_vertical_scrollbar
        assert _text(widget)[:3] == ["row 0", "  more of 0", "row 1"]
        widget.set_rows(_rows(30))  # and comes back
        await pilot.pause()
        assert widget.show_vertical_scrollbar and widget.vertical_scrollbar.window_virtual_size == 40


async def test_a_kept_row_far_down_is_scrolled_into_view_when_the_scrollbar_comes_with_the_rows():
    # A filter cleared from one row to all of them: the kept row is the 26th, and the scrollbar these
    # rows bring is laid out only after the list has asked to scroll to it.
    app = ListApp(_rows(1))
    async with app.run_test(size=(40, 8)) as pilot:
        widget = app.query_one(LineList)
        await pilot.pause()
        assert not widget.show_vertical_scrollbar
        widget.set_rows(_rows(30), keep="r25")
        await pilot.pause()
        await pilot.pause()
        assert widget.highlighted_key == "r25" and widget.scroll_y > 0
        assert "row 25" in _text(widget)
