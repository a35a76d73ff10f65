"""A kith CSV row's tier, strength and cadence are checked as ``kith edit`` checks them.

A bad value is left out with a note naming the row and why; the rest of the row, and of the
file, is imported.
"""

from __future__ import annotations

from kith.store.people.contacts import create_contact, get_contact, list_contacts
from kith.store.transfer.importers import import_file

TIERS = {"inner": 14, "close": 30, "network": 90, "dormant": 0}


def _csv(tmp_path, *rows: str):
    path = tmp_path / "people.csv"
    path.write_text("name,company,role,tier,strength,cadence_days\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _by_name():
    return {c.name: get_contact(c.id) for c in list_contacts()}


def test_a_bad_tier_strength_or_cadence_is_left_out_with_a_note(db, tmp_path):
    path = _csv(tmp_path, "Ada Lovelace,Analytical,,bogus,9,-4", "Bob Okafor,Acme,,Inner,2,14")
    summary = import_file("csv", path, tiers=TIERS)
    assert summary.added == 2 and not summary.skipped
    notes = [str(p) for p in summary.remarks]
    assert any(n.startswith("line 2: unknown tier 'bogus'") and "left out" in n for n in notes), notes
    assert any(n.startswith("line 2: strength must be between 1 and 5") for n in notes), notes
    assert any(n.startswith("line 2: cadence days must be between 0 and 3650") for n in notes), notes
    assert all(not n.startswith("line 3") for n in notes), notes
    people = _by_name()
    ada, bob = people["Ada Lovelace"], people["Bob Okafor"]
    assert (ada.tier, ada.strength, ada.cadence_days) == ("network", 3, None)
    assert (bob.tier, bob.strength, bob.cadence_days) == ("inner", 2, 14)


def test_a_bad_tier_never_replaces_a_known_one(db, tmp_path):
    create_contact("Ada Lovelace", company="Analytical", tier="close")
    summary = import_file("csv", _csv(tmp_path, "Ada Lovelace,Analytical,,bogus,,"), tiers=TIERS)
    assert summary.unchanged == 1 and "unknown tier" in str(summary.remarks[0])
    assert _by_name()["Ada Lovelace"].tier == "close"


def test_a_dry_run_reports_the_bad_tier_too(db, tmp_path):
    summary = import_file("csv", _csv(tmp_path, "Ada Lovelace,Analytical,,bogus,,"), dry_run=True, tiers=TIERS)
    assert summary.added == 1 and "unknown tier 'bogus'" in str(summary.remarks[0])
    assert list_contacts() == []
