"""Provides AreaScreen: the base of the four main areas (nav bar, footer, reload on return)."""

from __future__ import annotations

from datetime import date

from textual import events, messages
from textual._context import active_app
from textual.message import Message
from textual.screen import Screen

LEFT_WHEN_LEAVING = (events.Mount, events.ScreenResume, messages.InvokeLater)
"""What an area does not handle once kith is leaving: building, showing, drawing after a refresh."""
FREEZE_AFTER_S = 0.3
"""How long after an area is mounted its objects are taken out of the collector's walks: not at
once, as the collection first walks everything (25 ms at 10,000 contacts) and the first frame
was still being written then."""


class AreaScreen(Screen):
    """A main area. Subclasses set ``AREA`` and implement ``reload()`` to re-read the store."""

    AREA = ""
    _shown_at: tuple | None = None  # the store's change token, day and config when last loaded here
    _built = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Textual 8.2.8 marks a mode's screen as styled only once it is mounted, so the first
        # visit re-parses every stylesheet twice and the second visit once more (tens of ms each).
        # Loading the screen's own CSS (App._load_screen_css) already parsed and applied it.
        try:
            self._css_update_count = active_app.get()._css_update_count
        except LookupError:  # built outside a running app (a test)
            pass

    async def _on_message(self, message: Message) -> None:
        # kith is leaving (q, SIGTERM) while this area was being built ahead, out of sight: its widgets
        # are being taken down already, and its mount, resume and after-refresh handlers would look
        # for widgets that are gone. None of them writes data.
        if isinstance(message, LEFT_WHEN_LEAVING) and getattr(self.app, "_exit", False):
            return
        await super()._on_message(message)

    def on_mount(self) -> None:
        # Textual calls this once per class that defines on_mount (and a subclass may call it too),
        # then the resume follows: the token makes all of them one read of the store.
        self._reload_if_changed()
        if not self._built and not self.app.is_headless:
            self._built = True
            self.set_timer(FREEZE_AFTER_S, keep_out_of_collections)

    def on_screen_resume(self) -> None:
        # Back from a modal or another area: data may have changed there. When no kith wrote
        # anything and the day and config are the same, what is on screen is still right: switching
        # areas then only shows the screen, it does not read 10,000 rows again.
        if self.is_mounted:
            self._reload_if_changed()

    def _reload_if_changed(self) -> None:
        token = self._change_token()  # taken before reading: a write meanwhile makes the next one differ
        if token is None or token != self._shown_at:
            self.reload()
        self._shown_at = token

    def _change_token(self) -> tuple | None:
        from kith.store.core.db import change_token

        try:
            return change_token(), self.today(), self.app.config
        except Exception:  # no database (a test's bare screen) or a damaged one: always reload
            return None

    def reload(self) -> None:
        """Re-read this screen's data from the store and push it down to the widgets."""

    def today(self) -> date:
        """Today in the configured time zone (the one clock)."""
        return self.app.today()


def keep_out_of_collections() -> None:
    """Take what is alive once an area is built out of the cyclic collector's walks.

    At 30,000 contacts a full collection walked every row and widget kith holds and took 40 to 190
    ms, so the key that set one off painted that much later. An area lives as long as the app
    (areas are switched, not rebuilt) and rows it drops on a reload are freed by their reference
    counts, so the collector need not walk them again. Garbage is collected first so none of it
    is kept (after the first area that walks only what is new); in a test process (headless, many
    apps) nothing is frozen.
    """
    import gc

    gc.collect()
    gc.freeze()
