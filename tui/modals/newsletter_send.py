"""Provides NewsletterSendModal: everything to send an issue from your own mail client.

kith never sends mail. The BCC list comes in batches (``[newsletter] batch_size``): b copies the
batch shown to the clipboard with OSC 52 (works over SSH), and it is shown for a manual copy;
t copies the subject, o the body, i a ``mailto:`` link; w writes the whole BCC list to a file
(never over an existing one without asking). Once sent, S on the issue marks it sent.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from kith.tui.literal import literal, plural, safe_text


class NewsletterSendModal(ModalScreen[None]):
    """The BCC list in batches, the subject and body, the mailto: link; each copyable."""

    CSS_PATH = "newsletter_send.tcss"
    AUTO_FOCUS = None  # the arrows page the batches: no field takes them until w asks for a file name
    BINDINGS = [
        Binding("escape", "close", "Close", id="newsletter-send-close", tooltip="Back to the issue"),
        Binding("b", "copy_bcc", "Copy BCC", id="newsletter-send-copy-bcc",
                tooltip="Copy this batch of addresses to the clipboard (OSC 52)"),
        Binding("right", "batch(1)", "Next batch", id="newsletter-send-next", tooltip="The next batch"),
        Binding("left", "batch(-1)", "Previous batch", id="newsletter-send-previous",
                tooltip="The previous batch"),
        Binding("t", "copy_subject", "Copy subject", id="newsletter-send-copy-subject", tooltip="Copy the subject"),
        Binding("o", "copy_body", "Copy body", id="newsletter-send-copy-body",
                tooltip="Copy the body with the help section"),
        Binding("i", "copy_link", "Copy mailto:", id="newsletter-send-copy-link",
                tooltip="Copy a mailto: link with this batch, the subject and the body"),
        Binding("w", "write_file", "Write file", id="newsletter-send-write",
                tooltip="Write the whole BCC list to a file (one batch a line)"),
    ]

    def __init__(self, issue, emails: list[str], batch_size: int, folder: Path) -> None:
        from kith.store.newsletter import bcc_batches

        super().__init__()
        self.issue = issue
        self.batches = bcc_batches(emails, batch_size)
        self.count = len(emails)
        self.folder = folder
        self.at = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(""), id="head")
            bcc = TextArea("", id="bcc", read_only=True, compact=True, soft_wrap=True, show_cursor=False)
            bcc.can_focus = False  # the arrows page the batches
            yield bcc
            yield Static(Content(""), id="subject")
            yield Static(Content(""), id="status")
            path = Input(placeholder="file to write the BCC list to", id="path", compact=True, max_length=500)
            path.display = path.can_focus = False  # until w asks for a file name
            yield path
            yield Static(Content.styled("b copy BCC · ←/→ batches · t subject · o body · i mailto: · "
                                        "w write a file · Esc", "dim"), id="hint")

    def on_mount(self) -> None:
        self.show_batch()
        if self.issue.sent_on is not None:
            self.status(f"Sent on {self.issue.sent_on.isoformat()}: these are the addresses it went to.", "dim")
        else:
            self.status("kith never sends mail: send it from yours, then S on the issue marks it sent.", "dim")

    def show_batch(self) -> None:
        batch = self.batches[self.at] if self.batches else ""
        size = len(batch.split(", ")) if batch else 0
        self.query_one("#head", Static).update(Content.assemble(
            literal(self.issue.subject, "bold", limit=70),
            (f"\n{plural(self.count, 'address', 'addresses')} · batch {self.at + 1} of {len(self.batches)} "
             f"({size}) · to copy by hand, select the text below", "dim")))
        self.query_one("#bcc", TextArea).text = safe_text(batch)
        self.query_one("#subject", Static).update(Content.assemble(("Subject: ", "dim"),
                                                                   literal(self.issue.subject, limit=200)))

    def status(self, text: str, style: str = "$success") -> None:
        self.query_one("#status", Static).update(literal(text, style, limit=300))

    def action_batch(self, step: int) -> None:
        if self.batches:
            self.at = (self.at + step) % len(self.batches)
            self.show_batch()
            self.status("")

    def action_copy_bcc(self) -> None:
        if not self.batches:
            return self.status("Nobody to send to: the audience is empty.", "$warning")
        self.app.copy_to_clipboard(self.batches[self.at])
        more = " · → for the next" if len(self.batches) > 1 else ""
        self.status(f"Copied batch {self.at + 1} of {len(self.batches)} to the clipboard{more}.")

    def action_copy_subject(self) -> None:
        self.app.copy_to_clipboard(self.issue.subject)
        self.status("Copied the subject.")

    def action_copy_body(self) -> None:
        self.app.copy_to_clipboard(self.issue.full_text())
        self.status(f"Copied the body ({len(self.issue.full_text()):,} characters).")

    def action_copy_link(self) -> None:
        from kith.store.newsletter import mailto

        link = mailto(self.batches[self.at] if self.batches else "", self.issue.subject, self.issue.full_text())
        self.app.copy_to_clipboard(link)
        self.status(f"Copied a mailto: link ({len(link):,} characters): {link[:120]}")

    def action_write_file(self) -> None:
        path = self.query_one("#path", Input)
        path.value = str(self.folder / f"newsletter-{self.issue.id}-bcc.txt")
        path.display = path.can_focus = True
        path.focus()
        self.status("Enter writes the file (an existing one is never replaced without asking) · Esc cancels",
                    "dim")

    @on(Input.Submitted, "#path")
    def _write(self, event: Input.Submitted, force: bool = False) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.core.files import WriteRefused, write_file

        target = event.value.strip()
        if not target:
            return
        try:
            written = write_file(Path(target).expanduser(), "\n".join(self.batches) + "\n", force=force)
        except WriteRefused as exc:
            if "exists" not in str(exc) or force:
                return self.status(str(exc), "$error")
            return self._ask_replace(event)
        except StoreError as exc:
            return self.status(str(exc), "$error")
        self._hide_path()
        self.status(f"Wrote {plural(self.count, 'address', 'addresses')} to {written.path}.")

    def _ask_replace(self, event: Input.Submitted) -> None:
        from kith.tui.modals.confirm import ConfirmModal

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(event, force=True)
            else:
                self.status("Not written: choose another name.", "$warning")

        self.app.push_screen(ConfirmModal(Content.assemble("Replace ", literal(event.value.strip(), limit=200),
                                                           "? It exists."), confirm_label="Replace"), answered)

    def action_close(self) -> None:
        if self.query_one("#path", Input).display:
            self._hide_path()
            self.status("")
            return
        self.dismiss(None)

    def _hide_path(self) -> None:
        path = self.query_one("#path", Input)
        path.display = path.can_focus = False
        self.set_focus(None)
