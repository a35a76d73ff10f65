"""Provides CareerScreen: the Career area (key 6): skills, learning, income streams and volunteering in tabs.

Each tab is a list with a filter: printable keys type into the filter, ↓ or Enter move into the
list where the action keys work, Esc goes back (and clears the filter from the filter). Skills
show the T-shaped picture (breadth per kind, depth of the top skills); income shows the shares
of the display currency as bars and the monthly totals as a sparkline; volunteering shows the
hours given and, under the list, the highlighted engagement's skills, last hours and people met.
"""

from __future__ import annotations

from datetime import timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Input, Sparkline, Static, TabbedContent, TabPane

from kith.store.core.access import Freshness
from kith.tui.area import AreaScreen
from kith.tui.flows.career_tabs import TABS, CareerData, income_rows, learning_rows, skill_rows
from kith.tui.flows.volunteering import volunteering_detail, volunteering_head, volunteering_rows
from kith.tui.literal import literal
from kith.tui.widgets.bars import BarChart
from kith.tui.widgets.key_footer import KeyFooter
from kith.tui.widgets.nav_bar import NavBar
from kith.tui.widgets.typing_input import TypingInput, type_ahead

_VOLUNTEERING = ("log_hours", "met", "edit", "delete")
"""Actions of the Volunteering tab only."""


class CareerScreen(AreaScreen):
    """Skills and their currency, learning, income streams, volunteering (one tab each)."""

    AREA = "career"
    CSS_PATH = "career.tcss"
    BINDINGS = [
        Binding("n", "new", "New", id="career-new",
                tooltip="Add a skill, learning, income stream or engagement (this tab)"),
        Binding("w", "used", "Used now", id="career-used", tooltip="Skills: record that you used it this month"),
        Binding("x", "done", "Done/End", id="career-done",
                tooltip="Learning: mark it done · Income: end the stream today · Volunteering: end it today"),
        Binding("H", "log_hours", "Hours", id="career-hours",
                tooltip="Volunteering: log hours given on a day (with a note)"),
        Binding("l", "met", "Met someone", id="career-met",
                tooltip="Volunteering: someone you met there (logs an event touch; a new name adds them)"),
        Binding("e", "edit", "Edit", show=False, id="career-edit",
                tooltip="Volunteering: edit the engagement (organisation, role, days, note, skills)"),
        Binding("D,delete", "delete", "Delete", show=False, id="career-delete",
                tooltip="Volunteering: delete the engagement (asks first; touches stay)"),
        Binding("right_square_bracket", "tab(1)", "Next tab", id="career-next-tab",
                tooltip="Skills → Learning → Income → Volunteering"),
        Binding("left_square_bracket", "tab(-1)", "Prev tab", show=False, id="career-prev-tab",
                tooltip="Volunteering → Income → Learning → Skills"),
        Binding("down", "focus_list", "To list", show=False, id="career-filter-to-list",
                tooltip="From the filter to the list"),
        Binding("escape", "leave_filter", "Back", show=False, id="career-leave-filter",
                tooltip="From the filter: back to the list; in the list: clear the filter"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.data: CareerData | None = None
        self._fresh = Freshness()
        self._hit = None  # a search hit to show, waiting for the area's first drawing
        self._tab_asked: str | None = None  # the tab the last tab key chose

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        with TabbedContent(id="career-tabs"):
            with TabPane("Skills", id="skills"):
                yield TypingInput(placeholder="filter skills…  (type)", id="skills-filter", compact=True,
                            select_on_focus=False)
                with Horizontal(id="tshape"):
                    yield BarChart("Breadth (skills per kind)", label_width=9, id="breadth")
                    yield BarChart("Depth (top skills, 1-5)", label_width=14, id="depth")
                yield DataTable(id="skills-table", cursor_type="row", zebra_stripes=True)
            with TabPane("Learning", id="learning"):
                yield TypingInput(placeholder="filter learning…  (type)", id="learning-filter", compact=True,
                            select_on_focus=False)
                yield Static(id="learning-head")
                yield DataTable(id="learning-table", cursor_type="row", zebra_stripes=True)
            with TabPane("Income", id="income"):
                yield TypingInput(placeholder="filter income streams…  (type)", id="income-filter", compact=True,
                            select_on_focus=False)
                yield Static(id="income-head")
                yield BarChart(label_width=16, id="shares")
                with Horizontal(id="history-row"):
                    yield Static(id="history-label")
                    yield Sparkline([], id="history")
                yield DataTable(id="income-table", cursor_type="row", zebra_stripes=True)
            with TabPane("Volunteering", id="volunteering"):
                yield TypingInput(placeholder="filter volunteering…  (type)", id="volunteering-filter", compact=True,
                            select_on_focus=False)
                yield Static(id="volunteering-head")
                yield DataTable(id="volunteering-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="volunteering-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        for tab, columns in TABS.items():
            table = self.query_one(f"#{tab}-table", DataTable)
            for label, key in columns:
                table.add_column(label, key=key)
        if self._hit is None:  # opened for a search hit: that hit's table takes the focus
            self.query_one("#skills-table", DataTable).focus()  # typing still goes to the filter (on_key)

    # -- data -------------------------------------------------------------------------------------

    def _settings(self):
        from dataclasses import asdict

        from kith.store.career.settings import CareerSettings

        return CareerSettings(**asdict(self.app.config.career))

    def reload(self, force: bool = False) -> None:
        from kith.store.career.income import summary
        from kith.store.career.learning import list_learning
        from kith.store.career.skills import list_skills, t_shape
        from kith.store.volunteering.engagements import list_engagements
        from kith.store.volunteering.hours import total_minutes
        from kith.tui.flows.volunteering import RECENT_DAYS

        if not force and self._fresh.unchanged(self.today(), self.app.config):
            return
        self._fresh.mark(self.today(), self.app.config)
        day, settings = self.today(), self._settings()
        skills = list_skills(day, settings)
        self.data = CareerData(day, settings, skills, t_shape(skills, top=4), list_learning(), summary(day, settings),
                               tuple(list_engagements()), total_minutes(day - timedelta(days=RECENT_DAYS - 1)))
        self._draw_charts()
        for tab in TABS:
            self.apply_filter(tab)
        self.refresh_bindings()
        if self._hit is not None:
            self.call_after_refresh(self._show_hit)

    def _draw_charts(self) -> None:
        d = self.data
        self.query_one("#breadth", BarChart).set_bars([(k, n, str(n), "$accent") for k, n in d.shape.breadth])
        self.query_one("#depth", BarChart).set_bars([(name, depth, str(depth), "$success")
                                                     for name, depth in d.shape.depth], maximum=5)
        self.query_one("#learning-head", Static).update(d.learning_head())
        s = d.income
        self.query_one("#income-head", Static).update(d.income_head())
        group = s.display_group
        shares = [(name, float(percent), f"{percent}%", "$warning" if percent > s.share_limit else "$accent")
                  for name, _, percent in (group.shares[:3] if group else ())]
        self.query_one("#shares", BarChart).set_bars(shares, maximum=100.0)
        self.query_one("#history", Sparkline).data = [float(total) for _, total in s.history]
        first = s.history[0][0] if s.history else ""
        totals = [total for _, total in s.history] or [0]
        self.query_one("#volunteering-head", Static).update(
            volunteering_head(list(d.engagements), d.day, d.recent_minutes))
        self.query_one("#history-label", Static).update(
            Content(f"{s.display_currency}/month since {first} ({min(totals):,.0f}–{max(totals):,.0f}) "))

    def apply_filter(self, tab: str) -> None:
        """Show the rows of ``tab`` whose text holds every word of its filter (accents and case ignored)."""
        from kith.store.core.fold import fold

        if self.data is None:
            return
        words = fold(self.query_one(f"#{tab}-filter", Input).value).split()
        build = {"skills": skill_rows, "learning": learning_rows, "income": income_rows,
                 "volunteering": lambda d: volunteering_rows(d.engagements, d.day)}[tab]
        table = self.query_one(f"#{tab}-table", DataTable)
        keep = table.cursor_row
        table.clear()
        for key, text, cells in build(self.data):
            if all(w in fold(text) for w in words):
                table.add_row(*cells, key=str(key))
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))
        if tab == "volunteering":
            self._show_engagement()

    @on(DataTable.RowHighlighted, "#volunteering-table")
    def _show_engagement(self) -> None:
        self.query_one("#volunteering-detail", Static).update(volunteering_detail(self.engagement()))

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        if event.input.id and event.input.id.endswith("-filter"):
            self.apply_filter(event.input.id.removesuffix("-filter"))

    @on(Input.Submitted)
    def _filter_submitted(self, event: Input.Submitted) -> None:
        if event.input.id and event.input.id.endswith("-filter"):
            self.action_focus_list()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        # A tab chosen on the tab bar (a click): its list takes the focus. When the focus is already in
        # a tab, that focus chose it (focus moves the tab): focusing again would chase a second focus
        # asked for meanwhile, tab to tab, for ever.
        # A tab a key asked for (``_open_tab``) gets its list even so: Textual moved the focus of a list
        # the key hid to the first field it found.
        table = self.query_one(f"#{self.tab}-table", DataTable)
        inside = self.focused is not None and any(isinstance(a, TabPane) for a in self.focused.ancestors)
        asked = self._tab_asked == self.tab  # every activation of a burst arrives on the last tab asked
        if not asked:
            self._tab_asked = None  # another tab was chosen since (a click)
        if self._hit is None and (not inside or (asked and self.focused is not table)):
            table.focus()
        self.refresh_bindings()

    def on_key(self, event) -> None:
        # A printable key that is not an action key, reaching us from the list, types into the filter
        # (added to it: these filters do not select their words on focus).
        type_ahead(self, event, self.query_one(f"#{self.tab}-filter", Input))

    # -- state --------------------------------------------------------------------------------------

    @property
    def tab(self) -> str:
        return self.query_one(TabbedContent).active or "skills"

    def engagement(self):
        """The highlighted engagement of the Volunteering tab, or None."""
        table = self.query_one("#volunteering-table", DataTable)
        if not table.row_count or self.data is None:
            return None
        key = int(table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value)
        return next((e for e in self.data.engagements if e.id == key), None)

    def highlighted(self) -> int | None:
        table = self.query_one(f"#{self.tab}-table", DataTable)
        if not table.row_count:
            return None
        return int(table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action in ("new", "used", "done", "tab", *_VOLUNTEERING) and isinstance(self.focused, Input):
            return False  # typing: a letter queued behind a focus change must not act
        if action == "used":
            return True if self.tab == "skills" else False
        if action == "done":
            return True if self.tab in ("learning", "income", "volunteering") else False
        if action in _VOLUNTEERING:
            return True if self.tab == "volunteering" else False
        if action == "focus_list":
            return isinstance(self.focused, Input)
        return True

    # -- actions ------------------------------------------------------------------------------------

    def action_tab(self, delta: int) -> None:
        order = list(TABS)
        self._open_tab(order[(order.index(self.tab) + delta) % len(order)])

    def _open_tab(self, tab: str) -> DataTable:
        """Show ``tab`` with its list focused; return the list."""
        self._tab_asked = tab
        self.query_one(TabbedContent).active = tab
        table = self.query_one(f"#{tab}-table", DataTable)
        self.set_focus(table)  # at once, not deferred: keys typed ahead must reach this list, not a filter
        return table

    def action_focus_list(self) -> None:
        self.query_one(f"#{self.tab}-table", DataTable).focus()

    def action_leave_filter(self) -> None:
        """From the filter: back to the list (the filter stays); in the list: clear the filter."""
        field = self.query_one(f"#{self.tab}-filter", Input)
        if self.focused is field:
            self.action_focus_list()
        elif field.value:
            field.value = ""

    def _store(self, what, *args) -> bool:
        from kith.store.core.errors import StoreError

        try:
            what(*args)
        except StoreError as exc:
            self.notify(literal(str(exc)), severity="error")
            return False
        self.reload(force=True)
        return True

    def action_new(self) -> None:
        from kith.tui.flows.career_tabs import new_form

        self.app.push_screen(new_form(self.tab, self.today(), self._settings()),
                             lambda values: self.reload(force=True) if values else None)

    def action_used(self) -> None:
        from kith.store.career.skills import mark_used

        sid = self.highlighted()
        skill = next((s for s in self.data.skills if s.id == sid), None) if self.data else None
        if skill and self._store(mark_used, skill.name, self.today()):
            self.notify(Content.assemble("Used ", literal(skill.name), " this month."))

    def action_done(self) -> None:
        from kith.store.career.income import end_income
        from kith.store.career.learning import set_status

        rid = self.highlighted()
        if rid is None:
            return
        if self.tab == "learning" and self._store(set_status, rid, "done", self.today()):
            self.notify("Marked done (u undoes).")
        elif self.tab == "volunteering":
            self._end_engagement(rid)
        elif self.tab == "income":
            stream = next((s for s in self.data.income.streams if s.id == rid), None)
            if stream and self._store(end_income, stream.name, self.today()):
                self.notify(Content.assemble("Ended ", literal(stream.name), " today (u undoes)."))

    # -- volunteering ----------------------------------------------------------------------------------

    def _end_engagement(self, engagement_id: int) -> None:
        from kith.store.volunteering.engagements import end_engagement

        e = self.engagement()
        if e and self._store(end_engagement, engagement_id, self.today()):
            self.notify(Content.assemble("Ended ", literal(e.title), " today (u undoes)."))

    def _open(self, form, said: str) -> None:
        def done(values) -> None:
            self.reload(force=True)
            if values:
                self.notify(f"{said} (u undoes).")
        self.app.push_screen(form, done)

    def action_log_hours(self) -> None:
        from kith.tui.flows.volunteering import log_hours_form

        e = self.engagement()
        if e is None:
            return self.notify("No engagement to log hours on: n adds one.", severity="warning")
        self._open(log_hours_form(e, self.today()), "Hours logged")

    def action_met(self) -> None:
        from kith.tui.flows.volunteering import meet_form

        e = self.engagement()
        if e is None:
            return self.notify("No engagement yet: n adds one, then l logs who you met there.", severity="warning")
        self._open(meet_form(e, self.today()), "Meeting logged as an event touch")

    def action_edit(self) -> None:
        from kith.tui.flows.volunteering import edit_engagement_form

        e = self.engagement()
        if e is not None:
            self._open(edit_engagement_form(e, self.today()), "Engagement saved")

    def action_delete(self) -> None:
        from kith.store.volunteering.engagements import delete_engagement
        from kith.tui.modals.confirm import ConfirmModal

        e = self.engagement()
        if e is None:
            return
        question = Content.assemble("Delete the volunteering at ", literal(e.title, "bold"),
                                    f" with its {e.hours} h? The touches of people met there stay.")

        def answered(yes: bool | None) -> None:
            if yes and self._store(delete_engagement, e.id):
                self.notify("Deleted (u undoes).")
        self.app.push_screen(ConfirmModal(question), answered)

    def show_search_result(self, result) -> None:
        """Open the Volunteering tab on the engagement a search hit names."""
        if getattr(result, "kind", "") == "engagement":
            self._hit = result
            self._show_hit()

    def _show_hit(self) -> None:
        result, self._hit = self._hit, None
        if result is None:
            return
        if not self.is_mounted or self.data is None:  # a first visit: reload() shows it once drawn
            self._hit = result
            return
        table = self._open_tab("volunteering")
        for row in range(table.row_count):
            if table.coordinate_to_cell_key((row, 0)).row_key.value == str(result.id):
                table.move_cursor(row=row)
