"""Provides TodayScreen: the ranked Today queue and a keyboard-only daily review.

Walk the queue top to bottom: ``l`` log, ``s`` snooze, ``x`` done, ``f`` follow-up, Enter open,
``u`` undo, ``n`` add a contact, ``w`` the weekly review. Every action is written by ``store.review``
so undo reverses it in the store; a key that does not apply to the highlighted row says why.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from kith.store.core.access import Freshness
from kith.store.today.queue import QueueItem
from kith.tui.area import AreaScreen
from kith.tui.commands_mode import ModeCommands, save_mode
from kith.tui.flows.about_no_one import about_no_one
from kith.tui.flows.contact_actions import ContactActions
from kith.tui.flows.weekly_review import WeeklyReviewPanel
from kith.tui.literal import literal
from kith.tui.widgets.key_footer import KeyFooter
from kith.tui.widgets.nav_bar import NavBar
from kith.tui.widgets.queue_list import QueueList, QueueRow

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Touch kind the log modal starts on, by source: a birthday wish is a message, a check-in a check-in.
KIND_FOR_SOURCE = {"birthday": "message", "check-in": "check-in", "give-back": "message", "follow-up": "email",
                   "thank-you": "thank-you", "met": "message"}
# Why ``x`` (done) does not apply to a row, by source: what to press instead.
NOT_DONE_WHY = {
    "give-back": "a give-back is done by giving: l logs the touch and asks what you gave; s snoozes it",
    "check-in": "a check-in is done by checking in: l logs it and opens the check-in; s snoozes it",
    "birthday": "a birthday is done by wishing: l logs the message; s snoozes it",
    "thank-you": "a thank-you is done by thanking: l logs it (kind thank-you)",
    "met": "following up is done by getting in touch: l logs it and the nudge goes; s snoozes it",
}


def _what(item: QueueItem) -> str:
    """What a follow-up item asks for (its reason after ``follow-up: ``), else the person."""
    return item.reason.partition(": ")[2] or item.contact_name


def day_label(day: date) -> str:
    """``Mon 16 Mar 2026`` whatever the locale."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


class TodayScreen(ContactActions, WeeklyReviewPanel, AreaScreen):
    """The Today area: whom to reach today, why, and the keys to act on each."""

    AREA = "today"
    CSS_PATH = "today.tcss"
    COMMANDS = {ModeCommands}
    BINDINGS = [
        Binding("l", "log_touch", "Log", id="today-log", tooltip="Log a touch with this person (Enter saves)"),
        Binding("s", "snooze", "Snooze", id="today-snooze", tooltip="Hide until later: then 1, 3, w or d"),
        Binding("x", "done", "Done", id="today-done", tooltip="Mark this follow-up done"),
        Binding("f", "follow_up", "Follow-up", id="today-follow-up", tooltip="Add a follow-up for this person"),
        Binding("enter", "open_contact", "Open", id="today-open", tooltip="Open this person's page"),
        Binding("p", "prep", "Prep", id="today-prep", tooltip="The prep brief for this person or conversation"),
        Binding("u", "undo", "Undo", id="today-undo", tooltip="Undo the last action of today's review"),
        Binding("w", "weekly_review", "Week", show=False, id="today-weekly-review",
                tooltip="The weekly review of the past week: put it away for today, or show it"),
        Binding("n", "new_contact", "New", show=False, id="today-new-contact", tooltip="Add a contact"),
        Binding("m", "toggle_mode", "Mode", show=False, id="today-mode",
                tooltip="Switch between steady and job-search mode"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.items: list[QueueItem] = []
        """The ranked queue as last loaded."""
        self._day: date | None = None
        self._done = 0
        """Items handled today that have left the queue (the header's "N of M done")."""
        self._fresh = Freshness()

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        yield Static(id="review-header")
        yield Static(id="weekly-review")
        yield QueueList(id="queue")
        yield Static(id="empty")
        yield Static(id="summary")
        yield KeyFooter()

    # -- data -----------------------------------------------------------------------------------

    def _signature(self) -> tuple:
        # Nothing the queue depends on has changed while the store is unchanged with these.
        return self.today(), self.app.config

    def reload(self, keep: tuple | None = None, force: bool = False) -> None:
        """Rebuild the queue and header; keep the cursor on ``keep`` (an item key) or in place.

        A queue over 10,000 contacts costs tens of ms, so a reload asked for when nothing changed
        (resuming right after mount, closing a cancelled modal) is skipped unless ``force``.
        """
        if not force and keep is None and self._fresh.unchanged(*self._signature()):
            return
        from kith.store.today import review
        from kith.store.today.queue import build_queue
        from kith.tui.settings import context_for

        queue_list = self.query_one("#queue", QueueList)
        previous = self.current_item()
        index = queue_list.cursor
        day = self.today()
        self._day = day
        self.items = build_queue(context_for(self.app.config, day))
        progress = review.progress(day)
        keys = [item.key for item in self.items]
        wanted = keep or (previous.key if previous else None)
        if wanted in keys:
            index = keys.index(wanted)
        queue_list.set_rows([QueueRow(i.state, i.contact_name, i.reason) for i in self.items], index)
        self._done = len(progress.handled_keys.difference(keys))  # handled today and gone from the queue
        self._show_header(day)
        self.show_weekly_review(day)
        self._show_end(progress)
        self.refresh_bindings()
        self._fresh.mark(*self._signature())

    def _show_header(self, day: date) -> None:
        from kith.store.today.review import daily_counts

        config = self.app.config
        done = self._done
        total = done + len(self.items)
        mode = "job search" if config.mode == "job-search" else "steady"
        left = Content.assemble(("Today", "bold"), f" · {day_label(day)} · ", (mode, "$accent"))
        right = Content.assemble((f"{done} of {total} done", "bold"))
        lines = [Content.assemble(left, " " * max(1, self.size.width - left.cell_length - right.cell_length - 2),
                                  right)]
        if config.mode == "job-search":
            from kith.tui.flows.prep import interview_targets

            counts = daily_counts(day)
            lines.append(Content.assemble(
                "Targets: ", interview_targets(config, day, self._target), " · ",
                self._target("outreach", counts.outreach, config.today.job_search_outreach_per_day),
            ))
        self.query_one("#review-header", Static).update(Content("\n").join(lines))

    @staticmethod
    def _target(label: str, got: int, goal: int) -> Content:
        style = "bold $success" if got >= goal else "bold $warning"
        return Content.assemble((f"{got}/{goal}", style), f" {label}")

    def _show_end(self, progress) -> None:
        empty = self.query_one("#empty", Static)
        summary = self.query_one("#summary", Static)
        done = self._follow_ups_closed(progress)
        acted = progress.touched + progress.snoozed + done
        tally = (f"touched {progress.touched} · snoozed {progress.snoozed} · done {done}"
                 + (f" · follow-ups added {progress.follow_ups_added}" if progress.follow_ups_added else ""))
        self.query_one("#queue", QueueList).display = bool(self.items)
        empty.display = not self.items
        summary.update(Content.assemble(("Review: ", "bold"), tally, " · ", (f"left {len(self.items)}", "bold")))
        if self.items:
            return
        if acted:
            text = Content.assemble(
                ("Review complete. ", "bold $success"), tally, ".\n\n",
                "Nothing else is due today. Press 2 to browse contacts, 3 for mentors, or u to undo the last step.")
        else:
            text = Content.assemble(
                ("Nothing is due today.", "bold"), "\n\n",
                "What next:\n",
                "  n  Add a contact right here.\n",
                "  2  Contacts: add people, or `kith import` a LinkedIn Connections.csv;\n",
                "     give each a tier (inner, close, network) to set how often to reach out.\n",
                "  3  Mentors: note what your mentors gave you, and give something back.\n",
                "  4  Brand: rehearse your elevator pitch.\n",
                "  m  Job-search mode: tighter cadences and daily targets (also ctrl+p).")
        coming = self._coming_up()
        empty.update(Content.assemble(text, "\n\n", coming) if coming else text)

    @staticmethod
    def _follow_ups_closed(progress) -> int:
        """Follow-ups handled today that are closed now: by x, by a touch on their row (l), or from a
        contact's page. The review log counts only x as done; a touch closes the follow-up too."""
        from kith.store.core.errors import NotFound
        from kith.store.people.followups import get_follow_up

        closed = 0
        for source, _contact_id, ref_id in progress.handled_keys:
            if source != "follow-up" or not ref_id:
                continue
            try:
                closed += get_follow_up(ref_id).done
            except NotFound:
                continue
        return closed

    def _coming_up(self) -> Content | None:
        from kith.store.today.sources import upcoming
        from kith.tui.settings import context_for

        soon = upcoming(context_for(self.app.config, self._day), limit=3)
        if not soon:
            return None
        parts: list = [("Coming up: ", "bold")]
        for n, item in enumerate(soon):
            if n:
                parts.append(" · ")
            parts += [literal(item.contact_name, limit=40), f" in {(item.due - self._day).days} d"]
        return Content.assemble(*parts)

    def current_item(self) -> QueueItem | None:
        """The highlighted item, if the queue has any."""
        if not self.items:
            return None
        index = self.query_one("#queue", QueueList).cursor
        return self.items[index] if 0 <= index < len(self.items) else None

    def _ask(self, modal, done) -> None:
        """Push ``modal``; ``done`` gets its result unless it was cancelled."""

        def finished(result) -> None:
            if result is not None:
                done(result)

        self.app.push_screen(modal, finished)

    @on(QueueList.Highlighted)
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def on_resize(self) -> None:
        if self._day is not None:
            self._show_header(self._day)  # the counts of the last reload: only the line's width changed

    def _need_item(self, verb: str) -> QueueItem | None:
        """The highlighted item, or a toast saying there is none to ``verb``."""
        item = self.current_item()
        if item is None:
            self.notify(f"Nothing in the queue to {verb}: n adds a contact, 2 browses contacts.",
                        severity="warning")
        return item

    # -- actions --------------------------------------------------------------------------------

    def _run(self, what, *args, keep: tuple | None = None):
        """Call a store function; show a store error as a toast instead of crashing."""
        from kith.store.core.errors import StoreError

        try:
            result = what(*args)
        except StoreError as exc:
            self.notify(literal(str(exc)), severity="error")
            return None
        self.reload(keep=keep, force=True)
        return result if result is not None else True

    def action_log_touch(self) -> None:
        """Open the log modal prefilled with today; Enter saves and the next item is highlighted."""
        from kith.store.today import review
        from kith.tui.modals.log_touch import LogTouchModal

        item = self._need_item("log a touch for")
        if item is None or about_no_one(self, item, "log a touch with"):
            return
        day = self.today()

        def saved(draft) -> None:
            touch = self._run(review.log_touch, item, draft.kind, draft.on, draft.note, day, draft.channel)
            if not touch:
                return
            closed = (Content.assemble("; the follow-up ", literal(_what(item), limit=60),
                                       " is closed too and counts as done (u undoes both)")
                      if item.source == "follow-up" else Content(""))
            self.notify(Content.assemble(f"Logged {draft.kind} with ", literal(item.contact_name), closed, "."))
            # Giving back and checking in are what the touch was for: record them straight away (Esc skips).
            if item.source == "give-back":
                from kith.tui.flows.mentor_actions import log_value

                log_value(self, item.contact_id, item.contact_name, "given", touch=touch)
            elif item.source == "check-in":
                from kith.tui.flows.mentor_actions import check_in

                check_in(self, item.contact_id)

        self._ask(LogTouchModal(item.contact_name, day, KIND_FOR_SOURCE.get(item.source, "message")), saved)

    def action_snooze(self) -> None:
        """Ask how long (one more key) and hide the item until then."""
        from kith.store.today import review
        from kith.tui.modals.snooze import SnoozeModal

        item = self._need_item("snooze")
        if item is None or about_no_one(self, item, "snooze"):
            return
        day = self.today()

        def chosen(until: date) -> None:
            if self._run(review.snooze, item, until, day):
                from kith.tui.format import snoozed_line

                self.notify(literal(snoozed_line(item.contact_name, [item.source], day_label(until)) + "."))

        self._ask(SnoozeModal(item.contact_name, day), chosen)

    def action_done(self) -> None:
        """Mark the highlighted follow-up done."""
        from kith.store.today import review

        item = self._need_item("mark done")
        if item is None:
            return
        if item.source != "follow-up":
            why = NOT_DONE_WHY.get(item.source, "only a follow-up is marked done; l logs a touch, s snoozes")
            self.notify(Content.assemble("Not a follow-up: ", why, "."), severity="warning")
            return
        if self._run(review.mark_done, item, self.today()):
            self.notify(Content.assemble("Done: ", literal(_what(item)), "."))

    def action_follow_up(self) -> None:
        """Add a follow-up for the highlighted person."""
        from kith.store.today import review
        from kith.tui.modals.follow_up import FollowUpModal

        item = self._need_item("add a follow-up for")
        if item is None or about_no_one(self, item, "follow up with"):
            return
        day = self.today()

        def saved(draft) -> None:
            if self._run(review.add_follow_up, item, draft.due, draft.what, day, keep=item.key):
                self.notify(Content.assemble("Follow-up for ", literal(item.contact_name),
                                             f" due {day_label(draft.due)}."))

        self._ask(FollowUpModal(item.contact_name, day), saved)

    def action_open_contact(self) -> None:
        """Open the highlighted person's page."""
        item = self._need_item("open")
        if item is None:
            return
        if item.contact_id is None:  # about no one: open its area (a brand review: Brand)
            area = item.area or ("brand" if item.source == "brand-review" else "")
            if area:
                self.app.action_area(area)
            return
        self.app.open_contact(item.contact_id)

    def action_prep(self) -> None:
        """Open the prep brief of the highlighted conversation or person."""
        from kith.tui.flows.prep import open_prep

        item = self._need_item("prepare")
        if item is not None:
            open_prep(self, item.contact_id, source=item.source, ref_id=item.ref_id)

    def action_undo(self) -> None:
        """Reverse the last action of today's review in the store."""
        from kith.store.core.errors import StoreError
        from kith.store.today.review import undo_last

        try:
            undone = undo_last(self.today())
        except StoreError as exc:
            self.notify(literal(str(exc)), severity="error")
            return
        if undone is None:
            self.notify("Nothing to undo today.")
            return
        self.reload(keep=undone.key, force=True)
        verb = {"touch": "logged touch", "snooze": "snooze", "done": "done", "follow-up": "new follow-up"}
        self.notify(Content.assemble(f"Undid {verb.get(undone.action, undone.action)}: ",
                                     literal(undone.contact_name), "."))

    def action_new_contact(self) -> None:
        """Add a contact (the welcome dialog offers n); they join the queue when due."""
        self.open_form(None)

    def action_toggle_mode(self) -> None:
        """Switch steady <-> job search."""
        self.set_mode("steady" if self.app.config.mode == "job-search" else "job-search")

    def set_mode(self, mode: str) -> None:
        """Use ``mode`` now (cadences, targets) and save it to the config file."""
        self.app.config = replace(self.app.config, mode=mode)
        self.reload(force=True)
        label = "job search" if mode == "job-search" else "steady"
        try:
            path = save_mode(self.app.config, mode)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            self.notify(literal(f"Mode: {label} for this session; could not save it ({exc})."), severity="warning")
            return
        self.notify(Content.assemble(f"Mode: {label}. Saved to ", literal(str(path)), "."))
