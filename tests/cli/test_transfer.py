"""kith import / export / restore / duplicates / merge / backup as a user runs them."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import time

import pytest

from kith.tui.__main__ import main
from tests.conftest import FIXTURES, kith_in_process

LINKEDIN = FIXTURES / "linkedin-Connections.csv"


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def dbp(tmp_path):
    return tmp_path / "data" / "k.db"


def contacts(capsys, dbp):
    code, out, _ = run(capsys, "--db", str(dbp), "contacts", "--json")
    assert code == 0
    return json.loads(out)


def test_import_prints_summary_and_reimport_is_unchanged(capsys, dbp):
    code, out, _ = run(capsys, "--db", str(dbp), "import", "linkedin", str(LINKEDIN))
    assert code == 0
    assert out.splitlines() == [
        f"{LINKEDIN}: added 12, updated 0, unchanged 0, skipped 2",
        "  skipped line 8: same person as line 7 (same profile URL)",
        "  skipped line 9: empty row",
        "  note line 12: odd connection date '7-Feb-22', read as 2022-02-07",
    ]
    code, out, _ = run(capsys, "--db", str(dbp), "import", "linkedin", str(LINKEDIN))
    assert out.splitlines()[0].endswith("added 0, updated 0, unchanged 12, skipped 2")


def test_dry_run_writes_nothing(capsys, dbp, db_file):
    code, _, err = run(capsys, "--db", str(dbp), "import", "vcard", str(FIXTURES / "apple-contacts.vcf"), "--dry-run")
    assert code == 2 and f"no database at {dbp}" in err and not dbp.exists()  # a preview creates nothing
    code, out, _ = run(capsys, "--db", str(db_file), "import", "vcard", str(FIXTURES / "apple-contacts.vcf"),
                       "--dry-run")
    assert code == 0 and "would add 3" in out and "dry run: nothing written" in out
    assert contacts(capsys, db_file) == []


def test_bad_files_exit_2_one_line_db_untouched(capsys, dbp, tmp_path):
    run(capsys, "--db", str(dbp), "import", "linkedin", str(LINKEDIN))
    before = contacts(capsys, dbp)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.vcf"
    binary.write_bytes(bytes(range(256)))
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    cases = [
        ("linkedin", empty, "is empty"),
        ("vcard", binary, "binary"),
        ("linkedin", FIXTURES / "google-contacts.vcf", "not a LinkedIn connections export"),
        ("vcard", LINKEDIN, "not a vCard file"),
        ("linkedin", fifo, "not a regular file"),
        ("linkedin", tmp_path / "missing.csv", "no such file"),
        ("vcard", tmp_path, "is a folder"),
    ]
    for kind, path, message in cases:
        code, out, err = run(capsys, "--db", str(dbp), "import", kind, str(path))
        assert code == 2, (path, err)
        assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err
    assert contacts(capsys, dbp) == before


def test_export_restore_identical(capsys, dbp, tmp_path):
    run(capsys, "--db", str(dbp), "demo")
    run(capsys, "--db", str(dbp), "import", "vcard", str(FIXTURES / "apple-contacts.vcf"))
    for kind in ("json", "toml"):
        out_file = tmp_path / f"all.{kind}"
        code, out, err = run(capsys, "--db", str(dbp), "export", kind, "-o", str(out_file))
        assert code == 0, err
        assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
        fresh = tmp_path / f"fresh-{kind}.db"
        code, out, err = run(capsys, "--db", str(fresh), "restore", str(out_file))
        assert code == 0 and out.startswith("restored "), err
        again = tmp_path / f"again.{kind}"
        run(capsys, "--db", str(fresh), "export", kind, "-o", str(again))
        assert again.read_bytes() == out_file.read_bytes()
    code, _, err = run(capsys, "--db", str(dbp), "restore", str(tmp_path / "all.json"))
    assert code == 2 and "not empty" in err


@pytest.mark.parametrize("kind", ["csv", "vcard", "ics"])
def test_other_exports_default_path(capsys, dbp, kind):
    run(capsys, "--db", str(dbp), "import", "vcard", str(FIXTURES / "google-contacts.vcf"))
    code, out, _ = run(capsys, "--db", str(dbp), "export", kind)
    assert code == 0
    path = out.split(" to ", 1)[1].strip()
    assert path.startswith(str(dbp.parent / "exports"))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_duplicates_and_merge(capsys, dbp):
    run(capsys, "--db", str(dbp), "add", "José Núñez", "--company", "Acme")
    code, _, err = run(capsys, "--db", str(dbp), "add", "Jose Nunez", "--email", "jose@acme.example")
    assert code == 2 and "same name, at Acme; no company given" in err  # kith add warns first
    run(capsys, "--db", str(dbp), "add", "Jose Nunez", "--email", "jose@acme.example", "--yes")
    run(capsys, "--db", str(dbp), "log", "#2", "--kind", "coffee", "--on", "2026-03-01")
    code, out, _ = run(capsys, "--db", str(dbp), "duplicates", "--json")
    pairs = json.loads(out)
    assert [(p["a_id"], p["b_id"], p["reasons"]) for p in pairs] == [(1, 2, ["same name"])]
    code, out, _ = run(capsys, "--db", str(dbp), "merge", "#1", "#2", "--yes")
    assert code == 0 and "merged #2" in out
    (c,) = contacts(capsys, dbp)
    assert (c["name"], c["company"], c["emails"], c["last_touch_on"]) == ("José Núñez", "Acme", ["jose@acme.example"], "2026-03-01")
    code, out, _ = run(capsys, "--db", str(dbp), "duplicates")
    assert out.strip() == "no likely duplicates"
    code, _, err = run(capsys, "--db", str(dbp), "merge", "#1", "#1")
    assert code == 2


def _kith(*args):
    return [sys.executable, "-m", "kith.tui", *args]


def test_killed_import_is_all_or_nothing(tmp_path):
    import random

    from bench.transfer import linkedin_csv

    big = tmp_path / "Connections.csv"
    big.write_text(linkedin_csv(30_000, random.Random(1)), encoding="utf-8")
    db = tmp_path / "k.db"
    kith_in_process("add", "Existing", db=db)
    proc = subprocess.Popen(_kith("--db", str(db), "import", "linkedin", str(big)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.2)
    proc.kill()
    proc.wait(timeout=30)
    count = sqlite3.connect(db).execute("SELECT count(*) FROM contact").fetchone()[0]
    assert count in (1, 30_001)  # before or after, never half


def test_backup_while_another_process_writes(tmp_path):
    db = tmp_path / "k.db"
    kith_in_process("add", "First", db=db)
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from kith.store.core.db import open_db; open_db(sys.argv[1]);"
        "from kith.store.people.contacts import create_contact\n"
        "end = time.time() + 4\n"
        "i = 0\n"
        "while time.time() < end:\n"
        "    create_contact(f'Writer {i}'); i += 1\n"), str(db)])
    try:
        copies = []
        for n in range(3):
            target = tmp_path / f"backup-{n}.db"
            kith_in_process("backup", str(target), db=db)  # this process backs up; another writes
            copies.append(target)
    finally:
        writer.wait(timeout=60)
    for copy in copies:
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        con = sqlite3.connect(copy)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM contact").fetchone()[0] >= 1
        con.close()


def test_export_to_stdout_escapes_controls_losslessly(capsys, dbp, tmp_path):
    run(capsys, "--db", str(dbp), "add", "Evil\u202eName", "--note", "bell\u0085")
    code, out, _ = run(capsys, "--db", str(dbp), "export", "json", "-o", "-")
    assert code == 0 and "\u202e" not in out and "\u0085" not in out
    data = json.loads(out)
    assert data["tables"]["contact"]["rows"][0][1] == "Evil\u202eName"
    code, out, _ = run(capsys, "--db", str(dbp), "export", "toml", "-o", "-")
    import tomllib

    assert "\u202e" not in out
    assert tomllib.loads(out)["tables"]["contact"]["rows"][0]["name"] == "Evil\u202eName"
