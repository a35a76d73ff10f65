"""TypingInput: typing repaints the field and lays nothing out; a long text still scrolls within it."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input

from kith.tui.widgets.typing_input import TypingInput


class FieldApp(App):
    def __init__(self, cls: type[Input]) -> None:
        super().__init__()
        self.cls = cls

    def compose(self) -> ComposeResult:
        yield self.cls(id="field", compact=True)


async def test_a_value_change_asks_for_no_layout_where_plain_input_does():
    for cls, layout in ((Input, True), (TypingInput, False)):
        app = FieldApp(cls)
        async with app.run_test(size=(30, 5)) as pilot:
            field = app.query_one("#field", Input)
            await pilot.pause()
            field.value = "ada lovelace"
            assert field._layout_required is layout, cls.__name__


async def test_a_text_longer_than_the_field_scrolls_to_the_cursor_and_back():
    app = FieldApp(TypingInput)
    async with app.run_test(size=(20, 5)) as pilot:
        field = app.query_one("#field", Input)
        field.focus()
        await pilot.press(*"a much longer text than the field")
        await pilot.pause()
        assert field.value == "a much longer text than the field" and field.scroll_x > 0
        await pilot.press("home")
        await pilot.pause()
        assert field.scroll_x == 0
