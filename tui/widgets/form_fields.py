"""Provides FormSelect (Enter on a closed dropdown submits the form) and TickBox (a checkbox that reads [x] / [ ])."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Checkbox, Select


class FormSelect(Select):
    """A Select whose Enter, while closed, submits the form like an Input's; Space or ↓ opens it."""

    BINDINGS = [
        Binding("enter", "submit", "Save", show=False, id="form-select-submit",
                tooltip="Submit the form (the dropdown stays closed)"),
        Binding("space,down,up", "show_overlay", "Open", show=False, id="form-select-open",
                tooltip="Open the list of choices"),
    ]

    class Submitted(Message):
        """Enter was pressed on the closed dropdown."""

        def __init__(self, select: FormSelect) -> None:
            super().__init__()
            self.select = select

        @property
        def control(self) -> FormSelect:
            return self.select

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self))


class TickBox(Checkbox):
    """A Checkbox whose state shows in the glyph itself ([x] / [ ]); Space ticks, Enter submits the form."""

    BINDINGS = [
        Binding("enter", "submit", "Save", show=False, id="tick-box-submit", tooltip="Submit the form"),
        Binding("space", "toggle_button", "Tick", show=False, id="tick-box-toggle", tooltip="Tick or untick"),
    ]

    class Submitted(Message):
        """Enter was pressed on the checkbox."""

        def __init__(self, box: TickBox) -> None:
            super().__init__()
            self.box = box

        @property
        def control(self) -> TickBox:
            return self.box

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self))

    @property
    def _button(self) -> Content:
        style = "bold $success" if self.value else "$text-muted"
        return Content.styled("[x]" if self.value else "[ ]", style)
