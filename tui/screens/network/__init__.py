"""Provides NetworkScreen: the Network area (key 5), one tab per view of your network.

To add a tab, add one line to ``TABS`` (id, title, pane class): the pane is a ``NetworkPane``
(panes.py beside it) with a filter, a list and a detail, or any focusable widget with
``reload()``. Only the tab on screen is read; the others are marked ``stale`` and read when shown.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, OptionList, TabbedContent, TabPane

from kith.tui.area import AreaScreen
from kith.tui.flows.newsletter import NewsletterActions
from kith.tui.literal import safe_text
from kith.tui.screens.network.edits import NetworkEdits
from kith.tui.screens.network.health import HealthView
from kith.tui.screens.network.newsletter import NewsletterPane
from kith.tui.screens.network.panes import ConnectorsPane, FilterInput, NetworkPane, OrganisationsPane, TargetsPane
from kith.tui.widgets.key_footer import KeyFooter
from kith.tui.widgets.nav_bar import NavBar
from kith.tui.widgets.typing_input import type_ahead

TABS = (
    ("targets", "Targets", TargetsPane),
    ("organisations", "Organisations", OrganisationsPane),
    ("connectors", "Connectors", ConnectorsPane),
    ("health", "Health", HealthView),
    ("newsletter", "Newsletter", NewsletterPane),
)
TAB_KEY_HOLD_S = 0.3
"""How long a tab chosen by ← / → holds against a focus still on its way to the tab left."""
# Which keys work on which tab (others are hidden from the footer there).
TAB_ACTIONS = {"mark_target": ("organisations",), "next_stage": ("targets",), "ask": ("targets", "connectors"),
               "introduce": ("targets", "organisations", "connectors"), "edit": ("targets", "organisations"),
               "merge": ("organisations",),
               **{f"newsletter_{a}": ("newsletter",) for a in ("new", "edit", "delete", "audience", "bcc", "sent",
                                                               "reply")}}


class NetworkScreen(NetworkEdits, NewsletterActions, AreaScreen):
    """Targets and their warm paths, organisations, power connectors, the newsletter, health."""

    AREA = "network"
    CSS_PATH = "network.tcss"
    BINDINGS = [
        Binding("f", "ask", "Ask intro", id="network-ask",
                tooltip="Turn the highlighted route (or connector) into a follow-up asking for the introduction"),
        # + and > (not t and s): t tags and s snoozes elsewhere, and one letter has one meaning.
        Binding("plus", "mark_target", "Target", id="network-mark-target",
                tooltip="Mark the highlighted organisation as a target (again: stop targeting it)"),
        Binding("greater_than_sign", "next_stage", "Stage", id="network-next-stage",
                tooltip="Move the highlighted target to its next stage"),
        Binding("e", "edit", "Edit", id="network-edit",
                tooltip="Edit the highlighted target's stage and note, or the organisation's details and names"),
        Binding("I", "introduce", "Intro", id="network-introduce",
                tooltip="Record an introduction: who introduced whom, when, the context (logs the touch)"),
        Binding("m", "merge", "Merge", id="network-merge",
                tooltip="Fold another organisation (a duplicate) into the highlighted one, after a preview"),
        Binding("n", "newsletter_new", "New issue", id="network-newsletter-new", tooltip="Write a newsletter issue"),
        Binding("e", "newsletter_edit", "Edit", id="network-newsletter-edit", tooltip="Edit the highlighted draft"),
        Binding("p", "newsletter_audience", "Audience", id="network-newsletter-audience",
                tooltip="Who the issue goes to, and who is out and why"),
        Binding("b", "newsletter_bcc", "BCC/copy", id="network-newsletter-bcc",
                tooltip="The BCC list in batches, the subject and body, a mailto: link: copy or write a file"),
        Binding("S", "newsletter_sent", "Mark sent", id="network-newsletter-sent",
                tooltip="Mark the issue sent today: a newsletter touch on every recipient (asks first)"),
        Binding("l", "newsletter_reply", "Log reply", id="network-newsletter-reply",
                tooltip="The highlighted recipient replied: log a message touch"),
        Binding("D,delete", "newsletter_delete", "Delete", show=False, id="network-newsletter-delete",
                tooltip="Delete the highlighted draft (asks first)"),
        # ] and [ switch tabs in every area; the arrows too here (from a list: the filter keeps them).
        Binding("right_square_bracket,right", "tab(1)", "Next tab", show=False, id="network-next-tab",
                tooltip="The next tab"),
        Binding("left_square_bracket,left", "tab(-1)", "Previous tab", show=False, id="network-previous-tab",
                tooltip="The previous tab"),
        Binding("down", "to_list", "To list", show=False, id="network-filter-to-list",
                tooltip="From the filter to the list"),
        Binding("escape", "back", "Back", show=False, id="network-back",
                tooltip="From a list back to the filter; in the filter: clear it, then rest on the list"),
    ]

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        with TabbedContent(id="network-tabs"):
            for tab_id, title, pane in TABS:
                with TabPane(title, id=f"tab-{tab_id}"):
                    yield pane(id=f"pane-{tab_id}")
        yield KeyFooter()

    def on_mount(self) -> None:
        # AreaScreen.on_mount (Textual calls it too, after this one) loads the tabs.
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
        self._hold_tab(tab_id)
        self.query_one(TabbedContent).active = f"tab-{tab_id}"

    def _hold_tab(self, tab_id: str, seconds: float = 0.5) -> None:
        # A focus given to the tab we leave may still be on its way (TabPane.Focused: the mount's, or
        # ↓'s into a list just before a fast →) and would switch back to it: the tab asked for holds
        # for a moment (a click on another tab in that moment is taken back too).
        self._tab_asked = tab_id
        self.set_timer(seconds, lambda: self._tab_asked == tab_id and setattr(self, "_tab_asked", None))

    @staticmethod
    def entry(pane):
        """Where a tab starts: its filter, or the pane itself (Health)."""
        return pane.filter if isinstance(pane, NetworkPane) else pane

    def show_search_result(self, result) -> None:
        """Open the tab of what a search hit names (an organisation, a newsletter issue), filtered to it."""
        kind = getattr(result, "kind", "")
        if kind not in ("organisation", "newsletter"):
            return
        if not self.is_mounted:
            self._pending = result
            return
        self._pending = None
        tab = "newsletter" if kind == "newsletter" else "organisations"
        self.query_one(TabbedContent).active = f"tab-{tab}"
        pane = self.query_one(f"#pane-{tab}")
        pane.filter.value = result.title
        pane.filter.focus()

    def pane(self):
        tabs = self.query_one(TabbedContent)
        return self.query_one(f"#pane-{(tabs.active or 'tab-targets')[4:]}")

    def active_tab(self) -> str:
        return (self.query_one(TabbedContent).active or "tab-targets")[4:]

    def reload(self) -> None:
        # Only the tab on screen reads the store (the newsletter's audience alone is ~0.2 s at
        # 10,000 contacts); the others are read when shown.
        active = self.active_tab()
        for tab_id, _title, _pane in TABS:
            pane = self.query_one(f"#pane-{tab_id}")
            pane.stale = tab_id != active
            if not pane.stale:
                pane.reload()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # ←/→ from a list land in the next list (so → → walks the tabs); a click lands in the filter.
        # Keys typed fast are handled before their tabs' activations arrive: what counts is the tab
        # the last key asked for, not how many activations have come since.
        asked = getattr(self, "_tab_asked", None)
        if asked and self.active_tab() != asked:
            self.query_one(TabbedContent).active = f"tab-{asked}"
            return
        to_list = getattr(self, "_to_list_tab", None) == self.query_one(TabbedContent).active
        if not to_list:
            self._to_list_tab = None  # another tab was chosen since (a click): back to its filter
        self.refresh_bindings()
        pane = self.pane()
        if getattr(pane, "stale", False):
            pane.stale = False
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

    def on_filter_input_switch_tab(self, message: FilterInput.SwitchTab) -> None:
        self.action_tab(message.step)

    def action_tab(self, step: int) -> None:
        ids = [f"tab-{t[0]}" for t in TABS]
        tabs = self.query_one(TabbedContent)
        chosen = ids[(ids.index(tabs.active) + step) % len(ids)]
        self._hold_tab(chosen[4:], seconds=TAB_KEY_HOLD_S)
        tabs.active = self._to_list_tab = chosen

    def action_to_list(self) -> None:
        pane = self.pane()
        if isinstance(pane, NetworkPane):
            self.set_focus(pane.list)  # at once, not deferred: keys typed after ↓ must reach the list

    def action_back(self) -> None:
        pane = self.pane()
        if not isinstance(pane, NetworkPane):
            return
        if self.focused is pane.filter and pane.filter.value:
            pane.filter.value = ""
        elif self.focused is pane.filter:
            pane.list.focus()  # an empty filter: rest on the list, where 1-6 and ? act (as on Contacts)
        else:
            pane.filter.focus()

    def on_key(self, event: events.Key) -> None:
        # In a list, a letter no key takes types into the tab's filter: it never acts.
        pane = self.pane()
        if isinstance(pane, NetworkPane) and self.focused in (pane.list, pane.filter):
            type_ahead(self, event, pane.filter)  # not from the routes or recipients below: there j/k move

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
