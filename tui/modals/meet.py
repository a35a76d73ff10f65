"""Provides MeetModal: someone you met at a volunteering engagement, picked or added on the spot.

Type a few letters: matching contacts drop down (↓ or Enter picks one). Text that picks nobody is
a new person, said under the field before saving. The screen passes ``submit(values) -> error or
None`` (the store's refusal shows inline, the form stays open) and ``find(text)`` (the app's search).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from kith.tui.literal import literal
from kith.tui.widgets.contact_picker import ContactPicker


class MeetModal(ModalScreen[dict | None]):
    """Who you met, the day and a note; Enter saves (through ``submit``), Esc cancels."""

    CSS_PATH = "meet.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="meet-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="meet-save", tooltip="Save (Enter works too)"),
    ]

    def __init__(self, where: str, find: Callable[[str], list[tuple[int, str]]],
                 submit: Callable[[dict], str | None]) -> None:
        super().__init__()
        self.where = where
        self.find = find
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble(("Met at ", "bold"), literal(self.where, "bold", limit=60)), id="title")
            yield Label(Content("Who (type a few letters; a new name adds them)"))
            yield ContactPicker(None, "", self.find, placeholder="e.g. Ada", id="who")
            yield Static(Content(""), id="who-hint")
            yield Label(Content("Day"))
            yield Input("today", placeholder="YYYY-MM-DD, today, -3", id="day", compact=True, max_length=40)
            yield Label(Content("Note (what you talked about)"))
            yield Input("", placeholder="optional", id="note", compact=True, max_length=300)
            yield Static("", id="error", classes="error")
            yield Static(Content.styled("Enter saves · Tab moves · Esc cancels · logs an event touch", "dim"),
                         id="hint")

    def on_mount(self) -> None:
        self.query_one("#who", Input).focus()

    def values(self) -> dict:
        picker = self.query_one(ContactPicker)
        field = lambda wid: self.query_one(wid, Input).value.strip()  # noqa: E731
        return {"contact_id": picker.picked, "name": picker.text.strip(), "day": field("#day"), "note": field("#note")}

    @on(Input.Changed, "#who")
    def _who_changed(self) -> None:
        # After the picker has taken the same event: say whether this will be a new person.
        self.call_after_refresh(self._show_who)

    def _show_who(self) -> None:
        v = self.values()
        hint = self.query_one("#who-hint", Static)
        if v["contact_id"] is None and v["name"]:
            from textual.widgets import OptionList

            matches = self.query_one(ContactPicker).query_one(OptionList).has_class("-shown")
            hint.update(Content.assemble(("new contact: ", "$warning"), literal(v["name"], limit=40),
                                         (" (or Enter picks the match above)" if matches else "", "$text-muted")))
        else:
            hint.update(Content(""))

    @on(Input.Submitted)
    def action_save(self) -> None:
        values = self.values()
        if values["contact_id"] is None and not values["name"]:
            self.query_one("#error", Static).update(Content("say who you met"))
            return
        error = self.submit(values)
        if error:
            self.query_one("#error", Static).update(literal(error))
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)
