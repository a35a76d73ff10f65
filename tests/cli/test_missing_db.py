"""Only a command that can make something from nothing creates a missing database.

Previews, and commands that can only act on existing rows, say ``no database at PATH`` (exit 2)
and leave no folder, no ``kith.db`` and no ``kith.db.checked`` behind.
"""

import pytest

from tests.conftest import FIXTURES


def one_line(r) -> bool:
    return len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


NEEDS_ROWS = [
    ("merge", "a", "b"), ("import", "csv", "{csv}", "--dry-run"), ("import", "linkedin", "{linkedin}", "--dry-run"),
    ("check-in", "x"), ("undo",), ("done", "7"), ("edit-touch", "7", "--note", "n"),
    ("edit", "x", "--name", "y"), ("archive", "x"), ("unarchive", "x"), ("delete", "x", "--yes"),
    ("log", "x"), ("snooze", "x", "--for", "3d"), ("follow-up", "x", "--on", "+1", "call"),
    ("value", "x", "received", "information"), ("role", "x", "mentor"), ("show", "x"), ("touches", "x"),
    ("check-ins", "x"), ("follow-ups",), ("feedback", "ask", "x"), ("feedback", "add", "x", "--text", "kind"),
    ("feedback", "list"), ("feedback", "decline", "x"), ("brand", "check"), ("brand", "claim", "p", "c"),
    ("brand", "variant", "p", "tech", "--text", "t"), ("pitch", "show", "p"), ("export", "csv"),
    ("export", "json", "--salvage"),
]


@pytest.fixture
def files(tmp_path):
    csv = tmp_path / "people.csv"
    csv.write_text("name,company,role\nAda Lovelace,Analytical,\n", encoding="utf-8")
    return {"csv": str(csv), "linkedin": str(FIXTURES / "linkedin-Connections.csv")}


@pytest.mark.parametrize("args", NEEDS_ROWS, ids=lambda a: " ".join(a[:2]))
def test_a_command_that_needs_rows_says_no_database_and_creates_nothing(run_kith, tmp_path, files, args):
    path = tmp_path / "nowhere" / "kith.db"
    r = run_kith(*(a.format(**files) for a in args), db=path)
    assert r.code == 2 and one_line(r), r
    assert f"no database at {path}" in r.err and "created folder" not in r.err
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("args", [("add", "Ada"), ("demo",), ("import", "csv", "{csv}"), ("restore", "{export}")],
                         ids=lambda a: a[0])
def test_a_command_that_makes_something_from_nothing_creates_it(run_kith, tmp_path, files, args):
    source = tmp_path / "source.db"
    assert run_kith("add", "Grace Hopper", db=source).code == 0
    export = tmp_path / "all.json"
    assert run_kith("export", "json", "-o", str(export), db=source).code == 0
    path = tmp_path / "fresh" / "kith.db"
    r = run_kith(*(a.format(export=export, **files) for a in args), db=path)
    assert r.code == 0, r
    assert r.err.count("created folder") == 1 and path.exists()
    assert run_kith("contacts", db=path).out.strip()


def test_a_dry_run_on_an_existing_database_still_previews(run_kith, tmp_path, files, db_file):
    r = run_kith("import", "csv", files["csv"], "--dry-run", db=db_file)
    assert r.code == 0 and "Ada Lovelace" not in run_kith("contacts", db=db_file).out, r
