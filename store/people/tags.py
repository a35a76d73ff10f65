"""Provides a contact's tags: parsing ``kind:name``, and the one place tags are created, linked and tidied."""

from __future__ import annotations

from kith.store.core.errors import Invalid
from kith.store.core.fold import fold
from kith.store.core.records import TAG_KINDS, TagInfo
from kith.store.core.validate import check_text
from kith.store.people.models import ContactTag, Tag

MAX_SHORT = 300
"""The longest name, company, role or tag (``contacts`` refuses longer, never cuts)."""




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


def parse_tag(text: str) -> TagInfo:
    """Parse ``industry:Fintech`` (a kind prefix) or ``Fintech`` (kind ``other``).

    Raises:
        Invalid: empty, longer than ``MAX_SHORT`` (refused like a long name, never cut), NUL.
    """
    text = " ".join(check_text("tags", text, "a tag").split())
    kind, sep, name = text.partition(":")
    if sep and kind.strip().lower() in TAG_KINDS:
        if not name.strip():
            raise Invalid("tags", f"the tag {text!r} has a kind but no name")
        kind, name = kind.strip().lower(), name.strip()
    elif not text:
        raise Invalid("tags", "a tag cannot be empty")
    else:
        kind, name = "other", text
    if len(name) > MAX_SHORT:
        raise Invalid("tags", f"a tag is longer than {MAX_SHORT} characters ({name[:20]!r}…)")
    return TagInfo(name, kind)


def _check_tag(tag: TagInfo) -> TagInfo:
    check_text("tags", tag.name, "a tag")
    if len(tag.name) > MAX_SHORT:
        raise Invalid("tags", f"a tag is longer than {MAX_SHORT} characters ({tag.name[:20]!r}…)")
    return tag
