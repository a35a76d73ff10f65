"""Contacts, touches and follow-ups on a real database file."""

import subprocess
import sys
from datetime import date

import pytest

from kith.store.core.db import close_db, open_db
from kith.store.core.errors import Ambiguous, Conflict, Invalid, NotFound
from kith.store.core.records import TagInfo
from kith.store.people import contacts, followups, touches


def test_create_normalises_and_folds(db):
    c = contacts.create_contact("  José   Álvarez ", company="Acme", emails=["j@acme.example", "j@acme.example"],
                                tags=["industry:Fintech", "python", "geography:Berlin"], tier="Close")
    assert c.name == "José Álvarez"
    assert c.emails == ("j@acme.example",)
    assert c.tier == "close"
    assert set(c.tags) == {TagInfo("Fintech", "industry"), TagInfo("python"), TagInfo("Berlin", "geography")}
    row = contacts.list_rows()[0]
    assert row.search_key.startswith("jose alvarez acme j@acme.example ")
    assert set(row.search_key.split()) >= {"berlin", "fintech", "python"}


@pytest.mark.parametrize("field, value, message", [
    ("name", "   ", "needs a name"),
    ("emails", ["not an email"], "not an email"),
    ("emails", ["ada@@x.example"], "not an email"),
    ("links", ["javascript:alert(1)"], "not a web link"),
    ("tags", ["industry:"], "has a kind but no name"),
    ("strength", 9, "between 1 and 5"),
    ("cadence_days", "often", "whole number"),
    ("tier", "Inner Circle!", "not a tier name"),
])
def test_invalid_values_are_refused_with_the_field(db, field, value, message):
    fields = {"name": "Ada"} | {field: value}
    with pytest.raises(Invalid, match=message) as err:
        contacts.create_contact(**fields)
    assert err.value.field == field
    assert contacts.count_contacts() == 0


def test_birthday_feb_29_without_year_is_fine_but_feb_30_is_not(db):
    assert contacts.create_contact("Leap", birthday_month=2, birthday_day=29).birthday == "--02-29"
    with pytest.raises(Invalid, match="not a day"):
        contacts.create_contact("Nope", birthday_month=2, birthday_day=30)


def test_update_writes_only_changes_and_bumps_version(db):
    c = contacts.create_contact("Ada", company="Analytical")
    same = contacts.update_contact(c.id, {"company": "Analytical"}, base=c)
    assert same.version == 1
    changed = contacts.update_contact(c.id, {"role": "Engineer", "tags": ["math"]}, base=c)
    assert (changed.role, changed.version, changed.tags) == ("Engineer", 2, (TagInfo("math"),))
    assert "math" in contacts.list_rows()[0].search_key


def test_two_sessions_different_fields_both_kept_same_field_conflicts(db):
    c = contacts.create_contact("Grace", company="Navy", role="Officer")
    session_a, session_b = contacts.get_contact(c.id), contacts.get_contact(c.id)
    contacts.update_contact(c.id, {"company": "US Navy"}, base=session_a)
    contacts.update_contact(c.id, {"role": "Rear Admiral"}, base=session_b)
    now = contacts.get_contact(c.id)
    assert (now.company, now.role) == ("US Navy", "Rear Admiral")
    with pytest.raises(Conflict) as err:
        contacts.update_contact(c.id, {"company": "Navy Yard"}, base=session_b)
    assert err.value.fields == ["company"]
    assert contacts.get_contact(c.id).company == "US Navy"


RMW = """
import sys
from kith.store.core.db import open_db
from kith.store.people.contacts import get_contact, update_contact
from kith.store.core.errors import Conflict
open_db(sys.argv[1])
cid = int(sys.argv[2])
for _ in range(200):
    while True:
        c = get_contact(cid)
        try:
            update_contact(cid, {"strength": 1, "notes": str(int(c.notes) + 1)}, base=c)
            break
        except Conflict:
            continue  # someone else incremented first: read again and retry
"""


def test_two_processes_200_read_modify_writes_each_lose_nothing(db_file):
    c = contacts.create_contact("Counter", notes="0")
    close_db()
    procs = [subprocess.Popen([sys.executable, "-c", RMW, str(db_file), str(c.id)], stderr=subprocess.PIPE)
             for _ in range(2)]
    errors = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    open_db(db_file)
    assert contacts.get_contact(c.id).notes == "400"


def test_archive_hides_and_delete_cascades(db):
    a = contacts.create_contact("Ada", tags=["math"])
    b = contacts.create_contact("Bob")
    touches.log_touch(a.id, "coffee", date(2026, 1, 2), "chat")
    followups.add_follow_up(a.id, date(2026, 2, 1), "send paper")
    contacts.set_archived(b.id)
    assert [r.name for r in contacts.list_rows()] == ["Ada"]
    assert [r.name for r in contacts.list_rows(include_archived=True)] == ["Ada", "Bob"]
    contacts.delete_contact(a.id)
    with pytest.raises(NotFound):
        contacts.get_contact(a.id)
    assert touches.count_touches() == 0 and followups.list_open() == []
    with pytest.raises(NotFound):
        contacts.delete_contact(a.id)


def test_resolve_by_id_exact_name_part_and_ambiguity(db):
    ada = contacts.create_contact("Ada Lovelace")
    contacts.create_contact("Ada Rossi")
    assert contacts.resolve(str(ada.id)).name == "Ada Lovelace"
    assert contacts.resolve(f"#{ada.id}").name == "Ada Lovelace"
    assert contacts.resolve("lovelace").id == ada.id
    with pytest.raises(Ambiguous) as err:
        contacts.resolve("ada")
    assert {c.name for c in err.value.candidates} == {"Ada Lovelace", "Ada Rossi"}
    with pytest.raises(NotFound):
        contacts.resolve("nobody")


def test_touches_keep_last_touch_in_step(db):
    c = contacts.create_contact("Ada")
    t1 = touches.log_touch(c.id, "Coffee", date(2026, 1, 5))
    t2 = touches.log_touch(c.id, "informational", date(2026, 3, 1), "talked teams")
    touches.log_touch(c.id, "call", date(2026, 2, 1))  # older: does not move last touch
    got = contacts.get_contact(c.id)
    assert (got.last_touch_on, got.last_touch_kind) == (date(2026, 3, 1), "informational interview")
    touches.delete_touch(t2.id)
    assert contacts.get_contact(c.id).last_touch_on == date(2026, 2, 1)
    assert [t.kind for t in touches.list_touches(c.id)] == ["call", "coffee"]
    assert t1.kind == "coffee"
    with pytest.raises(Invalid, match="unknown kind"):
        touches.log_touch(c.id, "lunch-ish", date(2026, 1, 1))


def test_follow_ups_open_done_reopen(db):
    c = contacts.create_contact("Ada")
    f = followups.add_follow_up(c.id, date(2026, 3, 1), "  send   the deck ")
    assert f.what == "send the deck"
    assert [x.id for x in followups.list_open(until=date(2026, 3, 1))] == [f.id]
    assert followups.list_open(until=date(2026, 2, 28)) == []
    done = followups.set_done(f.id, on=date(2026, 3, 2))
    assert done.done and done.done_on == date(2026, 3, 2) and followups.list_open() == []
    assert not followups.set_done(f.id, False).done
    with pytest.raises(Invalid):
        followups.add_follow_up(c.id, date(2026, 3, 1), "   ")


def test_hostile_text_is_stored_unchanged(db):
    # (NUL is refused by the store's text rule: tests/store/test_validation.py)
    nasty = "A\x1b]52;c;cHduZWQ=\x07Z [/] [@click=app.quit]x \u202egnp.exe I\x7fZ"
    c = contacts.create_contact(nasty, notes=nasty, company="[bold]Co")
    assert contacts.get_contact(c.id).notes == nasty
    assert contacts.get_contact(c.id).name == " ".join(nasty.split())
