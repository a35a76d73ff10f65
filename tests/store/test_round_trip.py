"""Export then import is lossless: CSV into an empty database, vCard back into the same one."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date

import pytest

from kith.store.core.db import close_db, open_db
from kith.store.core.records import ContactInfo, TagInfo
from kith.store.people.contacts import create_contact, list_contacts, update_contact
from kith.store.transfer import exporters
from kith.store.transfer.importers import import_file

# Everything a contact holds except what the database assigns (ids, times, versions), what
# comes from touches, and what only JSON carries (extra; the introducer is compared by name).
# The birthday is compared as the date it makes: the demo has a day without a month, which is none.
NOT_IN_CSV = {"id", "created", "updated", "version", "last_touch_on", "last_touch_kind", "extra", "introduced_by_id",
              "birthday_year", "birthday_month", "birthday_day"}
COMPARED = [f.name for f in fields(ContactInfo) if f.name not in NOT_IN_CSV] + ["birthday"]


def _everyone() -> list[dict]:
    rows = [{k: getattr(c, k) for k in COMPARED} for c in list_contacts(include_archived=True)]
    return sorted(rows, key=repr)


@pytest.fixture
def rich_db(db, fixed_today):
    from kith.store.demo import build_demo

    build_demo(fixed_today)
    mentor = create_contact("Zed Introducer", tier="inner", strength=5)
    create_contact("Sam Lee", company="Initech", how_met="PyCon hallway", strength=1, cadence_days=0,
                   tier="close", birthday_month=2, birthday_day=29, connected_on=date(2020, 2, 29),
                   tags=["industry:fintech", "geography:Berlin", "profession:data", "R&D; Berlin, Mitte",
                         "other:industry:not a kind", "a,b;c"],
                   notes="line one\r\nline two\rafter a lone CR\n\n  indented", emails=["sam@initech.example"])
    twin = create_contact("Sam Lee", company="Initech", birthday_year=1990, birthday_month=5, birthday_day=1,
                          cadence_days=3650)  # same name and company, no email: a different person
    update_contact(twin.id, {"introduced_by_id": mentor.id})
    create_contact("Archived Person", archived=True, phones=["+49 151 1234", "=1+1"], links=["https://x.example/a;b"])
    return db


def test_csv_export_into_an_empty_database_keeps_every_column(rich_db, tmp_path):
    before = _everyone()
    assert any(r["archived"] for r in before) and any(r["introduced_by_name"] for r in before)
    path = exporters.export("csv", tmp_path / "all.csv")
    close_db()
    open_db(tmp_path / "fresh.db")
    s = import_file("csv", path)
    assert (s.added, s.skipped, s.remarks) == (len(before), [], [])
    after = _everyone()
    for one, two in zip(before, after):
        assert one == two, {k: (one[k], two[k]) for k in one if one[k] != two[k]} | {"name": one["name"]}
    assert after == before
    twins = [c for c in list_contacts() if c.name == "Sam Lee"]
    assert len(twins) == 2  # never collapsed by name: they carry different kith ids
    again = import_file("csv", path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(before))
    assert _everyone() == before


def test_tags_with_separators_keep_their_kinds_in_csv(db, tmp_path):
    tags = ("R&D; Berlin, Mitte", "a,b;c", "industry:fin;tech", "other:geography:not a kind")
    c = create_contact("Tag Holder", tags=list(tags))
    expected = c.tags
    assert TagInfo("geography:not a kind", "other") in expected and TagInfo("fin;tech", "industry") in expected
    path = exporters.export("csv", tmp_path / "t.csv")
    close_db()
    open_db(tmp_path / "fresh.db")
    import_file("csv", path)
    (back,) = list_contacts()
    assert back.tags == expected


def test_rows_with_kith_ids_are_never_collapsed_by_name(db, tmp_path):
    f = tmp_path / "same-names.csv"
    f.write_text("name,company,role,kith_id\r\nAda Lovelace,,,4\r\nAda Lovelace,,,9\r\nAda Lovelace,,,4\r\n",
                 encoding="utf-8")
    s = import_file("csv", f)
    assert s.added == 2
    assert [str(p) for p in s.skipped] == ["line 4: same person as line 2 (same kith id)"]


def test_own_vcard_export_imports_as_no_change(rich_db, tmp_path):
    before = [(c, c.version, c.extra) for c in list_contacts(include_archived=True)]
    tagged = [c for c, _v, _e in before if any(t.kind != "other" for t in c.tags)]
    assert tagged  # the demo's tags have kinds: each used to come back as an extra 'other' tag
    path = exporters.export("vcard", tmp_path / "all.vcf")
    s = import_file("vcard", path)
    assert (s.added, s.updated, s.skipped) == (0, 0, [])
    assert [(c, c.version, c.extra) for c in list_contacts(include_archived=True)] == before


def test_a_carriage_return_in_a_note_survives_vcard(db, tmp_path):
    note = "first\rsecond\r\nthird\nfourth, with; punctuation \\ and a backslash"
    create_contact("CR Note", notes=note, tags=["industry:fintech", "a,b;c"])
    path = exporters.export("vcard", tmp_path / "cr.vcf")
    close_db()
    open_db(tmp_path / "fresh.db")
    import_file("vcard", path)
    (back,) = list_contacts()
    assert back.notes == note.replace("\r\n", "\n")  # CRLF is stored as LF on the way in anyway
    assert "\r" in back.notes
    assert set(back.tags) == {TagInfo("a,b;c"), TagInfo("fintech", "industry")}


@pytest.mark.parametrize("version", [2, 0, "1", True, None])
def test_restore_refuses_an_unknown_format_version(run_kith, tmp_path, version):
    good = tmp_path / "good.json"
    assert run_kith("add", "Ada", db=tmp_path / "a.db").code == 0
    assert run_kith("export", "json", "-o", str(good), db=tmp_path / "a.db").code == 0
    data = json.loads(good.read_text())
    data["version"] = version
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    r = run_kith("restore", str(bad), db=tmp_path / "fresh.db")
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1 and "format version" in r.err
    assert "Traceback" not in r.err
    assert not (tmp_path / "fresh.db").exists()  # refused before a database was made


def test_an_older_kith_csv_still_reads_its_semicolon_lists(db, tmp_path):
    f = tmp_path / "old.csv"
    f.write_text("name,company,role,emails,phones,links,location,tags,tier,birthday,connected_on,notes\r\n"
                 "Old Export,Acme,,a@x.example; b@x.example,'+1 555,,,industry:fintech; Mentors,close,--02-29,"
                 "2020-01-31,note\r\n", encoding="utf-8")
    s = import_file("csv", f)
    (c,) = list_contacts()
    assert (s.added, c.emails, c.phones, c.tier) == (1, ("a@x.example", "b@x.example"), ("+1 555",), "close")
    assert set(c.tags) == {TagInfo("fintech", "industry"), TagInfo("Mentors")}
    assert (c.birthday, c.connected_on) == ("--02-29", date(2020, 1, 31))


def test_cli_export_csv_then_import_csv_into_an_empty_database(run_kith, tmp_path):
    first, second, path = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "all.csv"
    assert run_kith("demo", db=first).code == 0
    assert run_kith("export", "csv", "-o", str(path), db=first).code == 0
    r = run_kith("import", "csv", str(path), db=second)
    assert r.code == 0 and "skipped 0" in r.out

    def people(db_path):
        # ids are kept when free (here all are), so the introducer ids compare too
        volatile = {"created", "updated", "version", "last_touch_on", "last_touch_kind", "extra",
                    "birthday_day", "birthday_month", "birthday_year"}
        rows = json.loads(run_kith("contacts", "--json", db=db_path).out)
        return [{k: v for k, v in row.items() if k not in volatile} for row in rows]

    assert people(second) == people(first)
