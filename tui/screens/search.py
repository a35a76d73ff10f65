"""Provides SearchScreen: search across everything, results as you type, Enter opens one.

The screen asks ``store.search`` and draws what it returns: every user string goes through
``literal()`` and the matched characters are styled afterwards with ``Content.stylize`` on the
spans the store computed (never markup).
"""

from __future__ import annotations

from time import monotonic

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from kith.tui.literal import literal
from kith.tui.widgets.key_footer import KeyFooter
from kith.tui.widgets.line_list import LineList
from kith.tui.widgets.quiet import QuietStatic
from kith.tui.widgets.typing_input import TypingInput, type_ahead

MATCH_STYLE = "bold underline $accent"
KIND_STYLES = {"contact": "bold $accent", "touch": "bold $success", "follow-up": "bold $warning"}
BADGE_WIDTH = 10
DEBOUNCE_S = 0.05
"""A key this soon after the last search waits for the next pause in typing: fast typing runs one
search per pause, not one per character; a key after a pause is answered at once."""
LIMIT = 50


def highlighted(text: str, spans, style: str = "") -> Content:
    """User ``text`` as literal Content with the ``spans`` (start, end) of a match emphasised."""
    content = literal(text, style)
    for start, end in spans:
        content = content.stylize(MATCH_STYLE, start, end)
    return content


def result_prompt(result, width: int) -> Content:
    """One result as two lines at most: kind, title and detail; then what matched."""
    badge = Content.styled(f"{result.label[:BADGE_WIDTH - 1]:<{BADGE_WIDTH}}", KIND_STYLES.get(result.kind, "bold"))
    title = highlighted(result.title, result.title_spans, "bold")
    line = Content.assemble(badge, title)
    if result.archived:
        line = Content.assemble(line, ("  archived", "italic $text-muted"))
    if result.detail:
        line = Content.assemble(line, ("  ", ""), highlighted(result.detail, result.detail_spans, "$text-muted"))
    line = line.truncate(width, ellipsis=True)
    if not result.snippet:
        return line
    text, spans = result.snippet, list(result.snippet_spans)
    room = width - BADGE_WIDTH
    if spans and spans[0][1] > room - 1:
        # The match would be cut off on the right: start the quote closer to it.
        cut = max(0, spans[0][0] - room // 4)
        text = "…" + text[cut:]
        spans = [(a - cut + 1, b - cut + 1) for a, b in spans if a >= cut]
    more = highlighted(text, spans, "$text-muted")
    more = Content.assemble(" " * BADGE_WIDTH, more).truncate(width, ellipsis=True)
    return Content.assemble(line, "\n", more)


class SearchScreen(Screen):
    """Search contacts, touches, follow-ups and every registered kind; Enter opens a result."""

    CSS_PATH = "search.tcss"
    # priority: the focused Input would otherwise take enter/up/down (it scrolls on them).
    BINDINGS = [
        Binding("escape", "close", "Close", id="search-close", tooltip="Back to where you were"),
        Binding("enter", "open_result", "Open", priority=True, id="search-open",
                tooltip="Open the highlighted result"),
        Binding("down", "move(1)", "Next", priority=True, id="search-next", tooltip="Highlight the next result"),
        Binding("up", "move(-1)", "Previous", priority=True, id="search-previous",
                tooltip="Highlight the previous result"),
        Binding("pagedown", "move(8)", "Page down", show=False, priority=True, id="search-page-down",
                tooltip="Highlight a result further down"),
        Binding("pageup", "move(-8)", "Page up", show=False, priority=True, id="search-page-up",
                tooltip="Highlight a result further up"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial_query = query
        self.results: dict[str, object] = {}
        """Option id -> SearchResult shown."""
        self._timer: Timer | None = None
        self._shown_query: tuple[str, ...] | None = None
        """The folded words of the query the results are for (a space or a capital asks nothing new)."""
        self._searched_at = 0.0

    def compose(self) -> ComposeResult:
        query = TypingInput(self.initial_query, placeholder="Names, companies, tags, notes… (typos are fine)",
                            id="query")
        query.border_title = "Search everything"
        yield query
        yield QuietStatic(id="summary", at_once=True)  # with the results, in the key's frame
        results = LineList(id="results")
        results.can_focus = False  # typing stays in the input; up/down/enter act on the list
        yield results
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#query", Input))  # at once: keys typed with the / come next

    def on_key(self, event: events.Key) -> None:
        # Keys typed in one burst with the / reach this screen before its field had the focus.
        type_ahead(self, event, self.query_one("#query", Input))
        self.run_search()
        self.call_after_refresh(self._warm)

    def _warm(self) -> None:
        # Once the screen is painted, while the user starts typing: the first key then only searches.
        from kith.store.search.engine import warm

        warm()

    def on_screen_resume(self) -> None:
        # Back from a contact: something may have been edited there.
        self.reload()

    def on_resize(self) -> None:
        # Lines are cut to the list's width when built: build them again for the new width.
        if self.is_mounted and self._shown_query is not None:
            self.reload()

    def reload(self) -> None:
        """Search again (the app calls this when another kith process wrote to the database)."""
        self._shown_query = None
        self.run_search()

    # -- searching ----------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def query_changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if monotonic() - self._searched_at >= DEBOUNCE_S:
            self.run_search()
        else:
            self._timer = self.set_timer(DEBOUNCE_S, self.run_search)

    def run_search(self) -> None:
        """Search for what the input holds and show the results (keeping the highlight when it can)."""
        from kith.store.core.errors import StoreError
        from kith.store.core.fold import fold
        from kith.store.search.engine import search

        text = self.query_one("#query", Input).value
        words = tuple(fold(text).split())
        if words == self._shown_query:
            return
        self._shown_query = words
        summary = self.query_one("#summary", QuietStatic)
        options = self.query_one("#results", LineList)
        previous = options.highlighted_key
        if not words:
            self.results = {}
            options.set_rows([])
            summary.update(Content("Type a name, company, tag or words from a note; typos are fine."))
            self.set_class(False, "-none")
            return
        self._searched_at = monotonic()
        try:
            found = search(text, limit=LIMIT)
        except StoreError as exc:
            summary.update(literal(str(exc), "$error"))
            return
        width = max(20, options.scrollable_content_region.width or self.app.size.width - 4)
        self.results = {f"{r.kind}:{r.id}": r for r in found}
        options.set_rows([(key, result_prompt(r, width)) for key, r in self.results.items()], keep=previous)
        if not found:
            summary.update(Content.assemble("No matches for ", literal(text.strip(), "bold", limit=60), "."))
            self.set_class(True, "-none")
            return
        self.set_class(False, "-none")
        count = f"{len(found)}{'+' if len(found) >= LIMIT else ''} result{'s' if len(found) != 1 else ''}"
        summary.update(Content.assemble((count, "bold"), "  ·  ↑↓ move  ·  Enter opens  ·  Esc closes"))

    def flush(self) -> None:
        """Run a pending search now (Enter right after typing must not open a stale result)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.run_search()

    # -- actions --------------------------------------------------------------------------------

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_move(self, step: int) -> None:
        self.query_one("#results", LineList).action_move(step)

    @on(LineList.Chosen, "#results")
    def clicked(self, event: LineList.Chosen) -> None:
        self.open(self.results.get(event.key))

    def action_open_result(self) -> None:
        self.flush()
        key = self.query_one("#results", LineList).highlighted_key
        if key is not None:
            self.open(self.results.get(key))

    def open(self, result) -> None:
        """Open a result in its own screen: a contact, or the contact a touch/follow-up belongs to."""
        if result is None:
            return
        if result.opens.startswith("mode:"):
            mode = result.opens.partition(":")[2]
            self.app.pop_screen()
            self.app.switch_mode(mode)
            show = getattr(self.app.screen, "show_search_result", None)
            if callable(show):
                show(result)
            return
        if result.contact_id is None:
            self.app.notify("This result has no screen of its own yet.", severity="warning", markup=False)
            return
        # Pushed over the search: Esc on the contact comes back to these results. A touch hit
        # opens the page scrolled to that touch.
        touch = result.id if result.kind == "touch" else None
        self.app.open_contact(result.contact_id, focus_touch_id=touch)
