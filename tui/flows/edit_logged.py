"""The contact page's pickable items: the touch timeline and the follow-ups as lists the cursor
enters (↓ or Tab), j / k moving inside (ListOptions), ``e`` editing the highlighted item in the modal that logged it.

Editing writes only the fields that changed, through ``store.touches.update_touch`` and
``store.followups.update_follow_up``; both record an undo entry (``kith undo`` reverts it).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Region

from kith.store.core.records import FollowUpInfo, TouchInfo
from kith.tui.literal import safe_text
from kith.tui.widgets.lists import ListOptions


class PageBody(VerticalScroll):
    """The contact page's scrolling body: ↓ moves the cursor into its lists (the follow-ups, then
    the touches), as Tab does; without a list to enter it scrolls."""

    BINDINGS = [
        Binding("down", "into_lists", "Into the lists", show=False, id="detail-into-lists",
                tooltip="Move the cursor into the follow-ups or touches (Tab too)"),
    ]

    def lists(self) -> list[ListOptions]:
        """The page's lists that show at least one item, top to bottom."""
        return [w for w in self.query(PageList) if w.display and w.option_count]

    def action_into_lists(self) -> None:
        found = self.lists()
        if not found:
            self.scroll_down()
            return
        found[0].focus()
        if found[0].highlighted is None:
            found[0].highlighted = 0

    def step_out(self, of: ListOptions, direction: int) -> None:
        """Past the last item ↓ enters the next list (the last one stays); before the first ↑ enters
        the one above, or the page."""
        found = self.lists()
        at = found.index(of) + direction if of in found else -1
        if 0 <= at < len(found):
            found[at].focus()
            found[at].highlighted = 0 if direction > 0 else found[at].option_count - 1
        elif direction < 0:
            self.focus()


class PageList(ListOptions):
    """A list on the contact page: ↓ past its end and ↑ before its start leave it (no wrapping round)."""

    def action_cursor_down(self) -> None:
        body = next((a for a in self.ancestors if isinstance(a, PageBody)), None)
        if body is None or self.highlighted is None or self.highlighted < self.option_count - 1:
            super().action_cursor_down()
        else:
            body.step_out(self, 1)

    def action_cursor_up(self) -> None:
        body = next((a for a in self.ancestors if isinstance(a, PageBody)), None)
        if body is None or self.highlighted is None or self.highlighted > 0:
            super().action_cursor_up()
        else:
            body.step_out(self, -1)


class TouchList(PageList):
    """The touch timeline, newest first: ``e`` edits the highlighted touch."""

    BINDINGS = [
        Binding("e", "screen.edit_touch", "Edit touch", id="detail-edit-touch",
                tooltip="Edit the highlighted touch's kind, day or note"),
    ]


class FollowUpList(PageList):
    """The follow-ups: ``e`` edits the highlighted one (``x`` marks it done, on the page)."""

    BINDINGS = [
        Binding("e", "screen.edit_follow_up", "Edit follow-up", id="detail-edit-follow-up",
                tooltip="Edit the highlighted follow-up's text or due day"),
    ]

    def rows_on_screen(self, page: Region) -> set[int]:
        """The rows (one line each) that show both in this list and in ``page``, the visible page area."""
        if not self.display:
            return set()
        box = self.content_region
        first = round(self.scroll_offset.y)
        return {row for row in range(first, first + box.height)
                if page.y <= box.y + row - first < page.bottom and row < self.option_count}


def edit_touch(screen, touch: TouchInfo, contact_name: str) -> None:
    """Open the touch in the log modal, pre-filled; save writes only what changed."""
    from kith.tui.modals.log_touch import LogTouchModal, TouchDraft

    today = screen.today()
    shown_note = safe_text(touch.note)

    def done(draft: TouchDraft | None) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.people.touches import update_touch

        if draft is None:
            screen.toast("Touch left as it was.")
            return
        changes: dict = {}
        if draft.kind != touch.kind:
            changes["kind"] = draft.kind
        if draft.on != touch.date:
            changes["on"] = draft.on
        if draft.note != shown_note.strip():
            changes["note"] = draft.note
        if not changes:
            screen.toast("Nothing changed in the touch.")
            return
        try:
            update_touch(touch.id, today=today, **changes)
        except StoreError as exc:
            screen.error(exc)
            return
        fields = ", ".join("day" if k == "on" else k for k in changes)
        screen.toast(f"Touch edited ({fields}); kith undo puts it back.")
        screen.reload()

    screen.app.push_screen(LogTouchModal(contact_name, today, kind=touch.kind, on=touch.date, note=touch.note,
                                         title="Edit touch with "), done)


def edit_follow_up(screen, follow_up: FollowUpInfo, contact_name: str) -> None:
    """Open the follow-up in its modal, pre-filled; save writes only what changed."""
    from kith.tui.modals.follow_up import FollowUpDraft, FollowUpModal

    shown_what = " ".join(safe_text(follow_up.what).split())

    def done(draft: FollowUpDraft | None) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.people.followups import update_follow_up

        if draft is None:
            screen.toast("Follow-up left as it was.")
            return
        changes: dict = {}
        if draft.due != follow_up.due:
            changes["due"] = draft.due
        if draft.what != shown_what:
            changes["what"] = draft.what
        if not changes:
            screen.toast("Nothing changed in the follow-up.")
            return
        try:
            update_follow_up(follow_up.id, **changes)
        except StoreError as exc:
            screen.error(exc)
            return
        screen.toast(f"Follow-up edited ({', '.join(changes)}); kith undo puts it back.")
        screen.reload()

    screen.app.push_screen(FollowUpModal(contact_name, screen.today(), due=follow_up.due, what=follow_up.what,
                                         title="Edit follow-up with "), done)
