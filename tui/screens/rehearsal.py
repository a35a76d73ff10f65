"""Provides RehearsalScreen: a full-screen prompter with a timer, your pace, and your progress.

Space starts and stops the timer. A stopped run is kept as a rehearsal of the pitch; the pace
(words per minute) can then be saved as your pace in the config file (``p``).
"""

from __future__ import annotations

import time
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Digits, Static

from kith.store.brand.pitches import PitchInfo, list_rehearsals, record_rehearsal
from kith.store.brand.wordcount import count_words, pace_wpm, seconds_for, target_state
from kith.store.core.errors import StoreError
from kith.tui.literal import literal, plural
from kith.tui.widgets.key_footer import KeyFooter
from kith.tui.widgets.pitch_figures import STATE_STYLE, STATE_WORD, duration

HISTORY_SHOWN = 6
MAX_WPM = 400
"""A faster run is a slip of the space bar, not a rehearsal: it is not kept."""


def clock_text(seconds: float) -> str:
    """``00:29.4``: minutes, seconds and tenths."""
    tenths = int(seconds * 10)
    return f"{tenths // 600:02d}:{tenths // 10 % 60:02d}.{tenths % 10}"


class RehearsalScreen(Screen):
    """Rehearse ``text`` (the pitch as it stands in the editor) against the clock."""

    CSS_PATH = "rehearsal.tcss"
    BINDINGS = [
        Binding("space", "toggle", "Start/stop", id="rehearsal-toggle", tooltip="Start or stop the timer"),
        Binding("p", "save_pace", "Save pace", id="rehearsal-save-pace",
                tooltip="Save the pace of the last run as your pace in the config file"),
        Binding("escape", "back", "Back", id="rehearsal-back",
                tooltip="Back to the editor (a running timer is dropped)"),
    ]

    def __init__(self, pitch: PitchInfo, text: str) -> None:
        super().__init__()
        self.pitch = pitch
        self.text = text
        self.words = count_words(text)
        self.clock = time.monotonic
        """Where time comes from (tests replace it)."""
        self._started: float | None = None
        self._last_wpm: float | None = None
        self._ticker = None

    def compose(self) -> ComposeResult:
        yield Static(id="head")
        with Center(id="clock-row"):
            yield Digits(clock_text(0), id="clock")
        yield Static(id="status")
        with VerticalScroll(id="prompter"):
            yield Static(self._prompter_text(), id="script")
        yield Static(id="history")
        yield KeyFooter()

    def on_mount(self) -> None:
        brand = self.app.config.brand
        target = self.pitch.target_seconds
        self.query_one("#head", Static).update(Content.assemble(
            ("Rehearsing ", "bold"), literal(self.pitch.name, "bold $accent", limit=40),
            (f" · {plural(self.words, 'word')} · {duration(seconds_for(self.words, brand.words_per_minute))} at "
             f"{brand.words_per_minute} wpm" + (f" · target {target} s" if target else ""), "$text-muted")))
        self._set_status(Content.styled("Ready. Space starts the timer; speak the pitch; space stops it.",
                                        "$text-muted"))
        self._show_history()
        self._ticker = self.set_interval(0.1, self._tick, pause=True)

    def _prompter_text(self) -> Content:
        lines = []
        for line in (self.text or "(This pitch is empty: write it first.)").split("\n"):
            if line.lstrip().startswith("#"):
                lines.append(literal(line.strip(), "italic $text-muted"))  # section notes: not spoken
            else:
                lines.append(literal(line, "bold"))
        return Content("\n").join(lines)

    def _set_status(self, content: Content) -> None:
        self.query_one("#status", Static).update(content)

    def _show_history(self) -> None:
        runs = list_rehearsals(self.pitch.id)
        if not runs:
            self.query_one("#history", Static).update(Content.styled("No rehearsals yet.", "$text-muted"))
            return
        parts: list = [(plural(len(runs), "rehearsal"), "bold"), (" (seconds, wpm), newest last:", "$text-muted")]
        for r in reversed(runs[:HISTORY_SHOWN]):
            state = target_state(r.seconds, self.pitch.target_seconds)
            parts.append((f"  {r.seconds:.1f}", STATE_STYLE[state] if self.pitch.target_seconds else ""))
            parts.append((f" {r.wpm:.0f}", "$text-muted"))
        self.query_one("#history", Static).update(Content.assemble(*parts))

    # -- the timer ------------------------------------------------------------------------------

    def _tick(self) -> None:
        if self._started is not None:
            self.query_one("#clock", Digits).update(clock_text(self.clock() - self._started))

    def action_toggle(self) -> None:
        if self._started is None:
            self._started = self.clock()
            self._last_wpm = None
            self.query_one("#clock", Digits).update(clock_text(0))
            self._set_status(Content.styled("Speaking… space stops.", "bold $accent"))
            self._ticker.resume()
            self.refresh_bindings()
            return
        elapsed = self.clock() - self._started
        self._started = None
        self._ticker.pause()
        self.query_one("#clock", Digits).update(clock_text(elapsed))
        self.refresh_bindings()
        self._finish(elapsed)

    def _finish(self, elapsed: float) -> None:
        if not self.words:
            self._set_status(Content.styled("This pitch has no words yet: nothing to time, not kept.", "$warning"))
            return
        if elapsed < 1 or pace_wpm(self.words, elapsed) > MAX_WPM:
            self._set_status(Content.styled(f"Too short to be a rehearsal (over {MAX_WPM} wpm); not kept.",
                                            "$warning"))
            return
        try:
            record_rehearsal(self.pitch.id, elapsed, words=self.words)
        except StoreError as exc:
            self._set_status(literal(str(exc), "$error"))
            return
        wpm = pace_wpm(self.words, elapsed)
        self._last_wpm = wpm
        configured = self.app.config.brand.words_per_minute
        parts: list = [("You took ", ""), (f"{elapsed:.1f} s", "bold"), (": ", ""), (f"{wpm:.0f} wpm", "bold")]
        if self.pitch.target_seconds:
            state = target_state(elapsed, self.pitch.target_seconds)
            parts.append((f" · {STATE_WORD[state]}", f"bold {STATE_STYLE[state]}"))
        if 40 <= round(wpm) <= 400 and round(wpm) != configured:
            parts.append((f" · p saves {wpm:.0f} as your pace (now {configured})", "$text-muted"))
        self._set_status(Content.assemble(*parts))
        self._show_history()
        self.refresh_bindings()

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "save_pace":
            if self._last_wpm is None or self._started is not None:
                return None
            return True if 40 <= round(self._last_wpm) <= 400 else None
        return True

    def action_save_pace(self) -> None:
        from kith.tui.config import ConfigError
        from kith.tui.config_write import save_pace

        if self._last_wpm is None:
            return
        wpm = int(round(self._last_wpm))
        config = self.app.config
        try:
            path = save_pace(config.path, wpm)
        except (ConfigError, OSError) as exc:
            self.notify(literal(str(exc)), severity="error", timeout=8)
            return
        self.app.config = replace(config, path=path, brand=replace(config.brand, words_per_minute=wpm))
        self.notify(Content.assemble(f"Your pace is now {wpm} wpm, saved in ", literal(str(path))))
        self._last_wpm = None
        self.refresh_bindings()

    def action_back(self) -> None:
        self.app.pop_screen()
