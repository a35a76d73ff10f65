"""Provides ContactActions: the edit / log a touch / follow-up / archive / delete flows of the contact screens."""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content

from kith.tui.literal import literal, safe_text


class ContactActions:
    """Edit, log a touch, archive, delete: modal in, store write, toast out.

    Mixed into a Screen that has ``today()`` and ``reload()``. Modals only return values; the
    writes happen here, on the screen side.
    """

    def action_prep(self) -> None:
        """The contact page's ``p``: the prep brief for this person (plan a conversation from there)."""
        from kith.tui.flows.prep import open_prep

        open_prep(self, self.contact_id)

    def toast(self, text: str, user: tuple[str, ...] = (), severity: str = "information") -> None:
        """Notify with literal text: ``text`` is kith's own wording; its ``{}`` slots take ``user`` strings,
        made safe (never markup, never a control character)."""
        if user:
            text = text.format(*(safe_text(u, limit=120) for u in user))
        self.app.notify(safe_text(text, limit=400), severity=severity, markup=False)

    def error(self, exc: Exception) -> None:
        """Show a store error (its message may quote user data) as an error toast."""
        self.toast("{}", user=(str(exc),), severity="error")

    def open_form(self, contact_id: int | None, typed: dict[str, str] | None = None,
                  notice: Content | None = None, after: Callable[[int], None] | None = None) -> None:
        """Add (``contact_id`` None) or edit a contact in the form; a conflict reopens it with the typing kept."""
        from kith.store.core.errors import NotFound
        from kith.store.people.contacts import get_contact
        from kith.tui.modals.contact_form import ContactFormModal

        try:
            contact = get_contact(contact_id) if contact_id is not None else None
        except NotFound as exc:
            self.error(exc)
            return
        form = ContactFormModal(contact, list(self.app.config.tiers), typed=typed, notice=notice)
        self.app.push_screen(form, lambda changes: self._form_done(form, contact, changes, after))

    def _form_done(self, form, contact, changes: dict | None, after) -> None:
        from kith.store.core.errors import Conflict, Invalid, NotFound
        from kith.store.people.contacts import create_contact, get_contact, update_contact

        if changes is None:
            return
        try:
            if contact is None:
                saved = create_contact(**changes)
                self.toast("Added {}.", user=(saved.name,))
            elif not changes:
                return
            else:
                saved = update_contact(contact.id, changes, base=contact)
                self.toast("Saved {}.", user=(saved.name,))
        except Conflict as exc:
            fresh = get_contact(contact.id)
            notice = Content.assemble(
                literal(str(exc).rstrip(".;") + ".", "bold $error"),
                "\nThe form now shows the latest saved values with your edits on top: "
                "review and press ctrl+s to keep yours, or Esc to keep theirs.")
            self.open_form(fresh.id, typed=form.changed_fields, notice=notice, after=after)
            return
        except Invalid as exc:
            self.open_form(contact.id if contact else None, typed=form.typed,
                           notice=literal(str(exc), "bold $error"), after=after)
            return
        except NotFound as exc:
            self.error(exc)
            return
        self.reload()
        if after is not None:
            after(saved.id)

    def log_touch(self, contact_id: int) -> None:
        """Ask kind, day and note, then record the touch."""
        from kith.store.core.errors import NotFound
        from kith.store.people.contacts import get_contact
        from kith.tui.modals.log_touch import LogTouchModal

        try:
            contact = get_contact(contact_id)
        except NotFound as exc:
            self.error(exc)
            return

        def done(draft) -> None:
            from kith.store.core.errors import StoreError
            from kith.store.people.touches import log_touch

            if draft is None:
                return
            try:
                touch = log_touch(contact.id, draft.kind, draft.on, draft.note, channel=draft.channel)
            except StoreError as exc:
                self.error(exc)
                return
            when = "" if draft.on == self.today() else f" on {draft.on.isoformat()}"
            self.toast(f"Logged {draft.kind} with {{}}{when}.", user=(contact.name,))
            self.touch_logged(contact.id)
            from kith.store.mentors.value import get_roles

            if get_roles(contact.id):
                # A touch with a mentor often carries value: offer the entry, prefilled (Esc skips).
                from kith.tui.flows.mentor_actions import log_value

                log_value(self, contact.id, contact.name, touch=touch, after=self.reload)

        self.app.push_screen(LogTouchModal(contact.name, self.today()), done)

    def add_follow_up(self, contact_id: int) -> None:
        """Ask what and when, then add a follow-up for the contact."""
        from kith.tui.flows.follow_up_actions import add_follow_up

        add_follow_up(self, contact_id)

    def touch_logged(self, contact_id: int) -> None:
        """Called after a touch was written; screens decide where the cursor goes."""
        self.reload()

    def toggle_archived(self, contact_id: int) -> None:
        """Archive an active contact, restore an archived one."""
        from kith.store.core.errors import StoreError
        from kith.store.people.contacts import get_contact, set_archived

        try:
            contact = get_contact(contact_id)
            set_archived(contact_id, not contact.archived)
        except StoreError as exc:
            self.error(exc)
            return
        if contact.archived:
            self.toast("Restored {}.", user=(contact.name,))
        else:
            self.toast("Archived {}. A shows archived contacts; a there restores.", user=(contact.name,))
        self.reload()

    def delete_contact(self, contact_id: int, after: Callable[[], None] | None = None) -> None:
        """Ask first; then delete the contact with its touches and follow-ups."""
        from kith.store.core.errors import NotFound
        from kith.store.people.contacts import get_contact
        from kith.store.people.followups import list_follow_ups
        from kith.store.people.touches import list_touches
        from kith.tui.modals.confirm import ConfirmModal

        try:
            contact = get_contact(contact_id)
        except NotFound as exc:
            self.error(exc)
            return
        touches, follow_ups = len(list_touches(contact_id)), len(list_follow_ups(contact_id))
        question = Content.assemble(
            "Delete ", literal(contact.name, "bold", limit=120), "?\n",
            (f"Their {touches} touch{'es' if touches != 1 else ''} and {follow_ups} "
             f"follow-up{'s' if follow_ups != 1 else ''} go too; u (undo) brings them back.", "$text-muted"))

        def done(yes: bool | None) -> None:
            from kith.store.core.errors import StoreError
            from kith.store.people.contacts import delete_contact

            if not yes:
                return
            try:
                delete_contact(contact_id)
            except StoreError as exc:
                self.error(exc)
                return
            self.toast("Deleted {}.", user=(contact.name,))
            if after is not None:
                after()
            else:
                self.reload()

        self.app.push_screen(ConfirmModal(question, "Delete"), done)
