"""Provides PerceptionScreen: how others see you, inside the Brand area (Brand, then p).

Four tabs: the trending Terms (ranked by people, with their quotes highlighted), They say / you
say (perception against your pitches and taglines, three columns), every Feedback entry, and
the Requests you made. Keys: k asks for feedback, n keeps feedback, c copies the highlighted
term into the open pitch's editor, r reviews the pitch against the five mistakes.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from kith.store.core.errors import StoreError
from kith.tui.area import AreaScreen
from kith.tui.literal import literal, safe_text
from kith.tui.widgets.key_footer import KeyFooter
from kith.tui.widgets.lists import ListOptions
from kith.tui.widgets.nav_bar import NavBar

ARROWS = {"up": ("↑", "$success"), "down": ("↓", "$warning"), "steady": ("→", "$text-muted")}
TABS = ("terms", "compare", "feedback", "requests")
STATUS_STYLE = {"asked": "$accent", "answered": "$success", "declined": "$text-muted"}


def highlighted_quote(text: str, marks: tuple[tuple[int, int], ...]) -> Content:
    """A quote with the term's occurrences highlighted (user text stays literal)."""
    parts, at = [], 0
    for start, end in marks:
        parts.append(literal(text[at:start], multiline=True))
        parts.append(literal(text[start:end], "bold reverse $accent", multiline=True))
        at = end
    parts.append(literal(text[at:], multiline=True))
    return Content.assemble(*parts)


class PerceptionScreen(AreaScreen):
    """Feedback, trending terms and perception against message; ``pitch_id`` is the open pitch."""

    AREA = "brand"
    CSS_PATH = "perception.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="perception-back", tooltip="Back to the brand studio"),
        Binding("t", "next_tab", "Next tab", id="perception-next-tab",
                tooltip="Terms, They say / you say, Feedback, Requests"),
        Binding("b", "ask", "Ask", id="perception-ask", tooltip="Record that you asked someone for feedback"),
        Binding("n", "new_feedback", "New", id="perception-new", tooltip="Keep someone's feedback in their words"),
        Binding("c", "copy_term", "Copy to pitch", id="perception-copy",
                tooltip="Copy the highlighted term into the open pitch's editor"),
        Binding("r", "review", "Review", id="perception-review",
                tooltip="Review the pitch against the five brand mistakes"),
    ]

    def __init__(self, pitch_id: int | None = None) -> None:
        super().__init__()
        self.pitch_id = pitch_id
        self._terms: list = []
        self._columns: dict[str, list] = {}

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        with TabbedContent(id="tabs", initial="terms"):
            with TabPane("Terms", id="terms"):
                with Horizontal():
                    yield ListOptions(id="term-list")
                    with VerticalScroll(id="quotes-pane"):
                        yield Static(Content(""), id="quotes")
            with TabPane("They say / you say", id="compare"):
                yield Static(Content(""), id="brand-status")
                with Horizontal():
                    for key, title in (("they", "They say, you don't"), ("you", "You say, they don't"),
                                       ("both", "Both")):
                        with Vertical(classes="column"):
                            yield Static(Content.styled(title, "bold"), classes="column-title")
                            yield ListOptions(id=f"col-{key}", classes="column-list")
            with TabPane("Feedback", id="feedback"):
                yield ListOptions(id="feedback-list")
            with TabPane("Requests", id="requests"):
                yield ListOptions(id="request-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#quotes-pane").border_title = "Quotes"
        self.query_one("#term-list").border_title = "People · term · trend"
        self.query_one("#term-list", OptionList).focus()

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        from kith.store.perception.compare import compare
        from kith.store.perception.feedback import list_feedback, list_requests
        from kith.store.perception.trends import trends

        today = self.today()
        self._terms = trends(today, limit=200)
        self._fill("#term-list", [self._term_option(t) for t in self._terms], "no feedback yet: press n")
        c = compare(today)
        self._columns = {"they": c.they_say, "you": c.you_say, "both": c.both}
        for key, items in self._columns.items():
            options = [self._term_option(t, short=True) if key != "you" else
                       Option(Content.assemble(literal(t.term, limit=16), (f" ×{t.uses}", "$text-muted")))
                       for t in items]
            self._fill(f"#col-{key}", options, "nothing")
        self._show_brand_status(today)
        self._fill("#feedback-list", [self._feedback_option(f) for f in list_feedback()],
                   "no feedback yet: press n to keep some")
        self._fill("#request-list", [self._request_option(r) for r in list_requests()],
                   "no requests yet: press k to ask someone")
        self._show_quotes()

    def _show_brand_status(self, today) -> None:
        """One line of the brand check: channels without a tagline, claims without evidence, stale pieces."""
        from kith.store.perception.brand_review import channels_without_tagline, list_claims, stale

        missing = channels_without_tagline()
        bare = sum(1 for c in list_claims() if not c.evidence)
        old = len(stale(today, self.app.config.perception.review_after_days))
        parts = [f"no tagline: {', '.join(missing)}" if missing else "a tagline on all five channels",
                 f"{bare} claim{'s' if bare != 1 else ''} without evidence" if bare else "every claim has evidence",
                 f"{old} to review" if old else "all reviewed"]
        self.query_one("#brand-status", Static).update(Content.styled(" · ".join(parts), "$text-muted"))

    def _fill(self, selector: str, options: list, empty: str) -> None:
        widget = self.query_one(selector, OptionList)
        keep = widget.highlighted
        widget.clear_options()
        if options:
            widget.add_options(options)
            widget.highlighted = min(keep or 0, len(options) - 1)
        else:
            widget.add_option(Option(Content.styled(empty, "$text-muted"), disabled=True))

    @staticmethod
    def _term_option(t, short: bool = False) -> Option:
        arrow, style = ARROWS[t.direction]
        if short:
            return Option(Content.assemble((f"{t.people:>2} ", "$text-muted"), literal(t.term, limit=17)))
        return Option(Content.assemble((f"{t.people:>3} ", "bold"), literal(t.term, limit=24),
                                       (f" {arrow}{t.trend:+d}" if t.trend else f" {arrow}", style)))

    @staticmethod
    def _feedback_option(f) -> Option:
        first = " ".join(f.text.split())
        return Option(Content.assemble((f"{f.given_on.isoformat()} ", "$text-muted"), literal(f.name, "bold", limit=24),
                                       (f" {f.context}{' · quotable' if f.quotable else ''}  ", "$text-muted"),
                                       literal(first, limit=36)))

    @staticmethod
    def _request_option(r) -> Option:
        return Option(Content.assemble((f"{r.status:<9}", STATUS_STYLE.get(r.status, "")),
                                       (f"{r.asked_on.isoformat()} ", "$text-muted"), literal(r.name, "bold", limit=24),
                                       ("  ", ""), literal(r.channel or "—", "$text-muted", limit=16), ("  ", ""),
                                       literal(r.prompt, limit=28)))

    # -- terms and quotes -----------------------------------------------------------------------

    def current_term(self):
        """The term highlighted in the Terms tab or in a column of They say / you say."""
        tab = self.query_one("#tabs", TabbedContent).active
        if tab == "terms":
            index = self.query_one("#term-list", OptionList).highlighted
            return self._terms[index] if index is not None and index < len(self._terms) else None
        if tab == "compare":
            focused = self.focused
            key = focused.id.removeprefix("col-") if isinstance(focused, OptionList) and focused.id else "they"
            items = self._columns.get(key, [])
            index = self.query_one(f"#col-{key}", OptionList).highlighted
            return items[index] if index is not None and index < len(items) else None
        return None

    @on(OptionList.OptionHighlighted, "#term-list")
    def _show_quotes(self) -> None:
        from kith.store.perception.trends import quotes

        term = self._terms[self.query_one("#term-list", OptionList).highlighted or 0] if self._terms else None
        pane = self.query_one("#quotes", Static)
        if term is None:
            pane.update(Content.styled("Feedback you keep (n) shows here, its recurring words and phrases "
                                       "on the left.", "$text-muted"))
            return
        shown = quotes(term.key, limit=30)
        parts: list = [Content.styled(f"{term.people} people · {term.count}× · trend {term.direction} "
                                      f"({term.trend:+d} people over the last 12 months)\n", "$text-muted")]
        for q in shown:
            parts.append(Content.assemble(("\n", ""), literal(q.name, "bold", limit=40),
                                          (f"  {q.given_on.isoformat()}{' · quotable' if q.quotable else ''}\n",
                                           "$text-muted"),
                                          highlighted_quote(safe_text(q.text, multiline=True, limit=None), q.marks),
                                          ("\n", "")))
        pane.update(Content.assemble(*parts))

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "copy_term":
            return True if self.is_mounted and self.current_term() is not None else None
        return True

    @on(TabbedContent.TabActivated)
    @on(OptionList.OptionHighlighted)
    def _keys_changed(self) -> None:
        self.refresh_bindings()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_next_tab(self) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        tabs.active = TABS[(TABS.index(tabs.active) + 1) % len(TABS)]
        first = {"terms": "#term-list", "compare": "#col-they", "feedback": "#feedback-list",
                 "requests": "#request-list"}[tabs.active]
        self.query_one(first, OptionList).focus()

    def _resolve(self, text: str) -> tuple[int, str]:
        from kith.store.people.lookup import resolve_exact

        c = resolve_exact(text)
        return c.id, c.name

    def _ask_modal(self, kind: str) -> None:
        from kith.tui.modals.feedback import FeedbackModal

        def saved(draft) -> None:
            if draft is not None:
                self._save(draft)

        self.app.push_screen(FeedbackModal(kind, self._resolve), saved)

    def action_ask(self) -> None:
        self._ask_modal("ask")

    def action_new_feedback(self) -> None:
        self._ask_modal("add")

    def _save(self, draft) -> None:
        from kith.store.perception.feedback import add_feedback, ask

        settings = self.app.config.perception
        try:
            if draft.kind == "ask":
                ask(draft.contact_id, draft.prompt, draft.channel, self.today())
                self.app.notify(Content.assemble("Asked ", literal(draft.name), " for feedback."))
            else:
                f = add_feedback(draft.contact_id, draft.text, context=draft.context, quotable=draft.quotable,
                                 thank_you=settings.thank_you, today=self.today())
                thanks = " A thank-you is due tomorrow." if f.thank_you_id else ""
                self.app.notify(Content.assemble("Kept feedback from ", literal(draft.name), f".{thanks}"))
        except StoreError as exc:
            self.app.notify(literal(str(exc)), severity="error")
        self.reload()

    def action_copy_term(self) -> None:
        """Leave with the term: the brand studio adds it to the open pitch's editor."""
        term = self.current_term()
        if term is None:
            return
        if self.pitch_id is None:
            self.app.notify("No pitch is open to copy into: add one in the brand studio (n).", severity="warning")
            return
        self.dismiss(term.term)

    def action_review(self) -> None:
        from kith.store.perception.brand_review import record_review, review_states
        from kith.tui.modals.brand_review import BrandReviewModal

        states = review_states()
        if not states:
            self.app.notify("No pitch to review yet: add one in the brand studio (n).", severity="warning")
            return
        today = self.today()
        chosen = next((s for s in states if s.pitch_id == self.pitch_id), None)
        if chosen is None:
            chosen = max(states, key=lambda s: s.age(today))
        age = chosen.age(today)
        when = f"last reviewed {age} d ago" if chosen.reviewed else f"never reviewed, {age} d old"

        def done(answers) -> None:
            if answers is None:
                return
            try:
                record_review(chosen.pitch_id, answers, today)
            except StoreError as exc:
                self.app.notify(literal(str(exc)), severity="error")
                return
            fixed = sum(1 for a in answers.values() if a["ok"])
            self.app.notify(Content.assemble("Reviewed ", literal(chosen.name), f": {fixed} of 5 clear."))
            self.reload()

        self.app.push_screen(BrandReviewModal(chosen.name, when), done)


def open_from_brand(brand) -> None:
    """Open Perception from the brand studio; a copied term lands at the end of its editor."""
    from textual.widgets import TextArea

    brand.save_draft()
    pitch = brand._pitch

    def back(term: str | None) -> None:
        if not term or brand._pitch is None or pitch is None or brand._pitch.id != pitch.id:
            return
        editor = brand.query_one("#editor", TextArea)
        if editor.read_only:
            return
        text = editor.text
        sep = "" if not text or text.endswith((" ", "\n")) else " "
        editor.move_cursor(editor.document.end)
        editor.insert(sep + term)
        brand.save_draft()
        editor.focus()
        brand.app.notify(Content.assemble("Copied ", literal(term), " into the draft."))

    brand.app.push_screen(PerceptionScreen(pitch.id if pitch else None), back)
