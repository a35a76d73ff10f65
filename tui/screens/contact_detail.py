"""Provides ContactDetailScreen: one contact's fields, tags, notes, follow-ups and touches."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kith.store.core.records import ContactInfo, FollowUpInfo, TouchInfo
from kith.tui.flows.career import add_job_flow, career_content
from kith.tui.flows.contact_actions import ContactActions
from kith.tui.flows.edit_logged import FollowUpList, PageBody, TouchList, edit_follow_up, edit_touch
from kith.tui.format import (  # noqa: F401 (day_text and birthday_text re-exported: they began here)
    DUE_STYLE,
    ago_text,
    birthday_text,
    day_text,
    due_state,
    due_text,
    role_company,
)
from kith.tui.literal import literal, plural
from kith.tui.widgets.key_footer import KeyFooter
from kith.tui.widgets.nav_bar import NavBar

NOTES_PREVIEW = 1500
"""Characters of the notes shown; a huge note would take seconds to render (SAFETY.md)."""
TOUCHES_SHOWN = 100
"""Newest touches listed; older ones are counted, not drawn."""
LABEL_WIDTH = 14
CHECK_INS_SHOWN = 10
"""Newest check-ins on the page; ``kith check-ins`` lists them all."""
FEEDBACK_SHOWN = 10
"""Feedback entries listed on a contact's page (all of them are in Brand, then p)."""


KIND_COLUMN = 12

def _field(label: str, value: Content | str, style: str = "") -> Content:
    shown = value if isinstance(value, Content) else literal(value, style, limit=300)
    return Content.assemble((f"{label:<{LABEL_WIDTH}}", "$text-muted"), shown)


def _none(text: str = "—") -> Content:
    return Content.styled(text, "$text-disabled")


def fields_content(c: ContactInfo, cadence: int | None, due: date | None, today: date, soon: int = 7) -> Content:
    """Every field of ``c``, one per line, blanks shown as a dash."""
    def many(values: tuple[str, ...]) -> Content:
        return literal(", ".join(values), limit=600) if values else _none()

    def text(value: str) -> Content:
        return literal(value, limit=300) if value else _none()

    if c.cadence_days is not None:
        cadence_text = f"every {c.cadence_days} d (own)" if c.cadence_days else "none (own)"
    else:
        cadence_text = f"every {cadence} d ({c.tier} default)" if cadence else f"none ({c.tier} default)"
    last = (f"{c.last_touch_on.isoformat()} · {ago_text(c.last_touch_on, today)}"
            + (f" · {c.last_touch_kind}" if c.last_touch_kind else "")) if c.last_touch_on else "never"
    due_style = DUE_STYLE.get(due_state(due, today, soon), "")
    due_value = (Content.styled(f"{due.isoformat()} · {due_text(due, today)}", due_style) if due else _none())
    lines = [
        _field("Emails", many(c.emails)),
        _field("Phones", many(c.phones)), _field("Links", many(c.links)),
        _field("Location", text(c.location)),
        _field("Tier", Content.assemble(literal(c.tier), (f" · strength {c.strength}/5", "$text-muted"))),
        _field("Cadence", Content(cadence_text)),
        _field("Last touch", literal(last)),
        _field("Next due", due_value),
        _field("How we met", text(c.how_met)),
        _field("Introduced by", text(c.introduced_by_name or "")),
        _field("Birthday", text(birthday_text(c))),
        _field("Connected on", text(c.connected_on.isoformat() if c.connected_on else "")),
        _field("Archived", Content.styled("yes", "$warning") if c.archived else Content("no")),
    ]
    return Content("\n").join(lines)


def tags_content(c: ContactInfo) -> Content:
    """Tags as ``name (kind)``, grouped by kind."""
    if not c.tags:
        return _none("no tags")
    parts: list[Content] = []
    for tag in c.tags:
        kind = (f" ({tag.kind})", "$text-muted") if tag.kind else ""
        parts.append(Content.assemble(literal(tag.name, "bold", limit=80), kind))
    return Content("  ·  ").join(parts)


def notes_content(notes: str) -> Content:
    """The notes, or their first ``NOTES_PREVIEW`` characters with a count of the rest."""
    if not notes:
        return _none("no notes")
    shown = literal(notes, multiline=True, limit=NOTES_PREVIEW)
    if len(notes) > NOTES_PREVIEW:
        rest = len(notes) - NOTES_PREVIEW + 1
        shown = Content.assemble(shown, (f"\n({rest:,} more characters: press e to read and edit them all)",
                                         "$text-muted italic"))
    return shown


def touches_content(touches: list[TouchInfo], today: date) -> Content:
    """The touch timeline, newest first."""
    if not touches:
        return _none("no touches yet: press l to log one")
    lines = []
    shown = touches[:TOUCHES_SHOWN]
    # The kind in its own column, the note after a dash; a rare long kind pushes its own note along.
    kind_width = min(KIND_COLUMN, max(len(t.kind) for t in shown))
    for t in shown:
        line = Content.assemble((f"{day_text(t.date)}  ", "$text-muted"), literal(f"{t.kind:<{kind_width}}", "bold"))
        if t.note:
            line = Content.assemble(line, ("  — ", "$text-muted"), literal(t.note, limit=300))
        lines.append(line)
    if len(touches) > TOUCHES_SHOWN:
        lines.append(Content.styled(f"… and {plural(len(touches) - TOUCHES_SHOWN, 'older touch', 'older touches')}", "$text-muted"))  # noqa: E501
    return Content("\n").join(lines)


def follow_up_prompt(f: FollowUpInfo, today: date, soon: int = 7) -> Content:
    if f.done:
        when = f"done {f.done_on.isoformat()}" if f.done_on else "done"
        return Content.assemble(("✓ ", "$success"), (f"{f.due.isoformat()}  ", "$text-muted"),
                                literal(f.what, "$text-muted strike", limit=200), (f"  {when}", "$text-muted"))
    style = DUE_STYLE.get(due_state(f.due, today, soon), "$text-muted")
    return Content.assemble(("○ ", "$accent"), (f"{f.due.isoformat()}  ", style), literal(f.what, limit=200),
                            (f"  {due_text(f.due, today)}", style))


class ContactDetailScreen(ContactActions, Screen):
    """Everything about one contact; Esc goes back to the list."""

    CSS_PATH = "contact_detail.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to where you came from", id="detail-back"),
        Binding("l", "log_touch", "Log", tooltip="Log a touch with this contact", id="detail-log-touch"),
        Binding("e", "edit_contact", "Edit", tooltip="Edit this contact", id="detail-edit"),
        Binding("f", "add_follow_up", "Follow-up", tooltip="Add a follow-up", id="detail-follow-up"),
        Binding("v", "log_value", "Value", tooltip="Log value received from or given to this contact (mentor log)",
                id="detail-log-value"),
        Binding("x", "toggle_follow_up", "Done", show=False,
                tooltip="Mark the highlighted follow-up done (or reopen it)",
                id="detail-follow-up-done"),
        Binding("a", "toggle_archived", "Archive", show=False, tooltip="Archive or restore this contact",
                id="detail-archive"),
        Binding("D,delete", "delete_contact", "Delete", show=False, tooltip="Delete this contact (asks first)",
                id="detail-delete"),
        Binding("p", "prep", "Prep", id="detail-prep", tooltip="Prep brief: plan, hold a conversation"),
        Binding("J", "add_job", "Job", show=False, tooltip="Add a job to this contact's career", id="detail-add-job"),
    ]

    def __init__(self, contact_id: int, focus_touch_id: int | None = None) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.focus_touch_id = focus_touch_id
        """A touch to scroll to once the page is drawn (opened from a search hit)."""
        self.contact: ContactInfo | None = None
        """The contact as last read from the store."""
        self.follow_ups: list[FollowUpInfo] = []
        self.touches: list[TouchInfo] = []
        self._gone = False

    def compose(self) -> ComposeResult:
        yield NavBar("contacts")
        yield Static(Content(""), id="heading")
        with PageBody(id="body"):
            yield Static(Content(""), id="fields")
            yield Static(Content.assemble(("Career", "bold"), ("   J adds a job", "$text-muted")), classes="section")
            yield Static(Content(""), id="career")
            yield Static(Content.styled("Tags", "bold"), classes="section")
            yield Static(Content(""), id="tags")
            yield Static(Content.styled("Notes", "bold"), classes="section")
            yield Static(Content(""), id="notes")
            hint = "   f add · Tab picks one: e edit · x done or reopen"
            yield Static(Content.assemble(("Follow-ups", "bold"), (hint, "$text-muted")),
                         classes="section", id="follow-ups-title")
            yield FollowUpList(id="follow-ups")
            yield Static(Content(""), id="no-follow-ups")
            yield Static(Content.styled("Roles", "bold"), classes="section mentor-history", id="roles-title")
            yield Static(Content(""), id="roles-history", classes="mentor-history")
            yield Static(Content.styled("Check-ins", "bold"), classes="section mentor-history", id="check-ins-title")
            yield Static(Content(""), id="check-ins", classes="mentor-history")
            yield Static(Content.assemble(("Touches", "bold"), ("   l log · Tab picks one: e edit", "$text-muted")),
                         classes="section", id="touches-title")
            yield TouchList(id="touches")
            yield Static(Content(""), id="no-touches")
            yield Static(Content.styled("Feedback given", "bold"), classes="section feedback-given", id="feedback-title")  # noqa: E501
            yield Static(Content(""), id="feedback-given", classes="feedback-given")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#body").focus()
        if self.focus_touch_id is not None:
            self.call_after_refresh(self.scroll_to_touch, self.focus_touch_id)

    def action_add_job(self) -> None:
        add_job_flow(self, self.contact_id)

    def scroll_to_touch(self, touch_id: int) -> None:
        """Put the cursor on touch ``touch_id`` in the timeline (older than the newest shown: on the last)."""
        timeline = self.query_one("#touches", TouchList)
        if not self.touches:
            return
        at = next((i for i, t in enumerate(self.touches[:TOUCHES_SHOWN]) if t.id == touch_id),
                  min(len(self.touches), TOUCHES_SHOWN) - 1)
        timeline.focus()
        timeline.highlighted = at

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.reload()
        if self._gone and self.app.screen is self:
            self.app.pop_screen()

    def today(self) -> date:
        return self.app.today()

    def reload(self) -> None:
        """Re-read the contact, its touches and follow-ups."""
        from kith.store.core.errors import NotFound
        from kith.store.people.contacts import get_contact
        from kith.store.people.followups import list_follow_ups
        from kith.store.people.touches import list_touches
        from kith.store.today.cadence import next_due

        if self._gone:
            return
        try:
            c = get_contact(self.contact_id)
        except NotFound:
            self._gone = True
            self.toast("This contact no longer exists (deleted elsewhere).", severity="warning")
            if self.app.screen is self:
                self.app.pop_screen()
            return
        self.contact = c
        today = self.today()
        cadence = self.app.config.cadence_for(c.tier, c.cadence_days)
        due = None if c.archived else next_due(c.last_touch_on, (c.created.date() if c.created else today), cadence)
        heading = [literal(c.name, "bold $accent", limit=120)]
        if role_company(c.role, c.company):
            heading.append(Content.assemble(("  ", ""), literal(role_company(c.role, c.company), "$text-muted",
                                                                limit=160)))
        if c.archived:
            heading.append(Content.styled("  archived", "italic $warning"))
        self.query_one("#heading", Static).update(Content.assemble(*heading))
        self.set_class(c.archived, "-archived")
        self.set_class(due_state(due, today, self.app.config.today.due_soon_days) == "overdue", "-overdue")
        soon = self.app.config.today.due_soon_days
        self.query_one("#fields", Static).update(fields_content(c, cadence, due, today, soon))
        self.query_one("#tags", Static).update(tags_content(c))
        self.query_one("#notes", Static).update(notes_content(c.notes))
        self._show_touches(list_touches(c.id), today)
        self._show_follow_ups(list_follow_ups(c.id), today)
        self._show_mentor_history()
        self._show_feedback_given()
        self.query_one("#career", Static).update(career_content(self.contact_id))  # current job first
        self.refresh_bindings()

    def _show_follow_ups(self, follow_ups: list[FollowUpInfo], today: date) -> None:
        options = self.query_one("#follow-ups", OptionList)
        keep = options.highlighted
        self.follow_ups = follow_ups
        options.clear_options()
        soon = self.app.config.today.due_soon_days
        options.add_options([Option(follow_up_prompt(f, today, soon), id=str(f.id)) for f in follow_ups])
        if follow_ups:
            options.highlighted = min(keep or 0, len(follow_ups) - 1)
        options.display = bool(follow_ups)
        empty = self.query_one("#no-follow-ups", Static)
        empty.update(_none("none: press f to add one"))
        empty.display = not follow_ups

    def _show_touches(self, touches: list[TouchInfo], today: date) -> None:
        """The timeline as one option per touch (the cursor picks one); the rest counted, not drawn."""
        timeline = self.query_one("#touches", TouchList)
        keep = timeline.highlighted
        self.touches = touches
        timeline.clear_options()
        shown = touches[:TOUCHES_SHOWN]
        # One line per touch, as the timeline draws them together (one kind column for all).
        lines = touches_content(shown, today).split("\n", allow_blank=True) if shown else []
        options = [Option(line, id=str(t.id)) for t, line in zip(shown, lines)]
        if len(touches) > TOUCHES_SHOWN:
            older = plural(len(touches) - TOUCHES_SHOWN, "older touch", "older touches")
            options.append(Option(Content.styled(f"… and {older}", "$text-muted"), disabled=True))
        timeline.add_options(options)
        if touches:
            timeline.highlighted = min(keep or 0, min(len(touches), TOUCHES_SHOWN) - 1)
        timeline.display = bool(touches)
        empty = self.query_one("#no-touches", Static)
        empty.update(touches_content([], today))
        empty.display = not touches

    def _show_mentor_history(self) -> None:
        """Roles held over time and the last check-ins (newest first); hidden for someone with neither."""
        from kith.store.mentors.value import count_check_ins, list_check_ins, role_periods
        from kith.tui.widgets.check_in_history import check_ins_content, periods_content

        periods = role_periods(self.contact_id)
        total = count_check_ins(self.contact_id)
        for wid in ("#roles-title", "#roles-history"):
            self.query_one(wid).display = bool(periods)
        for wid in ("#check-ins-title", "#check-ins"):
            self.query_one(wid).display = bool(total)
        if periods:
            self.query_one("#roles-history", Static).update(periods_content(periods))
        if total:
            shown = list_check_ins(self.contact_id, limit=CHECK_INS_SHOWN)
            self.query_one("#check-ins", Static).update(check_ins_content(shown, total))

    def _show_feedback_given(self) -> None:
        """The feedback this person gave, newest first, verbatim (hidden when there is none)."""
        from kith.store.perception.feedback import list_feedback

        given = list_feedback(self.contact_id)
        for wid in ("#feedback-title", "#feedback-given"):
            self.query_one(wid).display = bool(given)
        lines = []
        for f in given[:FEEDBACK_SHOWN]:
            lines.append(Content.assemble((f"{f.given_on.isoformat()}  {f.context}{' · quotable' if f.quotable else ''}\n",  # noqa: E501
                                           "$text-muted"), literal(f.text, multiline=True, limit=600), ("\n", "")))
        if len(given) > FEEDBACK_SHOWN:
            lines.append(Content.styled(f"and {len(given) - FEEDBACK_SHOWN} more: Brand (4), then p", "$text-muted"))
        self.query_one("#feedback-given", Static).update(Content("\n").join(lines) if lines else Content(""))

    # -- actions ----------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_log_touch(self) -> None:
        self.log_touch(self.contact_id)

    def action_edit_contact(self) -> None:
        self.open_form(self.contact_id)

    def action_toggle_archived(self) -> None:
        self.toggle_archived(self.contact_id)

    def action_delete_contact(self) -> None:
        self.delete_contact(self.contact_id, after=self._deleted)

    def _deleted(self) -> None:
        self._gone = True
        if self.app.screen is self:
            self.app.pop_screen()

    def action_add_follow_up(self) -> None:
        if self.contact is not None:
            self.add_follow_up(self.contact_id)

    def action_log_value(self) -> None:
        """Log value received from or given to this contact (the mentor value log)."""
        from kith.tui.flows.mentor_actions import log_value

        if self.contact is not None:
            log_value(self, self.contact.id, self.contact.name, after=self.reload)

    def action_toggle_follow_up(self) -> None:
        """x: the highlighted follow-up when in the list, else only the one open follow-up in view."""
        from kith.tui.flows.follow_up_actions import toggle_follow_up_done

        options = self.query_one("#follow-ups", FollowUpList)
        if not self.follow_ups or self.contact is None:
            self.toast("No follow-up to mark done: f adds one.", severity="warning")
            return
        if options.has_focus and options.highlighted is not None:
            chosen = self.follow_ups[options.highlighted]
        else:
            in_view = options.rows_on_screen(self.query_one("#body").content_region)
            seen = [f for i, f in enumerate(self.follow_ups) if i in in_view and not f.done]
            if len(seen) != 1:  # none in view, or which one is unclear
                return self.toast("Tab to the follow-ups, then x.", severity="warning")
            [chosen] = seen
        toggle_follow_up_done(self, self.contact_id, self.contact.name, chosen)

    def action_edit_touch(self) -> None:
        timeline = self.query_one("#touches", TouchList)
        at = timeline.highlighted
        if self.contact is None or not self.touches or at is None or at >= len(self.touches):
            self.toast("No touch to edit: l logs one.", severity="warning")
            return
        edit_touch(self, self.touches[at], self.contact.name)

    def action_edit_follow_up(self) -> None:
        at = self.query_one("#follow-ups", FollowUpList).highlighted
        if self.contact is None or not self.follow_ups or at is None:
            self.toast("No follow-up to edit: f adds one.", severity="warning")
            return
        edit_follow_up(self, self.follow_ups[at], self.contact.name)
