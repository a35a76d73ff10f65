"""Provides ContactFormModal: add or edit a contact, validated as you type.

The modal returns the changed fields in the shape ``store.contacts.create_contact`` and
``update_contact`` take (or None when cancelled); the calling screen writes them. Validation
asks the store (``normalise``), so the form and the store never disagree about what is valid.
"""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from kith.store.core.clock import parse_day
from kith.store.core.errors import Invalid
from kith.store.core.records import ContactInfo
from kith.store.people.contacts import normalise
from kith.tui.literal import literal, safe_text
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.contact_picker import ContactPicker
from kith.tui.widgets.day_field import DayField
from kith.tui.widgets.form_fields import FormSelect

# (form field, label, placeholder); tier, strength and notes get their own widgets.
TEXT_FIELDS = (
    ("name", "Name", "Full name (required)"),
    ("company", "Company", ""),
    ("role", "Role", "e.g. Staff Engineer"),
    ("emails", "Emails", "comma separated"),
    ("phones", "Phones", "comma separated"),
    ("links", "Links", "LinkedIn and other URLs, comma separated"),
    ("location", "Location", "e.g. Berlin"),
    ("tags", "Tags", "industry:fintech, geography:Berlin, profession:data, other"),
)
MORE_FIELDS = (
    ("cadence", "Every (days)", "blank = tier default"),
    ("how_met", "How we met", "e.g. PyCon hallway"),
    ("birthday", "Birthday", "YYYY-MM-DD, or --MM-DD without the year"),
)
STRENGTHS = (("1", "1 · barely know"), ("2", "2 · acquaintance"), ("3", "3 · friendly"),
             ("4", "4 · trusted"), ("5", "5 · would vouch for me"))
# Store field names (Invalid.field) -> the form field that shows the message.
STORE_TO_FORM = {"cadence_days": "cadence", "birthday_month": "birthday", "birthday_day": "birthday",
                 "birthday_year": "birthday", "introduced_by_id": "introduced_by"}
_BIRTHDAY_RE = re.compile(r"^(?:(\d{4})|-)?-(\d{1,2})-(\d{1,2})$")


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def form_values(contact: ContactInfo | None, default_tier: str) -> dict[str, str]:
    """The form's starting strings: the contact's values made display-safe, or a blank form."""
    if contact is None:
        blank = {name: "" for name, _, _ in TEXT_FIELDS + MORE_FIELDS}
        return {**blank, "tier": default_tier, "strength": "3", "notes": "", "introduced_by": "", "connected_on": ""}
    return {
        "name": safe_text(contact.name), "company": safe_text(contact.company), "role": safe_text(contact.role),
        "emails": safe_text(", ".join(contact.emails)), "phones": safe_text(", ".join(contact.phones)),
        "links": safe_text(", ".join(contact.links)), "location": safe_text(contact.location),
        "tags": safe_text(", ".join(t.label() for t in contact.tags)),
        "tier": contact.tier, "strength": str(contact.strength),
        "cadence": "" if contact.cadence_days is None else str(contact.cadence_days),
        "how_met": safe_text(contact.how_met), "birthday": contact.birthday,
        "notes": safe_text(contact.notes, multiline=True),
        # The picked contact's id (the picker shows the name), and the day as the day field shows it.
        "introduced_by": str(contact.introduced_by_id or ""),
        "connected_on": contact.connected_on.isoformat() if contact.connected_on else "",
    }


def to_store(field: str, text: str) -> dict:
    """Turn one form field's text into store fields, validated.

    Raises:
        Invalid: with ``field`` naming the store field at fault.
    """
    if field in ("emails", "phones", "links"):
        changes: dict = {field: _split(text)}
    elif field == "tags":
        changes = {"tags": _split(text)}
    elif field == "introduced_by":
        if text.startswith("?"):
            raise Invalid("introduced_by_id", "pick one of the matches (Enter takes the first), or clear the field")
        changes = {"introduced_by_id": text or None}
    elif field == "connected_on":
        from kith.store.core import clock

        text, today = text.strip(), clock.today()
        try:
            day = parse_day(text, today) if text else None
        except ValueError as exc:
            raise Invalid("connected_on", str(exc)) from None
        if day is not None and day > today:
            raise Invalid("connected_on", "that day is still ahead")
        changes = {"connected_on": day}
    elif field == "cadence":
        changes = {"cadence_days": text.strip()}
    elif field == "birthday":
        text = text.strip()
        if not text:
            changes = {"birthday_month": None, "birthday_day": None, "birthday_year": None}
        else:
            match = _BIRTHDAY_RE.match(text)
            if not match:
                raise Invalid("birthday", "use YYYY-MM-DD, or --MM-DD without the year")
            year, month, day = match.groups()
            changes = {"birthday_month": month, "birthday_day": day, "birthday_year": year}
    else:
        changes = {field: text}
    return normalise(changes)


class ContactFormModal(GuardedModal, ModalScreen[dict | None]):
    """Edit ``contact`` (None: a new one). Dismisses with the changed fields, or None."""

    CSS_PATH = "contact_form.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Save the contact", id="contact-form-save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="contact-form-cancel"),
    ]

    def __init__(self, contact: ContactInfo | None, tiers: list[str], typed: dict[str, str] | None = None,
                 notice: Content | None = None) -> None:
        super().__init__()
        self.contact = contact
        self.tiers = list(tiers) or ["network"]
        default_tier = "network" if "network" in self.tiers else self.tiers[0]
        self.initial = form_values(contact, default_tier)
        """The strings the form started from; a field is changed when it differs."""
        self.start = {**self.initial, **(typed or {})}
        self.notice = notice
        self.typed: dict[str, str] = {}
        """Every field's text when the user saved (to reopen the form after a failed write)."""
        self.changed_fields: dict[str, str] = {}
        """The fields the user changed, as typed, when they saved."""
        self.errors: dict[str, str] = {}
        self._show_all = bool(typed)
        """False until a save attempt: a blank new form does not greet the user with errors."""

    # -- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        if self.contact is None:
            title = Content.styled("New contact", "bold")
        else:
            title = Content.assemble(("Edit ", "bold"), literal(self.contact.name, "bold $accent", limit=60))
        with Vertical(id="dialog"):
            yield Static(title, id="title")
            yield Static(self.notice or Content(""), id="notice", classes="-shown" if self.notice else "")
            with VerticalScroll(id="fields"):
                for name, label, placeholder in TEXT_FIELDS:
                    yield from self._row(name, label, Input(self.start[name], placeholder=placeholder,
                                                            id=name, compact=True, max_length=2000,
                                                            select_on_focus=False))
                tiers = list(self.tiers)
                if self.start["tier"] not in tiers:
                    tiers.append(self.start["tier"])  # a tier since removed from the config
                yield from self._row("tier", "Tier", FormSelect(
                    [(self._tier_label(t), t) for t in tiers], value=self.start["tier"],
                    allow_blank=False, id="tier", compact=True))
                yield from self._row("strength", "Strength", FormSelect(
                    [(Content(label), value) for value, label in STRENGTHS],
                    value=self.start["strength"] if self.start["strength"] in "12345" else "3",
                    allow_blank=False, id="strength", compact=True))
                for name, label, placeholder in MORE_FIELDS:
                    yield from self._row(name, label, Input(self.start[name], placeholder=placeholder,
                                                            id=name, compact=True, max_length=300,
                                                            select_on_focus=False))
                intro = self.contact.introduced_by_name if self.contact else ""
                picked = int(self.start["introduced_by"]) if self.start["introduced_by"].isdigit() else None
                yield from self._row("introduced_by", "Introduced by", ContactPicker(
                    picked, intro or "", self._find_introducer, placeholder="type a few letters of a name",
                    id="introduced_by"), classes="row -tall")
                with Horizontal(classes="row -tall"):
                    yield Label(Content("Connected on"), classes="field-label")
                    yield DayField(self.contact.connected_on if self.contact else None, self.app.today(),
                                   lambda text, today: parse_day(text, today) if text.strip() else today,
                                   compact=True, id="connected_on", not_after_today=True,
                                   placeholder="YYYY-MM-DD, or -30 for a month ago", fold_error=True)
                yield Label(Content("Notes"), classes="notes-label")
                yield TextArea(self.start["notes"], id="notes", compact=True, soft_wrap=True)
                yield Static(Content(""), id="error-notes", classes="error")
            with Horizontal(id="buttons"):
                yield Static(Content.styled("ctrl+s saves · Enter next · Space lists", "dim"), id="hint")
                yield Button(Content("Save"), variant="primary", id="save", compact=True)
                yield Button(Content("Cancel"), id="cancel", compact=True)

    def _row(self, name: str, label: str, widget, classes: str = "row") -> ComposeResult:
        with Horizontal(classes=classes):
            yield Label(Content(label), classes="field-label")
            yield widget
        yield Static(Content(""), id=f"error-{name}", classes="error")

    def _find_introducer(self, text: str) -> list[tuple[int, str]]:
        """Contacts matching ``text`` by the app's search, never the contact being edited."""
        from kith.store.search.engine import search

        own = self.contact.id if self.contact else None
        return [(r.id, r.title) for r in search(text, limit=8, kinds=["contact"]) if r.id != own]

    def _tier_label(self, tier: str) -> Content:
        days = self.app.config.tiers.get(tier)
        suffix = f"  every {days} d" if days else ("  no cadence" if days == 0 else "")
        return Content.assemble(literal(tier), (suffix, "dim"))

    def on_mount(self) -> None:
        self._update_cadence_hint()
        self.validate()
        self.query_one("#name", Input).focus()

    # -- validation -------------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        """Every field's current text."""
        out = {name: self.query_one(f"#{name}", Input).value for name, _, _ in TEXT_FIELDS + MORE_FIELDS}
        out["tier"] = str(self.query_one("#tier", Select).value)
        out["strength"] = str(self.query_one("#strength", Select).value)
        out["notes"] = self.query_one("#notes", TextArea).text
        picker = self.query_one(ContactPicker)
        # A name typed but not picked is "?name": an error until a match is picked or the field cleared.
        typed = "?" + picker.text if picker.text.strip() else ""
        out["introduced_by"] = str(picker.picked) if picker.picked else typed
        out["connected_on"] = self.query_one("#connected_on", DayField).query_one(Input).value.strip()
        return out

    def changes(self) -> tuple[dict, dict[str, str]]:
        """(store changes, form field -> error message) for what differs from the start."""
        values = self.values()
        changes: dict = {}
        errors: dict[str, str] = {}
        for name, text in values.items():
            # Name is always checked (it must not be empty); the rest only once touched, so a
            # strange stored value in a field the user leaves alone never blocks a save.
            if text == self.initial[name] and not (name == "name" or (self.contact is None and name == "tier")):
                continue
            try:
                changes.update(to_store(name, text))
            except Invalid as exc:
                errors[STORE_TO_FORM.get(exc.field, exc.field if exc.field in values else name)] = str(exc)
        if self.contact is not None and values["name"] == self.initial["name"]:
            changes.pop("name", None)
        return changes, errors

    def validate(self) -> bool:
        """Show every field's message; True when the form can be saved."""
        _, self.errors = self.changes()
        values = self.values()
        for error in self.query(".error"):
            field = (error.id or "").removeprefix("error-")
            message = self.errors.get(field, "")
            if not self._show_all and field in values and values[field] == self.start[field]:
                message = ""  # untouched so far
            error.update(literal(message))
            error.set_class(bool(message), "-shown")
        for name in values:
            widget = self.query_one(f"#{name}")
            widget.set_class(name in self.errors and (self._show_all or values[name] != self.start[name]),
                             "-invalid")
        self.query_one("#save", Button).disabled = bool(self.errors)
        return not self.errors

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(DayField.Changed)
    def _changed(self) -> None:
        self.validate()

    @on(Select.Changed, "#tier")
    def _tier_changed(self) -> None:
        self._update_cadence_hint()
        self.validate()

    @on(Select.Changed, "#strength")
    def _strength_changed(self) -> None:
        self.validate()

    def _update_cadence_hint(self) -> None:
        tier = str(self.query_one("#tier", Select).value)
        days = self.app.config.tiers.get(tier)
        hint = f"blank = {tier} default ({days} d)" if days else f"blank = {tier} default (no cadence)"
        self.query_one("#cadence", Input).placeholder = safe_text(hint)

    def enter_pressed(self, widget: Widget) -> None:
        # Enter moves on (GuardedModal's priority binding, so a fast burst follows the focus); ctrl+s saves.
        self.focus_next()

    # -- leaving ----------------------------------------------------------------------------------

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        changes, _ = self.changes()
        self._show_all = True
        if not self.validate():
            first = next(iter(self.errors))
            self.query_one(f"#{first}").focus()
            self.app.bell()
            return
        values = self.values()
        self.typed = values
        self.changed_fields = {k: v for k, v in values.items() if v != self.initial[k]}
        self.dismiss(changes)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
