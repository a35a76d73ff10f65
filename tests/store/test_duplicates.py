"""Likely duplicates and merging: look-alikes found, merge keeps everything of both."""

from __future__ import annotations

from datetime import date

import pytest

from kith.store.core.errors import Invalid, NotFound
from kith.store.core.records import TagInfo
from kith.store.people.contacts import create_contact, get_contact, list_contacts
from kith.store.people.duplicates import find_duplicates, merge, name_key
from kith.store.people.followups import add_follow_up, list_follow_ups
from kith.store.people.touches import list_touches, log_touch


def _pairs():
    return {(p.a_name, p.b_name): p.reasons for p in find_duplicates()}


def test_name_key_folds_look_alikes():
    assert name_key("Аda Lovelace") == name_key("ada lovelace")  # Cyrillic А
    assert name_key("José Núñez") == name_key("Nunez, Jose")


def test_finds_pairs_by_name_email_url_and_similarity(db):
    create_contact("José Núñez")
    create_contact("Jose Nunez")
    create_contact("Аda Lovelace")  # Cyrillic А
    create_contact("Ada Lovelace")
    create_contact("Sam Lee", emails=["sam@x.example"])
    create_contact("Samuel Lee", emails=["SAM@x.example"])
    create_contact("Grace Hopper", links=["https://www.linkedin.com/in/grace/"])
    create_contact("G. Hopper", links=["http://linkedin.com/in/grace"])
    create_contact("Katherine Johnson")
    create_contact("Katharine Johnson")
    create_contact("Alone Person")
    pairs = _pairs()
    assert pairs == {
        ("José Núñez", "Jose Nunez"): ("same name",),
        ("Аda Lovelace", "Ada Lovelace"): ("same name",),
        ("Sam Lee", "Samuel Lee"): ("same email",),
        ("Grace Hopper", "G. Hopper"): ("same profile URL",),
        ("Katherine Johnson", "Katharine Johnson"): ("similar name",),
    }


def test_merge_keeps_everything(db):
    keep = create_contact("Ada Lovelace", emails=["ada@a.example"], tags=["industry:computing"],
                          notes="Met at the salon.", birthday_month=12, birthday_day=10)
    other = create_contact("Ada King", company="Analytical", emails=["ada@b.example"], phones=["+44 1"],
                           links=["https://www.linkedin.com/in/ada"], tags=["Mentors", "industry:computing"],
                           notes="Prefers email.", birthday_month=12, birthday_day=10, birthday_year=1915,
                           connected_on=date(2020, 1, 1), extra={"linkedin": {"x": "1"}})
    intro = create_contact("Charles Babbage", introduced_by_id=other.id)
    log_touch(keep.id, "coffee", date(2026, 1, 1), "one")
    log_touch(other.id, "call", date(2026, 2, 1), "two")
    add_follow_up(other.id, date(2026, 4, 1), "Send the notes")
    merged = merge(keep.id, other.id, today=date(2026, 3, 16))
    assert merged.name == "Ada Lovelace" and merged.company == "Analytical"
    assert merged.emails == ("ada@a.example", "ada@b.example")
    assert merged.phones == ("+44 1",) and merged.links == ("https://www.linkedin.com/in/ada",)
    assert set(merged.tags) == {TagInfo("computing", "industry"), TagInfo("Mentors")}
    assert merged.notes == ("Met at the salon.\n\nPrefers email.\n\n"
                            f"2026-03-16: Before merge with #{other.id} Ada King: name Ada King")
    assert (merged.birthday_year, merged.birthday_month, merged.birthday_day) == (1915, 12, 10)
    assert merged.connected_on == date(2020, 1, 1)
    assert merged.extra["linkedin"] == {"x": "1"} and merged.extra["merged_names"] == ["Ada King"]
    assert sorted(t.note for t in list_touches(keep.id)) == ["one", "two"]
    assert merged.last_touch_on == date(2026, 2, 1)
    assert [f.what for f in list_follow_ups(keep.id)] == ["Send the notes"]
    assert get_contact(intro.id).introduced_by_id == keep.id
    with pytest.raises(NotFound):
        get_contact(other.id)
    assert len(list_contacts()) == 2


def test_merge_moves_rows_of_other_tables_generically(db):
    from kith.store.core.db import db as database
    from kith.store.core.db import write

    with write():
        database.execute_sql("CREATE TABLE IF NOT EXISTS test_side (id INTEGER PRIMARY KEY, "
                             "contact_id INTEGER REFERENCES contact (id) ON DELETE CASCADE, what TEXT)")
    a, b = create_contact("A One"), create_contact("A Two")
    with write():
        database.execute_sql("INSERT INTO test_side (contact_id, what) VALUES (?, 'kept')", (b.id,))
    merge(a.id, b.id)
    assert database.execute_sql("SELECT contact_id, what FROM test_side").fetchall() == [(a.id, "kept")]


def test_merge_refuses_self(db):
    a = create_contact("Solo")
    with pytest.raises(Invalid):
        merge(a.id, a.id)
