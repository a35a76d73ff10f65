"""Provides BrandScreen: the brand studio, pitches and taglines with live word count and timing.

Left: the pitches and, under them, the live figures of the one being edited. Right: the editor.
Typing is kept as a draft in the store (about once a second, when leaving, and on SIGHUP via
``save_draft``); ctrl+s saves a version. Figures are recomputed on every keystroke.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Paste
from textual.widgets import OptionList, TextArea
from textual.widgets.option_list import Option

from kith.store.brand.pitches import (
    PitchInfo,
    create_pitch,
    get_pitch,
    list_pitches,
    save_draft,
    save_version,
    update_pitch,
)
from kith.store.brand.wordcount import BRAND_QUESTIONS, compute, target_state
from kith.store.core.errors import Conflict, StoreError
from kith.tui.area import AreaScreen
from kith.tui.flows.pitch_history import PitchHistoryActions
from kith.tui.literal import literal
from kith.tui.modals.pitch_edit import PitchEditModal, PitchSettings
from kith.tui.widgets.key_footer import KeyFooter
from kith.tui.widgets.lists import ListOptions
from kith.tui.widgets.nav_bar import NavBar
from kith.tui.widgets.pitch_figures import PitchFigures

DRAFT_EVERY_S = 1.0
"""How often unsaved typing is written as a draft (an SSH drop loses at most this much)."""


class PitchEditor(TextArea):
    """The pitch text area; pasted text is cleaned of control characters first."""

    async def _on_paste(self, event: Paste) -> None:
        from kith.store.brand.pitches import clean_text

        cleaned = clean_text(event.text)
        if cleaned != event.text:
            event.prevent_default()
            event.stop()
            if not self.read_only:
                self.replace(cleaned, *self.selection)
        # Otherwise TextArea's own paste handler runs after this one (Textual walks the MRO).


class BrandScreen(PitchHistoryActions, AreaScreen):
    """The Brand area: pick a pitch on the left, write on the right, watch the figures."""

    AREA = "brand"
    CSS_PATH = "brand.tcss"
    BINDINGS = [
        Binding("n", "new_pitch", "New", id="brand-new", tooltip="Add a pitch or tagline"),
        Binding("e", "edit_text", "Write", id="brand-write", tooltip="Write in the editor (Enter works too)"),
        Binding("r", "rehearse", "Rehearse", id="brand-rehearse", tooltip="Full-screen prompter with a timer"),
        Binding("v", "versions", "Versions", id="brand-versions", tooltip="Browse, compare and restore versions"),
        Binding("E", "settings", "Settings", show=False, id="brand-settings",
                tooltip="Edit the name, channel and target"),
        Binding("u", "discard_draft", "Undo draft", show=False, id="brand-discard",
                tooltip="Undo unsaved typing: back to the latest version (asks first)"),
        Binding("D,delete", "delete_pitch", "Delete", show=False, id="brand-delete",
                tooltip="Delete the pitch with its versions and rehearsals (asks first)"),
        Binding("ctrl+s", "save_version", "Save", id="brand-save", tooltip="Save the text as a new version"),
        Binding("ctrl+b", "add_questions", "Questions", id="brand-questions",
                tooltip="Add the four brand questions as sections"),
        Binding("escape", "leave_editor", "Done", id="brand-done", tooltip="Leave the editor (the draft is kept)"),
        # Shown: at 80 columns the list's footer (n e r v ^s p / ? q) takes 79 (tests/tui/test_perception.py).
        Binding("p", "perception", "Perception", id="brand-perception",
                tooltip="How others see you: feedback, trending terms, they say / you say, audiences, claims, review"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._pitches: list[PitchInfo] = []
        self._pitch: PitchInfo | None = None
        self._persisted = ""
        """The text the store holds for the open pitch (draft or saved): typing differs from it."""
        self._pending: int | None = None
        """A pitch to open once mounted (a search hit chosen before the area was shown)."""

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        with Horizontal(id="studio"):
            with Vertical(id="side"):
                yield ListOptions(id="pitch-list")
                with VerticalScroll(id="figures-pane"):
                    yield PitchFigures(id="figures")
            editor = PitchEditor(id="editor", soft_wrap=True, show_line_numbers=False)
            editor.cursor_blink = False  # a steady cursor: calmer, and snapshots stay stable
            yield editor
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#pitch-list").border_title = "Pitches"
        self.query_one("#figures-pane").border_title = "Figures"
        # The timer never waits for the write lock: a tick blocked on another kith's write would
        # freeze the editor and hold back the SIGHUP handler, which then lost the draft.
        self.set_interval(DRAFT_EVERY_S, lambda: self.save_draft(wait=False))
        self.query_one("#pitch-list", OptionList).focus()
        # AreaScreen.on_mount (which Textual also calls) then runs reload().

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        self._pitches = list_pitches()
        options = self.query_one("#pitch-list", OptionList)
        current = self._pending or (self._pitch.id if self._pitch else None)
        self._pending = None
        options.clear_options()
        options.add_options([self._option(p) for p in self._pitches])
        ids = [p.id for p in self._pitches]
        if not ids:
            self._open(None)
            return
        index = ids.index(current) if current in ids else 0
        options.highlighted = index
        self._open(self._pitches[index].id, keep_typing=True)

    def _option(self, p: PitchInfo) -> Option:
        mark = (" •", "$warning") if p.draft is not None else ("", "")
        return Option(Content.assemble(literal(p.name, limit=22), mark), id=str(p.id))

    def _open(self, pitch_id: int | None, keep_typing: bool = False) -> None:
        """Show a pitch in the editor. ``keep_typing``: unsaved typing of the same pitch stays."""
        editor = self.query_one("#editor", PitchEditor)
        same = self._pitch is not None and self._pitch.id == pitch_id
        if not same:
            self.save_draft()
        if pitch_id is None:
            self._pitch = None
            self._persisted = ""
            editor.read_only = True
            self._load_editor("")
            editor.border_title = Content("No pitch yet: press n to add one")
            self._refresh_figures()
            return
        try:
            pitch = get_pitch(pitch_id)
        except StoreError as exc:
            self.notify(literal(str(exc)), severity="error")
            return
        # Text that differs from the saved version is precious, even once kept as a draft: another
        # kith saving a version clears our draft in the store, but must not clear our editor.
        old = self._pitch
        typing = old is not None and (editor.text != self._persisted or editor.text != old.text)
        self._pitch = pitch
        self._persisted = pitch.working_text
        editor.read_only = False
        if not (same and keep_typing and typing):
            self._load_editor(pitch.working_text)
        self._refresh_title()
        self._refresh_figures()

    def _load_editor(self, text: str) -> None:
        editor = self.query_one("#editor", PitchEditor)
        if editor.text != text:
            editor.load_text(text)

    def _refresh_title(self) -> None:
        editor = self.query_one("#editor", PitchEditor)
        p = self._pitch
        if p is None:
            return
        editor.border_title = Content.assemble(literal(p.name, "bold", limit=40),
                                               (f" · {p.channel} · {p.target_label}", "$text-muted"))
        typing = editor.text != p.text
        status = (f"v{p.versions}" if p.versions else "not saved yet") + (" · unsaved: ctrl+s saves" if typing else "")
        editor.border_subtitle = Content.styled(status, "$warning" if typing else "$text-muted")

    # -- live figures ---------------------------------------------------------------------------

    @on(TextArea.Changed, "#editor")
    def _typed(self) -> None:
        self._refresh_figures()
        self._refresh_title()

    def _refresh_figures(self) -> None:
        """Recompute and show the figures (measured in bench/brand.py: well under 5 ms)."""
        brand = self.app.config.brand
        text = self.query_one("#editor", PitchEditor).text
        figures = compute(text, brand.words_per_minute, brand.slow_words_per_minute, brand.fast_words_per_minute)
        p = self._pitch
        target_seconds = p.target_seconds if p else None
        char_limit = p.char_limit if p else None
        if char_limit:
            state = target_state(figures.chars, char_limit, written=True)
        else:
            state = target_state(figures.seconds, target_seconds)
        figures_widget = self.query_one("#figures", PitchFigures)
        figures_widget.show(figures, state, target_seconds, char_limit, brand.slow_words_per_minute,
                            brand.fast_words_per_minute)
        self.query_one("#figures-pane").set_class(state == "over", "-over")

    # -- drafts ---------------------------------------------------------------------------------

    def action_perception(self) -> None:
        """Open Perception; a term copied there lands in this editor (tui/screens/perception.py)."""
        self.app.open_perception(self)

    def save_draft(self, hang_up: bool = False, wait: bool = True) -> None:
        """Keep unsaved typing in the store (called every second, on leaving, and on SIGHUP).

        ``hang_up``: the app is leaving now; the draft goes to the file beside the database
        first, so another kith holding the write lock cannot make us lose it (store.drafts).
        ``wait`` False: skip this time if another kith holds the lock (the next tick retries).
        """
        if self._pitch is None or not self.is_mounted:
            return
        text = self.query_one("#editor", PitchEditor).text
        if text == self._persisted:
            return
        if hang_up:
            from kith.store.brand.drafts import keep_now

            try:
                keep_now(self._pitch.id, text)
            except (OSError, StoreError):
                pass  # nothing else can be done while leaving
            return
        try:
            if wait:
                save_draft(self._pitch.id, text)
            else:
                from kith.store.brand.drafts import try_save

                if not try_save(self._pitch.id, text):
                    return
        except StoreError:
            return  # kept in the editor; the next tick tries again
        self._persisted = text

    def on_screen_suspend(self) -> None:
        self.save_draft()

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        editing = self.query_one("#editor", PitchEditor).has_focus if self.is_mounted else False
        if action == "leave_editor":
            return True if editing else False
        if action == "add_questions":
            return True if editing else False
        if action in ("edit_text", "rehearse", "versions", "settings", "discard_draft", "delete_pitch", "perception"):
            return not editing  # with no pitch the action says so (every key answers)
        if action == "save_version":
            return True if self._pitch is not None else None
        return True

    @on(OptionList.OptionHighlighted, "#pitch-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Rebuilding the list re-highlights the open pitch: that must not reload its text.
        if event.option.id is not None and (self._pitch is None or int(event.option.id) != self._pitch.id):
            self._open(int(event.option.id))

    @on(OptionList.OptionSelected, "#pitch-list")
    def _chosen(self) -> None:
        self.action_edit_text()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def _no_pitch(self) -> bool:
        """True (after a toast saying so) when no pitch is open."""
        if self._pitch is None:
            self.notify("No pitch yet: n adds one.", severity="warning")
        return self._pitch is None

    def action_edit_text(self) -> None:
        if not self._no_pitch():
            self.query_one("#editor", PitchEditor).focus()

    def action_leave_editor(self) -> None:
        self.save_draft()
        self.query_one("#pitch-list", OptionList).focus()

    def action_save_version(self) -> None:
        if self._pitch is None:
            return
        text = self.query_one("#editor", PitchEditor).text
        try:
            pitch = save_version(self._pitch.id, text, expected_versions=self._pitch.versions)
        except Conflict as exc:
            self.save_draft()
            self.notify(literal(str(exc)), severity="warning", timeout=8)
            return
        except StoreError as exc:
            self.notify(literal(str(exc)), severity="error")
            return
        saved = pitch.versions != self._pitch.versions
        self._pitch = pitch
        self._persisted = text
        self._refresh_title()
        self._refresh_option(pitch)
        self.notify(f"Saved version {pitch.versions}." if saved else "No change since the last version.")

    def _refresh_option(self, pitch: PitchInfo) -> None:
        options = self.query_one("#pitch-list", OptionList)
        try:
            options.replace_option_prompt(str(pitch.id), self._option(pitch).prompt)
        except Exception:
            pass

    def action_add_questions(self) -> None:
        editor = self.query_one("#editor", PitchEditor)
        present = {s.key for s in compute(editor.text, 130, 110, 160).sections}
        missing = [heading for key, heading in BRAND_QUESTIONS if key not in present]
        if not missing:
            self.notify("The four brand questions are already sections.")
            return
        tail = "" if not editor.text.strip() else ("\n" if editor.text.endswith("\n\n") else
                                                    "\n\n" if not editor.text.endswith("\n") else "\n")
        addition = tail + "\n\n".join(f"# {h}\n" for h in missing)
        end = editor.document.end
        editor.insert(addition, end)
        # Ready to answer the first missing question: the line under its heading.
        editor.move_cursor((end[0] + tail.count("\n") + 1, 0))

    def action_new_pitch(self, settings: PitchSettings | None = None, error: str = "") -> None:
        self.save_draft()
        self.app.push_screen(PitchEditModal("New pitch or tagline", settings, error), self._created)

    def _created(self, settings: PitchSettings | None) -> None:
        if settings is None:
            return
        try:
            pitch = create_pitch(settings.name, settings.channel, "", target_seconds=settings.target_seconds,
                                 char_limit=settings.char_limit)
        except StoreError as exc:
            self.action_new_pitch(settings, str(exc))  # nothing typed is lost
            return
        self._pitch = None
        self._persisted = ""
        self._select(pitch.id)
        self.query_one("#editor", PitchEditor).focus()

    def _select(self, pitch_id: int) -> None:
        self.save_draft()
        self._pitch = get_pitch(pitch_id)
        self._persisted = self._pitch.working_text
        self._load_editor(self._pitch.working_text)
        self.reload()

    def action_settings(self, settings: PitchSettings | None = None, error: str = "") -> None:
        p = self._pitch
        if self._no_pitch():
            return
        settings = settings or PitchSettings(p.name, p.channel, p.target_seconds, p.char_limit)
        self.app.push_screen(PitchEditModal("Pitch settings", settings, error), self._settings_chosen)

    def _settings_chosen(self, settings: PitchSettings | None) -> None:
        if settings is None or self._pitch is None:
            return
        try:
            update_pitch(self._pitch.id, name=settings.name, channel=settings.channel,
                         target_seconds=settings.target_seconds, char_limit=settings.char_limit)
        except StoreError as exc:
            self.action_settings(settings, str(exc))
            return
        self.reload()

    def action_rehearse(self) -> None:
        if self._no_pitch():
            return
        self.save_draft()
        text = self.query_one("#editor", PitchEditor).text
        self.app.open_rehearsal(self._pitch, text)

    def show_search_result(self, result) -> None:
        """Open the pitch a search hit names (search opens this area for ``pitch`` hits)."""
        if getattr(result, "kind", "") != "pitch":
            return
        if not self.is_mounted:
            self._pending = int(result.id)
            return
        try:
            self._select(int(result.id))
        except StoreError:
            return
