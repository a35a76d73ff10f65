"""Follow-up flows shared by Contacts and a contact's page: add one, mark one done or reopen it.

Marking done goes through ``store.review`` so it counts as done in Today's review line and
``u`` on Today undoes it, wherever it was pressed.
"""

from __future__ import annotations

from kith.store.core.records import FollowUpInfo


def add_follow_up(screen, contact_id: int) -> None:
    """Ask what and when, then add the follow-up; ``screen`` is a ContactActions screen."""
    from kith.store.core.errors import NotFound
    from kith.store.people.contacts import get_contact
    from kith.tui.modals.follow_up import FollowUpModal

    try:
        contact = get_contact(contact_id)
    except NotFound as exc:
        screen.error(exc)
        return

    def done(draft) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.people.followups import add_follow_up as store_add

        if draft is None:
            return
        try:
            store_add(contact_id, draft.due, draft.what)
        except StoreError as exc:
            screen.error(exc)
            return
        screen.toast(f"Follow-up for {{}} due {draft.due.isoformat()}: {{}}", user=(contact.name, draft.what))
        screen.reload()

    screen.app.push_screen(FollowUpModal(contact.name, screen.today()), done)


def toggle_follow_up_done(screen, contact_id: int, contact_name: str, f: FollowUpInfo) -> None:
    """Mark ``f`` done (counted in today's review, undoable there) or reopen it."""
    from kith.store.core.errors import StoreError
    from kith.store.today import review
    from kith.store.today.queue import QueueItem

    day = screen.today()
    item = QueueItem("follow-up", contact_id, contact_name, f.due, 0.0, f"follow-up: {f.what}", f.id)
    try:
        if not f.done:
            review.mark_done(item, day)
        else:
            last = review.last_action(day)
            if last is not None and last.action == "done" and last.key == item.key:
                review.undo_last(day)  # reopening what was just closed: it no longer counts as done
            else:
                from kith.store.people.followups import set_done

                set_done(f.id, False, day)
    except StoreError as exc:
        screen.error(exc)
        return
    if f.done:
        screen.toast("Reopened: {}", user=(f.what,))
    else:
        screen.toast("Done: {} (counted in Today's review; u there undoes it)", user=(f.what,))
    screen.reload()
