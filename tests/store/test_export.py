"""Exports: complete JSON/TOML with an identical restore, injection-safe CSV that re-imports, vCard, ICS."""

from __future__ import annotations

import stat
from datetime import date

import pytest

from kith.store.core.db import close_db, open_db
from kith.store.people.contacts import create_contact, list_contacts
from kith.store.transfer import exporters
from kith.store.transfer.importers import import_file
from kith.store.transfer.restore import RestoreError, restore
from tests.conftest import FIXTURES


@pytest.fixture
def full_db(db, fixed_today):
    from kith.store.demo import build_demo

    build_demo(fixed_today)
    import_file("vcard", FIXTURES / "apple-contacts.vcf")
    return db


@pytest.mark.parametrize("kind", ["json", "toml"])
def test_restore_round_trip_identical(full_db, tmp_path, kind, fixed_today):
    from kith.store.people.touches import log_touch
    from kith.store.quality.weekly import dismiss

    log_touch(list_contacts()[0].id, "thank-you", fixed_today, "a card", channel="letter")  # migration 18
    dismiss(fixed_today)
    first = exporters.render(kind)
    path = exporters.export(kind, tmp_path / f"out.{kind}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = exporters.snapshot()
    assert {"contact", "tag", "contact_tag", "touch", "follow_up"} <= set(data["tables"])
    perception = ("feedback_request", "feedback", "feedback_term", "brand_review", "pitch_variant", "brand_claim")
    assert all(data["tables"][t]["rows"] for t in perception)
    career = ("skill", "learning", "learning_skill", "income_stream", "income_amount", "my_job", "goal")
    assert all(data["tables"][t]["rows"] for t in career)  # the demo fills every career table
    network = ("organisation", "organisation_alias", "employment", "introduction", "knows", "target")
    assert all(data["tables"][t]["rows"] for t in network if t != "organisation_alias")  # the demo fills them
    newsletter = ("newsletter_issue", "newsletter_recipient", "newsletter_reply")
    assert all(data["tables"][t]["rows"] for t in newsletter)  # two sent issues with replies, a draft
    assert "newsletter_opt_out" in data["tables"]["contact"]["columns"]
    volunteering = ("engagement", "volunteer_hours", "engagement_skill", "engagement_met")
    assert all(data["tables"][t]["rows"] for t in volunteering)  # the demo fills every volunteering table
    # Quantity and quality: the focus, the import runs, triage state and touch ratings go too.
    assert data["tables"]["focus_term"]["rows"] and data["tables"]["import_run"]["rows"]
    assert {"triaged_on", "initiated_by", "import_run_id"} <= set(data["tables"]["contact"]["columns"])
    assert {"rating", "duration_min", "channel"} <= set(data["tables"]["touch"]["columns"])
    channel_at = data["tables"]["touch"]["columns"].index("channel")
    assert [r[channel_at] for r in data["tables"]["touch"]["rows"] if r[channel_at]] == ["letter"]
    assert data["tables"]["weekly_review_dismissal"]["rows"]
    assert not [t for t in data["tables"] if "fts" in t]
    close_db()
    open_db(tmp_path / "fresh.db")
    counts = restore(path)
    assert counts["contact"] == len(data["tables"]["contact"]["rows"])
    assert exporters.render(kind) == first
    assert exporters.render("json") == exporters.to_json(data)


def test_restore_indexes_for_search_and_leaves_the_schema_as_it_was(full_db, tmp_path):
    """Restore sets the search triggers aside and indexes in one pass, with helper indexes on the
    foreign keys: afterwards the index holds the same text and the schema is exactly as before."""
    from kith.store.core.db import db
    from kith.store.search.engine import search

    def state():
        schema = db.execute_sql("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'search_fts_%' "
                                "ORDER BY type, name").fetchall()
        return schema, db.execute_sql("SELECT rowid, body FROM search_fts ORDER BY rowid").fetchall()

    before = state()
    assert before[1]
    path = exporters.export("json", tmp_path / "out.json")
    close_db()
    open_db(tmp_path / "fresh.db")
    restore(path)
    assert state() == before
    hits = search("referral")
    assert hits and {h.kind for h in hits} & {"touch", "follow-up"}


def test_restore_refuses_non_empty_db(full_db, tmp_path):
    path = exporters.export("json", tmp_path / "out.json")
    before = exporters.render("json")
    with pytest.raises(RestoreError, match="not empty"):
        restore(path)
    assert exporters.render("json") == before


def test_restore_refuses_other_files(db, tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"hello": 1}')
    with pytest.raises(RestoreError, match="not a kith"):
        restore(bad)
    assert list_contacts() == []


def test_csv_guards_formulas_and_reimports(db, tmp_path):
    create_contact("=HYPERLINK(\"http://evil\")", company="@corp", role="-1+2", phones=["+49 151 1234"],
                   notes="=cmd|' /C calc'!A0", tags=["industry:+fintech"], emails=["a@b.example"])
    create_contact("'=quoted", company="Plain")
    text = exporters.to_csv()
    lines = text.splitlines()
    evil = next(line for line in lines if "HYPERLINK" in line)
    assert evil.startswith('"\'=HYPERLINK')
    assert ",'@corp,'-1+2," in evil and ",'+49 151 1234," in evil
    assert any(line.startswith("''=quoted") for line in lines)
    before = [(c.name, c.company, c.role, c.phones, c.notes, c.tags, c.emails) for c in list_contacts()]
    path = exporters.export("csv", tmp_path / "c.csv")
    close_db()
    open_db(tmp_path / "fresh.db")
    s = import_file("csv", path)
    assert s.added == 2
    assert [(c.name, c.company, c.role, c.phones, c.notes, c.tags, c.emails) for c in list_contacts()] == before
    assert import_file("csv", path).unchanged == 2


def test_vcard_export_gives_unknown_properties_back(db, tmp_path):
    import_file("vcard", FIXTURES / "apple-contacts.vcf")
    import_file("vcard", FIXTURES / "google-contacts.vcf")
    text = exporters.to_vcard()
    assert text.count("BEGIN:VCARD") == 6 and "VERSION:3.0" in text
    assert "X-ABRELATEDNAMES;TYPE=pref:Abena Osei" in text
    assert "X-ABUID:0A1B2C3D-1111-4E5F-8A9B-AABBCCDDEEFF:ABPerson" in text
    assert "ORG:Meridian Labs;Applied Research" in text
    assert "X-ABLABEL:linkedin" in text and "BDAY:--07-25" in text
    assert "TEL;TYPE=CELL,VOICE,pref:+1 (206) 555-0199" in text and "EMAIL;TYPE=INTERNET,WORK:k.osei@" in text
    before = [(c, c.version) for c in list_contacts()]
    path = exporters.export("vcard", tmp_path / "all.vcf")
    s = import_file("vcard", path)
    assert (s.added, s.updated, s.unchanged) == (0, 0, 6)
    assert [(c, c.version) for c in list_contacts()] == before


def test_note_cannot_inject_a_card(db):
    create_contact("Eve", notes="x\nEND:VCARD\nBEGIN:VCARD\nFN:Injected\nEND:VCARD")
    assert exporters.to_vcard().splitlines().count("BEGIN:VCARD") == 1


def test_vcard_folder_names_stay_inside(db, tmp_path):
    create_contact("../../escape")
    create_contact("a/b\\c")
    create_contact("..")
    folder = tmp_path / "cards"
    folder.mkdir()
    exporters.export("vcard", folder)
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 3
    assert all((folder / f).resolve().parent == folder.resolve() for f in files)
    assert not (tmp_path.parent / "escape.vcf").exists()


def test_ics_follow_ups_due_dates_and_feb_29(db):
    from icalendar import Calendar

    from kith.store.people.followups import add_follow_up

    leap = create_contact("Leap Day", birthday_month=2, birthday_day=29, cadence_days=30)
    create_contact("No Year", birthday_month=12, birthday_day=10)
    add_follow_up(leap.id, date(2026, 4, 1), "Send the deck")
    cal = Calendar.from_ical(exporters.to_ics(lambda tier, own: own))
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    fu = next(e for u, e in events.items() if u.startswith("follow-up-"))
    assert fu.decoded("dtstart") == date(2026, 4, 1) and str(fu["summary"]) == "Follow up: Leap Day"
    due = events[f"due-{leap.id}@kith"]
    assert due.decoded("dtstart") == leap.created.date() + __import__("datetime").timedelta(days=30)
    bday = events[f"birthday-{leap.id}@kith"]
    rule = bday["rrule"]
    assert rule["FREQ"] == ["YEARLY"] and rule["BYMONTH"] == [2] and rule["BYMONTHDAY"] == [-1]
    from dateutil.rrule import rrulestr

    start = bday.decoded("dtstart")
    days = list(rrulestr(bday["rrule"].to_ical().decode(), dtstart=__import__("datetime").datetime(start.year, start.month, start.day)).between(
        __import__("datetime").datetime(2025, 1, 1), __import__("datetime").datetime(2029, 1, 1)))
    assert [d.date() for d in days] == [date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28), date(2028, 2, 29)]


def test_write_atomic_is_private_and_replaces(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("old")
    exporters.write_atomic(p, "new")
    assert p.read_text() == "new" and stat.S_IMODE(p.stat().st_mode) == 0o600
    assert [f.name for f in tmp_path.iterdir()] == ["x.txt"]


def test_kept_vcard_lines_cannot_inject_a_card(db, tmp_path):
    """A nested card on import, or a crafted kept line in a restored file, never opens a new card."""
    import vobject

    from kith.store.people.contacts import create_contact
    from kith.store.transfer.exporters import to_vcard
    from kith.store.transfer.importers import import_file

    src = tmp_path / "nested.vcf"
    src.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Outer\r\nN:;Outer;;;\r\n"
                   "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nested\r\nEND:VCARD\r\nEND:VCARD\r\n", encoding="utf-8")
    import_file("vcard", str(src))
    create_contact("Crafted", extra={"vcard": {"keep": ["END:VCARD", "BEGIN:VCARD", "X-OK:fine",
                                                       "X-EVIL:a\nBEGIN:VCARD\nFN:Injected\nEND:VCARD"]}})
    text = to_vcard()
    names = sorted(card.fn.value for card in vobject.readComponents(text))
    assert "Nested" not in text and "Injected" not in names
    assert names == ["Crafted", "Outer"]
    assert "X-OK:fine" in text
