"""vCard import from Apple, Google and Android files: exact contacts, fields, tags; re-import is a no-op."""

from __future__ import annotations

import pytest

from store.contacts import list_contacts
from store.importers.common import BadImportFile, import_file
from store.records import TagInfo
from tests.conftest import FIXTURES


def _by_name():
    return {c.name: c for c in list_contacts()}


def test_apple(db):
    s = import_file("vcard", FIXTURES / "apple-contacts.vcf")
    assert (s.added, s.updated, s.unchanged, s.skipped) == (3, 0, 0, [])
    assert [str(p) for p in s.remarks] == ["card 1: photo skipped"]
    c = _by_name()
    assert sorted(c) == ["Astrid Lindqvist", "Dr. Chiamaka Okafor", "Mo"]
    ch = c["Dr. Chiamaka Okafor"]
    assert (ch.company, ch.role) == ("Northwind Health", "Chief Medical Officer")
    assert ch.emails == ("chiamaka@northwind.example", "c.okafor@northwind.example")
    assert ch.phones == ("+1 (415) 555-0142",)
    assert ch.links == ("https://www.linkedin.com/in/chiamaka-okafor",)
    assert ch.location == "San Francisco, United States"
    assert ch.notes == ("Met at the HealthTech mixer, Oct 2025. Interested in mentoring early-career data folks.\n"
                        "Follow up about the volunteer board.")
    assert (ch.birthday_year, ch.birthday_month, ch.birthday_day) == (1979, 4, 12)
    assert ch.tags == ()
    # unknown properties and Apple labels are kept for the export
    assert ch.extra == {"vcard": {
        "keep": ["ADR;TYPE=WORK,pref:;;100 Market St;San Francisco;CA;94105;United States",
                 "ORG:Northwind Health;Research", "X-ABUID:7C1D2E3F-0000-4A5B-9C8D-112233445566:ABPerson",
                 "item3.X-ABRELATEDNAMES;TYPE=pref:Ifeoma Okafor", "item3.X-ABLABEL:_$!<Sister>!$_"],
        "labels": {"chiamaka@northwind.example": "Other", "https://www.linkedin.com/in/chiamaka-okafor": "linkedin"},
        "types": {"+1 (415) 555-0142": ["CELL", "VOICE", "pref"], "c.okafor@northwind.example": ["WORK"],
                  "chiamaka@northwind.example": ["pref"], "https://www.linkedin.com/in/chiamaka-okafor": ["pref"]},
    }}
    mo = c["Mo"]
    assert (mo.company, mo.emails, mo.notes) == ("", (), "Barista at the coworking space. Knows everyone.")
    a = c["Astrid Lindqvist"]
    assert (a.company, a.role, a.emails, a.links) == (
        "Volvo Cars", "Senior Recruiter", ("astrid.l@example.se",), ("https://astrid.example.se",))
    assert a.extra == {"vcard": {"labels": {"https://astrid.example.se": "HomePage"},
                                 "types": {"astrid.l@example.se": ["HOME", "pref"]}}}


def test_google(db):
    s = import_file("vcard", FIXTURES / "google-contacts.vcf")
    assert (s.added, s.updated, s.unchanged) == (2, 0, 0)
    assert [str(p) for p in s.skipped] == ["card 3: no name (noname@example.com)"]
    c = _by_name()
    assert sorted(c) == ["Ada Lovelace", "Priya Raman"]
    ada = c["Ada Lovelace"]
    assert ada.emails == ("ada@analytical.example",)
    assert ada.phones == ("+44 20 7946 0018",)
    assert ada.links == ("https://www.linkedin.com/in/ada-lovelace-1815",)  # Google's "https\:" unescaped
    assert (ada.company, ada.role) == ("Analytical Engines Ltd", "Principal Engineer")
    assert (ada.birthday_year, ada.birthday_month, ada.birthday_day) == (None, 12, 10)
    assert ada.notes == ("Prefers email over calls.\n"
                         "Ask about the difference engine talk, and introduce her to Priya.")
    assert set(ada.tags) == {TagInfo("Mentors"), TagInfo("London")}  # without myContacts, starred
    assert c["Priya Raman"].tags == (TagInfo("Data Science"),)
    assert ada.extra == {"vcard": {"labels": {"https://www.linkedin.com/in/ada-lovelace-1815": "LinkedIn"},
                                   "types": {"+44 20 7946 0018": ["CELL"], "ada@analytical.example": ["WORK"]}}}


def test_android_quoted_printable(db):
    s = import_file("vcard", FIXTURES / "android-2.1.vcf")
    assert s.added == 1
    j = _by_name()["Jürgen Müller"]
    assert (j.company, j.phones, j.emails) == ("Stadtwerke Köln", ("+4915112345678",), ("juergen@example.de",))
    assert j.notes == "Alumni network — met at the career fair."
    assert j.extra == {"vcard": {"types": {"+4915112345678": ["CELL", "PREF"], "juergen@example.de": ["HOME"]}}}


def test_reimport_and_cross_source_match(db):
    for name in ("linkedin-Connections.csv", "apple-contacts.vcf", "google-contacts.vcf", "android-2.1.vcf"):
        import_file("linkedin" if name.endswith(".csv") else "vcard", FIXTURES / name)
    c = _by_name()
    assert len(c) == 16
    # Google's Ada matched LinkedIn's Ada by profile URL and filled in phone, birthday, tags
    ada = c["Ada Lovelace"]
    assert ada.connected_on.isoformat() == "2024-03-15" and ada.phones == ("+44 20 7946 0018",)
    before = [(x, x.version) for x in list_contacts()]
    for name in ("linkedin-Connections.csv", "apple-contacts.vcf", "google-contacts.vcf", "android-2.1.vcf"):
        s = import_file("linkedin" if name.endswith(".csv") else "vcard", FIXTURES / name)
        assert s.added == 0 and s.updated == 0
    assert [(x, x.version) for x in list_contacts()] == before


def test_vcard_4_and_escapes(db, tmp_path):
    f = tmp_path / "v4.vcf"
    f.write_text("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\\, the Second\r\nBDAY:--0229\r\n"
                 "NOTE:line one\\nline two\\, with comma\r\nEND:VCARD\r\n", encoding="utf-8")
    import_file("vcard", f)
    ana = list_contacts()[0]
    assert ana.name == "Ana, the Second"
    assert (ana.birthday_month, ana.birthday_day) == (2, 29)
    assert ana.notes == "line one\nline two, with comma"


def test_wrong_format(db):
    with pytest.raises(BadImportFile, match="not a vCard file"):
        import_file("vcard", FIXTURES / "linkedin-Connections.csv")
    assert list_contacts() == []
