"""Provides PitchEditModal: a pitch's name, channel and target (a duration or a character limit)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from kith.store.brand.pitches import CHANNEL_DEFAULTS, CHANNELS, MAX_CHARS, SPOKEN_TARGETS
from kith.tui.literal import literal, safe_text
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.form_fields import FormSelect

ANY = "any"
CHARS = "chars"


@dataclass(frozen=True)
class PitchSettings:
    """What the user chose; the calling screen writes it to the store."""

    name: str
    channel: str
    target_seconds: int | None
    char_limit: int | None


class PitchEditModal(GuardedModal, ModalScreen[PitchSettings | None]):
    """New pitch, or the settings of one: Enter saves, Esc cancels."""

    CSS_PATH = "pitch_edit.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="pitch-edit-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="pitch-edit-save", tooltip="Save (Enter works too)"),
    ]

    def __init__(self, title: str, settings: PitchSettings | None = None, error: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.settings = settings or PitchSettings("", "elevator pitch", *CHANNEL_DEFAULTS["elevator pitch"])
        self.error = error
        self._channel = self.settings.channel

    def compose(self) -> ComposeResult:
        s = self.settings
        target = CHARS if s.char_limit else str(s.target_seconds) if s.target_seconds else ANY
        with Vertical(id="dialog"):
            yield Static(Content.styled(self.title_text, "bold"), id="title")
            yield Label(Content("Name"))
            yield Input(safe_text(s.name), placeholder="e.g. Elevator pitch, LinkedIn headline", id="name",
                        max_length=120)
            yield Label(Content("Channel"))
            yield FormSelect([(Content(c), c) for c in CHANNELS], value=s.channel, allow_blank=False, id="channel")
            yield Label(Content("Target"))
            yield FormSelect([(Content(f"{n} seconds (spoken)"), str(n)) for n in SPOKEN_TARGETS]
                         + [(Content("any length"), ANY), (Content("a character limit (written)"), CHARS)],
                         value=target, allow_blank=False, id="target")
            yield Input(str(s.char_limit or ""), placeholder="characters, e.g. 220", id="chars",
                        type="integer", max_length=6)
            yield Static(literal(self.error), id="error", classes="error")
            yield Static(Content.styled("Enter saves · Space opens a list · Tab moves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        try:
            self._show_chars()
            self.query_one("#name", Input).focus()
        except NoMatches:
            pass  # the app is closing under us (q pressed just before)

    def _show_chars(self) -> None:
        self.query_one("#chars", Input).display = self.query_one("#target", Select).value == CHARS

    @on(Select.Changed, "#channel")
    def _channel_chosen(self, event: Select.Changed) -> None:
        # A new channel brings its default target (LinkedIn headline: 220 characters, ...); the
        # Changed that Select may post for its first value must not replace a pitch's own target.
        if event.value == self._channel:
            return
        self._channel = event.value
        seconds, chars = CHANNEL_DEFAULTS.get(str(event.value), (None, None))
        self.query_one("#target", Select).value = CHARS if chars else str(seconds) if seconds else ANY
        if chars:
            self.query_one("#chars", Input).value = str(chars)
        self._show_chars()

    @on(Select.Changed, "#target")
    def _target_chosen(self) -> None:
        self._show_chars()

    def _fail(self, message: str, widget_id: str) -> None:
        self.query_one("#error", Static).update(literal(message))
        self.query_one(f"#{widget_id}").focus()

    @on(Input.Submitted)
    @on(FormSelect.Submitted)
    def action_save(self) -> None:
        name = " ".join(self.query_one("#name", Input).value.split())
        if not name:
            self._fail("Give the pitch a name.", "name")
            return
        target = str(self.query_one("#target", Select).value)
        seconds = chars = None
        if target == CHARS:
            raw = self.query_one("#chars", Input).value.strip()
            if not raw.isdigit() or not 1 <= int(raw) <= MAX_CHARS:
                self._fail(f"The character limit is a whole number from 1 to {MAX_CHARS:,}.", "chars")
                return
            chars = int(raw)
        elif target != ANY:
            seconds = int(target)
        self.dismiss(PitchSettings(name, str(self.query_one("#channel", Select).value), seconds, chars))

