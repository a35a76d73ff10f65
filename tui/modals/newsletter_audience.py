"""Provides NewsletterAudienceModal: who an issue goes to, and who is out and why, with counts.

O opts the highlighted person out of every newsletter (or back in: O again); once the dialog is
closed, u undoes it as anywhere.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kith.tui.literal import literal

SHOWN = 500
"""People drawn per side; the counts cover everyone (kith newsletter audience ID lists them all)."""


class NewsletterAudienceModal(ModalScreen[bool]):
    """The audience preview of one issue; dismisses with True when an opt-out changed."""

    CSS_PATH = "newsletter_audience.tcss"
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="newsletter-audience-close", tooltip="Back to the issue"),
        Binding("O", "opt_out", "Opt out/in", id="newsletter-audience-opt-out",
                tooltip="Keep the highlighted person out of every newsletter (again: let them back in)"),
    ]

    def __init__(self, issue, today) -> None:
        super().__init__()
        self.issue = issue
        self.today = today
        self.rows: list[tuple[int, bool]] = []
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(""), id="summary")
            yield OptionList(id="people")
            yield Static(Content.styled("O opt out / back in · Esc closes", "dim"), id="hint")

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#people", OptionList).focus()

    def fill(self) -> None:
        from kith.store.newsletter import preview

        found = preview(self.issue, self.today)
        self.query_one("#summary", Static).update(Content.assemble(
            literal(self.issue.subject, "bold", limit=70), ("\n" + found.summary(), "dim")))
        people = self.query_one("#people", OptionList)
        keep = people.highlighted
        keep_id = self.rows[keep][0] if keep is not None and keep < len(self.rows) else 0
        people.clear_options()
        self.rows = []
        options: list[Option] = [Option(Content.styled(f"In ({len(found.inside)})", "bold $success"), disabled=True)]
        self.rows.append((0, False))
        for m in found.inside[:SHOWN]:
            options.append(Option(Content.assemble("  ", literal(m.name, limit=40), ("  " + m.email, "dim"))))
            self.rows.append((m.contact_id, False))
        options.append(Option(Content.styled(f"Out ({len(found.out)})", "bold $warning"), disabled=True))
        self.rows.append((0, False))
        for m in found.out[:SHOWN]:
            options.append(Option(Content.assemble("  ", literal(m.name, limit=40), (f"  {m.reason}", "$warning"),
                                                   ("  " + m.email if m.email else "", "dim"))))
            self.rows.append((m.contact_id, m.reason == "opted out"))
        people.add_options(options)
        ids = [cid for cid, _ in self.rows]
        if keep_id and keep_id in ids:  # the same person, now on the other side
            people.highlighted = ids.index(keep_id)
        elif keep is not None and keep < len(options):
            people.highlighted = keep
        else:
            people.highlighted = 1 if len(options) > 1 else None

    def action_opt_out(self) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.newsletter import set_opt_out

        at = self.query_one("#people", OptionList).highlighted
        if at is None or at >= len(self.rows) or not self.rows[at][0]:
            return
        contact_id, opted_out = self.rows[at]
        try:
            set_opt_out(contact_id, not opted_out)
        except StoreError as exc:
            self.app.notify(literal(str(exc)), severity="error")
            return
        self.changed = True
        self.app.notify("Back in the newsletter." if opted_out else "Opted out of the newsletter (O again: back in).")
        self.fill()

    def action_close(self) -> None:
        self.dismiss(self.changed)
