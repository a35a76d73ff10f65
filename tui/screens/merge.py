"""Provides MergeScreen: likely duplicate pairs side by side; merge either way or skip."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from kith.tui.literal import literal, safe_text
from kith.tui.widgets.key_footer import KeyFooter


def _card(contact, touches: int, follow_ups: int) -> Content:
    """A contact as lines of literal Content (every value is user data)."""
    rows = [
        ("Company", contact.company), ("Role", contact.role), ("Emails", ", ".join(contact.emails)),
        ("Phones", ", ".join(contact.phones)), ("Links", ", ".join(contact.links)),
        ("Location", contact.location), ("Tags", ", ".join(t.label() for t in contact.tags)),
        ("Birthday", contact.birthday),
        ("Connected", contact.connected_on.isoformat() if contact.connected_on else ""),
        ("Touches", str(touches)), ("Follow-ups", str(follow_ups)), ("Notes", contact.notes),
    ]
    parts = [literal(f"#{contact.id} ", "dim"), literal(contact.name, "bold")]
    for label, value in rows:
        if value:
            parts += [Content("\n"), Content.styled(f"{label}: ", "$text-muted"),
                      literal(value, limit=200)]
    return Content.assemble(*parts)


class MergeScreen(Screen):
    """Shows one likely duplicate pair at a time."""

    CSS_PATH = "merge.tcss"
    BINDINGS = [
        Binding("m", "merge('left')", "Keep left", id="merge-keep-left",
                tooltip="Merge the right contact into the left one; everything of both is kept"),
        Binding("M", "merge('right')", "Keep right", id="merge-keep-right",
                tooltip="Merge the left contact into the right one; everything of both is kept"),
        Binding("s,n", "skip", "Skip", id="merge-skip", tooltip="Not the same person: next pair"),
        Binding("p", "previous", "Previous", id="merge-previous", tooltip="Back to the previous pair"),
        Binding("escape", "close", "Close", id="merge-close", tooltip="Back to where you were"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list = []
        self.index = 0

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="merge-title")
        with Horizontal(id="merge-pair"):
            with Vertical(id="merge-left", classes="merge-side"):
                yield Static(Content(""), id="merge-left-card")
            with Vertical(id="merge-right", classes="merge-side"):
                yield Static(Content(""), id="merge-right-card")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Find the pairs again and show the current one."""
        from kith.store.people.duplicates import find_duplicates

        self.pairs = find_duplicates()
        self.index = min(self.index, max(len(self.pairs) - 1, 0))
        self._show()

    def _show(self) -> None:
        from kith.store.core.errors import NotFound
        from kith.store.people.contacts import get_contact
        from kith.store.people.followups import list_follow_ups
        from kith.store.people.touches import list_touches

        title = self.query_one("#merge-title", Static)
        left = self.query_one("#merge-left-card", Static)
        right = self.query_one("#merge-right-card", Static)
        if not self.pairs:
            title.update(Content("No likely duplicates. Esc to go back."))
            left.update(Content(""))
            right.update(Content(""))
            return
        pair = self.pairs[self.index]
        title.update(Content.assemble(
            (f"Likely duplicates {self.index + 1} of {len(self.pairs)}: ", "bold"),
            (", ".join(pair.reasons), "$accent"),
            ("   m keep left · M keep right · s skip", "dim")))
        for widget, cid in ((left, pair.a_id), (right, pair.b_id)):
            try:
                c = get_contact(cid)
            except NotFound:
                widget.update(Content("(gone)"))
                continue
            widget.update(_card(c, len(list_touches(cid)), len(list_follow_ups(cid))))

    def action_merge(self, keep: str) -> None:
        """Ask, then merge the pair keeping the left or the right contact (after a backup)."""
        from kith.store.core.errors import StoreError
        from kith.store.people.contacts import get_contact
        from kith.store.people.merge import conflicts
        from kith.tui.modals.confirm import ConfirmModal

        if not self.pairs:
            return
        pair = self.pairs[self.index]
        keep_id, keep_name, other_id, other_name = (
            (pair.a_id, pair.a_name, pair.b_id, pair.b_name) if keep == "left"
            else (pair.b_id, pair.b_name, pair.a_id, pair.a_name))
        try:
            clashes = conflicts(get_contact(keep_id), get_contact(other_id))
        except StoreError as exc:
            self.app.notify(safe_text(str(exc)), severity="error", markup=False)
            return
        parts = ["Merge ", literal(f"#{other_id} {other_name}", "bold"), " into ",
                 literal(f"#{keep_id} {keep_name}", "bold"),
                 "? Every touch, tag, note and field of both is kept; the database is backed up first."]
        if clashes:
            parts += ["\nKept as a dated note: ",
                      literal("; ".join(f"{label} {value}" for label, value in clashes), limit=300)]
        question = Content.assemble(*parts)

        def answered(yes: bool | None) -> None:
            if yes:
                self._merge(keep_id, other_id)

        self.app.push_screen(ConfirmModal(question, "Merge"), answered)

    def _merge(self, keep_id: int, other_id: int) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.people.merge import merge_with_backup

        try:
            merged, backup = merge_with_backup(keep_id, other_id, self.app.today())
        except StoreError as exc:  # the backup failed (disk full, refused) or a contact is gone
            self.app.notify(safe_text(f"Not merged: {exc}"), severity="error", markup=False, timeout=10)
            return
        self.app.notify(safe_text(f"Merged into {merged.name}. Backup before the merge: {backup}"),
                        title="Merge", markup=False, timeout=10)
        self.reload()

    def action_skip(self) -> None:
        """Show the next pair."""
        if self.pairs:
            self.index = (self.index + 1) % len(self.pairs)
            self._show()

    def action_previous(self) -> None:
        """Show the previous pair."""
        if self.pairs:
            self.index = (self.index - 1) % len(self.pairs)
            self._show()

    def action_close(self) -> None:
        """Leave the merge view."""
        self.app.pop_screen()
