"""Shared fixtures: every test gets its own data, config and XDG folders under tmp_path."""

from __future__ import annotations

import gc
import os
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check rules, not speed: a busy 2-core CI machine must not turn one slow
# example into a "deadline exceeded" failure (speed is proven by bench/, not tests).
settings.register_profile("kith", deadline=None)
settings.load_profile("kith")

# The kith processes tests start (the command line, the pty) reuse compiled bytecode, as an
# installed kith does: with a shell's PYTHONDONTWRITEBYTECODE each one compiled every module anew.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# Textual builds thousands of short-lived objects for every screen it draws; a collection every
# 700 allocations (the default) took about a tenth of the suite's time. Cycles are still collected.
gc.set_threshold(50_000, 50, 100)

from kith.store.core.db import close_db, open_db  # noqa: E402
from kith.store.core.files import make_private_dir  # noqa: E402
from kith.tui.config import Config  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
"""kith's own real-format import files and hostile strings (tests/fixtures, inside the repository)."""


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    """Point config and data lookups at tmp_path so a developer's own files never leak in."""
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    monkeypatch.delenv("KITH_DB", raising=False)
    monkeypatch.delenv("KITH_CONFIG", raising=False)
    monkeypatch.setenv("TZ", "UTC")
    yield
    close_db()


_EMPTY_DB: list[Path] = []
"""A database kith created and migrated, once per test process: each test opens a copy of it
(creating one runs every migration, about 20 ms; the migration tests still create their own)."""


@pytest.fixture
def db_file(tmp_path, tmp_path_factory) -> Path:
    """Path of an opened, migrated, empty database file."""
    if not _EMPTY_DB:
        template = tmp_path_factory.mktemp("empty") / "kith.db"
        open_db(template)
        close_db()
        assert not template.with_name(template.name + "-wal").exists()  # closed cleanly: the file is whole
        _EMPTY_DB.append(template)
    path = tmp_path / "data" / "kith.db"
    make_private_dir(path.parent)
    shutil.copy2(_EMPTY_DB[0], path)  # its owner-only mode comes with it
    open_db(path)
    return path


@pytest.fixture
def db(db_file):
    """An open, empty store on a real file (not :memory:)."""
    return db_file


@pytest.fixture
def config() -> Config:
    return Config()


@pytest.fixture
def fixed_today() -> date:
    """The day tests pretend it is (demo data and snapshots are built relative to it)."""
    return date(2026, 3, 16)


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli_db(tmp_path) -> Path:
    """The database path in-process CLI calls use by default (not created until a command writes)."""
    return tmp_path / "cli" / "kith.db"


@pytest.fixture
def run_kith(capsys, monkeypatch, cli_db):
    """Run ``kith ARGS`` in this process: run_kith("add", "Ada", db=None, stdin=None) -> CliResult.

    Faster than a subprocess and sees the same code; subprocesses stay for import hygiene,
    signals and the pty.
    """
    import io

    from kith.tui.__main__ import main

    def run(*args: str, db: Path | str | None = None, stdin: str | None = None) -> CliResult:
        argv = ["--db", str(db if db is not None else cli_db), *args]
        capsys.readouterr()
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse's own exits (--help, usage errors)
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        finally:
            close_db()
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run


def kith_in_process(*args: str, db: Path | str | None = None, stdin: str | bytes | None = None,
                    env: dict[str, str] | None = None, check: bool = True):
    """``kith ARGS`` in this process, as ``subprocess.run`` would report it (returncode, stdout, stderr).

    For module-level helpers that have no fixtures; ``run_kith`` is the fixture form. Environment
    changes and stdin last for the one call.
    """
    import contextlib
    import io
    import os
    import subprocess
    import sys

    from kith.tui.__main__ import main

    argv = [*(["--db", str(db)] if db else []), *args]
    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_stdin = dict(os.environ), sys.stdin
    os.environ.update(env or {})
    raw = stdin if isinstance(stdin, bytes) else (stdin or "").encode()
    sys.stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")  # .buffer too
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse's own exits (--version, --help, usage errors)
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        close_db()
        os.environ.clear()
        os.environ.update(saved_env)
        sys.stdin = saved_stdin
    result = subprocess.CompletedProcess(["kith", *argv], code, out.getvalue(), err.getvalue())
    if check:
        assert result.returncode == 0, result.stderr
    return result
