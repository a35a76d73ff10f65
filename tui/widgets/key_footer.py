"""Provides KeyFooter: the footer of every kith screen, compact so a screen's keys fit in 80 columns."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """Textual's Footer without its ctrl+p entry (the nav bar and the help name it) and compact.

    Screens refresh their bindings on every cursor move (a key may apply to one row and not the
    next); Textual's footer then rebuilds all its keys, about half the cost of a keystroke in a
    list. This one rebuilds only when what it shows would change.
    """

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)
        self._shown: tuple | None = None

    def _what_shows(self) -> tuple:
        return tuple((binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                      binding.group, enabled, tooltip)
                     for (_, binding, enabled, tooltip) in self.screen.active_bindings.values() if binding.show)

    def bindings_changed(self, screen) -> None:
        if (self._shown is not None and self.is_attached and screen is self.screen and screen.app.app_focus
                and self._what_shows() == self._shown):
            return
        super().bindings_changed(screen)

    def compose(self):
        if self._bindings_ready:
            self._shown = self._what_shows()
        for widget in super().compose():
            # Each key would add its "-compact" class once mounted (Textual binds it to the
            # footer's), restyling itself at once, key by key; born with it, none restyles.
            if isinstance(widget, FooterKey):
                widget.add_class("-compact", update=False)
            yield widget
