"""Provides PerceptionScreen: how others see you, inside the Brand area (Brand, then p).

Six tabs: the trending Terms (ranked by people, with their quotes highlighted), They say / you
say (perception against your pitches and taglines, three columns), every Feedback entry, the
Requests you made, the Audiences (variants of each pitch) and the Claims with their evidence.
Keys: b asks for feedback; n adds what the tab holds (feedback, a variant, a claim); e edits a
variant or claim; D deletes feedback, a variant or a claim (asks first; u undoes); c copies the
highlighted term into the open pitch's editor; r reviews the pitch against the five mistakes.
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
from kith.tui.flows.brand_parts import DELETE_TABS, PART_TABS, BrandPartsActions
from kith.tui.flows.perception_rows import PerceptionRows, highlighted_quote, trend_words
from kith.tui.literal import literal, safe_text
from kith.tui.widgets.key_footer import KeyFooter
from kith.tui.widgets.lists import ListOptions
from kith.tui.widgets.nav_bar import NavBar

TABS = ("terms", "compare", "feedback", "requests", "audiences", "claims")
FIRST_LIST = {"terms": "#term-list", "compare": "#col-they", "feedback": "#feedback-list", "requests": "#request-list",
              "audiences": "#variant-list", "claims": "#claim-list"}


class PerceptionScreen(PerceptionRows, BrandPartsActions, AreaScreen):
    """Feedback, trending terms and perception against message; ``pitch_id`` is the open pitch."""

    AREA = "brand"
    CSS_PATH = "perception.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="perception-back", tooltip="Back to the brand studio"),
        # ] and [ switch tabs in every area that has them; t stays for those who learned it here.
        Binding("right_square_bracket,t", "tab(1)", "Next tab", id="perception-next-tab",
                tooltip="Terms, They say / you say, Feedback, Requests, Audiences, Claims"),
        Binding("left_square_bracket", "tab(-1)", "Prev tab", show=False, id="perception-prev-tab",
                tooltip="The previous tab"),
        Binding("b", "ask", "Ask", id="perception-ask", tooltip="Record that you asked someone for feedback"),
        Binding("n", "new", "New", id="perception-new",
                tooltip="Keep someone's feedback in their words; on Audiences a variant, on Claims a claim"),
        Binding("e", "edit", "Edit", id="perception-edit",
                tooltip="Edit the highlighted audience variant or claim (Enter works too)"),
        Binding("D,delete", "delete", "Delete", id="perception-delete",
                tooltip="Delete the highlighted feedback, audience variant or claim (asks first; u undoes)"),
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
        self._feedback: list = []
        self._requests: list = []
        self._variants: list = []
        self._claims: list = []

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
            with TabPane("Audiences", id="audiences"):
                yield ListOptions(id="variant-list")
            with TabPane("Claims", id="claims"):
                yield ListOptions(id="claim-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#quotes-pane").border_title = "Quotes"
        self.query_one("#term-list").border_title = "People · term · trend"
        self.query_one("#variant-list").border_title = "Audience · pitch · words · time · target"
        self.query_one("#claim-list").border_title = "Claim · pitch · evidence · source"
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
            width = self._column() - 2
            options = [self._term_option(t, short=True) if key != "you" else
                       Option(Content.assemble(literal(t.term, limit=width), (f" ×{t.uses}", "$text-muted")))
                       for t in items]
            self._fill(f"#col-{key}", options, "nothing")
        self._show_brand_status(today)
        self._feedback = list_feedback()
        self._fill("#feedback-list", [self._feedback_option(f) for f in self._feedback],
                   "no feedback yet: press n to keep some")
        self._requests = list_requests()
        self._fill("#request-list", [self._request_option(r) for r in self._requests],
                   "no requests yet: press b to ask someone")
        self.fill_parts()
        self._show_quotes()

    def _show_brand_status(self, today) -> None:
        """One line of the brand check: channels without a tagline, claims without evidence, stale pieces."""
        from kith.store.perception.brand_review import channels_without_tagline, list_claims, review_states, stale

        missing = channels_without_tagline()
        claims = list_claims()
        bare = sum(1 for c in claims if not c.evidence)
        old = len(stale(today, self.app.config.perception.review_after_days))
        parts = [f"no tagline: {', '.join(missing)}" if missing else "a tagline on all five channels",
                 "no claims noted yet (Claims tab)" if not claims else
                 f"{bare} claim{'s' if bare != 1 else ''} without evidence" if bare else "every claim has evidence",
                 "nothing to review yet" if not review_states() else f"{old} to review" if old else "all reviewed"]
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

    # -- terms and quotes -----------------------------------------------------------------------

    def current_term(self):
        """The term highlighted in the Terms tab or in a column of They say / you say."""
        tab = self.query_one("#tabs", TabbedContent).active
        if tab == "terms":
            index = self.query_one("#term-list", OptionList).highlighted
            return self._terms[index] if index is not None and index < len(self._terms) else None
        if tab == "compare":
            # Focus may still be on another tab's list (keys typed fast): then the first column.
            focused_id = self.focused.id if self.focused is not None else None
            key = focused_id.removeprefix("col-") if focused_id and focused_id.startswith("col-") else "they"
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
        parts: list = [Content.styled(f"{term.people} {'person' if term.people == 1 else 'people'} · "
                                      f"{term.count}× · {trend_words(term.trend)}\n", "$text-muted")]
        for q in shown:
            parts.append(Content.assemble(("\n", ""), literal(q.name, "bold", limit=40),
                                          (f"  {q.given_on.isoformat()}{' · quotable' if q.quotable else ''}\n",
                                           "$text-muted"),
                                          highlighted_quote(safe_text(q.text, multiline=True, limit=None), q.marks),
                                          ("\n", "")))
        pane.update(Content.assemble(*parts))

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # Keys that do nothing on a tab are hidden there: the footer fits 80 columns on every tab.
        tab = self.query_one("#tabs", TabbedContent).active if self.is_mounted else "terms"
        if action == "copy_term":
            if tab not in ("terms", "compare"):
                return False
            return True if self.current_term() is not None else None
        if action == "ask":
            return tab not in PART_TABS
        if action == "edit":
            return tab in PART_TABS
        if action == "delete":
            return tab in DELETE_TABS
        return True

    @on(TabbedContent.TabActivated)
    @on(OptionList.OptionHighlighted)
    def _keys_changed(self) -> None:
        self.refresh_bindings()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_tab(self, delta: int) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        tabs.active = TABS[(TABS.index(tabs.active) + delta) % len(TABS)]
        self.query_one(FIRST_LIST[tabs.active], OptionList).focus()

    @on(TabbedContent.TabActivated)
    def _tab_chosen(self, event: TabbedContent.TabActivated) -> None:
        # A tab clicked with the mouse: its list takes the keys.
        pane = event.pane.id if event.pane is not None else None
        if pane in FIRST_LIST and not self.query_one(f"#{pane}").has_focus_within:
            self.query_one(FIRST_LIST[pane], OptionList).focus()

    def _tab(self) -> str:
        return self.query_one("#tabs", TabbedContent).active

    def action_new(self) -> None:
        tab = self._tab()
        if tab in PART_TABS:
            self.new_part(tab)
        else:
            self.action_new_feedback()

    def action_edit(self) -> None:
        if self._tab() in PART_TABS:
            self.edit_part(self._tab())

    @on(OptionList.OptionSelected, "#variant-list, #claim-list")
    def _part_chosen(self) -> None:
        self.action_edit()

    def action_delete(self) -> None:
        if self._tab() in DELETE_TABS:
            self.delete_part(self._tab())

    def _resolve(self, text: str) -> tuple[int, str]:
        from kith.store.people.lookup import resolve_exact

        c = resolve_exact(text)
        return c.id, c.name

    def _ask_modal(self, kind: str, request=None) -> None:
        from kith.tui.modals.feedback import FeedbackModal

        def saved(draft) -> None:
            if draft is not None:
                self._save(draft)

        answering = {} if request is None else {
            "who": (request.contact_id, request.name),
            "note": f"Their answer to your request of {request.asked_on.isoformat()}: {request.prompt}"}
        self.app.push_screen(FeedbackModal(kind, self._resolve, find=self._find_contacts, **answering), saved)

    @staticmethod
    def _find_contacts(text: str) -> list[tuple[int, str]]:
        from kith.store.search.engine import search

        return [(r.id, r.title) for r in search(text, limit=8, kinds=["contact"])]

    def action_ask(self) -> None:
        self._ask_modal("ask")

    def action_new_feedback(self) -> None:
        # On Requests, n answers the highlighted open request: its person is filled in.
        request = self._row("#request-list", self._requests) if self._tab() == "requests" else None
        self._ask_modal("add", request if request is not None and request.status == "asked" else None)

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
