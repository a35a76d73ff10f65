"""Provides NewsletterPane: the Network area's Newsletter tab, every issue and what it holds.

Drafts first. The highlighted issue shows its subject, state and audience; below, the people: for
a draft who it would go to today (p shows who is out and why), for a sent issue who received it
and who replied (Tab to them, then l logs a reply).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kith.store.core.fold import fold
from kith.tui.literal import literal, plural
from kith.tui.screens.network.panes import NetworkPane
from kith.tui.widgets.lists import ListOptions
from kith.tui.widgets.quiet import QuietStatic

DEFAULT_REPLY = "replied to the newsletter"
"""How a reply logged with one key is noted (not repeated beside the name)."""
PEOPLE_SHOWN = 300
"""People drawn under an issue; the audience dialog (p) and the CLI list everyone."""


class NewsletterPane(NetworkPane):
    """Issues, drafts first; the highlighted one's audience or recipients and replies."""

    PLACEHOLDER = "filter issues…  (n writes a new one)"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.issues: dict = {}
        self.people: list[int] = []

    def compose_detail(self) -> ComposeResult:
        yield QuietStatic(Content(""), classes="pane-detail")
        yield ListOptions(classes="people")  # j / k move, as in every list

    @property
    def people_list(self) -> OptionList:
        return self.query_one(".people", OptionList)

    def selected_issue(self):
        iid = self.selected_id()
        return self.issues.get(iid) if iid is not None else None

    def selected_person(self) -> int | None:
        """The contact highlighted among the recipients (when that list has the focus or one person)."""
        at = self.people_list.highlighted
        if self.people_list.has_focus and at is not None and at < len(self.people):
            return self.people[at]
        return self.people[0] if len(self.people) == 1 else None

    def reload(self) -> None:
        from kith.store.newsletter import list_issues

        self.issues = {i.id: i for i in list_issues()}
        self.rows = [(fold(f"{i.subject} {i.body[:2000]}"), i.id, self._row(i)) for i in self.issues.values()]
        self.refilter()

    @staticmethod
    def _row(i) -> Content:
        if i.sent_on is None:
            state = Content.styled("draft      ", "$warning")
        else:
            state = Content.styled(f"{i.sent_on.isoformat()} ", "dim")
        extra = f"  {i.recipients} sent" + (f" · {plural(i.replies, 'reply', 'replies')}" if i.replies else "")
        return Content.assemble(state, literal(i.subject, "bold", limit=60), (extra if i.sent_on else "", "dim"))

    def show_detail(self) -> None:
        issue = self.selected_issue()
        people = self.people_list
        people.clear_options()
        self.people = []
        if issue is None:
            self.nothing_shown("No issues yet. n writes one: subject, body, how they can help, and who gets it.")
            return
        audience = " | ".join(issue.audience_lines) if issue.audience else "everyone"
        if issue.sent_on is None:
            self._show_draft(issue, audience)
        else:
            self._show_sent(issue, audience)

    def _show_draft(self, issue, audience: str) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.newsletter import preview

        try:
            found = preview(issue, self.screen.today())
        except StoreError as exc:
            self.detail(Content.assemble(literal(issue.subject, "bold"), ("\n", ""), literal(str(exc), "$error")))
            return
        self.detail(Content.assemble(
            literal(issue.subject, "bold", limit=200), ("  draft", "$warning"),
            ("\naudience: ", "dim"), literal(audience, limit=200),
            (f"\n{found.summary()} · p who's out · b BCC · S sent", "dim")))
        self.people = [m.contact_id for m in found.inside[:PEOPLE_SHOWN]]
        self._fill([Content.assemble(literal(m.name, limit=40), ("  " + m.email, "dim"))
                    for m in found.inside[:PEOPLE_SHOWN]], len(found.inside))

    def _show_sent(self, issue, audience: str) -> None:
        from kith.store.newsletter import recipients, replies

        got = recipients(issue.id)
        said = {}
        for r in replies(issue.id):
            said.setdefault(r.contact_id, r)
        self.detail(Content.assemble(
            literal(issue.subject, "bold", limit=200), (f"  sent {issue.sent_on.isoformat()}", "$success"),
            ("\naudience: ", "dim"), literal(audience, limit=200),
            (f"\n{plural(len(got), 'recipient')} · {plural(issue.replies, 'reply', 'replies')}"
             " · Tab to a person, l logs their reply", "dim")))
        got.sort(key=lambda r: (r.contact_id not in said, fold(r.name)))  # who replied first
        self.people = [r.contact_id for r in got[:PEOPLE_SHOWN]]
        lines = []
        for r in got[:PEOPLE_SHOWN]:
            reply = said.get(r.contact_id)
            if reply:
                lines.append(Content.assemble(("↩ ", "$success"), literal(r.name, "bold", limit=40),
                                              (f"  replied {reply.day.isoformat()} ", "dim"),
                                              literal("" if reply.note.startswith(DEFAULT_REPLY) else reply.note,
                                                      limit=80)))
            else:
                lines.append(Content.assemble("  ", literal(r.name, limit=40), ("  " + r.email, "dim")))
        self._fill(lines, len(got))

    def _fill(self, lines: list[Content], total: int) -> None:
        options = [Option(line) for line in lines]
        if total > len(lines):
            options.append(Option(Content.styled(f"… and {total - len(lines)} more (p lists everyone)", "dim"),
                                  disabled=True))
        self.people_list.add_options(options)
        if lines:
            self.people_list.highlighted = 0
