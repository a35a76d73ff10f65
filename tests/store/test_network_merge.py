"""Merging two contacts keeps what the network knows about both: "knows" edges and introductions."""

from __future__ import annotations

from datetime import date

import pytest

from kith.store.core.db import db as database
from kith.store.network import introduced_by, list_introductions, record_introduction, set_knows
from kith.store.people.contacts import create_contact, get_contact
from kith.store.people.duplicates import merge

TODAY = date(2026, 3, 16)


def knows_rows() -> list[tuple[int, int, int]]:
    return [tuple(r) for r in database.execute_sql("SELECT a_id, b_id, strength FROM knows ORDER BY a_id, b_id")]


@pytest.fixture
def people(db) -> dict[str, int]:
    # Created in this order so the kept contact has the lowest id: the other's edges to people
    # between them would end up with a_id > b_id if simply renumbered.
    names = ("keep", "mid", "other", "zoe", "ravi")
    return {n: create_contact(f"Person {n.title()}").id for n in names}


def test_a_knows_edge_of_the_merged_contact_moves_to_the_kept_one(people):
    p = people
    set_knows(p["mid"], p["other"], 4)   # (mid, other): becomes (keep, mid) with the ids swapped
    set_knows(p["other"], p["zoe"], 2)
    merge(p["keep"], p["other"], TODAY)
    assert knows_rows() == [(p["keep"], p["mid"], 4), (p["keep"], p["zoe"], 2)]


def test_an_edge_both_had_keeps_the_stronger_and_an_edge_between_the_two_goes(people):
    p = people
    set_knows(p["keep"], p["zoe"], 2)
    set_knows(p["other"], p["zoe"], 5)
    set_knows(p["keep"], p["other"], 3)
    merge(p["keep"], p["other"], TODAY)
    assert knows_rows() == [(p["keep"], p["zoe"], 5)]


def test_introductions_survive_a_merge_once_each(people):
    p = people
    record_introduction(p["ravi"], None, p["other"], date(2025, 5, 1), note="at the meetup", log_touches=False)
    record_introduction(p["ravi"], None, p["keep"], date(2025, 6, 1), log_touches=False)  # the same, twice
    record_introduction(None, p["zoe"], p["other"], date(2025, 7, 1), log_touches=False)  # you introduced them
    record_introduction(p["other"], p["mid"], p["zoe"], date(2025, 8, 1), log_touches=False)  # they introduced
    record_introduction(p["keep"], None, p["other"], date(2025, 9, 1), log_touches=False)  # about itself
    merge(p["keep"], p["other"], TODAY)
    lines = sorted((i.line(), i.day.isoformat(), i.note) for i in list_introductions())
    assert lines == [
        ("Person Keep introduced Person Mid and Person Zoe", "2025-08-01", ""),
        ("Person Ravi introduced you to Person Keep", "2025-05-01", "at the meetup"),
        ("you introduced Person Zoe and Person Keep", "2025-07-01", ""),
    ]
    assert introduced_by(p["keep"]) == (p["ravi"], "Person Ravi")
    assert get_contact(p["keep"]).introduced_by_id == p["ravi"]


def test_the_merge_preview_counts_the_network_rows_that_move(people):
    from kith.store.people.merge import merge_plan

    p = people
    set_knows(p["mid"], p["other"], 4)
    record_introduction(p["ravi"], None, p["other"], date(2025, 5, 1), log_touches=False)
    moved = dict(merge_plan(p["keep"], p["other"], TODAY).moved)
    assert moved.get("knows") == 1 and moved.get("introduction") == 1
