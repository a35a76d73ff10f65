"""The suite needs nothing outside the repository: a copy of the tracked files collects every test."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

REPO = Path(__file__).resolve().parents[1]
CATEGORIES = {"markup", "terminal", "bidi", "unicode"}


def _tracked_files() -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("not a git checkout (no tracked-file list to copy)")
    return [f for f in out.stdout.decode().split("\0") if f and (REPO / f).exists()]


def _collect(where: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(where), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0", "-p", "no:cacheprovider"],
                          cwd=where, env=env, capture_output=True, text=True, timeout=300)


def _counts(result: subprocess.CompletedProcess) -> dict[str, int]:
    """Tests collected per file, from the ``path: N`` lines quiet collection prints."""
    return {path: int(n) for path, n in re.findall(r"^(tests/\S+\.py): (\d+)$", result.stdout, re.M)}


def test_a_copy_without_shared_collects_every_test(tmp_path):
    copy = tmp_path / "fresh" / "kith"  # ../shared beside the copy does not exist
    tracked = _tracked_files()
    for name in tracked:
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target, follow_symlinks=False)  # editable/kith links stay links
    assert not (copy.parent / "shared").exists()
    there = _collect(copy)
    assert there.returncode == 0, there.stdout[-2000:] + there.stderr[-2000:]
    assert "FileNotFoundError" not in there.stdout + there.stderr
    # the same tests, file by file, as collecting the checkout in place (untracked files aside)
    here = {path: n for path, n in _counts(_collect(REPO)).items() if path in tracked}
    assert sum(here.values()) > 0 and _counts(there) == here


def test_fixtures_live_in_the_repository():
    assert FIXTURES.resolve().is_relative_to(REPO)
    for name in ("linkedin-Connections.csv", "apple-contacts.vcf", "google-contacts.vcf", "android-2.1.vcf",
                 "hostile-strings.txt"):
        assert (FIXTURES / name).is_file(), name


def test_hostile_strings_cover_every_category():
    rows = [line.split("\t") for line in (FIXTURES / "hostile-strings.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert all(len(r) == 4 for r in rows)
    assert {r[1] for r in rows} == CATEGORIES


def test_linkedin_fixture_is_a_real_export():
    raw = (FIXTURES / "linkedin-Connections.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNotes:\r\n")  # BOM, then LinkedIn's preamble
    assert b"\r\n" in raw and b"Engineer\nInfrastructure" in raw  # CRLF rows, one quoted field over two lines
