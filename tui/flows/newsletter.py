"""Provides NewsletterActions: what the Network area's Newsletter tab does (mixed into its screen).

n writes an issue, e edits a draft, D deletes a draft, p previews the audience, b opens the BCC
batches and copies, S marks the issue sent (after a confirmation), l logs a reply from the
highlighted recipient. Every change is undoable with u.
"""

from __future__ import annotations

from pathlib import Path

from textual.content import Content

from kith.tui.literal import literal, plural


class NewsletterActions:
    """Actions of the Newsletter tab; the screen provides ``pane()``, ``today()``, ``toast()``, ``reload()``."""

    def _issue(self, draft_only: bool = False):
        issue = self.pane().selected_issue()
        if issue is None:
            self.toast("No issue highlighted: n writes one.", "warning")
            return None
        if draft_only and issue.sent_on is not None:
            self.toast(f"Sent on {issue.sent_on.isoformat()}: u (or kith newsletter undo-sent {issue.id}) makes it "
                       "a draft again.", "warning")
            return None
        return issue

    def _select(self, issue_id: int) -> None:
        pane = self.pane()
        pane.filter.value = ""
        pane.reload()
        if issue_id in pane.shown:
            pane.list.move_to(pane.shown.index(issue_id))
        pane.list.focus()

    def action_newsletter_new(self) -> None:
        from kith.tui.modals.newsletter_compose import NewsletterComposeModal

        def saved(draft) -> None:
            from kith.store.core.errors import StoreError
            from kith.store.newsletter import create_issue

            if draft is None:
                return
            try:
                issue = create_issue(draft.subject, draft.body, draft.help, draft.audience)
            except StoreError as exc:
                return self.toast(str(exc), "error")
            self.toast(f"Issue #{issue.id} saved as a draft: p previews who gets it, b gives the BCC list.")
            self._select(issue.id)

        self.app.push_screen(NewsletterComposeModal("New newsletter issue", today=self.today()), saved)

    def action_newsletter_edit(self) -> None:
        from kith.tui.modals.newsletter_compose import IssueDraft, NewsletterComposeModal

        issue = self._issue(draft_only=True)
        if issue is None:
            return

        def saved(draft) -> None:
            from kith.store.core.errors import StoreError
            from kith.store.newsletter import update_issue

            if draft is None:
                return
            try:
                update_issue(issue.id, draft.subject, draft.body, draft.help, draft.audience)
            except StoreError as exc:
                return self.toast(str(exc), "error")
            self.toast(f"Issue #{issue.id} saved (u undoes).")
            self._select(issue.id)

        draft = IssueDraft(issue.subject, issue.body, issue.help, issue.audience)
        self.app.push_screen(NewsletterComposeModal(f"Edit issue #{issue.id}", draft, today=self.today()), saved)

    def action_newsletter_delete(self) -> None:
        from kith.tui.modals.confirm import ConfirmModal

        issue = self._issue(draft_only=True)
        if issue is None:
            return

        def answered(yes: bool | None) -> None:
            from kith.store.newsletter import delete_issue

            if yes:
                delete_issue(issue.id)
                self.toast(f"Deleted the draft {issue.subject} (u undoes).")
                self.reload()

        self.app.push_screen(ConfirmModal(Content.assemble("Delete the draft ", literal(issue.subject, "bold"),
                                                           "?")), answered)

    def action_newsletter_audience(self) -> None:
        from kith.tui.modals.newsletter_audience import NewsletterAudienceModal

        issue = self._issue()
        if issue is not None:
            self.app.push_screen(NewsletterAudienceModal(issue, self.today()), lambda changed: self.reload())

    def action_newsletter_bcc(self) -> None:
        from kith.store.newsletter import preview, recipients
        from kith.tui.modals.newsletter_send import NewsletterSendModal

        issue = self._issue()
        if issue is None:
            return
        # A sent issue gives the list it went to; a draft, its audience as it is today.
        emails = ([r.email for r in recipients(issue.id)] if issue.sent_on
                  else preview(issue, self.today()).emails)
        folder = Path(self.app.db_path).parent / "exports"
        self.app.push_screen(NewsletterSendModal(issue, emails, self.app.config.newsletter.batch_size, folder))

    def action_newsletter_sent(self) -> None:
        from kith.store.newsletter import preview
        from kith.tui.modals.confirm import ConfirmModal

        issue = self._issue(draft_only=True)
        if issue is None:
            return
        count = len(preview(issue, self.today()).inside)
        if not count:
            return self.toast("The audience is empty: nobody to mark it sent to.", "warning")

        def answered(yes: bool | None) -> None:
            from kith.store.core.errors import StoreError
            from kith.store.newsletter import mark_sent

            if not yes:
                return
            try:
                sent = mark_sent(issue.id, self.today(), today=self.today())
            except StoreError as exc:
                return self.toast(str(exc), "error")
            self.toast(f"Marked sent: a newsletter touch on {plural(sent, 'person', 'people')} (u undoes).")
            self._select(issue.id)

        question = Content.assemble("Mark ", literal(issue.subject, "bold", limit=80),
                                    f" sent today to {plural(count, 'person', 'people')}? "
                                    "A newsletter touch is logged on each.")
        self.app.push_screen(ConfirmModal(question, confirm_label="Mark sent"), answered)

    def action_newsletter_reply(self) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.newsletter import log_reply

        issue = self._issue()
        if issue is None:
            return
        if issue.sent_on is None:
            return self.toast("Not sent yet: nobody can have replied.", "warning")
        contact_id = self.pane().selected_person()
        if contact_id is None:
            return self.toast("Tab to the recipients and highlight who replied, then l.", "warning")
        try:
            log_reply(issue.id, contact_id, self.today())
        except StoreError as exc:
            return self.toast(str(exc), "error")
        self.toast("Reply logged: a message touch (u undoes).")
        pane = self.pane()
        pane.reload()
        pane.people_list.focus()
