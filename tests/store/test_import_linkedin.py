"""LinkedIn Connections.csv import: exact contacts, re-import is a no-op, bad files refused."""

from __future__ import annotations

import os
from datetime import date

import pytest

from kith.store.people.contacts import list_contacts
from kith.store.transfer.importers import BadImportFile, import_file
from kith.store.transfer.importers.linkedin import parse_connected_on
from tests.conftest import FIXTURES

LINKEDIN = FIXTURES / "linkedin-Connections.csv"

EXPECTED = {
    # name: (company, role, links, emails, connected_on)
    "Rosalind Franklin": ("Helix Imaging Ltd", "Lead Crystallographer",
                          ("https://www.linkedin.com/in/rosalind-franklin-1920",), ("rosalind@helix.example",),
                          date(2024, 4, 14)),
    "Katherine Johnson": ("NASA Langley", "Research Mathematician, Orbits", ("https://www.linkedin.com/in/kjohnson",),
                          (), date(2019, 2, 3)),
    "Renée Çelik": ("Umbra, Ltd.", 'Head of Data "Core"', ("https://www.linkedin.com/in/renee-celik",), (),
                    date(2023, 11, 9)),
    "Li Na 李娜": ("Alibaba", "高级工程师", ("https://www.linkedin.com/in/lina",), ("li.na@example.cn",), date(2020, 2, 27)),
    "Mira Kapoor": ("Hooli", "Senior Data Analyst", ("https://www.linkedin.com/in/mirakapoor",),
                    ("mira.kapoor@example.org",), date(2024, 2, 29)),
    "Liam O'Neill": ("Vandelay Industries", "Talent Partner", ("https://www.linkedin.com/in/loneill",), (), date(2022, 2, 7)),
    "Anaïs Dubois-Lefèvre": ("Soylent SA", "Chief People Officer", ("https://www.linkedin.com/in/anais-dl",), (),
                             date(2022, 12, 31)),
    "Yusuf": ("", "", ("https://www.linkedin.com/in/yusuf",), (), date(2021, 4, 1)),
    "Amara Nwosu": ("Umbra, Ltd.", "Engineering Lead", ("https://www.linkedin.com/in/amara-nwosu",),
                    ("amara@example.ng",), date(2025, 8, 12)),
    "Hiro Tanaka": ("Hooli", "VP of Product", ("https://www.linkedin.com/in/hiro-t",), (), date(2018, 10, 3)),
    "Dele Okonjo": ("Self-employed", "Executive Coach", ("https://www.linkedin.com/in/deleokonjo",), (), date(2017, 5, 19)),
    # the quoted newline inside the position becomes one line
    "Noor Haddad": ("Vandelay Industries", "Platform Engineer Infrastructure", ("https://www.linkedin.com/in/noorhaddad",),
                    (), date(2022, 6, 22)),
}


def _state():
    return {c.name: (c.company, c.role, c.links, c.emails, c.connected_on) for c in list_contacts()}


def test_imports_exact_contacts(db):
    s = import_file("linkedin", LINKEDIN)
    assert _state() == EXPECTED
    assert (s.added, s.updated, s.unchanged) == (12, 0, 0)
    assert [str(p) for p in s.skipped] == [
        "line 8: same person as line 7 (same profile URL)",  # Renee Celik: same URL as Renée Çelik
        "line 9: empty row",
    ]
    assert [str(p) for p in s.remarks] == ["line 12: odd connection date '7-Feb-22', read as 2022-02-07"]
    assert all(c.tags == () and c.notes == "" and c.phones == () for c in list_contacts())


def test_reimport_changes_nothing(db):
    import_file("linkedin", LINKEDIN)
    before = [(c, c.version, c.updated) for c in list_contacts()]
    s = import_file("linkedin", LINKEDIN)
    assert (s.added, s.updated, s.unchanged) == (0, 0, 12)
    assert [(c, c.version, c.updated) for c in list_contacts()] == before


def test_dry_run_writes_nothing(db):
    s = import_file("linkedin", LINKEDIN, dry_run=True)
    assert s.added == 12 and s.dry_run
    assert list_contacts() == []


def test_newer_export_updates_and_adds(db, tmp_path):
    import_file("linkedin", LINKEDIN)
    newer = tmp_path / "newer.csv"
    newer.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Rosalind,Franklin,https://www.linkedin.com/in/rosalind-franklin-1920/,,Birkbeck & Co,CSO,14 Apr 2024\n"
        "Katherine,Johnson,https://linkedin.com/in/kjohnson,katherine@nasa.example,NASA Langley,\"Research Mathematician, Orbits\",03 Feb 2019\n"
        "New,Person,https://www.linkedin.com/in/new,,,,01 Jan 2026\n", encoding="utf-8")
    s = import_file("linkedin", newer)
    assert (s.added, s.updated, s.unchanged) == (1, 2, 0)
    st = _state()
    assert st["Rosalind Franklin"][:2] == ("Birkbeck & Co", "CSO")
    assert st["Katherine Johnson"][3] == ("katherine@nasa.example",)
    assert st["New Person"][4] == date(2026, 1, 1)


def test_match_by_email_then_name_and_company(db, tmp_path):
    import_file("linkedin", LINKEDIN)
    f = tmp_path / "c.csv"
    f.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                 "Rosalind Elsie,Franklin,,rosalind@helix.example,,,\n"
                 "hiro,TANAKA,,,hooli,,\n", encoding="utf-8")
    s = import_file("linkedin", f)
    assert (s.added, s.updated, s.unchanged) == (0, 1, 1)
    assert "Rosalind Elsie Franklin" in _state()  # the newer name wins; same email means same person


@pytest.mark.parametrize("text, expected", [
    ("15 Mar 2024", (date(2024, 3, 15), None)),
    ("29 Feb 2024", (date(2024, 2, 29), None)),
    ("7-Feb-22", (date(2022, 2, 7), "odd connection date '7-Feb-22', read as 2022-02-07")),
    ("30 Feb 2023", (None, "connection date '30 Feb 2023' is not a real day; left empty")),
    ("yesterday", (None, "connection date 'yesterday' not understood; left empty")),
    ("", (None, None)),
])
def test_dates_without_locale(text, expected):
    assert parse_connected_on(text) == expected


def test_header_found_after_any_preamble(db, tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("Notes:\nline one\n\"quoted, with comma\"\n\nanother\n"
                 "First Name,Last Name,URL,Email Address,Company,Position,Connected On,Extra Col\n"
                 "A,B,https://www.linkedin.com/in/ab,,,,01 Jan 2020,kept\n", encoding="utf-8")
    s = import_file("linkedin", f)
    assert s.added == 1
    assert list_contacts()[0].extra == {"linkedin": {"Extra Col": "kept"}}


def test_bad_files_refused_and_db_untouched(db, tmp_path):
    import_file("linkedin", LINKEDIN)
    before = list_contacts()
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    wrong = FIXTURES / "apple-contacts.vcf"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, message in ((empty, "is empty"), (binary, "binary"), (wrong, "not a LinkedIn connections export"),
                          (fifo, "not a regular file"), (tmp_path / "missing.csv", "no such file"),
                          (tmp_path, "is a folder")):
        with pytest.raises(BadImportFile, match=message):
            import_file("linkedin", path)
    assert list_contacts() == before


def test_killed_import_leaves_database_as_it_was(db, monkeypatch):
    from kith.store.transfer.importers import apply as common

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(common, "_tag_ids", boom)
    monkeypatch.setattr(common, "_row_values", lambda s: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        import_file("linkedin", LINKEDIN)
    assert list_contacts() == []


def _indexes():
    from kith.store.core.db import db as database

    return sorted(database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contact'").fetchall())


def test_bulk_import_keeps_every_index(db, tmp_path):
    import random

    from bench.transfer import linkedin_csv

    big = tmp_path / "big.csv"
    big.write_text(linkedin_csv(2500, random.Random(3)), encoding="utf-8")
    before = _indexes()
    assert before
    assert import_file("linkedin", big).added == 2500
    assert _indexes() == before
    assert import_file("linkedin", big).unchanged == 2500


def test_failed_bulk_import_keeps_indexes_and_rows(db, tmp_path, monkeypatch):
    import random

    from bench.transfer import linkedin_csv
    from kith.store.transfer.importers import apply as common

    import_file("linkedin", LINKEDIN)
    big = tmp_path / "big.csv"
    big.write_text(linkedin_csv(2500, random.Random(3)), encoding="utf-8")
    before, contacts = _indexes(), list_contacts()
    monkeypatch.setattr(common, "BULK_REINDEX", 10)

    def boom(*a):
        raise RuntimeError("killed")

    monkeypatch.setattr(common.db, "execute_sql", lambda sql, *a, **k: boom() if sql.startswith("CREATE INDEX") else
                        type(common.db).execute_sql(common.db, sql, *a, **k))
    with pytest.raises(Exception):  # noqa: B017
        import_file("linkedin", big)
    monkeypatch.undo()
    assert _indexes() == before and list_contacts() == contacts
