"""Provides AreaScreen: the base of the four main areas (nav bar, footer, reload on return)."""

from __future__ import annotations

from datetime import date

from textual.screen import Screen


class AreaScreen(Screen):
    """A main area. Subclasses set ``AREA`` and implement ``reload()`` to re-read the store."""

    AREA = ""

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        # Back from a modal or another area: data may have changed there.
        if self.is_mounted:
            self.reload()

    def reload(self) -> None:
        """Re-read this screen's data from the store and push it down to the widgets."""

    def today(self) -> date:
        """Today in the configured time zone (the one clock)."""
        return self.app.today()
