"""Provides ContactsProvider: the command palette finds contacts by name and opens them.

Matching is ``store.search`` (folded, typo-tolerant), not the palette's own matcher, so
``jose`` finds ``José`` here exactly as in the search screen. Attach it on the App with
``COMMANDS = App.COMMANDS | {ContactsProvider}``.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from kith.tui.literal import literal

PALETTE_LIMIT = 12


class ContactsProvider(Provider):
    """Contacts whose name, company, role, tags or emails match what is typed."""

    async def search(self, query: str) -> Hits:
        from kith.store.core.errors import StoreError
        from kith.store.search.engine import search

        try:
            results = search(query, limit=PALETTE_LIMIT, kinds=["contact"])
        except StoreError:
            return
        for result in results:
            name = literal(result.title)
            for start, end in result.title_spans:
                name = name.stylize("bold underline", start, end)
            yield Hit(
                min(1.0, result.score / 100),
                name,
                partial(self.open_contact, result.contact_id),
                text=result.title,
                # Content, not str: the palette parses a str help as markup ("[/]" in a company).
                help=literal(result.detail, limit=80) if result.detail else None,
            )

    async def discover(self) -> Hits:
        # With nothing typed the palette lists the app's commands; contacts appear once typing starts.
        return
        yield  # pragma: no cover (makes this an async generator)

    def open_contact(self, contact_id: int | None) -> None:
        """Open the contact's own screen."""
        if contact_id is None:
            return
        self.app.open_contact(contact_id)



class KeysProvider(Provider):
    """Every key of the screen the palette was opened from, as a command: the palette reaches every action."""

    def _commands(self):
        from textual.binding import Binding

        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            # Only kith's own described actions; moving the cursor is for keys, not the palette.
            if not binding.id or not binding.tooltip or not active.enabled:
                continue
            if active.node is self.app:
                continue  # the app's own verbs are already system commands
            key_label = self.app.get_key_display(Binding(key, ""))
            yield (binding.description, binding.tooltip or "", key_label,
                   partial(active.node.run_action, binding.action))

    async def discover(self) -> Hits:
        for title, tip, key, run in self._commands():
            yield DiscoveryHit(literal(f"{title}  ({key})"), run, help=literal(tip) if tip else None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, tip, key, run in self._commands():
            score = max(matcher.match(title), matcher.match(tip) * 0.8)
            if score > 0:
                yield Hit(score, literal(f"{title}  ({key})"), run, text=title, help=literal(tip) if tip else None)
