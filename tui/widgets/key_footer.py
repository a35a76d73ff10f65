"""Provides KeyFooter: the footer of every kith screen, compact so a screen's keys fit in 80 columns."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """Textual's Footer without its ctrl+p entry (the nav bar and the help name it) and compact.

    Screens refresh their bindings on every cursor move (a key may apply to one row and not the
    next); Textual's footer then removes and mounts all its keys, about half the cost of such a
    keystroke. This one changes nothing when what it shows is the same, and otherwise rewrites
    the keys it has in place (focus moving from a filter to its list: 90 to 40 ms at 10,000
    contacts), mounting only the keys it lacks and hiding those it has too many of.
    """

    def __init__(self) -> None:
        super().__init__(show_command_palette=False, compact=True)
        self._shown: tuple | None = None

    def _what_shows(self) -> tuple:
        # One key per action, the first bound to it: what Textual's footer shows (kith has no
        # binding groups, which it would draw as one entry).
        shown: dict[str, tuple] = {}
        for (_, binding, enabled, tooltip) in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding.key, self.app.get_key_display(binding), binding.description,
                                         binding.action, enabled, tooltip or "")
        return tuple(shown.values())

    def bindings_changed(self, screen) -> None:
        if self._shown is None or not (self.is_attached and screen is self.screen and screen.app.app_focus):
            super().bindings_changed(screen)  # not drawn yet, or not shown: Textual's own way
        elif self._what_shows() != self._shown:
            self.call_after_refresh(self._show_in_place)

    def _show_in_place(self) -> None:
        if not self.is_attached:
            return
        shows = self._what_shows()
        if shows == self._shown:
            return
        self._shown = shows
        keys = list(self.query_children(FooterKey))
        with self.app.batch_update():
            for key, (code, display, description, action, enabled, tooltip) in zip(keys, shows):
                key.key, key.key_display, key.description, key.action = code, display, description, action
                key._disabled = not enabled
                key.set_class(not enabled, "-disabled")
                key.tooltip = tooltip or None
                key.display = True
                key.refresh(layout=True)
            for key in keys[len(shows):]:
                key.display = False
            if len(shows) > len(keys):
                self.mount_all(self._new_key(*row) for row in shows[len(keys):])

    @staticmethod
    def _new_key(code: str, display: str, description: str, action: str, enabled: bool, tooltip: str) -> FooterKey:
        # Born compact: a key given the class once mounted (as Textual's footer binds it) restyles
        # itself at once, key by key.
        return FooterKey(code, display, description, action, disabled=not enabled, tooltip=tooltip,
                         classes="-compact")

    def compose(self):
        if not self._bindings_ready:
            return
        self._shown = self._what_shows()
        for row in self._shown:
            yield self._new_key(*row)
