"""Provides HealthView, a picture of the network: the Network area's Health tab.

Charts are Textual's Sparkline; every chart has a text label with its numbers, so the tab reads
the same without colour (NO_COLOR). The first screen holds the verdict and the three charts that
matter most in the current mode: relevance by focus, touches per week and new people per month
in job search; strength, tiers' states and touches per week in steady mode.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Sparkline, Static

from kith.tui.literal import literal


def _chart(title: Content, data: list[float], chart_name: str) -> ComposeResult:
    # Classes, not ids: a reload mounts the new charts before the old ones are gone.
    yield Static(title, classes="health-label")
    yield Sparkline(data or [0], classes=f"health-chart {chart_name}")


class HealthView(VerticalScroll, can_focus=True):
    """Every health number of the network, as labelled charts and lines; call ``reload()`` to refresh.

    The numbers are read when the tab is shown (``stale`` until then): a few grouped queries, not
    worth running on every return to the area while another tab is open.
    """

    BINDINGS = [
        # ←/→ walk the tabs here as from the other tabs' lists (the view scrolls with ↑/↓, PgUp/PgDn).
        Binding("left", "screen.tab(-1)", "Previous tab", show=False, id="health-previous-tab",
                tooltip="The previous tab"),
        Binding("right", "screen.tab(1)", "Next tab", show=False, id="health-next-tab", tooltip="The next tab"),
        Binding("r", "refresh_numbers", "Refresh", id="health-refresh", tooltip="Read the numbers again"),
    ]

    DEFAULT_CSS = """
    HealthView {
        height: 1fr;
        padding: 0 1;
        & > .health-verdict { text-style: bold; margin-bottom: 1; }
        & > .health-label { height: auto; }
        & > .health-chart { height: 2; margin-bottom: 1; }
        & > .health-section { height: auto; margin-bottom: 1; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.numbers = None
        self.stale = True

    def action_refresh_numbers(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the numbers again and redraw everything."""
        self.stale = False
        from kith.store.core.errors import StoreError
        from kith.store.quality.health import health
        from kith.tui.settings import health_settings

        try:
            self.numbers = health(self.app.today(), health_settings(self.app.config))
        except StoreError as exc:
            self.remove_children()
            self.mount(Static(literal(str(exc), "$error")))
            return
        self.remove_children()
        self.mount_all(list(self._widgets()))

    def _widgets(self):
        h = self.numbers
        yield Static(literal(h.verdict), classes="health-verdict")
        charts = {"focus": self._focus, "weeks": self._weeks, "months": self._months,
                  "strength": self._strength, "tiers": self._tiers}
        first = ("focus", "weeks", "months") if h.mode == "job-search" else ("strength", "tiers", "weeks")
        for name in first + tuple(k for k in charts if k not in first):
            yield from charts[name]()
        yield from self._give_take()
        yield from self._fading()

    def _focus(self):
        h = self.numbers
        if not h.by_focus:
            yield Static(Content("Relevant contacts: no focus set (kith focus --industry …)"), classes="health-section")
            return
        label = " · ".join(f"{name} ({kind}) {n}" for kind, name, n in h.by_focus)
        yield from _chart(Content.assemble(("Relevant by focus", "bold"), f": {h.relevant} of {h.contacts} · ",
                                           literal(label, limit=300)),
                          [n for _, _, n in h.by_focus], "chart-focus")

    def _weeks(self):
        w = self.numbers.touches_per_week
        yield from _chart(Content.assemble(("Touches per week", "bold"), f", last 52: total {sum(w)}, "
                                           f"this week {w[-1]}, busiest {max(w)}"), w, "chart-weeks")

    def _months(self):
        m = self.numbers.new_per_month
        yield from _chart(Content.assemble(("New relationships per month", "bold"),
                                           f": {m[0][0]} to {m[-1][0]}: " + " ".join(str(n) for _, n in m)),
                          [n for _, n in m], "chart-months")

    def _strength(self):
        s = self.numbers.strength
        yield from _chart(Content.assemble(("Strength", "bold"), " (1 weak … 5 strong): "
                                           + "  ".join(f"{i + 1}:{n}" for i, n in enumerate(s))), s, "chart-strength")

    def _tiers(self):
        lines = [Content.styled("Tiers: on track / due soon / overdue", "bold")]
        for tier, st in self.numbers.tiers.items():
            total = sum(st.values()) or 1
            if st["no cadence"] == total:
                lines.append(literal(f"  {tier}: {total} without a cadence"))
                continue
            pct = {k: round(100 * v / total) for k, v in st.items()}
            rest = f", {st['no cadence']} without a cadence" if st["no cadence"] else ""
            lines.append(literal(f"  {tier}: {pct['on-track']}% on track · {pct['due-soon'] + pct['due']}% due · "
                                 f"{pct['overdue']}% overdue ({total}{rest})"))
        yield Static(Content("\n").join(lines), classes="health-section")

    def _give_take(self):
        g, who = self.numbers.give_take, self.numbers.initiators
        net = "balanced" if g.net == 0 else (f"you gave {g.net} more" if g.net > 0 else f"you received {-g.net} more")
        text = (f"Give and take: given {g.given}, received {g.received} ({net}); last 90 days "
                f"{g.given_recent} given / {g.received_recent} received\n"
                f"Who started it: you invited {who.get('me', 0)} · they invited {who.get('them', 0)} · "
                f"met in person {who.get('in-person', 0)}")
        yield Static(Content(text), classes="health-section")

    def _fading(self):
        fading = self.numbers.fading
        if not fading:
            yield Static(Content("Every strong relationship is warm."), classes="health-section")
            return
        parts: list = [("Worth reviving", "bold")]
        for _, name, since in fading:
            when = "not touched yet" if since is None else f"last touch {since} d ago"
            parts += ["\n  reconnect with ", literal(name, limit=50), f" ({when})"]
        yield Static(Content.assemble(*parts), classes="health-section")
