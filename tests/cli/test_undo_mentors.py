"""``kith undo`` after the mentor commands reverses that change, never an older unrelated one."""

from __future__ import annotations

import json


def _setup(kith) -> None:
    assert kith("add", "Ada Lovelace").code == 0
    assert kith("add", "Zed Zimmer").code == 0
    assert kith("archive", "Zed Zimmer").code == 0
    assert kith("unarchive", "Zed Zimmer").code == 0  # the older, unrelated change undo must not reach


def _roles(kith, name: str) -> list[str]:
    r = kith("mentors", "--json")
    return next((m["roles"] for m in json.loads(r.out) if m["name"] == name), [])


def test_undo_reverses_a_role_given_then_a_role_ended(run_kith):
    _setup(run_kith)
    assert run_kith("role", "Ada Lovelace", "coach").code == 0
    r = run_kith("undo")
    assert r.code == 0 and "coach" in r.out and "Zed" not in r.out
    assert _roles(run_kith, "Ada Lovelace") == []
    assert run_kith("role", "Ada Lovelace", "coach").code == 0
    assert run_kith("role", "Ada Lovelace", "coach", "--remove").code == 0
    r = run_kith("undo")
    assert "ended the coach role of Ada Lovelace" in r.out
    assert _roles(run_kith, "Ada Lovelace") == ["coach"]
    assert "Zed" not in run_kith("undo").out  # the role given, still not Zed
    assert _roles(run_kith, "Ada Lovelace") == []


def test_undo_reverses_a_check_in_with_its_commitments_and_outcomes(run_kith):
    _setup(run_kith)
    assert run_kith("role", "Ada Lovelace", "partner", "--every", "7").code == 0
    assert run_kith("check-in", "Ada Lovelace", "--answer", "a", "--commit", "b", "--on", "2026-03-01").code == 0
    assert run_kith("check-in", "Ada Lovelace", "--kept", "1", "--commit", "c", "--on", "2026-03-08").code == 0
    r = run_kith("undo")
    assert "recorded a check-in with Ada Lovelace (2026-03-08)" in r.out
    out = run_kith("check-ins", "Ada Lovelace").out
    assert "2026-03-08" not in out and "kept" not in out and "b" in out
    r = run_kith("undo")
    assert "2026-03-01" in r.out
    assert "2026-03-01" not in run_kith("check-ins", "Ada Lovelace").out
    r = run_kith("undo")  # the partner role with its cadence
    assert "partner" in r.out and _roles(run_kith, "Ada Lovelace") == []


def test_undo_brings_back_a_deleted_value_entry(run_kith):
    _setup(run_kith)
    assert run_kith("value", "Ada Lovelace", "received", "intro", "--on", "2026-03-01").code == 0
    from kith.store.mentors import value as mentors

    (entry,) = mentors.list_values()
    mentors.delete_value(entry.id)
    assert mentors.list_values() == []
    r = run_kith("undo")
    assert "deleted value entry" in r.out
    (back,) = mentors.list_values()
    assert (back.id, back.category, back.date) == (entry.id, entry.category, entry.date)


def test_undo_stops_at_a_change_it_cannot_reverse_and_says_so(run_kith):
    _setup(run_kith)
    assert run_kith("archive", "Zed Zimmer").code == 0
    from kith.store.brand.pitches import create_pitch

    create_pitch("Elevator", "elevator pitch", "Hello there")
    for _ in range(2):  # asked again, it still reverses nothing older
        r = run_kith("undo")
        assert "the last change, created a pitch, cannot be undone" in r.out + r.err
        assert "undid" not in r.out
        assert '"archived": true' in run_kith("show", "Zed Zimmer", "--json").out
