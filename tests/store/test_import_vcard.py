"""vCard import from Apple, Google and Android files: exact contacts, fields, tags; re-import is a no-op."""

from __future__ import annotations

import pytest

from kith.store.core.records import TagInfo
from kith.store.people.contacts import list_contacts
from kith.store.transfer.importers import BadImportFile, import_file
from tests.conftest import FIXTURES


def _by_name():
    return {c.name: c for c in list_contacts()}


def test_apple(db):
    s = import_file("vcard", FIXTURES / "apple-contacts.vcf")
    assert (s.added, s.updated, s.unchanged, s.skipped) == (3, 0, 0, [])
    assert [str(p) for p in s.remarks] == ["card 1: photo skipped"]
    c = _by_name()
    assert sorted(c) == ["Elina Virtanen", "Prof. Kwame Osei", "Teo"]
    ch = c["Prof. Kwame Osei"]
    assert (ch.company, ch.role) == ("Meridian Labs", "Director of Research")
    assert ch.emails == ("kwame@meridian.example", "k.osei@meridian.example")
    assert ch.phones == ("+1 (206) 555-0199",)
    assert ch.links == ("https://www.linkedin.com/in/kwame-osei",)
    assert ch.location == "Seattle, United States"
    assert ch.notes == ("Met at the robotics meetup, May 2025. Happy to review early-stage grant proposals.\n"
                        "Ask about the lab's summer internships.")
    assert (ch.birthday_year, ch.birthday_month, ch.birthday_day) == (1981, 9, 3)
    assert ch.tags == ()
    # unknown properties and Apple labels are kept for the export
    assert ch.extra == {"vcard": {
        "keep": ["ADR;TYPE=WORK,pref:;;400 Pine St;Seattle;WA;98101;United States",
                 "ORG:Meridian Labs;Applied Research", "X-ABUID:0A1B2C3D-1111-4E5F-8A9B-AABBCCDDEEFF:ABPerson",
                 "item3.X-ABRELATEDNAMES;TYPE=pref:Abena Osei", "item3.X-ABLABEL:_$!<Spouse>!$_"],
        "labels": {"kwame@meridian.example": "Other", "https://www.linkedin.com/in/kwame-osei": "linkedin"},
        "types": {"+1 (206) 555-0199": ["CELL", "VOICE", "pref"], "k.osei@meridian.example": ["WORK"],
                  "kwame@meridian.example": ["pref"], "https://www.linkedin.com/in/kwame-osei": ["pref"]},
    }}
    teo = c["Teo"]
    assert (teo.company, teo.emails, teo.notes) == ("", (), "Runs the bike shop on the corner. Knows every founder in town.")
    e = c["Elina Virtanen"]
    assert (e.company, e.role, e.emails, e.links) == (
        "Nokia", "Talent Acquisition Lead", ("elina.v@example.fi",), ("https://elina.example.fi",))
    assert e.extra == {"vcard": {"labels": {"https://elina.example.fi": "HomePage"},
                                 "types": {"elina.v@example.fi": ["HOME", "pref"]}}}


def test_google(db):
    s = import_file("vcard", FIXTURES / "google-contacts.vcf")
    assert (s.added, s.updated, s.unchanged, s.skipped) == (3, 0, 0, [])
    # a card with an email but no name is named after the email
    assert [str(p) for p in s.remarks] == ["card 3: no name; named 'J Doe Smith' after j.doe.smith@example.net"]
    c = _by_name()
    assert sorted(c) == ["J Doe Smith", "Mira Kapoor", "Rosalind Franklin"]
    assert c["J Doe Smith"].emails == ("j.doe.smith@example.net",)
    ros = c["Rosalind Franklin"]
    assert ros.emails == ("rosalind@helix.example",)
    assert ros.phones == ("+44 20 7946 0321",)
    assert ros.links == ("https://www.linkedin.com/in/rosalind-franklin-1920",)  # Google's "https\:" unescaped
    assert (ros.company, ros.role) == ("Helix Imaging Ltd", "Lead Crystallographer")
    assert (ros.birthday_year, ros.birthday_month, ros.birthday_day) == (None, 7, 25)
    assert ros.notes == ("Prefers a call to email.\n"
                         "Ask about the diffraction workshop, and introduce her to Mira.")
    assert set(ros.tags) == {TagInfo("Mentors"), TagInfo("Cambridge")}  # without myContacts, starred
    assert c["Mira Kapoor"].tags == (TagInfo("Analytics"),)
    assert ros.extra == {"vcard": {"labels": {"https://www.linkedin.com/in/rosalind-franklin-1920": "LinkedIn"},
                                   "types": {"+44 20 7946 0321": ["CELL"], "rosalind@helix.example": ["WORK"]}}}


def test_android_quoted_printable(db):
    s = import_file("vcard", FIXTURES / "android-2.1.vcf")
    assert s.added == 1
    b = _by_name()["Björn Grünwald"]
    assert (b.company, b.phones, b.emails) == ("Verkehrsbetriebe München", ("+4917098765432",), ("bjoern@example.de",))
    assert b.notes == "Hackathon team — built the transit app at the spring sprint."
    assert b.extra == {"vcard": {"types": {"+4917098765432": ["CELL", "PREF"], "bjoern@example.de": ["HOME"]}}}


def test_reimport_and_cross_source_match(db):
    for name in ("linkedin-Connections.csv", "apple-contacts.vcf", "google-contacts.vcf", "android-2.1.vcf"):
        import_file("linkedin" if name.endswith(".csv") else "vcard", FIXTURES / name)
    c = _by_name()
    assert len(c) == 17
    # Google's Rosalind matched LinkedIn's Rosalind by profile URL and filled in phone, birthday, tags
    ros = c["Rosalind Franklin"]
    assert ros.connected_on.isoformat() == "2024-04-14" and ros.phones == ("+44 20 7946 0321",)
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
