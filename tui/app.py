"""Provides KithApp: the thin App holding the four areas, global keys and system commands."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import sys
import termios
import threading
from datetime import date
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen

from kith.tui.collector import TICK_S, IdleCollector
from kith.tui.commands import ContactsProvider, KeysProvider
from kith.tui.config import Config
from kith.tui.literal import literal
from kith.tui.screens.today import TodayScreen

AREAS = (("today", "Today"), ("contacts", "Contacts"), ("mentors", "Mentors"), ("brand", "Brand"),
         ("network", "Network"), ("career", "Career"))


AHEAD_S = 0.2
"""Seconds after the first paint, and between areas, before the next area is built ahead."""


def _area(module: str, screen: str):
    """Build the area ``screen`` of ``kith.tui.screens.<module>``, importing it then."""

    def build():
        from importlib import import_module

        return getattr(import_module(f"kith.tui.screens.{module}"), screen)()

    build.__name__ = screen
    return build


class KithApp(App[None]):
    """kith's full-screen app."""

    TITLE = "kith"
    CSS_PATH = Path(__file__).parent / "styles" / "app.tcss"  # absolute: subclasses live elsewhere
    COMMANDS = App.COMMANDS | {ContactsProvider, KeysProvider}  # ctrl+p: every key of the screen, and contacts by name
    # The other areas are imported when built (after Today has painted): importing all of them
    # first made every start about 40 ms slower to show Today.
    MODES = {"today": TodayScreen, "contacts": _area("contacts", "ContactsScreen"),
             "mentors": _area("mentors", "MentorsScreen"), "brand": _area("brand", "BrandScreen"),
             "network": _area("network", "NetworkScreen"), "career": _area("career", "CareerScreen")}
    DEFAULT_MODE = "today"
    NOTIFICATION_TIMEOUT = 3  # toasts sit over the top rows' right ends: short-lived, they hide little for long
    BINDINGS = [
        Binding("1", "area('today')", "Today", show=False, id="go-today", tooltip="The Today queue"),
        Binding("2", "area('contacts')", "Contacts", show=False, id="go-contacts", tooltip="All contacts"),
        Binding("3", "area('mentors')", "Mentors", show=False, id="go-mentors", tooltip="Mentor value log"),
        Binding("4", "area('brand')", "Brand", show=False, id="go-brand", tooltip="Pitch and taglines"),
        Binding("5", "area('network')", "Network", show=False, id="go-network",
                tooltip="Targets and warm paths, organisations, connectors"),
        Binding("6", "area('career')", "Career", show=False, id="go-career",
                tooltip="Skills, learning and income streams"),
        # priority: taken as it arrives, so keys typed right after it reach the search, not this screen
        # (check_action leaves / to a field being typed in).
        Binding("slash", "search_unless_typing", "Search", priority=True, id="search", tooltip="Search everything"),
        Binding("ctrl+k", "search", "Search", show=False, priority=True, id="search-anywhere",
                tooltip="Search everything, even while typing"),
        Binding("question_mark", "help", "Help", id="help", tooltip="Every key of this screen"),
        Binding("u", "undo", "Undo", show=False, id="undo", tooltip="Undo the last change (as kith undo)"),
        Binding("q", "quit", "Quit", id="quit", tooltip="Leave kith"),
    ]

    def __init__(self, config: Config, db_path: Path, first_run: bool = False) -> None:
        super().__init__()
        self.config = config
        """The loaded configuration."""
        self.db_path = db_path
        """The open database file."""
        self.first_run = first_run
        """True when the database was empty at start: offer the demo network."""
        self._data_version: int | None = None
        self.crash_message: str | None = None
        """Set after a crash: the one line to print once the terminal is restored."""
        self._store_health_told: set[str] = set()  # "damage", "bad-text": each said once
        self._store_health_running = False
        self._switching_to_built = False
        self._collector = IdleCollector()
        if config.theme in self.available_themes:
            self.theme = config.theme

    def on_mount(self) -> None:
        if self.config.keys:
            self.set_keymap(self.config.keys)
            # The first screen was composed before the keymap: its footer must hear of the change
            # (set_keymap's own refresh is lost while the app is still mounting).
            self.call_later(lambda: self.screen.refresh_bindings())
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, self._hang_up, sig)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # not the main thread (tests) or not a POSIX loop
        self._data_version = self._read_data_version()
        # The damage check can take 0.35 s on a cold 35 MB file: after the first paint, off the UI.
        self.call_after_refresh(self._check_store_health)
        self.call_after_refresh(gc.enable)  # off while kith started (cli/main.py's entry)
        self.set_interval(2.0, self._check_other_writers)
        if not self.is_headless:
            self.set_interval(1.0, self._check_terminal)
            self._collector.start()
            self.set_interval(TICK_S, self._collector.tick)
            self.call_after_refresh(self.set_timer, AHEAD_S, self.build_next_area)  # once Today is painted
        if self.first_run:
            from kith.tui.modals.first_run import FirstRunModal

            self.push_screen(FirstRunModal(), self._first_run_chosen)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._collector.saw_input()  # a full collection waits until the user pauses
        await super().on_event(event)

    def _first_run_chosen(self, demo: bool | None) -> None:
        if demo:
            from kith.store.core.errors import StoreError
            from kith.store.demo import build_demo

            try:
                made = build_demo(self.today())
            except StoreError as exc:
                self.notify(literal(str(exc)), severity="error")
                return
            self.notify(f"Demo network loaded: {made['contacts']} contacts, {made['touches']} touches.")
            self.reload_screen()

    def today(self) -> date:
        """Today in the configured time zone: the one clock every screen reads."""
        from kith.store.core.clock import today

        return today(self.config.time_zone or None)

    # -- keeping in step with the store ---------------------------------------------------------

    def reload_screen(self) -> None:
        """Ask the active area to reload its data from the store."""
        self._data_version = self._read_data_version()
        reload = getattr(self.screen, "reload", None)
        if callable(reload):
            reload()

    def _read_data_version(self) -> int | None:
        from kith.store.core.db import data_version

        try:
            return data_version()
        except Exception:
            return None

    def _check_other_writers(self) -> None:
        # PRAGMA data_version changes only when another connection commits: another kith
        # session over SSH, or `kith log` from a shell. Reload so nobody edits stale data.
        version = self._read_data_version()
        if version is not None and self._data_version is not None and version != self._data_version:
            self._data_version = version
            if not isinstance(self.screen, ModalScreen):
                self.reload_screen()
        self._data_version = version
        if "bad-text" not in self._store_health_told:
            from kith.store.core.integrity import bad_text_seen

            if bad_text_seen():  # a screen opened since met text that is not UTF-8
                self._check_store_health()

    # -- damage and bad text -------------------------------------------------------------------------

    def _check_store_health(self) -> None:
        if not self._store_health_running:
            self._store_health_running = True
            self.run_worker(self._store_health_worker, thread=True, group="store-health", exit_on_error=False)

    def _store_health_worker(self) -> None:
        from kith.store.core import integrity

        try:
            integrity.ensure_checked()  # runs quick_check only when the file changed since the last clean one
            bad_rows = integrity.count_bad_text_rows() if integrity.bad_text_seen() else 0
            self.call_from_thread(self._tell_store_health, integrity.damage(), bad_rows)
        finally:
            self._store_health_running = False

    def _tell_store_health(self, damage: str | None, bad_rows: int) -> None:
        from kith.store.core.integrity import bad_text_message

        if damage and "damage" not in self._store_health_told:
            self._store_health_told.add("damage")
            self.notify(literal(damage), title="Read-only: database damaged", severity="error", timeout=60)
        if bad_rows and "bad-text" not in self._store_health_told:
            self._store_health_told.add("bad-text")
            self.notify(literal(bad_text_message(bad_rows)), severity="warning", timeout=10)

    # -- actions --------------------------------------------------------------------------------

    def action_area(self, mode: str) -> None:
        """Switch to one of the four areas."""
        if self.current_mode != mode:
            self.switch_mode(mode)

    def build_next_area(self) -> bool:
        """Build the next area not yet built, out of sight; the next one follows shortly after.

        A first visit composed its area and read its data on the key (100 to 200 ms at 10,000
        contacts); built ahead, after Today has painted and one at a time so a key waits for one
        area at most, every visit only shows its area. Last, search loads what its first key
        needs (90 ms at 30,000 contacts, which a key typed at once in search waited for). Not on
        a damaged file, nor before its check has answered. Returns whether an area was built now.
        """
        from kith.store.core import integrity

        waiting = [mode for mode in self.MODES if mode not in self._screen_stacks]
        if integrity.damage():
            return False  # a damaged file: each area reads it when visited, where its errors are shown
        if integrity.pending():  # the health check has not answered yet: ask again shortly
            if not self.is_headless:
                self.set_timer(AHEAD_S, self.build_next_area)
            return False
        if not waiting:
            from kith.store.search.engine import warm

            warm()
            return False
        self._init_mode(waiting[0])  # what switch_mode does first; the current mode stays
        if not self.is_headless:
            self.set_timer(AHEAD_S, self.build_next_area)
        return True

    def switch_mode(self, mode: str):
        self._switching_to_built = mode in self._screen_stacks
        try:
            return super().switch_mode(mode)
        finally:
            self._switching_to_built = False

    def delay_update(self, delay: float = 0.05) -> None:
        # Textual holds every frame for 50 ms on a mode switch, to hide a screen being composed. An
        # area already built is whole (its data reloads, if it changed, before the next paint): show
        # it at once, so a switch costs its paint, not 50 ms more.
        if not self._switching_to_built:
            super().delay_update(delay)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Undo under an open dialog would change what the dialog is about.
        if action == "undo" and isinstance(self.screen, ModalScreen):
            return False
        if action == "search_unless_typing" and _typing_into(self.focused):
            return False  # the / types there (ctrl+k still searches)
        return super().check_action(action, parameters)

    def action_undo(self) -> None:
        """Reverse the last change, from the app or the CLI (the one log ``kith undo`` reads)."""
        from kith.store.core.errors import StoreError
        from kith.store.core.undo import undo_last

        try:
            undone = undo_last()
        except StoreError as exc:
            self.notify(literal(str(exc)), severity="error")
            return
        if undone is None:
            self.notify("Nothing to undo")
            return
        self.reload_screen()
        self.notify(Content.assemble("Undid ", literal(undone.summary or undone.action), "."))

    def action_search_unless_typing(self) -> None:
        """/ : search, where it is not typed into a field (see check_action)."""
        self.action_search()

    def action_search(self) -> None:
        """Open the search screen over the current one."""
        from kith.tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    # Screens never import each other: a screen that opens another asks the App.
    def open_contact(self, contact_id: int, focus_touch_id: int | None = None) -> None:
        """Push the contact detail screen for ``contact_id`` (scrolled to a touch when given)."""
        from kith.tui.screens.contact_detail import ContactDetailScreen

        self.push_screen(ContactDetailScreen(contact_id, focus_touch_id=focus_touch_id))

    def open_perception(self, brand_screen) -> None:
        """Open Perception from the brand studio (a term copied there lands in its editor)."""
        from kith.tui.screens.perception import open_from_brand

        open_from_brand(brand_screen)

    def open_prep(self, *, plan_id: int | None = None, contact_id: int | None = None) -> None:
        """Push the prep brief for a planned conversation or for a person."""
        from kith.tui.screens.prep import PrepScreen

        self.push_screen(PrepScreen(plan_id=plan_id) if plan_id else PrepScreen(contact_id=contact_id))

    def open_rehearsal(self, pitch, text: str) -> None:
        """Push the rehearsal screen for ``pitch`` with the editor's ``text``."""
        from kith.tui.screens.rehearsal import RehearsalScreen

        self.push_screen(RehearsalScreen(pitch, text))

    def action_help(self) -> None:
        """Show every key of the current screen and the global ones."""
        from kith.tui.modals.help import HelpModal

        if not isinstance(self.screen, HelpModal):
            self.push_screen(HelpModal(self.screen))

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        for mode, title in AREAS:
            yield SystemCommand(f"Go to {title}", f"Open the {title} area", lambda m=mode: self.action_area(m))
        yield SystemCommand("Search", "Search contacts, notes and everything else", self.action_search)
        yield SystemCommand("Help: keys", "Every key of the current screen", self.action_help)
        from kith.tui.commands_transfer import transfer_commands  # import, export, merge (issue 7)

        yield from transfer_commands(self)
        from kith.tui.commands_quality import quality_commands  # triage, network health (issue 17)

        yield from quality_commands(self)

    # -- leaving --------------------------------------------------------------------------------

    def save_drafts(self, hang_up: bool = False) -> None:
        """Ask every open screen to keep unsaved work (the pitch editor's draft).

        ``hang_up``: the app leaves at once; keep it without waiting for the database's lock.
        """
        for screen in self.screen_stack:
            save = getattr(screen, "save_draft", None)
            if callable(save):
                save(hang_up=True) if hang_up else save()

    def _hang_up(self, signum: int) -> None:
        # An SSH drop sends SIGHUP: keep drafts first. Every other write is already committed.
        self.save_drafts(hang_up=True)
        if self.is_headless:
            self.exit(return_code=0)
            return
        if signum == signal.SIGHUP:
            # The terminal is gone: restoring it would block forever on the dead pty (Textual's
            # writer thread dies on EIO and its queue fills). Leave at once; SQLite is consistent.
            os._exit(0)
        self.exit(return_code=0)
        # SIGTERM with a live terminal exits cleanly; if the terminal is dead too, don't hang.
        watchdog = threading.Timer(3.0, os._exit, args=(0,))
        watchdog.daemon = True
        watchdog.start()

    def _check_terminal(self) -> None:
        # A terminal can vanish without a SIGHUP reaching us (not our controlling tty): reads then
        # return EOF forever and writes fail. Treat that as the hang-up it is.
        try:
            termios.tcgetattr(sys.__stdin__.fileno())
        except (OSError, ValueError, termios.error):
            self._hang_up(signal.SIGHUP)

    def _fatal_error(self) -> None:
        # Textual's crash report prints local variables, which can hold private notes. Log the
        # traceback without locals to an owner-only file and show a single line instead.
        from kith.store.core.db import DB_ERRORS, db_path, map_error
        from kith.tui.crash import crash_line, log_crash

        exc = sys.exc_info()[1] or self._exception
        if isinstance(exc, DB_ERRORS):  # a damaged page: say what is wrong and how to recover
            self.crash_message = f"kith: {literal(str(map_error(exc, db_path()))).plain}"
        else:
            self.crash_message = crash_line(exc, log_crash(exc)) if exc else "kith: unexpected error"
        self.bell()
        self._close_messages_no_wait()


def _typing_into(widget: object) -> bool:
    """True when ``widget`` is a field that takes text (an Input or a TextArea).

    Asked for every footer refresh, the first paint included: a TextArea can only be focused once
    its module was imported, so it is looked up, not imported (5 ms of every start).
    """
    from textual.widgets import Input

    text_area = sys.modules.get("textual.widgets._text_area")
    return isinstance(widget, Input) or (text_area is not None and isinstance(widget, text_area.TextArea))
