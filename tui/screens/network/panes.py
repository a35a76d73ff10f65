"""Provides the tabs of the Network area: targets with their warm paths, organisations, connectors.

Each tab is a ``NetworkPane``: a filter, a list, and what the highlighted row holds. A pane reads
the store in ``reload()`` and offers its rows as ``(filter text, id, Content)``; the base class
filters as you type and keeps the highlight.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from kith.store.core.access import Freshness
from kith.store.core.fold import fold
from kith.tui.literal import literal
from kith.tui.settings import network_settings
from kith.tui.widgets.line_list import LineList
from kith.tui.widgets.lists import ListOptions
from kith.tui.widgets.quiet import QuietLength, QuietStatic
from kith.tui.widgets.typing_input import TypingInput

SHOWN = 500
"""Rows drawn at once; the filter finds the rest."""


class FilterInput(TypingInput):
    """A pane's filter where ] and [ are not typed: they ask the area for the next or previous tab."""

    class SwitchTab(Message):
        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    async def _on_key(self, event: events.Key) -> None:
        step = {"right_square_bracket": 1, "left_square_bracket": -1}.get(event.key)
        if step is None:
            await super()._on_key(event)
            return
        event.stop()
        event.prevent_default()
        self.post_message(self.SwitchTab(step))


class NetworkPane(Vertical):
    """One tab: filter on top, the list, then the highlighted row's details."""

    PLACEHOLDER = "type to filter…"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[tuple[str, int, Content]] = []
        self.shown: list[int] = []
        self._detail_for: int | None = None
        """The row whose details show (the list's own highlight message then asks nothing again)."""

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder=self.PLACEHOLDER, classes="pane-filter", compact=True, max_length=200)
        yield LineList(classes="pane-list")
        yield from self.compose_detail()

    def compose_detail(self) -> ComposeResult:
        with VerticalScroll(classes="pane-detail-box"):
            yield QuietStatic(Content(""), classes="pane-detail")

    @property
    def filter(self) -> Input:
        return self.query_one(".pane-filter", Input)

    @property
    def list(self) -> LineList:
        return self.query_one(".pane-list", LineList)

    def selected_id(self) -> int | None:
        index = self.list.highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def reload(self) -> None:
        """Read the store again (subclasses fill ``self.rows``), then filter."""

    def refilter(self) -> None:
        keep = self.selected_id()
        words = fold(self.filter.value).split()
        found = [r for r in self.rows if all(w in r[0] for w in words)]
        self.shown = [r[1] for r in found[:SHOWN]]
        rows = [(str(r[1]), r[2]) for r in found[:SHOWN]]
        if len(found) > SHOWN:
            rows.append(("more", Content.styled(f"… {len(found) - SHOWN} more: type to filter", "dim")))
        self.list.set_rows(rows, keep=str(keep), selectable=len(self.shown))
        self._show()

    def _show(self) -> None:
        self._detail_for = self.selected_id()
        self.show_detail()

    def show_detail(self) -> None:
        """Show what the highlighted row holds."""

    def detail(self, content: Content) -> None:
        self.query_one(".pane-detail", Static).update(content)

    def nothing_shown(self, none_yet: str) -> None:
        """Say why the list is empty: nothing recorded yet (``none_yet``), or the filter hides it all."""
        if self.rows and self.filter.value:
            self.detail(Content.assemble(("Nothing matches ", "dim"), literal(self.filter.value, "bold", limit=60),
                                         (". Esc clears the filter.", "dim")))
        else:
            self.detail(Content.styled(none_yet, "dim"))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refilter()

    def on_line_list_highlighted(self, event: LineList.Highlighted) -> None:
        if event.line_list is self.list and self.selected_id() != self._detail_for:
            self._show()


class RoutesList(QuietLength, ListOptions):
    """The highlighted target's routes (they wrap; j / k move): another target's routes repaint the
    list without a layout of the screen."""


class TargetsPane(NetworkPane):
    """Targets by stage; below, the highlighted target's routes in, best first."""

    PLACEHOLDER = "filter targets…  (mark one on the Organisations tab: +)"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.routes: list = []
        self._routes_fresh = Freshness()
        self._routes_known: dict[int, list] = {}

    def _known_routes(self) -> dict[int, list]:
        """The routes computed so far, per target, while nothing is written and the day and config
        are the same (at 10,000 contacts one answer takes ~0.5 s: each is computed once)."""
        screen = self.screen
        if not self._routes_fresh.unchanged(screen.today(), screen.app.config):
            self._routes_fresh.mark(screen.today(), screen.app.config)
            self._routes_known = {}
        return self._routes_known

    def compose_detail(self) -> ComposeResult:
        yield QuietStatic(Content(""), classes="pane-detail")
        yield RoutesList(classes="routes")

    def reload(self) -> None:
        from kith.store.network import list_targets

        self.targets = {t.org_id: t for t in list_targets()}
        self.rows = [(fold(f"{t.org_name} {t.stage} {t.note}"), t.org_id, Content.assemble(
            literal(t.org_name, "bold", limit=40), "  ", (t.stage, "$accent"), (f"  {t.current} now", "dim")))
            for t in self.targets.values()]
        self.refilter()

    def show_detail(self) -> None:
        org_id = self.selected_id()
        known = self._known_routes()
        if org_id in known:
            self._show_routes(org_id, known[org_id])  # in one change: a list emptied first would lay out twice
            return
        self.query_one(".routes", OptionList).clear_options()
        self.routes = []
        if org_id is None:
            self.nothing_shown("No targets yet. On the Organisations tab, + marks one.")
            return
        # The list and this target's head paint first; its routes are computed after that frame.
        self.detail(self._head(self.targets[org_id], ("\nfinding the ways in…", "dim")))
        self.call_after_refresh(self._compute_routes, org_id)

    def _compute_routes(self, org_id: int) -> None:
        from kith.store.network import find_routes

        if not self.is_attached or self.selected_id() != org_id or org_id not in self.targets:
            return  # moved on meanwhile: the target now highlighted asked for its own
        screen = self.screen
        known = self._known_routes()
        if org_id not in known:
            known[org_id] = find_routes(org_id, network_settings(screen.app.config), screen.today(), limit=50)
        self._show_routes(org_id, known[org_id])

    def _head(self, t, tail: tuple[str, str]) -> Content:
        since = (self.screen.today() - t.progressed).days
        return Content.assemble(literal(t.org_name, "bold"), f" · {t.stage} · last progress {since} d ago",
                                (" · " if t.note else ""), literal(t.note, "italic", limit=80), tail)

    def _show_routes(self, org_id: int, routes: list) -> None:
        self.routes = routes
        self.detail(self._head(self.targets[org_id], (
            f"\n{len(routes)} route{'s' if len(routes) != 1 else ''} in"
            + (" (f asks for the introduction)" if routes else ": nobody you know is near"), "dim")))
        routes_list = self.query_one(".routes", OptionList)
        routes_list.set_options([Option(Content.assemble((f"{r.score:>5.1f} ", "bold"), literal(r.why)))
                                 for r in routes])
        if routes:
            routes_list.highlighted = 0


class OrganisationsPane(NetworkPane):
    """Every organisation with the people there now and before."""

    PLACEHOLDER = "filter organisations…"

    def reload(self) -> None:
        from kith.store.network import list_orgs

        self.rows = [(fold(f"{o.name} {o.industry}"), o.id, Content.assemble(
            literal(o.name, "bold", limit=40), (f"  {o.current} now · {o.former} before", "dim"),
            (f"  target: {o.stage}" if o.stage else "", "$accent"))) for o in list_orgs()]
        self.refilter()

    def show_detail(self) -> None:
        from kith.store.network import get_org, people_at

        org_id = self.selected_id()
        if org_id is None:
            self.nothing_shown("No organisations yet: a contact's company becomes one.")
            return
        org = get_org(org_id)
        now, before = people_at(org_id)
        parts: list = [literal(org.name, "bold")]
        if org.aliases:
            parts += [("  also ", "dim"), literal(", ".join(org.aliases), limit=80)]
        for detail in (org.industry, org.location):  # both count toward your focus
            if detail:
                parts += [("  · ", "dim"), literal(detail, limit=60)]
        for label, people in (("Now", now), ("Before", before)):
            parts.append((f"\n{label} ({len(people)})", "bold"))
            for j, name in people[:40]:
                what = " · ".join(x for x in (j.title, j.span()) if x)
                parts += ["\n  ", literal(name, limit=40), ("  " + what, "dim")]
        self.detail(Content.assemble(*[Content(p) if isinstance(p, str) else p for p in parts]))


class ConnectorsPane(NetworkPane):
    """Power connectors, ranked, with why."""

    PLACEHOLDER = "filter connectors…"

    def reload(self) -> None:
        from kith.store.network import rank_connectors

        self.connectors = {c.contact_id: c for c in rank_connectors(self.screen.today())}
        self.rows = [(fold(c.name), c.contact_id, Content.assemble(
            (f"{n:>2}. {c.score:>6.1f}  ", "dim"), literal(c.name, "bold", limit=40),
            (f"  {c.to_you + c.between} intro{'s' if c.to_you + c.between != 1 else ''}", "dim")))
            for n, c in enumerate(self.connectors.values(), 1)]
        self.refilter()

    def show_detail(self) -> None:
        cid = self.selected_id()
        if cid is None:
            self.nothing_shown("No connectors yet: record who introduced whom (kith intro).")
            return
        c = self.connectors[cid]
        lines = [literal(c.name, "bold"), Content(f"  score {c.score:.1f}  (f asks them for an introduction)")]
        lines += [Content.assemble("\n• ", literal(r)) for r in c.reasons]
        self.detail(Content.assemble(*lines))
