"""Provides MentorsScreen: mentors, coaches and partners with what flowed each way, the ledger,
a partner's past check-ins, and former mentors (listed last, marked former)."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from kith.store.core.errors import Ambiguous, StoreError
from kith.store.mentors import value as store_mentors
from kith.tui.area import AreaScreen
from kith.tui.flows.mentor_actions import check_in, edit_value, log_value  # noqa: F401 (other screens import them here)
from kith.tui.format import ago_text
from kith.tui.literal import literal, safe_text
from kith.tui.widgets.check_in_history import check_ins_content
from kith.tui.widgets.key_footer import KeyFooter
from kith.tui.widgets.ledger_table import LedgerTable
from kith.tui.widgets.lists import ListTable
from kith.tui.widgets.nav_bar import NavBar
from kith.tui.widgets.quiet import QuietStatic

ROLE_LETTERS = {"mentor": "M", "coach": "C", "partner": "P"}
WAY = {"received": "← received", "given": "→ given"}
HISTORY_SHOWN = 5
"""Check-ins in the lower pane; ``kith check-ins NAME`` and the contact page show more."""


def _cell(text: object, style: str = "", limit: int | None = None) -> Text:
    # DataTable measures rich Text reliably (Content cells come out one column wide); the
    # text still goes through safe_text, so nothing user-typed is read as markup or escapes.
    return Text(safe_text(text, limit=limit), style=style)


class MentorsScreen(AreaScreen):
    """The Mentors area: the list of mentors on top, the selected one's value ledger below."""

    AREA = "mentors"
    CSS_PATH = "mentors.tcss"
    BINDINGS = [
        Binding("v", "add_value('received')", "Value", id="mentors-add-value",
                tooltip="Log value received from (or given to) the selected mentor"),
        Binding("g", "add_value('given')", "Gave", id="mentors-add-given",
                tooltip="Log value you gave the selected mentor"),
        Binding("c", "check_in", "Check-in", id="mentors-check-in",
                tooltip="Check in with the selected accountability partner"),
        Binding("e", "roles", "Roles", id="mentors-roles",
                tooltip="Edit the roles of the selected contact, and a partner's check-in setup"),
        Binding("h", "toggle_history", "Check-ins", id="mentors-check-in-history",
                tooltip="Show the selected partner's past check-ins and their answers (again: the ledger)"),
        # The two ledger filters are in help (?), not the footer: at 80 columns it would cut off Quit.
        Binding("i", "cycle_direction", "In/out", show=False, id="mentors-filter-direction",
                tooltip="Show the ledger's received, given or all entries"),
        Binding("t", "cycle_category", "Type", show=False, id="mentors-filter-category",
                tooltip="Show only one category in the ledger (again for the next)"),
        Binding("n", "add_mentor", "New", show=False, id="mentors-add",
                tooltip="Make a contact a mentor, coach or partner"),
        Binding("D,delete", "delete_entry", "Delete entry", show=False, id="mentors-delete-entry",
                tooltip="Delete the highlighted ledger entry (asks first)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[store_mentors.MentorRow] = []
        """The mentors shown, in table order."""
        self.selected_id: int | None = None
        """The contact whose ledger is shown."""
        self.direction: str | None = None
        """Ledger filter: received, given or None (both)."""
        self.category: str | None = None
        """Ledger filter: one category or None (all)."""
        self._due: set[int] = set()
        self._partners: dict[int, store_mentors.PartnerInfo] = {}
        self.show_history = False
        """The lower pane shows past check-ins instead of the ledger (h)."""

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        yield Static("", id="mentors-head")
        yield ListTable(id="mentor-table", cursor_type="row", zebra_stripes=True)
        yield Static(Content.styled("No mentors yet. Press n to add a mentor, coach or accountability partner, "
                                    "or log value with someone from the command line (kith value).", "$text-muted"),
                     id="empty")
        yield QuietStatic("", id="summary")
        yield QuietStatic("", id="ledger-title")
        yield LedgerTable(id="ledger", cursor_type="row")
        with VerticalScroll(id="history-pane"):
            yield Static("", id="history")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#mentor-table", DataTable)
        for label, key in (("Name", "name"), ("Roles", "roles"), ("Recv", "received"), ("Gave", "given"),
                           ("Bal", "balance"), ("Last given", "last-given"), ("Last touch", "last-touch"),
                           ("Next", "next")):
            table.add_column(label, key=key)
        ledger = self.query_one("#ledger", DataTable)
        for label, key in (("Date", "date"), ("Way", "way"), ("Category", "category"), ("Note", "note")):
            ledger.add_column(label, key=key)
        table.focus()
        # AreaScreen.on_mount (which Textual also calls, after this one) then runs reload().

    # -- loading --------------------------------------------------------------------------------

    def _config(self):
        return self.app.config.mentors

    def reload(self) -> None:
        today, cfg = self.today(), self._config()
        self.rows = store_mentors.list_mentors(include_former=True)
        self._partners = {r.contact_id: store_mentors.get_partner(r.contact_id)
                          for r in self.rows if "partner" in r.roles}
        self._due = {r.contact_id for r in self.rows
                     if store_mentors.give_back_due(r, today, cfg.give_back_margin, cfg.give_back_after_days)}
        table = self.query_one("#mentor-table", DataTable)
        table.clear()
        for r in self.rows:
            table.add_row(*self._cells(r, today), key=str(r.contact_id))
        empty = not self.rows
        self.query_one("#empty").display = empty
        for wid in ("#mentor-table", "#summary", "#ledger-title", "#ledger"):
            self.query_one(wid).display = not empty
        self.query_one("#history-pane").display = False
        owed = len(self._due)
        checks = sum(1 for p in self._partners.values()
                     if (d := p.next_due(cfg.check_in_days)) and d <= today)
        former = sum(1 for r in self.rows if r.former)
        head = [("Mentors ", "bold"), (f"· {len(self.rows) - former} ", "")]
        if former:
            head.append((f"· {former} former ", "$text-muted"))
        if owed:
            head.append((f"· {owed} to give back ", "bold $warning"))
        if checks:
            head.append((f"· {checks} check-in{'s' if checks != 1 else ''} due ", "bold $warning"))
        self.query_one("#mentors-head", Static).update(Content.assemble(*head))
        ids = [r.contact_id for r in self.rows]
        if self.selected_id not in ids:
            self.selected_id = ids[0] if ids else None
        if self.selected_id is not None:
            table.move_cursor(row=ids.index(self.selected_id), animate=False)
        self._show_selected()

    def _cells(self, r: store_mentors.MentorRow, today: date) -> list:
        due = r.contact_id in self._due
        nxt = []
        if due:
            nxt.append("give back")
        p = self._partners.get(r.contact_id)
        if p is not None:
            when = p.next_due(self._config().check_in_days)
            if when and when <= today:
                nxt.append("check-in")
        if r.former:
            return [_cell(r.name, "dim", limit=22), _cell("former", "dim italic"), _cell(r.received, "dim"),
                    _cell(r.given, "dim"), _cell(f"{r.balance:+d}", "dim"),
                    _cell(ago_text(r.last_given_on, today), "dim"),
                    _cell(ago_text(r.last_touch_on, today), "dim"), _cell("")]
        roles = "".join(ROLE_LETTERS[x] for x in r.roles)
        return [
            _cell(r.name, limit=22), _cell(roles), _cell(r.received), _cell(r.given),
            _cell(f"{r.balance:+d}", "bold" if due else ""),
            _cell(ago_text(r.last_given_on, today)), _cell(ago_text(r.last_touch_on, today)),
            _cell(", ".join(nxt), "bold"),
        ]

    def _selected(self) -> store_mentors.MentorRow | None:
        return next((r for r in self.rows if r.contact_id == self.selected_id), None)

    def _show_selected(self) -> None:
        today = self.today()
        row = self._selected()
        summary = self.query_one("#summary", Static)
        ledger = self.query_one("#ledger", DataTable)
        ledger.clear()
        history = self.show_history and row is not None and self._was_partner(row)
        ledger.display = row is not None and not history
        self.query_one("#history-pane").display = history
        self._show_ledger_title(history)
        self.refresh_bindings()
        if row is None:
            summary.update(Content(""))
            return
        if row.former:
            ended = "; ".join(p.label() for p in row.periods if not p.current)
            parts: list = [literal(row.name, "bold $accent"), (f" · former {ended}", "$text-muted")]
        else:
            parts = [literal(row.name, "bold $accent"), (f" · {', '.join(row.roles)}", "")]
        parts.append((f" · received {row.received}, given {row.given}, balance {row.balance:+d}", ""))
        if row.contact_id in self._due:
            parts.append((" · give back", "bold $warning"))
        line2: list = []
        p = self._partners.get(row.contact_id)
        if p is not None:
            cfg = self._config()
            due = p.next_due(cfg.check_in_days)
            line2.append((f"Check-in every {p.cadence(cfg.check_in_days)} d · "
                          f"last {ago_text(p.last_check_in_on, today)} · due {ago_text(due, today)}", ""))
            if p.open_commitments:
                line2.append((f" · {len(p.open_commitments)} open", "bold"))
            if p.kept or p.missed:
                line2.append((f" · kept {p.kept}, missed {p.missed}", ""))
        elif row.last_received_category:
            when = ago_text(row.last_received_on, today)
            line2.append(literal(f"Last received: {row.last_received_category} {when}"))
            if row.last_received_note:
                line2.append((" · ", ""))
                line2.append(literal(row.last_received_note, limit=60))
        summary.update(Content.assemble(*parts, "\n", *line2) if line2 else Content.assemble(*parts))
        if history:
            shown = store_mentors.list_check_ins(row.contact_id, limit=HISTORY_SHOWN)
            total = store_mentors.count_check_ins(row.contact_id)
            self.query_one("#history", Static).update(check_ins_content(shown, total, width=120))
            return
        entries = store_mentors.list_values(row.contact_id, self.direction, self.category)
        # Date, way and category (each with its cell padding) take their columns: the note gets the
        # rest, cut with an ellipsis, never a side scroll or a silent cut.
        category_width = max((len(e.category) for e in entries), default=8)
        width = ledger.scrollable_content_region.width or (self.size.width or 80) - 2  # beside its scrollbar
        room = max(16, width - (12 + 12 + category_width + 2 + 2 + 2))
        rows = [(_cell(e.date.isoformat()), _cell(WAY[e.direction]), _cell(e.category), _cell(e.note, limit=room),
                 str(e.id)) for e in entries]
        # The columns take exactly these rows' widths: a DataTable's columns only ever widen, and one
        # kept from another mentor (a longer category) pushed the notes past the edge, cut unseen.
        for n, column in enumerate(ledger.ordered_columns):
            column.content_width = max([column.label.cell_len, *(row[n].cell_len for row in rows)])
        for *cells, key in rows:
            ledger.add_row(*cells, key=key)

    def on_resize(self) -> None:
        # The notes were cut to the old width: fill the ledger again for the new one.
        if self.is_mounted and self.rows:
            self._show_selected()

    @staticmethod
    def _was_partner(row: store_mentors.MentorRow) -> bool:
        return any(p.role == "partner" for p in row.periods)

    def _show_ledger_title(self, history: bool = False) -> None:
        if history:
            self.query_one("#ledger-title", Static).update(Content.assemble(
                ("Check-ins ", "bold"), ("· newest first · h: the ledger", "$text-muted")))
            return
        way = self.direction or "both ways"
        cat = self.category or "all categories"
        self.query_one("#ledger-title", Static).update(Content.assemble(
            ("Ledger ", "bold"), (f"· {way} (i) · {cat} (t)", "$text-muted")))

    @on(DataTable.RowHighlighted, "#mentor-table")
    def _mentor_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is None or event.row_key.value is None:
            return
        cid = int(event.row_key.value)
        if cid != self.selected_id:
            self.selected_id = cid
            self._show_selected()

    def show_search_result(self, result) -> None:
        """Select the mentor a search hit (a value entry) belongs to."""
        cid = getattr(result, "contact_id", None)
        if cid is not None:
            self.selected_id = cid
            self.direction = self.category = None
            self.reload()

    # -- actions --------------------------------------------------------------------------------

    def _need_selected(self, verb: str) -> store_mentors.MentorRow | None:
        """The selected mentor, or a toast saying there is none to ``verb``."""
        row = self._selected()
        if row is None:
            self.notify(f"No mentor to {verb}: n makes a contact a mentor, coach or partner.", severity="warning")
        return row

    def _fail(self, exc: Exception) -> None:
        self.notify(safe_text(str(exc)), severity="error", markup=False)

    def action_add_value(self, direction: str = "received") -> None:
        row = self._need_selected("log value with")
        if row is not None:
            log_value(self, row.contact_id, row.name, direction, after=self.reload)

    def action_check_in(self) -> None:
        row = self._need_selected("check in with")
        if row is not None:
            check_in(self, row.contact_id, after=self.reload)  # a non-partner gets a toast saying why

    def action_toggle_history(self) -> None:
        row = self._need_selected("show the check-ins of")
        if row is None:
            return
        if not self._was_partner(row):
            self.notify(safe_text(f"{row.name} has never been an accountability partner: no check-ins to show"),
                        severity="warning", markup=False)
            return
        self.show_history = not self.show_history
        self._show_selected()

    def action_roles(self) -> None:
        row = self._need_selected("edit the roles of")
        if row is not None:
            self._open_roles(row.contact_id, row.name, row.roles)

    def action_add_mentor(self) -> None:
        self._open_roles(None, None, ("mentor",))

    def _open_roles(self, contact_id: int | None, name: str | None, roles) -> None:
        from kith.tui.modals.roles import RolesDraft, RolesModal

        cfg = self._config()
        p = store_mentors.get_partner(contact_id) if contact_id is not None else None

        def done(draft: RolesDraft | None) -> None:
            if draft is None:
                return
            from kith.store.people.contacts import resolve

            try:
                cid = contact_id if contact_id is not None else draft.contact_id or resolve(draft.name).id
                now = store_mentors.assign_roles(cid, draft.roles, self.today(), add_to_existing=contact_id is None,
                                                 cadence_days=draft.cadence_days, questions=draft.questions)
                who = name or store_mentors.get_mentor(cid).name
            except Ambiguous as exc:
                names = ", ".join(f"{c.name} (#{c.id})" for c in exc.candidates[:5])
                self.notify(safe_text(f"{exc}: {names}; type more of the name or its #id"), severity="error",
                            markup=False)
                return
            except StoreError as exc:
                self._fail(exc)
                return
            self.selected_id = cid if now else self.selected_id
            self.notify(safe_text(f"{who}: {', '.join(now) if now else 'former now (ledger and check-ins are kept)'}"),
                        markup=False)
            self.reload()

        from kith.store.people.contacts import resolve

        past = [x.label() for x in store_mentors.role_periods(contact_id) if not x.current] if contact_id else []
        self.app.push_screen(RolesModal(name, roles, p.cadence_days if p else None, cfg.check_in_days,
                                        p.questions if p else store_mentors.DEFAULT_QUESTIONS, history=past,
                                        resolve_who=lambda who: resolve(who).id), done)

    def action_cycle_direction(self) -> None:
        order = [None, "received", "given"]
        self.direction = order[(order.index(self.direction) + 1) % len(order)]
        if self.category and self.direction and self.category not in store_mentors.CATEGORIES[self.direction]:
            self.category = None
        self._show_selected()

    def action_cycle_category(self) -> None:
        if self.direction:
            cats = list(store_mentors.CATEGORIES[self.direction])
        else:
            cats = list(dict.fromkeys(store_mentors.RECEIVED_CATEGORIES + store_mentors.GIVEN_CATEGORIES))
        order = [None, *cats]
        current = order.index(self.category) if self.category in order else 0
        self.category = order[(current + 1) % len(order)]
        self._show_selected()

    def action_edit_entry(self) -> None:
        ledger, row = self.query_one("#ledger", DataTable), self._selected()
        if row is None or not ledger.display or not ledger.row_count:
            self.notify("No ledger entry to edit here: v logs one.", severity="warning")
            return
        key = ledger.coordinate_to_cell_key(ledger.cursor_coordinate).row_key.value
        edit_value(self, int(key), row.name, after=self.reload)

    def action_delete_entry(self) -> None:
        from kith.tui.modals.confirm import ConfirmModal

        ledger = self.query_one("#ledger", DataTable)
        if not ledger.row_count:
            self.notify("No ledger entry to delete here.", severity="warning")
            return
        key = ledger.coordinate_to_cell_key(ledger.cursor_coordinate).row_key.value
        try:
            entry = store_mentors.get_value(int(key))
        except StoreError as exc:
            self._fail(exc)
            return

        def done(yes: bool | None) -> None:
            if yes:
                try:
                    store_mentors.delete_value(entry.id)
                except StoreError as exc:
                    self._fail(exc)
                self.reload()

        what = f"Delete {entry.direction} · {entry.category} of {entry.date.isoformat()}? "
        question = Content.assemble(literal(what),
                                    literal(entry.note, limit=60))
        self.app.push_screen(ConfirmModal(question), done)
