"""Provides NetworkScreen: the Network area (key 5), one tab per view of your network.

To add a tab, add one line to ``TABS`` (id, title, pane class): the pane is a ``NetworkPane``
(panes.py beside it) with a filter, a list and a detail, or any focusable widget with
``reload()`` and a ``stale`` flag (read when its tab is shown, like Health).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, OptionList, TabbedContent, TabPane

from kith.tui.area import AreaScreen
from kith.tui.literal import safe_text
from kith.tui.screens.network.edits import NetworkEdits
from kith.tui.screens.network.health import HealthView
from kith.tui.screens.network.panes import ConnectorsPane, NetworkPane, OrganisationsPane, TargetsPane
from kith.tui.widgets.key_footer import KeyFooter
from kith.tui.widgets.nav_bar import NavBar

TABS = (
    ("targets", "Targets", TargetsPane),
    ("organisations", "Organisations", OrganisationsPane),
    ("connectors", "Connectors", ConnectorsPane),
    ("health", "Health", HealthView),
)
# Which keys work on which tab (others are hidden from the footer there).
TAB_ACTIONS = {"mark_target": ("organisations",), "next_stage": ("targets",), "ask": ("targets", "connectors"),
               "introduce": ("targets", "organisations", "connectors"), "edit": ("targets", "organisations"),
               "merge": ("organisations",)}


class NetworkScreen(NetworkEdits, AreaScreen):
    """Targets and their warm paths, organisations, power connectors."""

    AREA = "network"
    CSS_PATH = "network.tcss"
    BINDINGS = [
        Binding("f", "ask", "Ask intro", id="network-ask",
                tooltip="Turn the highlighted route (or connector) into a follow-up asking for the introduction"),
        Binding("t", "mark_target", "Target", id="network-mark-target",
                tooltip="Mark the highlighted organisation as a target (again: stop targeting it)"),
        Binding("s", "next_stage", "Stage", id="network-next-stage",
                tooltip="Move the highlighted target to its next stage"),
        Binding("e", "edit", "Edit", id="network-edit",
                tooltip="Edit the highlighted target's stage and note, or the organisation's details and names"),
        Binding("I", "introduce", "Intro", id="network-introduce",
                tooltip="Record an introduction: who introduced whom, when, the context (logs the touch)"),
        Binding("m", "merge", "Merge", id="network-merge",
                tooltip="Fold another organisation (a duplicate) into the highlighted one, after a preview"),
        Binding("right", "tab(1)", "Next tab", show=False, id="network-next-tab", tooltip="The next tab"),
        Binding("left", "tab(-1)", "Previous tab", show=False, id="network-previous-tab", tooltip="The previous tab"),
        Binding("down", "to_list", "To list", show=False, id="network-filter-to-list",
                tooltip="From the filter to the list"),
        Binding("escape", "back", "Back", show=False, id="network-back",
                tooltip="From a list back to the filter; in the filter: clear it"),
    ]

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        with TabbedContent(id="network-tabs"):
            for tab_id, title, pane in TABS:
                with TabPane(title, id=f"tab-{tab_id}"):
                    yield pane(id=f"pane-{tab_id}")
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.entry(self.pane()).focus()
        if getattr(self, "_pending", None):
            self.show_search_result(self._pending)
        if getattr(self, "_pending_tab", None):
            self.show_tab(self._pending_tab)

    def show_tab(self, tab_id: str) -> None:
        """Open one tab (e.g. "health" from the command palette), its first field focused."""
        if not self.is_mounted:
            self._pending_tab = tab_id
            return
        self._pending_tab = None
        self.query_one(TabbedContent).active = f"tab-{tab_id}"

    @staticmethod
    def entry(pane):
        """Where a tab starts: its filter, or the pane itself (Health)."""
        return pane.filter if isinstance(pane, NetworkPane) else pane

    def show_search_result(self, result) -> None:
        """Open the Organisations tab filtered to the organisation a search hit names."""
        if getattr(result, "kind", "") != "organisation":
            return
        if not self.is_mounted:
            self._pending = result
            return
        self._pending = None
        self.query_one(TabbedContent).active = "tab-organisations"
        pane = self.query_one("#pane-organisations")
        pane.filter.value = result.title
        pane.filter.focus()

    def pane(self):
        tabs = self.query_one(TabbedContent)
        return self.query_one(f"#pane-{(tabs.active or 'tab-targets')[4:]}")

    def active_tab(self) -> str:
        return (self.query_one(TabbedContent).active or "tab-targets")[4:]

    def reload(self) -> None:
        active = self.active_tab() if self.is_mounted else None
        for tab_id, _title, _pane in TABS:
            pane = self.query_one(f"#pane-{tab_id}")
            if isinstance(pane, NetworkPane) or tab_id == active:
                pane.reload()
            else:
                pane.stale = True  # read when its tab is shown

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # ←/→ from a list land in the next list (so → → walks the tabs); a click lands in the filter.
        to_list, self._to_list = getattr(self, "_to_list", False), False
        self.refresh_bindings()
        pane = self.pane()
        if getattr(pane, "stale", False):
            pane.reload()
        target = pane.list if isinstance(pane, NetworkPane) and to_list and pane.shown else self.entry(pane)
        target.focus()
        self.call_after_refresh(target.focus)  # the hidden tab's widget may have taken focus back meanwhile

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        tabs = TAB_ACTIONS.get(action)
        if tabs is not None and self.is_mounted and self.active_tab() not in tabs:
            return False  # not on this tab: hidden from the footer
        return True

    # -- moving around ----------------------------------------------------------------------------

    def action_tab(self, step: int) -> None:
        ids = [f"tab-{t[0]}" for t in TABS]
        tabs = self.query_one(TabbedContent)
        self._to_list = True
        tabs.active = ids[(ids.index(tabs.active) + step) % len(ids)]

    def action_to_list(self) -> None:
        pane = self.pane()
        if isinstance(pane, NetworkPane):
            pane.list.focus()

    def action_back(self) -> None:
        pane = self.pane()
        if not isinstance(pane, NetworkPane):
            return
        if self.focused is pane.filter:
            pane.filter.value = ""
        else:
            pane.filter.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        pane = self.pane()
        if isinstance(pane, NetworkPane):
            pane.list.focus()

    # -- actions ----------------------------------------------------------------------------------

    def toast(self, text: str, severity: str = "information") -> None:
        self.app.notify(safe_text(text, limit=400), severity=severity, markup=False)

    def action_mark_target(self) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.network.targets import get_target, remove_target, set_target

        org_id = self.pane().selected_id()
        if org_id is None:
            return
        try:
            if get_target(org_id):
                remove_target(org_id)
                self.toast("No longer a target (u undoes).")
            else:
                t = set_target(org_id, today=self.today())
                self.toast(f"{t.org_name} is a target: {t.stage}. Its routes are on the Targets tab.")
        except StoreError as exc:
            self.toast(str(exc), "error")
        self.reload()

    def action_next_stage(self) -> None:
        from kith.store.network import STAGES, set_target
        from kith.store.network.targets import get_target

        org_id = self.pane().selected_id()
        if org_id is None:
            return
        t = get_target(org_id)
        stage = STAGES[(STAGES.index(t.stage) + 1) % len(STAGES)]
        set_target(org_id, stage, today=self.today())
        self.toast(f"{t.org_name}: {stage}")
        self.reload()

    def action_ask(self) -> None:
        drafted = self._drafted_ask()
        if drafted is None:
            self.toast("Highlight a route (Tab from the targets) or a connector first.", "warning")
            return
        contact_id, name, what = drafted
        from kith.tui.modals.follow_up import FollowUpModal

        def saved(draft) -> None:
            from kith.store.people.followups import add_follow_up

            if draft is not None:
                add_follow_up(contact_id, draft.due, draft.what)
                self.toast(f"Follow-up with {name} due {draft.due.isoformat()} (u undoes).")

        self.app.push_screen(FollowUpModal(name, self.today(), due_in_days=2, what=what), saved)

    def _drafted_ask(self) -> tuple[int, str, str] | None:
        from kith.store.network.connectors import drafted_ask

        pane = self.pane()
        if isinstance(pane, ConnectorsPane):
            cid = pane.selected_id()
            return (cid, pane.connectors[cid].name, drafted_ask(pane.connectors[cid])) if cid else None
        routes = pane.query_one(".routes", OptionList)
        index = routes.highlighted if self.focused is routes else (0 if pane.routes else None)
        if index is None or index >= len(pane.routes):
            return None
        route, org = pane.routes[index], pane.targets[pane.selected_id()].org_name
        first = route.hops[0]
        if len(route.hops) == 1:
            return first.contact_id, first.name, f"Reach out to {first.name} about {org}"
        return first.contact_id, first.name, f"Ask {first.name} to introduce you to {route.hops[1].name} at {org}"
