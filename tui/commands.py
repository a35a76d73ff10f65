"""Provides ContactsProvider: the command palette finds contacts by name and opens them.

Matching is ``store.search`` (folded, typo-tolerant), not the palette's own matcher, so
``jose`` finds ``José`` here exactly as in the search screen. Attach it on the App with
``COMMANDS = App.COMMANDS | {ContactsProvider}``.
"""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider

from tui.literal import literal

PALETTE_LIMIT = 12


class ContactsProvider(Provider):
    """Contacts whose name, company, role, tags or emails match what is typed."""

    async def search(self, query: str) -> Hits:
        from store.errors import StoreError
        from store.search import search

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
        from tui.screens.contact_detail import ContactDetailScreen

        self.app.push_screen(ContactDetailScreen(contact_id))

