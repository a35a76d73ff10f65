"""Provides the Mentors area's actions usable from any screen: log value with a contact, and
check in with a partner (the Today queue, the contact page and the Mentors screen share them)."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from kith.store.core.errors import StoreError
from kith.store.mentors import value as store_mentors
from kith.store.mentors import value_edits
from kith.tui.literal import plural, safe_text


def log_value(screen: Screen, contact_id: int, contact_name: str, direction: str = "received", touch=None,
              after: Callable[[], None] | None = None) -> None:
    """Ask for a value entry with a contact and write it; usable from any screen.

    ``touch`` (a ``TouchInfo`` just logged) pre-fills the day and note and links the entry to it.
    Someone with no role becomes a mentor, and the toast says so. ``after`` runs once saved.
    """
    from kith.tui.modals.value_entry import ValueDraft, ValueEntryModal

    today = screen.app.today()
    hint = not store_mentors.get_roles(contact_id)

    def done(draft: ValueDraft | None) -> None:
        if draft is None:
            return
        try:
            logged = value_edits.add_value(contact_id, draft.direction, draft.category, draft.on, draft.note,
                                           draft.touch_id)
        except StoreError as exc:
            screen.notify(safe_text(str(exc)), severity="error", markup=False)
            return
        made = f"; {contact_name} is now a mentor" if logged.made_mentor else ""
        screen.notify(safe_text(f"Logged {draft.direction} · {draft.category}{made}"), markup=False)
        if after is not None:
            after()

    screen.app.push_screen(ValueEntryModal(
        contact_name, today, direction, note=touch.note if touch else "", on=touch.date if touch else None,
        touch_id=touch.id if touch else None, made_mentor_hint=hint), done)


def check_in(screen: Screen, contact_id: int, after: Callable[[], None] | None = None) -> None:
    """Open the check-in with a partner and record it; usable from any screen (e.g. a Today item)."""
    from kith.tui.modals.check_in import CheckInDraft, CheckInModal

    try:
        p = store_mentors.get_partner(contact_id)
    except StoreError as exc:
        screen.notify(safe_text(str(exc)), severity="error", markup=False)
        return
    if not p.is_partner:
        screen.notify(safe_text(f"{p.name} is not an accountability partner (e on the Mentors screen sets roles)"),
                      severity="warning", markup=False)
        return

    def done(draft: CheckInDraft | None) -> None:
        if draft is None:
            return
        try:
            ci = store_mentors.record_check_in(contact_id, draft.on, draft.answers, draft.commitments,
                                               draft.outcomes, draft.note)
        except StoreError as exc:
            screen.notify(safe_text(str(exc)), severity="error", markup=False)
            return
        screen.notify(f"Check-in saved: {plural(len(ci.commitments), 'new commitment')}, {len(ci.reviewed)} reviewed.")
        if after is not None:
            after()

    from kith.store.career.goals import list_goals

    today = screen.app.today()
    goals = [(g.kind, g.text) for g in list_goals()[:5]]
    screen.app.push_screen(CheckInModal(p.name, today, p.questions, [(c.id, c.what) for c in p.open_commitments],
                                        p.last_check_in_on, goals), done)



def edit_value(screen: Screen, entry_id: int, contact_name: str, after: Callable[[], None] | None = None) -> None:
    """Open a value entry in the value modal, pre-filled; save writes only what changed (undoable)."""
    from kith.tui.modals.value_entry import ValueDraft, ValueEntryModal

    try:
        entry = store_mentors.get_value(entry_id)
    except StoreError as exc:
        screen.notify(safe_text(str(exc)), severity="error", markup=False)
        return
    shown_note = safe_text(entry.note).strip()

    def done(draft: ValueDraft | None) -> None:
        if draft is None:
            screen.notify("Entry left as it was.")
            return
        changes: dict = {}
        if draft.direction != entry.direction or draft.category != entry.category:
            changes["direction"], changes["category"] = draft.direction, draft.category
        if draft.on != entry.date:
            changes["on"] = draft.on
        if draft.note != shown_note:
            changes["note"] = draft.note
        if not changes:
            screen.notify("Nothing changed in the entry.")
            return
        try:
            value_edits.update_value(entry.id, **changes)
        except StoreError as exc:
            screen.notify(safe_text(str(exc)), severity="error", markup=False)
            return
        fields = ", ".join("day" if k == "on" else k for k in changes)
        screen.notify(f"Entry edited ({fields}); kith undo puts it back.", markup=False)
        if after is not None:
            after()

    screen.app.push_screen(ValueEntryModal(contact_name, screen.app.today(), entry.direction, entry.category,
                                           note=entry.note, on=entry.date, title="Edit value with "), done)
