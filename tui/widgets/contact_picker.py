"""Provides ContactPicker: type a few letters of a name, pick one of the matching contacts.

The widget never reads the store: the form passes ``find(text) -> [(contact_id, name), ...]``
(the app's search). Typing drops the pick and lists matches; Enter takes the highlighted match
(↓ goes into the list first); clearing the field picks nobody. ``picked`` is the contact id or None.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from kith.tui.literal import literal, safe_text

MATCHES_SHOWN = 5


class ContactPicker(Vertical):
    """An Input for a name plus the matching contacts under it."""

    DEFAULT_CSS = """
    ContactPicker { height: auto; width: 1fr; }
    ContactPicker > OptionList { height: auto; max-height: 5; border: none; padding: 0; display: none; }
    ContactPicker > OptionList.-shown { display: block; }
    """
    BINDINGS = [
        Binding("down", "into_matches", "Matches", show=False, id="contact-picker-matches",
                tooltip="Go down into the matching contacts"),
    ]

    def __init__(self, picked: int | None, name: str, find: Callable[[str], list[tuple[int, str]]], *,
                 placeholder: str = "", id: str | None = None) -> None:
        super().__init__(id=f"{id}-picker" if id else None)
        self.input_id = id
        self.picked = picked
        self.find = find
        self._picked_text = safe_text(name) if picked is not None else ""
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Input(self._picked_text, placeholder=self._placeholder, id=self.input_id, compact=True,
                    max_length=200, select_on_focus=False)
        yield OptionList(compact=True)

    @property
    def text(self) -> str:
        return self.query_one(Input).value

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        # Runs before the form sees the same event, so the form validates the new pick state.
        matches = self.query_one(OptionList)
        text = event.value.strip()
        if event.value == self._picked_text and self.picked is not None:
            matches.set_class(False, "-shown")
            return
        self.picked = None
        found = self.find(text)[:MATCHES_SHOWN] if text else []
        matches.clear_options()
        matches.add_options([Option(literal(name, limit=60), id=str(cid)) for cid, name in found])
        matches.set_class(bool(found), "-shown")
        if found:
            matches.highlighted = 0

    @on(Input.Submitted)
    def _take_first(self, event: Input.Submitted) -> None:
        matches = self.query_one(OptionList)
        if matches.has_class("-shown") and matches.option_count:
            event.stop()
            self._pick(matches.get_option_at_index(matches.highlighted or 0))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option)
        self.query_one(Input).focus()

    def take_highlighted(self, exact: tuple[int, str] | None = None) -> bool:
        """Pick ``exact`` (a whole name the form resolved) or else the highlighted match, when
        matches are listed; return whether something was picked."""
        matches = self.query_one(OptionList)
        if not (matches.has_class("-shown") and matches.option_count):
            return False
        if exact is not None:
            self._pick(Option(literal(exact[1], limit=60), id=str(exact[0])))
        else:
            self._pick(matches.get_option_at_index(matches.highlighted or 0))
        return True

    def _pick(self, option: Option) -> None:
        self.picked = int(option.id or 0)
        self._picked_text = str(option.prompt)
        self.query_one(OptionList).set_class(False, "-shown")
        self.query_one(Input).value = self._picked_text

    def action_into_matches(self) -> None:
        matches = self.query_one(OptionList)
        if matches.has_class("-shown") and not matches.has_focus:
            matches.focus()
        else:
            self.screen.focus_next()
