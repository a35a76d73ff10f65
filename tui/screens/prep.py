"""Provides PrepScreen: the prep brief for a person or one planned conversation, on one page.

Opened with ``p`` from Today or a contact's page (``tui.flows.prep.open_prep``). From here:
``n`` plans a conversation, ``h`` records the plan as held, ``s`` moves it to another day (a snooze), ``D`` drops it.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from kith.tui.literal import literal
from kith.tui.widgets.key_footer import KeyFooter


class PrepScreen(Screen):
    """The brief: who they are, what happened, what is open, what you share, and the plan."""

    CSS_PATH = "prep.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="prep-back", tooltip="Back to where you came from"),
        Binding("n", "new_plan", "Plan", id="prep-new", tooltip="Plan a conversation with this person"),
        Binding("h", "record", "Held", id="prep-record",
                tooltip="Record the planned conversation as held: answers, referrals, next steps"),
        Binding("s", "move", "Move", id="prep-move", tooltip="Move (snooze) the planned conversation to another day"),
        Binding("D", "drop", "Drop", id="prep-drop", tooltip="Drop the planned conversation (asks first; undoable)"),
    ]

    def __init__(self, contact_id: int | None = None, plan_id: int | None = None) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.plan_id = plan_id
        self.brief = None
        """The brief as last read from the store."""

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="heading")
        with VerticalScroll(id="body"):
            yield Static(Content(""), id="brief")
        yield KeyFooter()

    def today(self) -> date:
        return self.app.today()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#body").focus()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.reload()

    def reload(self) -> None:
        from kith.store.conversations.brief import prep_brief, sections
        from kith.store.core.errors import NotFound

        try:
            self.brief = prep_brief(self.contact_id, today=self.today(), plan_id=self.plan_id)
        except NotFound as exc:
            self.query_one("#brief", Static).update(literal(str(exc)))
            self.brief = None
            self.refresh_bindings()
            return
        self.contact_id = self.brief.contact.id
        parts = sections(self.brief, self.today())
        name, who = parts[0]
        self.query_one("#heading", Static).update(Content.assemble(
            ("Prep · ", "bold"), literal(name, "bold $accent", limit=50), ("  ", ""),
            literal(" · ".join(who), "$text-muted", limit=120)))
        lines: list = []
        for heading, body in parts[1:]:
            if lines:
                lines.append("\n")  # sections follow each other: the page must fit 80x24
            lines.append((heading, "bold $accent"))
            for line in body:
                label, sep, rest = line.partition(": ")
                if sep and label in ("purpose", "objective", "point", "ask", "offer", "commitment"):
                    lines += ["\n  ", (f"{label}: ", "$text-muted"), literal(rest, limit=300)]
                else:
                    lines += ["\n  ", literal(line, limit=300)]
        self.query_one("#brief", Static).update(Content.assemble(*lines))
        self.refresh_bindings()

    def _plan(self):
        """The plan still to hold, or None after saying so (every key answers)."""
        plan = self.brief.plan if self.brief else None
        if plan is not None and plan.state == "planned":
            return plan
        self.notify("Nothing planned with them to hold, move or drop: n plans a conversation.",
                    severity="warning")
        return None

    def _after(self, message: Content | None) -> None:
        if message is not None:
            self.notify(message)
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_new_plan(self) -> None:
        from kith.store.conversations.plans import plan_conversation
        from kith.tui.modals.plan_form import PlanFormModal

        if self.brief is None:
            self.notify("No one to plan with: this person or plan is gone.", severity="warning")
            return
        contact = self.brief.contact
        today = self.today()

        def save(d):
            return plan_conversation(contact.id, d.day, today=today, kind=d.kind, at=d.at, purpose=d.purpose,
                                     objectives=d.objectives, points=d.points, questions=d.questions, offer=d.offer)

        def done(plan) -> None:
            if plan is None:
                return
            self.plan_id = plan.id
            self._after(Content.assemble(f"Planned {plan.kind} with ", literal(contact.name, limit=40),
                                         f" on {plan.when()}."))

        self.app.push_screen(PlanFormModal(contact.name, today, save), done)

    def action_record(self) -> None:
        from kith.store.conversations.held import record_held
        from kith.tui.modals.record_held import RecordModal

        plan = self._plan()
        if plan is None:
            return
        today = self.today()

        def save(d):
            return record_held(plan.id, today=today, answers=d.answers, learned=d.learned, referrals=d.referrals,
                               next_steps=d.next_steps, rating=d.rating, minutes=d.minutes)

        def done(held) -> None:
            if held is None:
                return
            self.plan_id = plan.id
            n = len(held.referrals)
            extra = f", {n} referral{'s' if n != 1 else ''}" if n else ""
            self._after(Content.assemble("Recorded the ", plan.kind, " with ", literal(plan.contact_name, limit=40),
                                         f"{extra}."))

        self.app.push_screen(RecordModal(f"{plan.kind} with {plan.contact_name}", plan.questions, save), done)

    def action_move(self) -> None:
        from kith.store.conversations.plans import move_plan
        from kith.tui.modals.plan_form import MoveModal

        plan = self._plan()
        if plan is None:
            return
        today = self.today()

        def done(moved) -> None:
            if moved is not None:
                self._after(Content(f"Moved to {moved.when()}."))

        self.app.push_screen(MoveModal(f"{plan.kind} with {plan.contact_name}", plan.day, plan.at, today,
                                       lambda day, at: move_plan(plan.id, day, today=today, at=at)), done)

    def action_drop(self) -> None:
        from kith.store.conversations.plans import drop_plan
        from kith.store.core.errors import StoreError
        from kith.tui.modals.confirm import ConfirmModal

        plan = self._plan()
        if plan is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                drop_plan(plan.id)
            except StoreError as exc:
                self.notify(literal(str(exc)), severity="error")
                return
            self._after(Content("Dropped (u on Today or kith undo brings it back)."))

        question = Content.assemble("Drop the ", plan.kind, " with ", literal(plan.contact_name, limit=40),
                                    f" planned for {plan.when()}?")
        self.app.push_screen(ConfirmModal(question, "Drop"), answered)
