"""Provides NewsletterComposeModal: an issue's subject, body, "how you can help me" and audience.

The body and the help section are TextAreas; ctrl+o hands the focused one (else the body) to
``$VISUAL``/``$EDITOR`` and puts its text back when the editor exits. The audience is one filter
per line (any line matching is enough); the count of who is in and out follows as you type.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from kith.tui.literal import literal, safe_text
from kith.tui.modals.guard import GuardedModal


@dataclass(frozen=True)
class IssueDraft:
    """What the user wrote; the calling screen writes it to the store."""

    subject: str
    body: str
    help: str
    audience: str


class NewsletterComposeModal(GuardedModal, ModalScreen[IssueDraft | None]):
    """Write or edit a newsletter issue: ctrl+s saves, ctrl+o opens $EDITOR, Esc cancels."""

    CSS_PATH = "newsletter_compose.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="newsletter-compose-save", tooltip="Save the issue as a draft"),
        Binding("ctrl+o", "editor", "$EDITOR", id="newsletter-compose-editor",
                tooltip="Write the body (or the focused text) in $VISUAL or $EDITOR; its text comes back here"),
        Binding("escape", "cancel", "Cancel", id="newsletter-compose-cancel", tooltip="Close without saving"),
    ]

    def __init__(self, title: str, draft: IssueDraft | None = None, today=None) -> None:
        super().__init__()
        self.title_text = title
        self.draft = draft or IssueDraft("", "", "", "tier:network")
        self.today = today

    def compose(self) -> ComposeResult:
        d = self.draft
        with Vertical(id="dialog"):
            yield Static(Content.assemble((self.title_text, "bold"), ("   Subject", "$text-muted")), id="title")
            yield Input(safe_text(d.subject), placeholder="Subject", id="subject", max_length=300, compact=True)
            yield Label(Content("Body (markdown is fine) · ctrl+o writes it in $EDITOR"))
            yield TextArea(d.body, id="body", compact=True, soft_wrap=True, tab_behavior="focus")
            yield Label(Content("How you can help me (optional)"))
            yield TextArea(d.help, id="help", compact=True, soft_wrap=True, tab_behavior="focus")
            yield Label(Content("Audience: one filter per line, any line matches (tier:close, tag:fintech, …)"))
            yield TextArea(d.audience, id="audience", compact=True, soft_wrap=False, tab_behavior="focus")
            yield Static(Content(""), id="count")
            yield Static(Content(""), id="error", classes="error")
            yield Static(Content.styled("ctrl+s saves · ctrl+o $EDITOR · Tab moves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self._count()
        self.query_one("#subject", Input).focus()

    def enter_pressed(self, widget: Widget) -> None:
        self.query_one("#body", TextArea).focus()  # Enter in the subject goes on to the body

    @on(TextArea.Changed, "#audience")
    def _count(self) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.newsletter import preview_filter

        if self.today is None:
            return
        try:
            found = preview_filter(self.query_one("#audience", TextArea).text, self.today)
        except StoreError as exc:
            self.query_one("#count", Static).update(literal(str(exc), "$error", limit=200))
            return
        style = "$warning" if not found.inside else "dim"
        self.query_one("#count", Static).update(Content.styled(found.summary(), style))

    def action_editor(self) -> None:
        from kith.tui.flows.editor import edit_text

        area = self.focused if isinstance(self.focused, TextArea) else self.query_one("#body", TextArea)
        try:
            text = edit_text(self.app, area.text)
        except OSError as exc:
            self.query_one("#error", Static).update(literal(str(exc), limit=300))
            return
        if text is None:
            self.query_one("#error", Static).update(
                Content("No text came back: set $VISUAL or $EDITOR to an editor that saves and exits 0 (unchanged)."))
            return
        area.text = text
        area.focus()
        self.query_one("#error", Static).update(Content(""))

    def action_save(self) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.newsletter.issues import check_audience

        subject = " ".join(self.query_one("#subject", Input).value.split())
        if not subject:
            self.query_one("#error", Static).update(Content("Give the issue a subject."))
            self.query_one("#subject", Input).focus()
            return
        audience = self.query_one("#audience", TextArea).text
        try:
            check_audience(audience)
        except StoreError as exc:
            self.query_one("#error", Static).update(literal(str(exc), limit=300))
            self.query_one("#audience", TextArea).focus()
            return
        self.dismiss(IssueDraft(subject, self.query_one("#body", TextArea).text,
                                self.query_one("#help", TextArea).text, audience))
