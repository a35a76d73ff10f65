"""Provides VariantModal and ClaimModal: an audience variant of a pitch, and a claim with its evidence.

Both are guarded forms (Esc asks before dropping what was typed). The caller passes ``save``,
which writes the draft to the store and raises ``StoreError`` when it cannot: the message shows
in the form and nothing typed is lost; the form closes (dismissed with True) once it is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from kith.store.brand.pitches import SPOKEN_TARGETS
from kith.store.brand.wordcount import count_words, seconds_for
from kith.store.core.errors import StoreError
from kith.store.perception.brand_review import MAX_AUDIENCE, MAX_CLAIM, MAX_EVIDENCE
from kith.tui.literal import literal, safe_text
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.form_fields import FormSelect
from kith.tui.widgets.pitch_figures import duration

ANY = "any"


@dataclass(frozen=True)
class VariantDraft:
    pitch_id: int
    audience: str
    text: str
    target_seconds: int | None


@dataclass(frozen=True)
class ClaimDraft:
    pitch_id: int
    claim: str
    evidence: str
    source: str


def _pitch_choices(pitches: list[tuple[int, str]]) -> list[tuple[Content, int]]:
    return [(literal(name, limit=40), pid) for pid, name in pitches]


class _PartModal(GuardedModal):
    """What both forms share: the pitch choice, the inline error, saving through ``save``."""

    def __init__(self, title: str, pitches: list[tuple[int, str]], pitch_id: int, save: Callable) -> None:
        super().__init__()
        self.title_text = title
        self.pitches = pitches
        self.pitch_id = pitch_id if pitch_id in {p for p, _ in pitches} else pitches[0][0]
        self.save = save

    def pitch_field(self) -> ComposeResult:
        yield Static(Content.styled(self.title_text, "bold"), id="title")
        yield from self.row("Pitch", FormSelect(_pitch_choices(self.pitches), value=self.pitch_id, allow_blank=False,
                                                id="pitch", compact=True))

    @staticmethod
    def row(label: str, widget: Widget) -> ComposeResult:
        """One field on one line: its label on the left (the form fits 24 rows)."""
        with Horizontal(classes="row"):
            yield Label(Content(label), classes="field-label")
            yield widget

    def chosen_pitch(self) -> int:
        return int(self.query_one("#pitch", Select).value)

    def fail(self, message: str, widget_id: str) -> None:
        error = self.query_one("#error", Static)
        error.update(literal(message, limit=300))
        error.add_class("-shown")
        self.query_one(f"#{widget_id}").focus()

    def write(self, draft, field_of: dict[str, str], default_field: str) -> None:
        try:
            self.save(draft)
        except StoreError as exc:
            fields = getattr(exc, "fields", None) or [getattr(exc, "field", "")]
            self.fail(str(exc), next((field_of[f] for f in fields if f in field_of), default_field))
            return
        self.dismiss(True)


class VariantModal(_PartModal, ModalScreen[bool | None]):
    """A pitch's text for one audience ("tech", "non-tech"), with its own target duration."""

    CSS_PATH = "brand_parts.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="variant-cancel",
                tooltip="Close without saving (asks first when something was typed)"),
        Binding("ctrl+s", "save", "Save", id="variant-save", tooltip="Save the audience variant"),
    ]

    def __init__(self, title: str, pitches: list[tuple[int, str]], pitch_id: int, save: Callable[[VariantDraft], None],
                 audience: str = "", text: str = "", target_seconds: int | None = None, wpm: int = 130) -> None:
        super().__init__(title, pitches, pitch_id, save)
        self.audience, self.text, self.target_seconds, self.wpm = audience, text, target_seconds, wpm

    def compose(self) -> ComposeResult:
        targets = sorted({*SPOKEN_TARGETS, *([self.target_seconds] if self.target_seconds else [])})
        with Vertical(id="dialog"):
            yield from self.pitch_field()
            yield from self.row("Audience", Input(safe_text(self.audience), placeholder="tech, non-tech, investors, …",
                                                  id="audience", max_length=MAX_AUDIENCE, compact=True))
            yield from self.row("Target", FormSelect(
                [(Content(f"{n} seconds (spoken)"), str(n)) for n in targets] + [(Content("any length"), ANY)],
                value=str(self.target_seconds) if self.target_seconds else ANY, allow_blank=False, id="target",
                compact=True))
            yield Label(Content("The pitch, as this audience hears it"), classes="text-label")
            yield TextArea(safe_text(self.text, multiline=True, limit=None), id="text", soft_wrap=True, compact=True)
            yield Static(Content(""), id="figures")
            yield Static(Content(""), id="error", classes="error")
            yield Static(Content.styled("ctrl+s saves · Space opens a list · Tab moves · Esc cancels", "dim"),
                         id="hint")

    def on_mount(self) -> None:
        self.query_one("#text", TextArea).cursor_blink = False
        self.query_one("#audience", Input).focus()
        self._figures()

    @on(TextArea.Changed, "#text")
    @on(Select.Changed, "#target")
    def _figures(self) -> None:
        words = count_words(self.query_one("#text", TextArea).text)
        said = f"{words} words · {duration(seconds_for(words, self.wpm))} at {self.wpm} wpm"
        target = str(self.query_one("#target", Select).value)
        over = target != ANY and seconds_for(words, self.wpm) > int(target)
        self.query_one("#figures", Static).update(
            Content.styled(said + (f" · over {target} s" if over else ""), "$warning" if over else "$text-muted"))

    def enter_pressed(self, widget: Widget) -> None:
        if widget.id == "audience":
            self.query_one("#target").focus()
        else:
            super().enter_pressed(widget)

    def action_save(self) -> None:
        audience = " ".join(self.query_one("#audience", Input).value.split())
        if not audience:
            self.fail("Name the audience (tech, non-tech, …).", "audience")
            return
        target = str(self.query_one("#target", Select).value)
        draft = VariantDraft(self.chosen_pitch(), audience, self.query_one("#text", TextArea).text,
                             None if target == ANY else int(target))
        self.write(draft, {"audience": "audience", "text": "text", "target": "target"}, "audience")


class ClaimModal(_PartModal, ModalScreen[bool | None]):
    """A claim a pitch or tagline makes, its evidence (a link or a note) and, if borrowed, its source."""

    CSS_PATH = "brand_parts.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="claim-cancel",
                tooltip="Close without saving (asks first when something was typed)"),
        Binding("ctrl+s", "save", "Save", id="claim-save", tooltip="Save the claim (Enter works too)"),
    ]

    def __init__(self, title: str, pitches: list[tuple[int, str]], pitch_id: int, save: Callable[[ClaimDraft], None],
                 claim: str = "", evidence: str = "", source: str = "") -> None:
        super().__init__(title, pitches, pitch_id, save)
        self.claim, self.evidence, self.source = claim, evidence, source

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield from self.pitch_field()
            yield from self.row("Claim", Input(safe_text(self.claim), id="claim", max_length=MAX_CLAIM, compact=True,
                                               placeholder="what the pitch says: cut close from ten days to six"))
            yield from self.row("Evidence", Input(safe_text(self.evidence), id="evidence", max_length=MAX_EVIDENCE,
                                                  compact=True, placeholder="a link or a note that shows it"))
            yield from self.row("Source", Input(safe_text(self.source), id="source", max_length=MAX_EVIDENCE,
                                                compact=True, placeholder="for borrowed wording: who said it first"))
            yield Static(Content(""), id="error", classes="error")
            yield Static(Content.styled("Enter saves · Space opens a list · Tab moves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        self.query_one("#claim", Input).focus()

    def action_save(self) -> None:
        claim = " ".join(self.query_one("#claim", Input).value.split())
        if not claim:
            self.fail("Write the claim.", "claim")
            return
        draft = ClaimDraft(self.chosen_pitch(), claim, self.query_one("#evidence", Input).value,
                           self.query_one("#source", Input).value)
        self.write(draft, {"claim": "claim", "evidence": "evidence", "source": "source"}, "claim")
