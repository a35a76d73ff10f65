"""Audience variants and claims: edit and delete, each undone by ``undo_last`` (what the app's u does)."""

from __future__ import annotations

import pytest

from kith.store.brand.pitches import create_pitch
from kith.store.core import undo
from kith.store.core.errors import Conflict, Invalid, NotFound
from kith.store.perception.brand_review import (
    add_claim,
    delete_claim,
    delete_variant,
    get_claim,
    list_claims,
    list_variants,
    set_evidence,
    set_variant,
    update_claim,
    update_variant,
)


@pytest.fixture
def pitch(db):
    return create_pitch("Elevator pitch", "elevator pitch", "I build pipelines.")


def test_edit_a_variant_and_undo_puts_the_old_one_back(pitch):
    v = set_variant(pitch.id, "tech", "dbt and Airflow.", 30)
    update_variant(v.id, "engineers", "dbt, Airflow, data contracts.", 45)
    [now] = list_variants(pitch.id)
    assert (now.id, now.audience, now.text, now.target_seconds) == (v.id, "engineers", "dbt, Airflow, data contracts.", 45)
    entry = undo.undo_last()
    assert entry.action == "edit audience variant"
    [back] = list_variants(pitch.id)
    assert (back.audience, back.text, back.target_seconds) == ("tech", "dbt and Airflow.", 30)


def test_replacing_a_variant_through_set_variant_is_undoable_too(pitch):
    set_variant(pitch.id, "tech", "old words", 30)
    set_variant(pitch.id, "Tech", "new words", None)
    undo.undo_last()
    [back] = list_variants(pitch.id)
    assert (back.audience, back.text, back.target_seconds) == ("tech", "old words", 30)


def test_a_variant_cannot_take_another_variants_audience(pitch):
    set_variant(pitch.id, "tech", "a")
    v = set_variant(pitch.id, "non-tech", "b")
    with pytest.raises(Conflict):
        update_variant(v.id, "TECH", "b")
    with pytest.raises(Invalid):
        update_variant(v.id, "  ", "b")
    with pytest.raises(Invalid):
        update_variant(v.id, "non-tech", "b", 0)
    assert sorted(x.audience for x in list_variants(pitch.id)) == ["non-tech", "tech"]


def test_delete_a_variant_and_undo_brings_it_back(pitch):
    v = set_variant(pitch.id, "non-tech", "I help finance teams.", 15)
    delete_variant(v.id)
    assert list_variants(pitch.id) == []
    assert undo.undo_last().summary == "deleted the non-tech variant of Elevator pitch"
    assert list_variants(pitch.id) == [v]
    with pytest.raises(NotFound):
        delete_variant(v.id + 99)


def test_edit_a_claim_and_undo(pitch):
    c = add_claim(pitch.id, "cut close from ten days to six")
    update_claim(c.id, claim="cut month-end close from ten days to six", evidence="Globex retro", source="")
    assert get_claim(c.id).evidence == "Globex retro"
    undo.undo_last()
    assert (get_claim(c.id).claim, get_claim(c.id).evidence) == ("cut close from ten days to six", "")
    set_evidence(c.id, source="borrowed from a talk")
    undo.undo_last()
    assert get_claim(c.id).source == ""


def test_a_claim_cannot_repeat_another_on_the_same_pitch(pitch):
    add_claim(pitch.id, "reliable pipelines")
    c = add_claim(pitch.id, "calm under pressure")
    with pytest.raises(Conflict):
        update_claim(c.id, claim="Reliable  pipelines")
    with pytest.raises(Invalid):
        update_claim(c.id, claim=" ")


def test_delete_a_claim_and_undo_brings_it_back(pitch):
    c = add_claim(pitch.id, "reliable pipelines", evidence="https://example.com/slo", source="")
    delete_claim(c.id)
    assert list_claims() == []
    undo.undo_last()
    assert list_claims() == [c]
