"""QuietStatic: a line whose CSS fixes its size repaints on an update; one that follows its text lays out."""

from __future__ import annotations

from textual.app import App, ComposeResult

from kith.tui.widgets.quiet import QuietStatic


class LinesApp(App):
    CSS = "#fixed { height: 1; } #grows { height: auto; }"

    def compose(self) -> ComposeResult:
        yield QuietStatic("", id="fixed")
        yield QuietStatic("", id="grows")


async def test_only_a_line_whose_size_follows_its_text_asks_for_a_layout():
    app = LinesApp()
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        fixed, grows = app.query_one("#fixed", QuietStatic), app.query_one("#grows", QuietStatic)
        fixed.update("12 of 71 · by name")
        grows.update("one\ntwo\nthree")
        assert not fixed._layout_required and grows._layout_required
        await pilot.pause()
        assert grows.size.height == 3 and str(fixed.render()) == "12 of 71 · by name"
