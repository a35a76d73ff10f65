"""Importers read strictly: a broken quote names its line, a broken card is skipped and reported."""

from __future__ import annotations

import base64
import time

import pytest

from kith.store.people.contacts import create_contact, list_contacts
from kith.store.transfer.importers import BadImportFile, import_file
from tests.conftest import FIXTURES

LINKEDIN = FIXTURES / "linkedin-Connections.csv"


def _linkedin_with(tmp_path, old: str, new: str):
    text = LINKEDIN.read_bytes().decode("utf-8-sig")
    assert old in text
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace(old, new).encode("utf-8"))
    return path


@pytest.mark.parametrize("old, new, line, why", [
    # the closing quote is lost: Python's csv would read the rest of the file into one field
    ('"Head of Data ""Core""",09', '"Head of Data ""Core"",09', 7, "quoted field"),
    # an unclosed quote in the last record, then the end of the file
    ('"Platform Engineer\nInfrastructure"', '"Platform Engineer\nInfrastructure', 18, "never closed"),
    # a quote opened mid-file that a later quote seems to close
    ("Hooli,Senior Data Analyst,", 'Hooli,"Senior Data Analyst,', 11, "line 11"),
    # one field too many
    ("Talent Partner,7-Feb-22", "Talent Partner,7-Feb-22,surplus", 12, "8 fields where the header has 7"),
])
def test_linkedin_broken_quote_names_its_line(db, tmp_path, old, new, line, why):
    create_contact("Already Here")
    path = _linkedin_with(tmp_path, old, new)
    with pytest.raises(BadImportFile) as err:
        import_file("linkedin", path)
    message = str(err.value)
    assert f"line {line}" in message and why in message and "\n" not in message
    assert [c.name for c in list_contacts()] == ["Already Here"]


def test_linkedin_quoted_field_over_two_lines_is_fine(db):
    s = import_file("linkedin", LINKEDIN)
    assert s.added == 12  # the fixture's last record spans two lines inside a closed quote


def test_kith_csv_unclosed_quote_names_its_line(db, tmp_path):
    f = tmp_path / "kith.csv"
    f.write_text('name,company,role\r\nAda,Acme,Engineer\r\n"Bob,Initech,Manager\r\nCleo,Globex,CTO\r\n',
                 encoding="utf-8")
    with pytest.raises(BadImportFile, match=r"line 3: a quoted field is never closed"):
        import_file("csv", f)
    f.write_text('name,company,role\r\nAda,Acme\r\n', encoding="utf-8")
    with pytest.raises(BadImportFile, match=r"line 2: 2 fields where the header has 3"):
        import_file("csv", f)
    assert list_contacts() == []


def test_cli_reports_the_line_and_exits_2(run_kith, tmp_path):
    path = _linkedin_with(tmp_path, '"Head of Data ""Core""",09', '"Head of Data ""Core"",09')
    r = run_kith("import", "linkedin", str(path))
    assert r.code == 2 and "line 7" in r.err and len(r.err.strip().splitlines()) == 1


GOOD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{0}\r\nN:;{0};;;\r\nEMAIL:{1}\r\nEND:VCARD\r\n"


def test_one_unreadable_card_is_skipped_and_reported(db, tmp_path):
    broken = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nthis line has no colon at all\r\nEND:VCARD\r\n"
    f = tmp_path / "mixed.vcf"
    f.write_text(GOOD.format("First", "first@example.org") + broken + GOOD.format("Third", "third@example.org")
                 + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Off\r\n", encoding="utf-8")
    s = import_file("vcard", f)
    assert s.added == 2
    assert sorted(c.name for c in list_contacts()) == ["First", "Third"]
    reasons = [str(p) for p in s.skipped]
    assert len(reasons) == 2
    assert reasons[0].startswith("card 2: unreadable (") and "no colon" in reasons[0]
    assert reasons[1] == "card 4: not closed (no END:VCARD); left out"


def test_android_quoted_printable_still_reads_card_by_card(db):
    s = import_file("vcard", FIXTURES / "android-2.1.vcf")
    assert (s.added, s.skipped) == (1, [])
    (c,) = list_contacts()
    assert c.name == "Björn Grünwald" and c.notes.endswith("at the spring sprint.")


def test_card_with_email_but_no_name_is_named_from_it(db, tmp_path):
    f = tmp_path / "noname.vcf"
    f.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\r\nEMAIL:maria_lopez-garcia@example.es\r\nEND:VCARD\r\n"
                 "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\r\nTEL:+1 555 0100\r\nEND:VCARD\r\n", encoding="utf-8")
    s = import_file("vcard", f)
    (c,) = list_contacts()
    assert (c.name, c.emails) == ("Maria Lopez Garcia", ("maria_lopez-garcia@example.es",))
    assert [str(p) for p in s.skipped] == ["card 2: no name (+1 555 0100)"]


def _photo_card(name: str, megabytes: int) -> str:
    blob = base64.b64encode(bytes(range(256)) * (megabytes * 1024 * 1024 // 256)).decode("ascii")
    folded = "\r\n ".join(blob[i:i + 74] for i in range(0, len(blob), 74))  # folded as Apple writes it
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nN:;{name};;;\r\n"
            f"item1.PHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nNOTE:after the photo\r\nEND:VCARD\r\n")


def test_a_5_mb_photo_is_cut_out_fast(db, tmp_path):
    f = tmp_path / "photo.vcf"
    f.write_text(_photo_card("Big Photo", 5) + GOOD.format("Next", "next@example.org"), encoding="utf-8")
    assert f.stat().st_size > 5 * 1024 * 1024
    started = time.perf_counter()
    s = import_file("vcard", f)
    elapsed = time.perf_counter() - started
    assert elapsed < 3, elapsed  # about 0.2 s here; parsing the photo with vobject took about 14 s
    assert s.added == 2 and [str(p) for p in s.remarks] == ["card 1: photo skipped"]
    big = next(c for c in list_contacts() if c.name == "Big Photo")
    assert big.notes == "after the photo" and "PHOTO" not in str(big.extra)
