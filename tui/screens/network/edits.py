"""Provides NetworkEdits: the Network area's writes that need a dialog (record an introduction,
edit a target or an organisation, merge two organisations). Mixed into ``NetworkScreen``.

Every write is one undoable store action; a toast says what happened and that u undoes it.
"""

from __future__ import annotations


def find_contacts(text: str) -> list[tuple[int, str]]:
    """Contacts matching ``text`` by the app's search (the dialogs' pickers)."""
    from kith.store.search.engine import search

    return [(r.id, r.title) for r in search(text, limit=8, kinds=["contact"])]


class NetworkEdits:
    """Actions ``introduce``, ``edit`` and ``merge`` (the screen supplies ``pane()``, ``toast()``...)."""

    def action_introduce(self) -> None:
        from kith.tui.modals.introduction import IntroductionModal

        by = None
        pane = self.pane()
        if self.active_tab() == "connectors" and pane.selected_id() is not None:
            by = (pane.selected_id(), pane.connectors[pane.selected_id()].name)
        self.app.push_screen(IntroductionModal(self.today(), find_contacts, by), self._introduction_saved)

    def _introduction_saved(self, draft) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.network import record_introduction
        from kith.store.people.contacts import create_contact

        if draft is None:
            return
        try:
            second = draft.second_id
            if second is None:
                second = create_contact(draft.new_name).id
            intro = record_introduction(draft.by_id, draft.first_id, second, draft.on, draft.note, draft.outcome)
        except StoreError as exc:
            self.toast(str(exc), "error")
            return
        added = f" {draft.new_name} is a new contact." if draft.new_name else ""
        self.toast(f"Recorded: {intro.line()} ({intro.day.isoformat()}), logged as an introduction touch.{added} "
                   "(u undoes)")
        self.reload()

    def action_edit(self) -> None:
        from kith.store.network import get_org

        org_id = self.pane().selected_id()
        if org_id is None:
            self.toast("Highlight a target or an organisation first.", "warning")
            return
        if self.active_tab() == "targets":
            from kith.tui.modals.target_edit import TargetModal

            t = self.pane().targets[org_id]
            self.app.push_screen(TargetModal(t.org_name, t.stage, t.note),
                                 lambda got: self._target_saved(org_id, got))
            return
        from kith.tui.modals.organisation import OrgEditModal

        self.app.push_screen(OrgEditModal(get_org(org_id), lambda changes: self._save_org(org_id, changes)),
                             self._org_saved)

    def _target_saved(self, org_id: int, got: tuple[str, str] | None) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.network import set_target

        if got is None:
            return
        try:
            t = set_target(org_id, got[0], got[1], today=self.today())
        except StoreError as exc:
            self.toast(str(exc), "error")
            return
        self.toast(f"Target {t.org_name}: {t.stage}. (u undoes)")
        self.reload()

    def _save_org(self, org_id: int, changes: dict) -> str | None:
        """Write the dialog's changes; return why not (the dialog stays open) or None."""
        from kith.store.core.errors import StoreError
        from kith.store.network.orgs import add_alias, update_org

        changes = dict(changes)
        alias = changes.pop("alias", "").strip()
        try:
            if changes:
                update_org(org_id, **changes)
            if alias:
                add_alias(org_id, alias)
        except StoreError as exc:
            return str(exc)
        self._org_undo_steps = int(bool(changes)) + int(bool(alias))
        return None

    def _org_saved(self, name: str | None) -> None:
        self.reload()  # also after a refused new name: the details may be saved
        if name is not None:
            twice = getattr(self, "_org_undo_steps", 1) > 1
            self.toast(f"Saved {name} (u undoes{' the new name, u again the details' if twice else ''}).")

    def action_merge(self) -> None:
        from kith.store.network import get_org
        from kith.store.network.orgs import merge_preview
        from kith.store.search.engine import search
        from kith.tui.modals.organisation import OrgMergeModal

        keep_id = self.pane().selected_id()
        if keep_id is None:
            self.toast("Highlight the organisation to keep first.", "warning")
            return

        def find(text: str) -> list[tuple[int, str]]:
            return [(r.id, r.title) for r in search(text, limit=8, kinds=["organisation"]) if r.id != keep_id]

        def saved(other_id: int | None) -> None:
            from kith.store.core.errors import StoreError
            from kith.store.network.orgs import merge_orgs

            if other_id is None:
                return
            try:
                other = get_org(other_id).name
                kept = merge_orgs(keep_id, other_id)
            except StoreError as exc:
                self.toast(str(exc), "error")
                return
            self.toast(f"Merged {other} into {kept.name}; {other} is now another name of it. (u undoes)")
            self.reload()

        self.app.push_screen(OrgMergeModal(get_org(keep_id), find, lambda other: merge_preview(keep_id, other)),
                             saved)
