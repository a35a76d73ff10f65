"""The one text rule of the store: NUL and lone surrogates are refused on every write path."""

import json
from datetime import date

import pytest

from kith.store.brand import pitches
from kith.store.core.errors import Invalid
from kith.store.core.validate import check_values, text_problem
from kith.store.mentors import value as mentors
from kith.store.people import contacts, followups, touches
from kith.store.transfer.importers import import_file
from kith.store.transfer.restore import RestoreError, restore

DAY = date(2026, 3, 2)
BAD = [("nul", "Ada\x00Evil"), ("surrogate", "Ada \udcff"), ("high surrogate", "\ud800x")]


@pytest.mark.parametrize("what,text", BAD, ids=[b[0] for b in BAD])
def test_text_problem_names_the_trouble(what, text):
    problem = text_problem(text)
    assert problem
    assert ("NUL" in problem) == (what == "nul")
    assert text_problem("Łukasz Ørsted \u202e 🚀 \x1b[2J") is None  # only NUL and surrogates


def test_a_surrogate_from_a_command_line_names_the_byte():
    assert "\\xff at position 1" in text_problem("\udcff")


def test_check_values_walks_lists_and_dicts():
    check_values("extra", {"a": ["b", ("c",)]})
    with pytest.raises(Invalid):
        check_values("extra", {"a": ["b", ("c\x00",)]})
    with pytest.raises(Invalid):
        check_values("extra", {"k\udcff": "v"})


@pytest.mark.parametrize("field", ["name", "company", "role", "location", "how_met", "notes"])
@pytest.mark.parametrize("what,text", BAD, ids=[b[0] for b in BAD])
def test_every_contact_text_field_refuses_it(db, field, what, text):
    fields = {"name": "Ada", field: text}
    with pytest.raises(Invalid) as err:
        contacts.create_contact(**fields)
    assert err.value.field == field
    assert contacts.count_contacts(include_archived=True) == 0


@pytest.mark.parametrize("field,value", [("emails", ["a\x00@b.c"]), ("phones", ["+1\udcff"]),
                                         ("links", ["https://x.example/\x00"]), ("tags", ["ok", "bad\x00"]),
                                         ("extra", {"src": "\udcff"})])
def test_list_and_extra_fields_refuse_it(db, field, value):
    with pytest.raises(Invalid) as err:
        contacts.create_contact("Ada", **{field: value})
    assert err.value.field == field


def test_updates_refuse_it_and_write_nothing(db):
    c = contacts.create_contact("Ada", notes="fine")
    with pytest.raises(Invalid):
        contacts.update_contact(c.id, {"notes": "bad\x00"})
    assert contacts.get_contact(c.id).notes == "fine"


def test_long_tag_is_refused_not_cut(db):
    with pytest.raises(Invalid, match="longer than"):
        contacts.create_contact("Ada", tags=["x" * (contacts.MAX_SHORT + 1)])
    with pytest.raises(Invalid, match="longer than"):
        contacts.create_contact("Ada", tags=["industry:" + "y" * (contacts.MAX_SHORT + 1)])
    ok = contacts.create_contact("Ada", tags=["z" * contacts.MAX_SHORT])
    assert ok.tags[0].name == "z" * contacts.MAX_SHORT


@pytest.mark.parametrize("what,text", BAD, ids=[b[0] for b in BAD])
def test_touches_follow_ups_and_mentor_values_refuse_it(db, what, text):
    c = contacts.create_contact("Ada")
    with pytest.raises(Invalid):
        touches.log_touch(c.id, "call", DAY, text)
    t = touches.log_touch(c.id, "call", DAY, "ok")
    with pytest.raises(Invalid):
        touches.update_touch(t.id, note=text)
    with pytest.raises(Invalid):
        followups.add_follow_up(c.id, DAY, text)
    with pytest.raises(Invalid):
        mentors.add_value(c.id, "received", "information", DAY, text)
    assert [x.note for x in touches.list_touches(c.id)] == ["ok"]
    assert followups.list_follow_ups(c.id) == [] and mentors.list_values(c.id) == []


def test_pitches_refuse_a_surrogate_and_drop_nul(db):
    with pytest.raises(Invalid):
        pitches.create_pitch("Intro", "elevator pitch", "I help \udcff teams")
    p = pitches.create_pitch("Intro", "elevator pitch", "I help\x00 teams")
    assert p.text == "I help teams"  # controls in a paste are dropped, as ever


def test_mentor_value_on_a_day_still_ahead_is_refused(db):
    c = contacts.create_contact("Ada")
    with pytest.raises(Invalid, match="still ahead"):
        mentors.add_value(c.id, "received", "information", date(2026, 3, 17), today=date(2026, 3, 16))
    assert mentors.add_value(c.id, "received", "information", date(2026, 3, 16), today=date(2026, 3, 16))


def test_csv_import_reports_the_row_and_imports_the_rest(db, tmp_path):
    f = tmp_path / "contacts.csv"
    header = "name,company,role,emails,phones,links,location,tags,tier,birthday,connected_on,notes\r\n"
    rows = ["Ada,Acme,,,,,,,,,,fine", "Bo\x00b,Globex,,,,,,,,,,x", "Cy,Initech,,,,,,,,,,bad\x00note", "Di,,,,,,,,,,,ok"]
    f.write_text(header + "\r\n".join(rows) + "\r\n", encoding="utf-8")
    summary = import_file("csv", f)
    assert summary.added == 3  # Ada, Cy (without the bad note), Di
    assert [p.row for p in summary.skipped] == [3] and "NUL" in summary.skipped[0].reason
    assert any(p.row == 4 and "NUL" in p.reason for p in summary.remarks)
    names = {c.name: c for c in contacts.list_contacts()}
    assert set(names) == {"Ada", "Cy", "Di"} and names["Cy"].notes == ""


def test_restore_refuses_a_lone_surrogate_or_nul_naming_the_row(db, tmp_path):
    from kith.store.transfer.exporters import snapshot, to_json

    contacts.create_contact("Ada")
    data = json.loads(to_json(snapshot()))
    cols = data["tables"]["contact"]["columns"]
    data["tables"]["contact"]["rows"][0][cols.index("notes")] = "bad \ud800 text"
    from kith.store.core.db import close_db, open_db
    from kith.store.core.db import db as store

    for bad in ("bad \ud800 text", "bad \x00 text"):
        data["tables"]["contact"]["rows"][0][cols.index("notes")] = bad
        f = tmp_path / "export.json"
        f.write_text(json.dumps(data), encoding="utf-8")  # json escapes both: \ud800, \u0000
        open_db(tmp_path / f"new{len(bad)}{ord(bad[4])}.db")
        schema = store.execute_sql("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        with pytest.raises(RestoreError, match=r"table contact, row 1, notes"):
            restore(f)
        assert contacts.count_contacts(include_archived=True) == 0
        # the search triggers set aside and the helper indexes went back with the rest
        assert store.execute_sql("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema
        close_db()


def test_vcard_import_reports_the_card_and_imports_the_rest(db, tmp_path):
    f = tmp_path / "contacts.vcf"
    cards = ["FN:Ada\r\nNOTE:bad\x00note", "FN:Bo\x00b", "FN:Cy"]
    f.write_text("".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\n{c}\r\nEND:VCARD\r\n" for c in cards), encoding="utf-8")
    summary = import_file("vcard", f)
    assert summary.added == 2
    assert [(p.unit, p.row) for p in summary.skipped] == [("card", 2)] and "NUL" in summary.skipped[0].reason
    assert any(p.row == 1 and "NUL" in p.reason for p in summary.remarks)
    assert sorted(c.name for c in contacts.list_contacts()) == ["Ada", "Cy"]
