"""Provides PitchVersionsModal: browse a pitch's versions, see each against the previous, restore one."""

from __future__ import annotations

import difflib
import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kith.store.brand.wordcount import count_words, seconds_for
from kith.tui.literal import literal
from kith.tui.widgets.lists import ListOptions
from kith.tui.widgets.pitch_figures import duration

_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``[(op, text)]`` with op ``=``, ``-`` (only in old) or ``+`` (only in new), word by word."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            out.append(("-", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            out.append(("+", "".join(b[j1:j2])))
    return out


def diff_content(old: str, new: str) -> Content:
    """The word diff as Content: removed words struck through in red, added ones in green."""
    styles = {"=": "", "-": "strike $error", "+": "bold $success"}
    return Content.assemble(*(literal(text, styles[op], multiline=True) for op, text in word_diff(old, new)))


class PitchVersionsModal(ModalScreen[int | None]):
    """Dismisses with the id of the version to restore, or None."""

    CSS_PATH = "pitch_versions.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Close", id="pitch-versions-close", tooltip="Back to the editor"),
        Binding("r", "restore", "Restore", id="pitch-versions-restore",
                tooltip="Save the highlighted version as the newest one (history is kept)"),
    ]

    def __init__(self, pitch_name: str, versions: list, wpm: int) -> None:
        super().__init__()
        self.pitch_name = pitch_name
        self.versions = versions  # newest first (store.pitches.VersionInfo)
        self.wpm = wpm

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble(("Versions of ", "bold"), literal(self.pitch_name, "bold $accent")),
                         id="title")
            with Horizontal(id="body"):
                options = []
                for v in self.versions:
                    words = count_words(v.text)
                    options.append(Option(Content.assemble(
                        (f"v{v.number:<3}", "bold"), (f"{v.created:%Y-%m-%d} ", "$text-muted"),
                        f"{words:>3}w {duration(seconds_for(words, self.wpm))}"), id=str(v.id)))
                yield ListOptions(*options, id="version-list")
                with VerticalScroll(id="diff-pane"):
                    yield Static(self._diff(0), id="diff")
            yield Static(Content.styled("↑↓ choose · r restores it as a new version · Esc closes. "
                                        "Red: removed since the previous version; green: added.", "dim"),
                         id="hint")

    def on_mount(self) -> None:
        options = self.query_one("#version-list", OptionList)
        options.focus()
        if self.versions:
            options.highlighted = 0

    def _diff(self, index: int) -> Content:
        # Composed with the first diff: a Static updated before its first layout kept one line.
        if not self.versions:
            return Content.styled("No saved versions yet: ctrl+s saves one.", "$text-muted")
        version = self.versions[index]
        previous = self.versions[index + 1].text if index + 1 < len(self.versions) else ""
        head = Content.styled(f"v{version.number} against " + (f"v{self.versions[index + 1].number}"
                              if index + 1 < len(self.versions) else "nothing (the first)") + "\n\n",
                              "$text-muted")
        return Content.assemble(head, diff_content(previous, version.text))

    @on(OptionList.OptionHighlighted, "#version-list")
    def _show_diff(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#diff", Static).update(self._diff(event.option_index))

    @on(OptionList.OptionSelected, "#version-list")
    def action_restore(self) -> None:
        options = self.query_one("#version-list", OptionList)
        if options.highlighted is None or not self.versions:
            return
        self.dismiss(self.versions[options.highlighted].id)

    def action_cancel(self) -> None:
        self.dismiss(None)
