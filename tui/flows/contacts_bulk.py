"""Provides BulkActions: mark rows in the Contacts list (space, * for every filtered row) and
change all of them at once (B): confirm the count, write once, undo once (u).

Mixed into ContactsScreen, which has the list, ``toast``, ``error``, ``today()`` and ``reload()``.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from kith.tui.literal import literal

BULK_BINDINGS = [
    Binding("space", "toggle_mark", "Mark", show=False, tooltip="Mark or unmark the highlighted contact",
            id="contacts-mark"),
    Binding("asterisk", "mark_all", "Mark all", show=False,
            tooltip="Mark every contact the filter shows (again: clear the marks)", id="contacts-mark-all"),
    Binding("B", "bulk", "Bulk", tooltip="Change every marked contact: tag, tier, cadence, strength, archive",
            id="contacts-bulk"),
    Binding("T", "triage", "Triage", show=False, tooltip="Triage the untriaged contacts the filter shows",
            id="contacts-triage"),
]

_QUESTIONS = {"tag": ("Add the tag ", " to"), "untag": ("Remove the tag ", " from"), "tier": ("Set the tier ", " on"),
              "every": ("Set a cadence of ", " days on"), "strength": ("Set strength ", " on"),
              "archive": ("Archive", "")}


class BulkActions:
    def _list(self):
        from kith.tui.widgets.contact_list import ContactList

        return self.query_one(ContactList)

    def action_toggle_mark(self) -> None:
        listing = self._list()
        if listing.highlighted_id is not None:
            listing.toggle_mark(listing.highlighted_id)
            listing.move_to(listing.cursor + 1)
            self.apply_filter()

    def action_mark_all(self) -> None:
        listing = self._list()
        shown = set(listing.ids)
        listing.set_marked(set() if shown and shown <= listing.marked else listing.marked | shown)
        self.apply_filter()

    def action_bulk(self) -> None:
        from kith.store.quality.triage import tag_names
        from kith.tui.modals.bulk import BulkModal

        marked = sorted(self._list().marked)
        if not marked:
            self.toast("Mark contacts first: space marks one, * marks every contact the filter shows.")
            return
        self.app.push_screen(BulkModal(len(marked), tag_names(), list(self.app.config.tiers)),
                             lambda choice: self._bulk_chosen(marked, choice))

    def _bulk_chosen(self, ids: list[int], choice) -> None:
        from kith.tui.modals.confirm import ConfirmModal

        if choice is None:
            return
        if choice.action == "tier" and choice.value not in self.app.config.tiers:
            self.toast("{}", user=(f"unknown tier {choice.value!r}; use one of: {', '.join(self.app.config.tiers)}",),
                       severity="error")
            return
        n = len(ids)
        before, after = _QUESTIONS[choice.action]
        question = Content.assemble(before, literal(choice.value, "bold", limit=60), after,
                                    f" {n} contact{'s' if n != 1 else ''}?\n",
                                    ("One u (or kith undo) reverses all of it.", "$text-muted"))
        self.app.push_screen(ConfirmModal(question, "Apply"), lambda yes: yes and self._bulk_apply(ids, choice))

    def _bulk_apply(self, ids: list[int], choice) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.quality import bulk

        try:
            if choice.action in ("tag", "untag"):
                changed = bulk.tag(ids, choice.value, remove=choice.action == "untag")
            elif choice.action == "archive":
                changed = bulk.set_field(ids, "archived", True)
            elif choice.action == "tier":
                changed = bulk.set_field(ids, "tier", choice.value)
            else:
                try:
                    number = int(choice.value)
                except ValueError:
                    self.toast("{}", user=(f"{choice.value!r} is not a whole number",), severity="error")
                    return
                changed = bulk.set_field(ids, "cadence_days" if choice.action == "every" else "strength", number)
        except StoreError as exc:
            self.error(exc)
            return
        self._list().set_marked(())
        self.toast(f"Changed {changed} of {len(ids)} contacts. u undoes it.")
        self.reload()

    def action_triage(self) -> None:
        from textual.widgets import Input

        from kith.tui.modals.triage import start_triage

        start_triage(self.app, self.query_one("#filter", Input).value, "Triage: filtered")
