"""Provides GuardedModal: a form that asks before Esc throws away what was typed."""

from __future__ import annotations

from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TextArea

from kith.tui.modals.confirm import ConfirmModal

DISCARD_QUESTION = "Discard your changes? y/n"


def field_state(screen: Widget) -> tuple:
    """Every field's current value, in order: what "changed" is measured against."""
    state = []
    for widget in screen.query("Input, TextArea, Select, Checkbox, OutcomeToggle"):
        if isinstance(widget, Input):
            state.append(widget.value)
        elif isinstance(widget, TextArea):
            state.append(widget.text)
        elif isinstance(widget, (Select, Checkbox)):
            state.append(widget.value)
        else:
            state.append(getattr(widget, "outcome", None))
    return tuple(state)


class GuardedModal(ModalScreen):
    """Esc (``action_cancel``) closes at once when nothing changed, else asks "Discard your changes? y/n"."""

    _start_state: tuple | None = None

    def on_mount(self) -> None:
        self.remember_start()

    def remember_start(self) -> None:
        """Take the fields as they are now as the unchanged state."""
        self._start_state = field_state(self)

    @property
    def is_changed(self) -> bool:
        return self._start_state is not None and field_state(self) != self._start_state

    def action_cancel(self) -> None:
        if not self.is_changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmModal(Content(DISCARD_QUESTION), confirm_label="Discard"), answered)
