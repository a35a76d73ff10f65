"""kith writes its own cards directly: the text must be exactly what vobject writes for them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kith.store.core.records import ContactInfo, TagInfo
from kith.store.people.contacts import create_contact, get_contact
from kith.store.transfer.exporters import _vcard, to_vcard
from kith.store.transfer.importers.common import ImportSummary
from kith.store.transfer.importers.vcard import parse
from kith.store.transfer.vcard_text import card_text, fold

# Text that exercises escaping and folding: separators, line breaks, wide and combining
# characters, emoji (four UTF-8 bytes), markup-looking text and long runs; anything the store
# can hold (no NUL, no lone surrogate).
PIECES = st.sampled_from([",", ";", "\\", ":", "\n", "\r\n", "\r", '"', " ", "é", "Zoë", "日本", "🙂",
                          "e\u0301", "[b]x[/b]", "a" * 40, "ORG:x", "END:VCARD"])
STORABLE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
TEXT = st.lists(st.one_of(PIECES, STORABLE), max_size=12).map("".join)
LINE = TEXT.map(lambda s: s.replace("\r", "").replace("\n", " ").strip() or "x")


@st.composite
def contacts(draw):
    emails = tuple(draw(st.lists(LINE, max_size=3, unique=True)))
    phones = tuple(draw(st.lists(LINE, max_size=2, unique=True)))
    links = tuple(draw(st.lists(LINE, max_size=2, unique=True)))
    values = [*emails, *phones, *links]
    labels = {v: draw(TEXT) for v in values if draw(st.booleans())}
    types = {v: draw(st.lists(LINE, min_size=1, max_size=2)) for v in values if draw(st.booleans())}
    month = draw(st.none() | st.integers(1, 12))
    return ContactInfo(
        id=draw(st.integers(1, 10**6)), name=draw(LINE), company=draw(TEXT), role=draw(TEXT),
        emails=emails, phones=phones, links=links, notes=draw(TEXT),
        birthday_month=month, birthday_day=1 if month else None,
        birthday_year=draw(st.none() | st.integers(1900, 2020)),
        tags=tuple(TagInfo(draw(LINE), draw(st.sampled_from(["other", "industry", "skill"])))
                   for _ in range(draw(st.integers(0, 3)))),
        extra={"vcard": {"labels": labels, "types": types}})


@settings(max_examples=400)
@given(contacts())
def test_the_direct_text_is_exactly_what_vobject_writes(c):
    text = card_text(c)
    if text is None:  # only a double quote in a TYPE makes vobject itself refuse the card
        assert any('"' in t for kinds in c.extra["vcard"]["types"].values() for t in kinds)
        return
    assert text == _vcard(c).serialize()


def test_cards_with_kept_lines_still_go_through_vobject(db):
    c = create_contact("Ada Lovelace", extra={"vcard": {"keep": ["X-SOCIAL;TYPE=x:ada"]}})
    assert card_text(get_contact(c.id)) is None
    assert "X-SOCIAL;TYPE=x:ada" in to_vcard([get_contact(c.id)])


def test_folding_never_splits_a_character_and_keeps_lines_within_75_bytes():
    line = "NOTE:" + "日本🙂é" * 40
    folded = fold(line)
    assert folded.endswith("\r\n") and folded.replace("\r\n ", "")[:-2] == line
    assert all(len(part.encode()) <= 75 for part in folded[:-2].split("\r\n"))


def test_a_card_written_directly_reads_back_the_same(db):
    c = create_contact("Zoë O'Brien, Jr.", company="Acme; Ltd", role="Head, Growth",
                       emails=["zoe@example.com"], notes="line one\nline two, with; marks \\ end",
                       tags=["industry:Fintech", "friend"])
    c = get_contact(c.id)
    assert card_text(c) is not None
    summary = ImportSummary("cards")
    (back,) = parse(to_vcard([c]), summary)
    assert not summary.skipped
    f = back.fields
    assert (f["name"], f["company"], f["role"], f["notes"]) == (c.name, c.company, c.role, c.notes)
