"""Provides writing a contact's tags: the one place tags are created, linked and tidied."""

from __future__ import annotations

from kith.store.core.fold import fold
from kith.store.core.records import TagInfo
from kith.store.people.models import ContactTag, Tag


def _set_tags(contact_id: int, tags: tuple[TagInfo, ...]) -> None:
    ContactTag.delete().where(ContactTag.contact == contact_id).execute()
    for t in tags:
        folded = fold(t.name)
        tag = Tag.get_or_none((Tag.kind == t.kind) & (Tag.folded == folded))
        if tag is None:
            tag = Tag.create(name=t.name, kind=t.kind, folded=folded)
        ContactTag.insert(contact=contact_id, tag=tag.id).on_conflict_ignore().execute()
    # Tags no contact uses any more would clutter suggestions.
    Tag.delete().where(Tag.id.not_in(ContactTag.select(ContactTag.tag))).execute()


def restore_tags(contact_id: int, tags: list) -> None:
    """Give a re-created contact its tags back, by name and kind (undo of a delete)."""
    _set_tags(contact_id, tuple(TagInfo(name, kind) for name, kind in tags))
