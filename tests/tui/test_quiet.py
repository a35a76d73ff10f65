"""Quiet widgets: a change lays the screen out only when a size follows it, and is drawn in the
frame the key that caused it draws, not in frames of its own after it."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input

from kith.tui.widgets.line_list import LineList
from kith.tui.widgets.quiet import QuietStatic
from kith.tui.widgets.typing_input import TypingInput


def count_calls(monkeypatch, name: str) -> list:
    """Each call of the screen's ``name`` from now on (a layout, a frame drawn)."""
    calls: list = []
    real = getattr(Screen, name)

    def counted(screen, *args, **kwargs):
        calls.append(name)
        return real(screen, *args, **kwargs)

    monkeypatch.setattr(Screen, name, counted)
    return calls


class LinesApp(App):
    CSS = "#fixed { height: 1; } #grows { height: auto; }"

    def compose(self) -> ComposeResult:
        yield QuietStatic("", id="fixed")
        yield QuietStatic("", id="grows")


async def test_only_a_line_whose_size_follows_its_text_asks_for_a_layout(monkeypatch):
    app = LinesApp()
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        fixed, grows = app.query_one("#fixed", QuietStatic), app.query_one("#grows", QuietStatic)
        layouts = count_calls(monkeypatch, "_refresh_layout")
        fixed.update("12 of 71 · by name")
        await pilot.pause()
        assert layouts == [] and str(fixed.render()) == "12 of 71 · by name"
        grows.update("one\ntwo\nthree")
        await pilot.pause()
        assert layouts and grows.size.height == 3


class SearchLike(Screen):
    """A field whose every key fills a list and a summary line, as the search screen does."""

    CSS = "#summary { height: 1; } #list { overflow-y: scroll; }"

    def compose(self) -> ComposeResult:
        yield TypingInput(id="query")  # as the search field: typing lays nothing out
        yield QuietStatic("", id="summary", at_once=True)
        yield LineList(id="list")

    def on_input_changed(self, event: Input.Changed) -> None:
        rows = [(f"r{i}", Content(f"{event.value} {i}")) for i in range(40 - 3 * len(event.value))]
        self.query_one(LineList).set_rows(rows)
        self.query_one("#summary", QuietStatic).update(f"{len(rows)} results")


class SearchLikeApp(App):
    def on_mount(self) -> None:
        self.push_screen(SearchLike())


async def test_a_key_and_what_it_changed_are_drawn_in_one_frame(monkeypatch):
    app = SearchLikeApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause(0.1)
        frames = count_calls(monkeypatch, "_compositor_refresh")
        layouts = count_calls(monkeypatch, "_refresh_layout")
        for key, count in (("a", 37), ("d", 34)):  # the first rows bring no layout: the scrollbar is always there
            frames.clear()
            await pilot.press(key)
            await pilot.pause(0.1)
            assert len(frames) == 1, f"{key}: {len(frames)} frames"
            assert layouts == []
            assert str(app.screen.query_one("#summary", QuietStatic).render()) == f"{count} results"
            list_ = app.screen.query_one(LineList)
            assert list_.vertical_scrollbar.window_virtual_size == count


async def frames_of(pilot, monkeypatch, key: str) -> int:
    frames = count_calls(monkeypatch, "_compositor_refresh")
    await pilot.press(key)
    await pilot.pause(0.3)
    return len(frames)


async def test_search_draws_each_key_and_its_results_in_one_frame(make_app, demo_db, monkeypatch):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause(0.3)
        for key in "ada":  # the first rows too: the results' scrollbar is always shown
            assert await frames_of(pilot, monkeypatch, key) == 1, key
        assert "Ada" in app.screen.query_one("#results").rows[0].plain


async def test_a_ledger_filter_draws_its_rows_and_title_together(make_app, demo_db, monkeypatch):
    # The title is a QuietStatic beside a DataTable that works its rows out when it idles: passing
    # the title on at once would draw it one frame before its rows.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause(0.5)
        await pilot.press("down")
        await pilot.pause(0.3)
        assert await frames_of(pilot, monkeypatch, "i") == 1
