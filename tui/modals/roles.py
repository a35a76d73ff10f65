"""Provides RolesModal: a contact's roles (mentor, coach, partner) and a partner's check-in setup."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from kith.store.core.errors import Ambiguous, StoreError
from kith.store.mentors.value import ROLES
from kith.tui.literal import literal, safe_text
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.form_fields import TickBox

ROLE_LABELS = {"mentor": "Mentor", "coach": "Coach", "partner": "Accountability partner"}


@dataclass(frozen=True)
class RolesDraft:
    """What the user chose; the caller writes it with ``set_roles`` and ``set_partner``."""

    roles: tuple[str, ...]
    cadence_days: int | None
    """A partner's own check-in cadence; None means the configured default."""
    questions: tuple[str, ...]
    name: str = ""
    """The contact typed in (only when the modal was opened without one)."""
    contact_id: int | None = None
    """That contact, found by the ``resolve_who`` the modal was given."""


class RolesModal(GuardedModal, ModalScreen[RolesDraft | None]):
    """Set roles of ``contact_name``; with ``contact_name=None`` it first asks who (name or #id)."""

    CSS_PATH = "roles.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="roles-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="roles-save", tooltip="Save the roles"),
    ]

    def __init__(self, contact_name: str | None, roles: Iterable[str] = ("mentor",), cadence_days: int | None = None,
                 default_cadence: int = 14, questions: Sequence[str] = (), history: Sequence[str] = (),
                 resolve_who: Callable[[str], int] | None = None) -> None:
        super().__init__()
        self.resolve_who = resolve_who
        """Name or #id -> contact id, raising StoreError: checked here so a bad name keeps the dialog open."""
        self.contact_name = contact_name
        self.roles = set(roles)
        self.cadence_days = cadence_days
        self.default_cadence = default_cadence
        self.questions = tuple(questions)
        self.history = tuple(history)
        """Labels of roles held before (``mentor 2024-03-01 – 2026-11-30``): shown, never edited."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            if self.contact_name is None:
                yield Static(Content.styled("Add a mentor, coach or partner", "bold"), id="title")
                yield Label(Content("Who  (a contact's name or #id)"))
                yield Input(id="who", compact=True, max_length=300)
                yield Static("", id="who-error", classes="error")
            else:
                yield Static(Content.assemble(("Roles of ", "bold"), literal(self.contact_name, "bold $accent")),
                             id="title")
            if self.history:
                yield Static(Content.styled("Before: " + "; ".join(self.history), "$text-muted"), id="history")
            for role in ROLES:
                yield TickBox(Content(ROLE_LABELS[role]), value=role in self.roles, compact=True, id=f"role-{role}")
            yield Label(Content(f"Partner: check in every N days  (empty: {self.default_cadence})"), classes="section")
            yield Input(str(self.cadence_days or ""), id="cadence", compact=True, max_length=3, type="integer")
            yield Static("", id="cadence-error", classes="error")
            yield Label(Content("Partner: check-in questions, one per line"), classes="section")
            yield TextArea(safe_text("\n".join(self.questions), multiline=True), id="questions", compact=True,
                           soft_wrap=True)
            yield Static(Content.styled("Space ticks (unticked: the role ends today, kept as history) · "
                                        "Enter saves (Ctrl+S in the questions) · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        if self.contact_name is None:
            self.query_one("#who", Input).focus()
        else:
            self.query_one(f"#role-{ROLES[0]}", Checkbox).focus()

    def _cadence(self) -> tuple[bool, int | None]:
        text = self.query_one("#cadence", Input).value.strip()
        error = self.query_one("#cadence-error", Static)
        if not text:
            error.update(Content(""))
            return True, None
        if not text.isdigit() or not 1 <= int(text) <= 365:
            error.update(Content("Between 1 and 365 days, or empty for the default."))
            return False, None
        error.update(Content(""))
        return True, int(text)

    @on(Input.Submitted)
    @on(TickBox.Submitted)
    def action_save(self) -> None:
        name = ""
        contact_id = None
        if self.contact_name is None:
            name = " ".join(self.query_one("#who", Input).value.split())
            self.query_one("#who-error", Static).update(Content("" if name else "Say who."))
            if not name:
                self.query_one("#who", Input).focus()
                return
            if self.resolve_who is not None:
                try:
                    contact_id = self.resolve_who(name)
                except StoreError as exc:
                    self.query_one("#who-error", Static).update(literal(self._who_problem(exc)))
                    self.query_one("#who", Input).focus()
                    return
        ok, cadence = self._cadence()
        if not ok:
            self.query_one("#cadence", Input).focus()
            return
        roles = tuple(r for r in ROLES if self.query_one(f"#role-{r}", Checkbox).value)
        questions = tuple(q.strip() for q in self.query_one("#questions", TextArea).text.splitlines() if q.strip())
        self.dismiss(RolesDraft(roles, cadence, questions, name, contact_id))

    @staticmethod
    def _who_problem(exc: StoreError) -> str:
        if isinstance(exc, Ambiguous):
            names = ", ".join(f"{c.name} (#{c.id})" for c in exc.candidates[:5])
            more = ", …" if len(exc.candidates) > 5 else ""
            return f"{exc}: {names}{more}. Type more of the name or its #id."
        return str(exc)

