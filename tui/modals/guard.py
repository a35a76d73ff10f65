"""Provides GuardedModal: a form that asks before Esc throws away what was typed."""

from __future__ import annotations

from textual.actions import SkipAction
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, OptionList, Select, TextArea

from kith.tui.modals.confirm import ConfirmModal
from kith.tui.widgets.form_fields import FormSelect, TickBox

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


def enter_target(focused: Widget | None) -> Widget | None:
    """The field whose Enter the form handles itself, or None where Enter belongs to the widget.

    A TextArea (new line), a button, an open dropdown or a list of matches keep their own Enter.
    """
    if isinstance(focused, (FormSelect, TickBox)):
        return None if getattr(focused, "expanded", False) else focused
    if not isinstance(focused, Input):
        return None
    matches = focused.parent.query_children(OptionList) if focused.parent is not None else None
    if matches and any(m.has_class("-shown") and m.option_count for m in matches):
        return None  # a ContactPicker's Enter takes its first match
    return focused


class GuardedModal(ModalScreen):
    """Esc (``action_cancel``) closes at once when nothing changed, else asks "Discard your changes? y/n".

    Enter in a field is a priority binding, so the form moves focus (or saves) within the key's own
    dispatch: keys typed or pasted in the same burst after Enter reach the next field, never the
    one just left (an Input's own Enter only posts Submitted, handled after those keys).
    """

    BINDINGS = [
        Binding("enter", "form_enter", "Next/save", show=False, priority=True, id="form-enter",
                tooltip="Next field or save, as the form says"),
    ]

    _start_state: tuple | None = None

    def action_form_enter(self) -> None:
        field = enter_target(self.focused)
        if field is None:
            raise SkipAction()
        self.enter_pressed(field)

    def enter_pressed(self, widget: Widget) -> None:
        """Enter in ``widget``: forms save by default; a form that moves to the next field overrides this.

        The save waits in the field's own queue, behind the keys typed before Enter that it has not
        handled yet (the app forwards keys faster than a field takes them).
        """
        widget.call_later(self.action_save)

    def action_save(self) -> None:
        raise NotImplementedError

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
