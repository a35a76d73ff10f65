"""Provides the organisation dialogs of the Network area: OrgEditModal (details and another name)
and OrgMergeModal (fold another organisation into this one, after a preview)."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from kith.store.network.records import OrgInfo
from kith.tui.literal import literal, safe_text
from kith.tui.modals.guard import GuardedModal
from kith.tui.widgets.contact_picker import ContactPicker

FIELDS = (("name", "Name", "", 200), ("industry", "Industry", "e.g. fintech (counts toward your focus)", 100),
          ("location", "Location", "e.g. London (counts toward your focus)", 100),
          ("domain", "Website", "e.g. globex.com", 200), ("alias", "Also named", "add another name it goes by", 200),
          ("notes", "Notes", "", 2000))


class OrgEditModal(GuardedModal, ModalScreen[str | None]):
    """Writes the changed fields (``alias``: a new name to add) through ``save(changes) -> error or None``
    and closes with the organisation's name; a refused write (a name that belongs to another
    organisation) shows its reason and keeps what was typed."""

    CSS_PATH = "organisation.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="org-edit-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="org-edit-save", tooltip="Save the organisation"),
    ]

    def __init__(self, org: OrgInfo, save: Callable[[dict], str | None]) -> None:
        super().__init__()
        self.org = org
        self.save = save
        self.start = {"name": org.name, "industry": org.industry, "location": org.location, "domain": org.domain,
                      "alias": "", "notes": org.notes}

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble(("Organisation ", "bold"), literal(self.org.name, "bold $accent", limit=50)),
                         id="title")
            if self.org.aliases:
                yield Static(Content.assemble(("also ", "dim"), literal(", ".join(self.org.aliases), limit=120)))
            for name, label, placeholder, size in FIELDS:
                with Horizontal(classes="row"):
                    yield Label(Content(label), classes="field-label")
                    yield Input(safe_text(self.start[name]), placeholder=placeholder, id=f"org-{name}", compact=True,
                                max_length=size, select_on_focus=False)
            yield Static(Content(""), id="org-error")
            yield Static(Content.styled("Enter next · ctrl+s saves · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#org-industry").focus()

    def enter_pressed(self, widget: Widget) -> None:
        if widget.id == "org-notes":
            self.action_save()
        else:
            self.focus_next()

    def show_error(self, text: str) -> None:
        """The screen could not save (e.g. the name belongs to another organisation): say why, stay open."""
        self.query_one("#org-error", Static).update(literal(text, "$error"))

    def action_save(self) -> None:
        values = {name: self.query_one(f"#org-{name}", Input).value for name, *_ in FIELDS}
        if not values["name"].strip():
            self.show_error("An organisation needs a name.")
            self.query_one("#org-name").focus()
            return
        # Only what changed: an untouched field (shown display-safe) is never rewritten.
        changes = {k: v for k, v in values.items() if v != safe_text(self.start[k])}
        if not changes:
            self.dismiss(None)
            return
        error = self.save(changes)
        if error:
            self.show_error(error)
            self.app.bell()
            return
        self.dismiss(values["name"])


class OrgMergeModal(GuardedModal, ModalScreen[int | None]):
    """Pick the organisation to fold into ``keep``; the preview says what happens; Enter merges (u undoes)."""

    CSS_PATH = "organisation.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="org-merge-cancel", tooltip="Close without merging"),
        Binding("ctrl+s", "save", "Merge", id="org-merge-save", tooltip="Merge the picked organisation into this one"),
    ]

    def __init__(self, keep: OrgInfo, find: Callable[[str], list[tuple[int, str]]],
                 preview: Callable[[int], list[str]]) -> None:
        super().__init__()
        self.keep = keep
        self.find = find
        """``find(text) -> [(org_id, name), ...]``, never ``keep`` itself."""
        self.preview = preview
        """``preview(other_id) -> lines``: what the merge would do."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content.assemble(("Merge into ", "bold"), literal(self.keep.name, "bold $accent", limit=50)),
                         id="title")
            with Horizontal(classes="row"):
                yield Label(Content("Fold in"), classes="field-label")
                yield ContactPicker(None, "", self.find, id="org-other", placeholder="type a few letters, ↓ Enter")
            yield Static(Content.styled("Pick the duplicate: its people, aliases and empty details move here, "
                                        "and its name becomes another name of this one.", "dim"), id="org-preview")
            yield Static(Content.styled("Enter picks, then Enter merges · Esc cancels", "dim"), id="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#org-other").focus()

    @property
    def picked(self) -> int | None:
        return self.query_one(ContactPicker).picked

    @on(Input.Changed, "#org-other")
    def _show_preview(self) -> None:
        other = self.picked
        if other is None:
            return
        lines = self.preview(other)
        self.query_one("#org-preview", Static).update(Content.assemble(
            ("Merging will:", "bold"), *[Content.assemble("\n• ", literal(line, limit=200)) for line in lines],
            ("\nEnter merges (u undoes it).", "dim")))

    def enter_pressed(self, widget: Widget) -> None:
        self.action_save()

    def action_save(self) -> None:
        if self.picked is None:
            self.query_one("#org-preview", Static).update(
                Content.styled("Pick an organisation from the list first (type a few letters, ↓ Enter).", "$error"))
            self.app.bell()
            return
        self.dismiss(self.picked)
