"""Provides PitchHistoryActions: a pitch's versions (restore), discarding its draft, deleting it.

Mixed into the brand studio screen, which has ``_pitch``, ``_persisted``, ``save_draft()``,
``_load_editor()`` and ``reload()``; modals only return values, the writes happen here.
"""

from __future__ import annotations

from textual.content import Content

from kith.store.brand.pitches import delete_pitch, discard_draft, list_versions, restore_version
from kith.store.core.errors import StoreError
from kith.tui.literal import literal
from kith.tui.modals.confirm import ConfirmModal
from kith.tui.modals.pitch_versions import PitchVersionsModal


class PitchHistoryActions:
    """The versions, discard and delete actions of the brand studio."""

    def action_versions(self) -> None:
        if self._no_pitch():
            return
        self.save_draft()
        self.app.push_screen(PitchVersionsModal(self._pitch.name, list_versions(self._pitch.id),
                                                self.app.config.brand.words_per_minute), self._restore)

    def _restore(self, version_id: int | None) -> None:
        if version_id is None or self._pitch is None:
            return
        try:
            pitch = restore_version(self._pitch.id, version_id)
        except StoreError as exc:
            self.notify(literal(str(exc)), severity="error")
            return
        self._pitch = pitch
        self._persisted = pitch.working_text
        self._load_editor(pitch.working_text)
        self.reload()
        self.notify(f"Restored as version {pitch.versions}.")

    def action_discard_draft(self) -> None:
        p = self._pitch
        if self._no_pitch():
            return
        if self.query_one("#editor").text == p.text:
            self.notify("Nothing unsaved to discard.")
            return
        question = Content.assemble("Discard the unsaved changes to ", literal(p.name, "bold"),
                                    "? The editor goes back to the latest saved version.")
        self.app.push_screen(ConfirmModal(question, "Discard"), self._discard_confirmed)

    def _discard_confirmed(self, yes: bool | None) -> None:
        if not yes or self._pitch is None:
            return
        pitch = discard_draft(self._pitch.id)
        self._pitch = pitch
        self._persisted = pitch.text
        self._load_editor(pitch.text)
        self.reload()

    def action_delete_pitch(self) -> None:
        p = self._pitch
        if self._no_pitch():
            return
        question = Content.assemble("Delete ", literal(p.name, "bold"),
                                    f" with its {p.versions} versions and its rehearsals?")
        self.app.push_screen(ConfirmModal(question, "Delete"), self._delete_confirmed)

    def _delete_confirmed(self, yes: bool | None) -> None:
        if not yes or self._pitch is None:
            return
        try:
            delete_pitch(self._pitch.id)
        except StoreError as exc:
            self.notify(literal(str(exc)), severity="error")
            return
        self._pitch = None
        self._persisted = ""
        self.reload()
