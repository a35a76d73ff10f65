"""A read-only data folder (a mounted backup): reads and exports to elsewhere still work.

Tests run as root, which ignores mode bits, so the folder is made immutable (chattr +i), which
binds root too; where the file system cannot do that, the test is skipped.
"""

import json
import os
import shutil
import subprocess

import pytest


@pytest.fixture
def read_only_db(run_kith, tmp_path):
    folder = tmp_path / "ro"
    path = folder / "kith.db"
    assert run_kith("add", "Ada", "--company", "Acme", db=path).code == 0
    if os.geteuid() != 0 or not shutil.which("chattr"):
        os.chmod(folder, 0o500)
    elif subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("this file system cannot make a folder read-only for root")
    try:
        probe = folder / "probe"
        try:
            probe.touch()
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("the folder is still writable here")
        yield path
    finally:
        if os.geteuid() == 0 and shutil.which("chattr"):
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        os.chmod(folder, 0o700)


def test_reads_work_in_a_read_only_folder(run_kith, read_only_db):
    r = run_kith("contacts", db=read_only_db)
    assert r.code == 0 and "Ada" in r.out, r
    r = run_kith("find", "acme", db=read_only_db)
    assert r.code == 0 and "Ada" in r.out
    assert run_kith("today", db=read_only_db).code == 0


def test_export_to_elsewhere_works(run_kith, read_only_db, tmp_path):
    out = tmp_path / "elsewhere" / "all.json"
    r = run_kith("export", "json", "-o", str(out), db=read_only_db)
    assert r.code == 0, r
    assert "Ada" in out.read_text(encoding="utf-8") and json.loads(out.read_text(encoding="utf-8"))


def test_a_write_is_one_line_exit_2(run_kith, read_only_db):
    before = sorted(os.listdir(read_only_db.parent))
    r = run_kith("add", "Bo", db=read_only_db)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err
    assert sorted(os.listdir(read_only_db.parent)) == before
    assert "kith.db" in before


def test_a_write_to_an_existing_contact_is_one_line_exit_2(run_kith, read_only_db):
    before = sorted(os.listdir(read_only_db.parent))
    r = run_kith("log", "Ada", db=read_only_db)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err, r
    assert "cannot write" in r.err
    assert sorted(os.listdir(read_only_db.parent)) == before
