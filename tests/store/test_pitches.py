"""Store tests of pitches: channels and targets, versions, drafts, restore, rehearsals, demo."""

from __future__ import annotations

import random
from datetime import date

import pytest

from kith.store.brand.demo import demo
from kith.store.brand.pitches import (
    CHANNEL_DEFAULTS,
    create_pitch,
    delete_pitch,
    discard_draft,
    get_pitch,
    list_pitches,
    list_rehearsals,
    list_versions,
    parse_channel,
    record_rehearsal,
    resolve_pitch,
    restore_version,
    save_draft,
    save_version,
    update_pitch,
)
from kith.store.core.db import db as database
from kith.store.core.errors import Ambiguous, Conflict, Invalid, NotFound


def test_channel_defaults_and_parsing(db):
    assert parse_channel("Elevator") == "elevator pitch"
    assert parse_channel("email-signature") == "email signature"
    with pytest.raises(Invalid):
        parse_channel("fax")
    p = create_pitch("Elevator", "elevator pitch")
    assert (p.target_seconds, p.char_limit) == (30, None) and p.target_label == "30 s"
    h = create_pitch("Headline", "social headline")
    assert (h.target_seconds, h.char_limit) == (None, 220) and h.written
    for channel, (secs, chars) in CHANNEL_DEFAULTS.items():  # noqa: B007
        assert secs is None or chars is None


def test_targets_are_validated(db):
    with pytest.raises(Invalid):
        create_pitch("Both", "custom", target_seconds=30, char_limit=100)
    with pytest.raises(Invalid):
        create_pitch("Zero", "custom", target_seconds=0)
    p = create_pitch("Any", "custom", target_seconds=None, char_limit=None)
    assert p.target_label == "any"
    p = update_pitch(p.id, target_seconds=15)
    assert (p.target_seconds, p.char_limit) == (15, None)
    p = update_pitch(p.id, char_limit=300)
    assert (p.target_seconds, p.char_limit) == (None, 300)


def test_names_are_unique_ignoring_case_and_accents(db):
    create_pitch("Café pitch", "custom")
    with pytest.raises(Conflict):
        create_pitch("cafe PITCH", "custom")
    with pytest.raises(Invalid):
        create_pitch("   ", "custom")


def test_every_changed_save_is_a_version(db):
    p = create_pitch("Pitch", "elevator pitch", "First words.")
    assert p.versions == 1
    p = save_version(p.id, "Second words, better.")
    p = save_version(p.id, "Second words, better.")  # unchanged: no new version
    assert p.versions == 2
    versions = list_versions(p.id)
    assert [v.number for v in versions] == [2, 1]
    assert versions[1].text == "First words."
    assert get_pitch(p.id).text == "Second words, better."


def test_restore_adds_a_version_with_the_old_text(db):
    p = create_pitch("Pitch", "custom", "one")
    save_version(p.id, "two")
    first = list_versions(p.id)[-1]
    p = restore_version(p.id, first.id)
    assert p.text == "one" and p.versions == 3
    assert [v.text for v in list_versions(p.id)] == ["one", "two", "one"]
    with pytest.raises(NotFound):
        restore_version(p.id, 9999)


def test_drafts_survive_and_clear_on_save(db):
    p = create_pitch("Pitch", "custom", "saved")
    save_draft(p.id, "saved plus typing")
    p = get_pitch(p.id)
    assert p.draft == "saved plus typing" and p.working_text == "saved plus typing" and p.text == "saved"
    save_draft(p.id, "saved")  # typing back to the saved text is no draft
    assert get_pitch(p.id).draft is None
    save_draft(p.id, "again")
    assert discard_draft(p.id).draft is None
    save_draft(p.id, "keep me")
    p = save_version(p.id, "keep me")
    assert p.draft is None and p.text == "keep me" and p.versions == 2


def test_save_detects_a_version_saved_elsewhere(db):
    p = create_pitch("Pitch", "custom", "one")
    save_version(p.id, "two (other kith)")
    with pytest.raises(Conflict):
        save_version(p.id, "mine", expected_versions=1)
    assert get_pitch(p.id).text == "two (other kith)"


def test_text_is_cleaned_of_controls(db):
    p = create_pitch("Pitch", "custom", "a\x1b]52;c;x\x07b\r\nc\x9bd\u202ee\tf")
    assert p.text == "a]52;c;xb\ncde\tf"


def test_resolve_by_id_exact_and_part(db):
    a = create_pitch("Elevator pitch", "elevator pitch")
    create_pitch("Elevator pitch (long)", "custom")
    assert resolve_pitch(str(a.id)).id == a.id
    assert resolve_pitch("elevator PITCH").id == a.id
    assert resolve_pitch("long").name == "Elevator pitch (long)"
    with pytest.raises(Ambiguous):
        resolve_pitch("elev")
    with pytest.raises(NotFound):
        resolve_pitch("nothing")


def test_rehearsals_are_kept_per_pitch(db):
    p = create_pitch("Pitch", "elevator pitch", " ".join(["word"] * 65))
    r = record_rehearsal(p.id, 30.0)
    assert r.words == 65 and r.wpm == pytest.approx(130) and r.version_number == 1
    record_rehearsal(p.id, 26.0)
    assert [round(x.wpm) for x in list_rehearsals(p.id)] == [150, 130]
    with pytest.raises(Invalid):
        record_rehearsal(p.id, 0.2)
    delete_pitch(p.id)
    assert list_rehearsals(p.id) == [] and list_versions(p.id) == []
    with pytest.raises(NotFound):
        delete_pitch(p.id)


def test_writes_use_immediate_transactions(db, monkeypatch):
    seen = []
    original = database.atomic
    monkeypatch.setattr(database, "atomic", lambda *a, **k: (seen.append(a), original(*a, **k))[1])
    p = create_pitch("Pitch", "custom", "x")
    save_version(p.id, "y")
    save_draft(p.id, "z")
    assert seen and all(a == ("IMMEDIATE",) for a in seen)


def test_demo_is_deterministic_and_realistic(db):
    with database.atomic("IMMEDIATE"):
        demo(random.Random(7), date(2026, 3, 16), [])
    pitches = list_pitches()
    assert {p.channel for p in pitches} >= {"elevator pitch", "social headline", "business card", "email signature"}
    elevator = resolve_pitch("Elevator pitch")
    assert elevator.versions == 3 and len(list_rehearsals(elevator.id)) == 5
    assert all(p.char_limit is None or len(p.text) <= p.char_limit for p in pitches)
