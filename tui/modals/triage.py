"""Provides TriageModal: one contact at a time, decided with single keys, at keyboard speed.

While it is open the digits 1-5 set the strength, a tier's letter sets the tier and moves on,
``t`` adds a tag (completing from existing tags), ``a`` archives, ``s`` skips, ``b`` goes back,
``y`` / ``r`` / ``m`` record who started the connection, ``u`` undoes the last decision and Esc
leaves. Every decision is stored at once (one undoable action each); the contact then counts as
triaged. Its own key panel lists every key, tier letters included.
"""

from __future__ import annotations

import time
from datetime import date

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from kith.tui.literal import literal

# Letters with a meaning of their own here, or everywhere (l log, x done, f follow-up, n new,
# e edit, d delete, u undo): a tier never takes one of them.
RESERVED = set("abstuyrmlxfnedq")
INITIATOR_KEYS = {"y": ("me", "you invited"), "r": ("them", "they invited"), "m": ("in-person", "met in person")}


def tier_keys(tiers: list[str]) -> dict[str, str]:
    """A letter for each tier: its first letter not reserved nor taken (inner i, close c, network w, ...)."""
    keys: dict[str, str] = {}
    for tier in tiers:
        for ch in tier.lower():
            if ch.isalpha() and ch not in RESERVED and ch not in keys:
                keys[ch] = tier
                break
    return keys


class TriageModal(ModalScreen[int]):
    """Triage ``ids`` in order; dismisses with how many contacts were decided."""

    CSS_PATH = "triage.tcss"
    AUTO_FOCUS = None  # keys go to the screen; the tag input takes focus only when t opens it
    BINDINGS = [
        Binding("escape", "leave", "Leave", id="triage-leave", tooltip="Close triage (what you decided is kept)"),
        Binding("a", "archive", "Archive", id="triage-archive", tooltip="Archive this contact and go on"),
        Binding("s,space", "skip", "Skip", id="triage-skip", tooltip="Mark as seen without changes and go on"),
        Binding("b,left", "back", "Back", id="triage-back", tooltip="Back to the previous contact"),
        Binding("t", "tag", "Tag", id="triage-tag", tooltip="Add a tag (kind:name; Tab completes)"),
        Binding("u", "undo", "Undo", id="triage-undo", tooltip="Undo the last decision"),
    ]

    def __init__(self, ids: list[int], tiers: list[str], today: date, focus: list | None = None,
                 title: str = "Triage") -> None:
        super().__init__()
        self.ids = list(ids)
        self.tiers = tiers
        self.tier_of_key = tier_keys(tiers)
        self.today = today
        self.focus = focus or []
        self.title_text = title
        self.index = 0
        self.decided = 0
        self.started = time.monotonic()
        self.message: Content = Content("")
        self._said: tuple[int, str] | None = None

    def compose(self) -> ComposeResult:
        from kith.store.quality.triage import tag_names

        with Vertical(id="triage-dialog"):
            yield Static(id="triage-progress")
            yield Static(id="triage-card")
            yield Input(placeholder="tag, e.g. industry:fintech (Enter adds, Esc cancels)", id="triage-tag-input",
                        suggester=SuggestFromList(tag_names(), case_sensitive=False), compact=True, max_length=300,
                        disabled=True)
            yield Static(id="triage-message")
            yield Static(self._keys_text(), id="triage-keys")

    def on_mount(self) -> None:
        self.query_one("#triage-tag-input").display = False
        self.show_card()

    # -- drawing ------------------------------------------------------------------------------------

    def _keys_text(self) -> Content:
        parts: list = [("1-5", "bold"), " strength  "]
        for key, tier in self.tier_of_key.items():
            parts += [(key, "bold"), f" {tier}  "]
        parts += ["(tier: next)\n", ("t", "bold"), " tag  ", ("a", "bold"), " archive  ", ("s", "bold"), " skip  ",
                  ("b", "bold"), " back  ", ("u", "bold"), " undo  ", ("esc", "bold"), " leave\nwho started it: "]
        for key, (_, label) in INITIATOR_KEYS.items():
            parts += [(key, "bold"), f" {label}  "]
        return Content.assemble(*parts)

    def _progress(self) -> Content:
        total = len(self.ids)
        if self.index >= total:
            return Content.assemble((f"{self.title_text}: done", "bold"), f" · {self.decided} decided")
        left = total - self.index
        pace = (time.monotonic() - self.started) / self.decided if self.decided else 3.0
        seconds = int(pace * left)
        eta = f"about {seconds // 60} min left" if seconds >= 60 else "under a minute left"
        return Content.assemble((self.title_text, "bold"), f" · {self.index + 1} of {total} · {eta}")

    def show_card(self) -> None:
        from kith.store.core.errors import NotFound
        from kith.store.quality.focus import relevance_of
        from kith.store.quality.triage import INITIATED, card

        self.query_one("#triage-progress", Static).update(self._progress())
        box = self.query_one("#triage-card", Static)
        if self.index >= len(self.ids):
            box.update(Content.assemble(("Everyone here is triaged.", "bold"), "\nPress Esc to leave."))
            self.query_one("#triage-message", Static).update(self.message)
            return
        try:
            c = card(self.ids[self.index])
        except NotFound:
            self.ids.pop(self.index)
            self.show_card()
            return
        where = " · ".join(x for x in (c.role, c.company, c.location) if x)
        facts = []
        if c.connected_on:
            facts.append(f"connected {c.connected_on.isoformat()}")
        if c.initiated_by:
            facts.append(INITIATED[c.initiated_by])
        if c.how_met:
            facts.append(f"met: {c.how_met}")
        parts = [literal(c.name, "bold", limit=70), "\n",
                 literal(where or "no role or company", "$text-muted", limit=150)]
        if facts:
            parts += ["\n", literal(" · ".join(facts), limit=150)]
        state = "archived" if c.archived else ("triaged" if c.triaged_on else "untriaged")
        parts += ["\n", Content(f"tier {c.tier} · strength {c.strength} · {state}")]
        parts += ["\n", Content("tags: "), literal(", ".join(c.tags) or "none", limit=150)]
        if self.focus:
            rel = relevance_of(c.id, self.focus)
            parts += ["\n", Content(f"relevance {rel.score}: "), literal(rel.reason, limit=150)]
        if c.notes:
            parts += ["\n", literal(c.notes.splitlines()[0], "italic $text-muted", limit=70)]
        box.update(Content.assemble(*parts))
        self.query_one("#triage-message", Static).update(self.message)

    # -- deciding -----------------------------------------------------------------------------------

    def _current(self) -> int | None:
        return self.ids[self.index] if self.index < len(self.ids) else None

    def _decide(self, advance: bool, **what) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.quality.triage import decide

        cid = self._current()
        if cid is None:
            return
        try:
            c = decide(cid, self.today, **what)
        except StoreError as exc:
            self.message = literal(str(exc), "$error")
            self.show_card()
            return
        self.decided += 1
        said = ", ".join(f"{k.replace('_', ' ')} {v}" if v is not True else k for k, v in what.items()
                         if v not in (None, False)) or "skipped"
        if self._said and self._said[0] == cid:
            said = f"{self._said[1]}, {said}"  # several keys on one contact: say all of them
        self._said = (cid, said)
        self.message = Content.assemble(literal(c.name, limit=40), ": ", literal(said, limit=120))
        if advance:
            self.index += 1
        self.show_card()

    def on_key(self, event: events.Key) -> None:
        if self.query_one("#triage-tag-input", Input).has_focus:
            return
        key = event.character or ""
        if key in "12345" and key:
            event.stop()
            self._decide(False, strength=int(key))
        elif key in self.tier_of_key:
            event.stop()
            self._decide(True, tier=self.tier_of_key[key])
        elif key in INITIATOR_KEYS:
            event.stop()
            self._decide(False, initiated_by=INITIATOR_KEYS[key][0])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("archive", "skip", "tag") and self._current() is None:
            return None
        return True

    def action_archive(self) -> None:
        self._decide(True, archive=True)

    def action_skip(self) -> None:
        self._decide(True)

    def action_back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.message = Content("back one")
            self.show_card()

    def action_tag(self) -> None:
        box = self.query_one("#triage-tag-input", Input)
        box.value = ""
        box.display, box.disabled = True, False
        box.focus()

    @on(Input.Submitted, "#triage-tag-input")
    def _tag_given(self, event: Input.Submitted) -> None:
        self._close_tag_input()
        if event.value.strip():
            self._decide(False, add_tag=event.value)

    def _close_tag_input(self) -> None:
        box = self.query_one("#triage-tag-input", Input)
        box.display, box.disabled = False, True
        self.set_focus(None)

    def action_undo(self) -> None:
        from kith.store.core.undo import last_entry, undo_last

        entry = last_entry()
        if entry is None or entry.action != "triage":
            self.message = Content("nothing of this triage to undo")
        else:
            undo_last()
            self.decided = max(0, self.decided - 1)
            if entry.contact_id in self.ids:
                self.index = self.ids.index(entry.contact_id)
            self.message = Content.assemble("undid: ", literal(entry.summary, limit=60))
        self.show_card()

    def action_leave(self) -> None:
        box = self.query_one("#triage-tag-input", Input)
        if box.display:
            self._close_tag_input()
            return
        self.dismiss(self.decided)


def start_triage(app, query: str = "", title: str = "Triage", ids: list[int] | None = None) -> None:
    """Open triage on the untriaged contacts ``query`` keeps (or on ``ids``); toast when nobody is left."""
    from kith.store.core.errors import StoreError
    from kith.store.quality.focus import effective_focus
    from kith.store.quality.triage import DEFAULT_QUERY, queue
    from kith.tui.settings import config_focus

    try:
        if ids is None:
            ids = queue(f"{DEFAULT_QUERY} {query}", app.today())
        focus = effective_focus(config_focus(app.config))
    except StoreError as exc:
        app.notify(literal(str(exc), limit=200), severity="error", markup=False)
        return
    if not ids:
        app.notify("Nobody to triage: everyone here has been seen.", markup=False)
        return

    def done(decided: int | None) -> None:
        if decided:
            app.notify(f"Triaged {decided} contact{'s' if decided != 1 else ''}.", markup=False)
        reload = getattr(app.screen, "reload", None)
        if callable(reload):
            reload()

    app.push_screen(TriageModal(ids, list(app.config.tiers), app.today(), focus, title), done)
