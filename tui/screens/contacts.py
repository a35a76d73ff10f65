"""Provides ContactsScreen: the Contacts area (filter, sort and act on every contact)."""

from __future__ import annotations

from datetime import date

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Label, Static

from kith.store.core.access import Freshness
from kith.store.core.records import ContactRow
from kith.tui.area import AreaScreen
from kith.tui.flows.contact_actions import ContactActions
from kith.tui.flows.contacts_bulk import BULK_BINDINGS, BulkActions
from kith.tui.format import ago_text, due_state, due_text, role_company  # noqa: F401 (used by the list)
from kith.tui.literal import literal
from kith.tui.widgets.contact_list import ContactEntry, ContactList, ContactListHeader
from kith.tui.widgets.key_footer import KeyFooter
from kith.tui.widgets.nav_bar import NavBar
from kith.tui.widgets.quiet import QuietStatic
from kith.tui.widgets.typing_input import TypingInput, type_ahead

SORTS = ("name", "last touch", "next due")
LIST_ACTIONS = {"new_contact", "log_touch", "add_follow_up", "edit_contact", "cycle_sort", "toggle_archived",
                "show_archived", "delete_contact", "toggle_mark", "mark_all", "bulk", "triage", "undo"}
"""Keys of the list: hidden while the filter has the cursor (there, letters are typing)."""
# Short: with "+archived" and the keys beside them, the status line fits 80 columns.
SORT_HINTS = {"name": "by name", "last touch": "untouched first", "next due": "due first"}


# -- the screen ---------------------------------------------------------------------------------------


class ContactsScreen(ContactActions, BulkActions, AreaScreen):
    """Every contact in a fast virtual list: filter as you type, sort, open, act."""

    AREA = "contacts"
    CSS_PATH = "contacts.tcss"
    AUTO_FOCUS = "#filter"  # typing a name filters; it never acts on a contact (issue 11)
    BINDINGS = [
        Binding("n", "new_contact", "New", tooltip="Add a contact", id="new-contact"),
        Binding("l", "log_touch", "Log", tooltip="Log a touch with the highlighted contact", id="log-touch"),
        Binding("f", "add_follow_up", "Follow-up", tooltip="Add a follow-up for the highlighted contact",
                id="contacts-follow-up"),
        Binding("e", "edit_contact", "Edit", tooltip="Edit the highlighted contact", id="edit-contact"),
        Binding("o", "cycle_sort", "Sort", tooltip="Sort by name, last touch or next due", id="cycle-sort"),
        Binding("a", "toggle_archived", "Archive", show=False, tooltip="Archive or restore the highlighted contact",
                id="archive-contact"),
        Binding("A", "show_archived", "Show archived", show=False,
                tooltip="Show or hide archived contacts", id="show-archived"),
        Binding("D,delete", "delete_contact", "Delete", show=False,
                tooltip="Delete the highlighted contact (asks first)", id="delete-contact"),
        Binding("escape", "leave_filter", "To list", tooltip="From the filter to the list, where the keys act",
                id="leave-filter"),
        Binding("escape", "back_to_filter", "Filter", tooltip="Back to the filter: type to filter",
                id="back-to-filter"),
        Binding("down", "focus_list", "To list", show=False, tooltip="From the filter to the list (Enter too)",
                id="filter-to-list"),
        *BULK_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort = "name"
        """One of SORTS."""
        self.show_archived = False
        """Whether archived contacts are listed too."""
        self._rows: dict[int, ContactRow] = {}
        self._by_name: list[tuple[str, int]] = []
        self._orders: dict[str, list[tuple[str, int]]] = {}
        self._entries: dict[int, ContactEntry] = {}
        self._dues: dict[int, date | None] = {}
        self._last_filter: tuple[str, str, list[tuple[str, int]]] | None = None
        self._fresh = Freshness()
        self._shown = 0
        self._had_highlight: bool | None = None
        self._filter_error = ""
        self._entering = True
        # Esc never toggles filter and list forever: once it has left an empty filter, or a filter
        # it had itself returned to, the list is where it rests (then 1-6 work at once).
        self._esc_rests = False
        self._filter_by_esc = False

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        with Horizontal(id="filter-bar"):
            yield Label(Content("Filter"), id="filter-label")
            yield TypingInput(placeholder="type a name, or tier:close tag:fintech last>1y…  (↓ or ⏎ to the list)",
                        id="filter", compact=True, max_length=200)
        yield ContactListHeader(id="header")
        yield ContactList(id="contacts")
        yield Static(Content(""), id="empty")
        with Horizontal(id="status-bar"):
            yield QuietStatic(Content(""), id="status")
            yield Static(Content.assemble(("⏎", "bold"), " open ", ("a", "bold"), " archive ", ("A", "bold"),
                                          " archived ", ("D", "bold"), " delete"), id="more-keys")
        yield KeyFooter()


    # -- data -------------------------------------------------------------------------------------

    def reload(self, force: bool = False) -> None:
        """Re-read the rows if the store changed, keeping the filter, sort and highlighted contact."""
        from kith.store.people.contacts import list_rows

        if self._fresh.unchanged(self.show_archived, self.today()) and not force:
            return  # back from a cancelled modal, or a screen that wrote nothing: nothing to redo
        self._fresh.mark(self.show_archived, self.today())
        rows = list_rows(include_archived=self.show_archived)
        self._rows = {r.id: r for r in rows}
        self._by_name = [(r.search_key, r.id) for r in rows]  # list_rows orders by name, then id
        self._orders = {"name": self._by_name}
        self._entries = {}
        self._dues = {}
        self._last_filter = None
        self.apply_filter()

    def _due(self, contact_id: int) -> date | None:
        from kith.store.today.cadence import next_due

        if contact_id not in self._dues:
            r = self._rows[contact_id]
            self._dues[contact_id] = next_due(r.last_touch_on, r.created,
                                              self.app.config.cadence_for(r.tier, r.cadence_days))
        return self._dues[contact_id]

    def entry_for(self, contact_id: int) -> ContactEntry:
        """The display row of one contact, formatted when it first comes into view."""
        entry = self._entries.get(contact_id)
        if entry is None:
            r = self._rows[contact_id]
            today = self.today()
            due = self._due(contact_id)
            entry = ContactEntry(
                r.id, r.name, role_company(r.role, r.company), r.tier, ago_text(r.last_touch_on, today),
                due_text(due, today),
                "" if r.archived else due_state(due, today, self.app.config.today.due_soon_days), r.archived)
            self._entries[contact_id] = entry
        return entry

    def _ordered(self) -> list[tuple[str, int]]:
        # Each order is computed once per reload; typing in the filter only scans it.
        if self.sort not in self._orders:
            rows = self._rows
            if self.sort == "last touch":
                order = sorted(self._by_name, key=lambda p: rows[p[1]].last_touch_on or date.min)
            else:
                order = sorted(self._by_name, key=lambda p: self._due(p[1]) or date.max)
            self._orders[self.sort] = order
        return self._orders[self.sort]

    def apply_filter(self) -> None:
        """Show the contacts the filter keeps: plain words match the folded search key as you type;
        keyed terms (tier:, tag:, strength>=, last<90d, -negation …) go through the one filter grammar."""
        from kith.store.core.fold import fold
        from kith.store.people.filters import BadFilter, matching_ids, parse

        query = self.query_one("#filter", Input).value
        try:
            parsed = parse(query)
        except BadFilter as exc:
            self._filter_error = str(exc)  # keep the last good result while the user types on
            self._update_status(query)
            return
        self._filter_error = ""
        if parsed.archived_mode in ("yes", "any") and not self.show_archived:
            self.show_archived = True
            self.reload(force=True)
            return
        folded = fold(query)
        words = folded.split()
        pairs = self._ordered()
        last = self._last_filter
        if parsed.keyed:
            keep = set(matching_ids(parsed, self.today(), include_archived=self.show_archived))
            pairs = [p for p in pairs if p[1] in keep]
        else:
            if last and last[0] == self.sort and last[1] and folded.startswith(last[1]):
                pairs = last[2]  # typing on narrows the previous result: scan only that
            for word in words:
                pairs = [p for p in pairs if word in p[0]]
        self._last_filter = (self.sort, "" if parsed.keyed else folded, pairs)
        listing = self.query_one(ContactList)
        listing.show([contact_id for _, contact_id in pairs], self.entry_for, keep_id=listing.highlighted_id)
        self._shown = len(pairs)
        self._update_status(query)

    def _update_status(self, query: str) -> None:
        total = len(self._rows)
        empty = self.query_one("#empty", Static)
        if total == 0:
            empty.update(Content.assemble(
                ("No contacts yet.", "bold"), "\n\nPress ", ("n", "bold $accent"), " to add someone, or run ",
                ("kith demo", "bold"), " in a shell to look around with a demo network."))
        elif self._shown == 0:
            empty.update(Content.assemble("No contact matches ", literal(query, "bold", limit=60),
                                          ".\nPress Esc to clear the filter."))
        self.set_class(self._shown == 0, "-empty")
        noun = "contact" if total == 1 else "contacts"
        counts = f"{self._shown} of {total}" if self._shown != total else f"{total} {noun}"
        if self._filter_error:
            self.query_one("#status", Static).update(literal(self._filter_error, "$error", limit=200))
            return
        marked = len(self.query_one(ContactList).marked)
        parts: list = [f"{marked} marked of {counts} · B bulk · * none" if marked
                       else f"{counts} · {SORT_HINTS[self.sort]}"]
        if self.show_archived:
            parts.append(" · +archived")
        self.query_one("#status", Static).update(Content.assemble(*parts))

    # -- messages from the widgets ----------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._filter_by_esc = False  # a changed query: Esc may come back to it again
        self.apply_filter()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.action_focus_list()

    @on(ContactList.Highlighted)
    def _highlighted(self, event: ContactList.Highlighted) -> None:
        # Only an empty/non-empty change alters which keys work; refreshing the footer on
        # every cursor move would cost a footer rebuild per key press.
        has = event.contact_id is not None
        if has != self._had_highlight:
            self._had_highlight = has
            self.refresh_bindings()

    @on(ContactList.AboveTop)
    def _above_top(self) -> None:
        self._filter_by_esc = False  # not reached by Esc: Esc goes back to the list as usual
        self.query_one("#filter", Input).focus()

    @on(ContactList.Chosen)
    def _chosen(self, event: ContactList.Chosen) -> None:
        self.app.open_contact(event.contact_id)

    # -- actions ----------------------------------------------------------------------------------

    @property
    def highlighted_id(self) -> int | None:
        return self.query_one(ContactList).highlighted_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        filtering = self.is_mounted and self.focused is self.query_one("#filter", Input)
        if action in LIST_ACTIONS:
            # While the filter has the cursor its letters are typing: the footer shows only what works there.
            return not filtering
        if action in ("focus_list", "leave_filter"):
            return filtering
        if action == "back_to_filter":
            return not filtering and not self._esc_rests
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_key(self, event: events.Key) -> None:
        # In the list, a letter no key takes (r of "ruth") types into the filter: it never acts.
        field = self.query_one("#filter", Input)
        if isinstance(self.focused, ContactList) or self.focused is field:
            type_ahead(self, event, field)

    def on_screen_suspend(self) -> None:
        # Still on the stack: a contact's page is over us. Gone from it: another area took over.
        self._entering = self not in self.app.screen_stack

    def on_mount(self) -> None:
        # AreaScreen.on_mount (Textual calls it too) loads the rows; focus once they are there.
        self.call_after_refresh(self.focus_filter)

    def on_screen_resume(self) -> None:
        # AreaScreen.on_screen_resume (Textual calls it too) reloads. Built ahead, out of sight, is
        # not an entry: the first real showing still starts from the filter.
        if self._entering and self.is_mounted and self.app.screen is self:
            self._entering = False
            self.call_after_refresh(self.focus_filter)

    def focus_filter(self) -> None:
        """Entering Contacts: the cursor goes to the filter (to the list when there is nobody to filter)."""
        self._esc_rests = self._filter_by_esc = False
        if self._rows:
            self.query_one("#filter", Input).focus()
        else:
            self.query_one(ContactList).focus()

    def _need_contact(self, verb: str) -> int | None:
        """The highlighted contact, or a toast that says why ``verb`` cannot run."""
        contact_id = self.highlighted_id
        if contact_id is None:
            hint = "add one with n." if not self._rows else "none matches the filter."
            self.toast(f"No contact to {verb}: " + hint, severity="warning")
        return contact_id

    def action_focus_list(self) -> None:
        self._esc_rests = False
        self._to_list()

    def _to_list(self) -> None:
        # At once, not after the keys already queued (focus() waits for them): ⏎ typed right
        # after ↓ over SSH opens the contact instead of reaching the filter.
        self.set_focus(self.query_one(ContactList))

    def action_leave_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        self._esc_rests = not filter_input.value or self._filter_by_esc
        if not self._shown:
            filter_input.value = ""  # it found nobody: clearing is what Esc is for
        self._to_list()  # keep the filter: browse what it found

    def action_back_to_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        self._filter_by_esc = True
        filter_input.focus()
        filter_input.select_all()  # typing replaces the old filter; arrows keep it

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.apply_filter()
        self.query_one(ContactList).move_to(0)

    def action_show_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.reload(force=True)
        self.toast("Showing archived contacts too." if self.show_archived else "Archived contacts hidden.")

    def action_new_contact(self) -> None:
        self.open_form(None, after=self._select)

    def action_edit_contact(self) -> None:
        if (contact_id := self._need_contact("edit")) is not None:
            self.open_form(contact_id)

    def action_log_touch(self) -> None:
        if (contact_id := self._need_contact("log a touch with")) is not None:
            self.log_touch(contact_id)

    def action_add_follow_up(self) -> None:
        if (contact_id := self._need_contact("add a follow-up for")) is not None:
            self.add_follow_up(contact_id)

    def touch_logged(self, contact_id: int) -> None:
        # Sorted by last touch or next due, the person just logged moves far down the list;
        # keep the cursor on the same row so the next person to reach is right there.
        listing = self.query_one(ContactList)
        row = listing.cursor
        self.reload()
        if self.sort != "name":
            listing.move_to(row)

    def action_toggle_archived(self) -> None:
        if (contact_id := self._need_contact("archive")) is not None:
            self.toggle_archived(contact_id)

    def action_delete_contact(self) -> None:
        if (contact_id := self._need_contact("delete")) is not None:
            self.delete_contact(contact_id)

    def _select(self, contact_id: int) -> None:
        """Highlight ``contact_id`` (a new contact), clearing a filter that would hide it."""
        listing = self.query_one(ContactList)
        if contact_id not in listing.ids:
            self.query_one("#filter", Input).value = ""
            self.apply_filter()
        if contact_id in listing.ids:
            listing.move_to(listing.ids.index(contact_id))
