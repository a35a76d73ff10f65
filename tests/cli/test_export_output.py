"""Where ``kith export -o`` and ``kith backup PATH`` write: never a silent default, never a silent folder."""

import stat

import pytest


def one_line(r) -> bool:
    return len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err


@pytest.mark.parametrize("args", [("export", "csv", "-o", ""), ("export", "json", "--output", " "),
                                  ("export", "json", "--salvage", "-o", ""), ("backup", "")])
def test_an_empty_output_is_one_line_and_writes_nothing(run_kith, cli_db, args):
    assert run_kith("add", "Ada").code == 0
    before = sorted(p.name for p in cli_db.parent.iterdir())
    r = run_kith(*args)
    assert r.code == 2 and one_line(r) and "is empty: give a file name" in r.err, r
    assert sorted(p.name for p in cli_db.parent.iterdir()) == before  # no exports/, no backup


@pytest.mark.parametrize("args", [("export", "csv", "-o", "{target}"), ("export", "json", "--salvage", "-o", "{target}"),
                                  ("backup", "{target}")])
def test_a_missing_folder_is_created_private_and_said_once(run_kith, tmp_path, args):
    assert run_kith("add", "Ada").code == 0
    target = tmp_path / "nonexist" / "dir" / "x.out"
    r = run_kith(*(a.format(target=target) for a in args))
    assert r.code == 0 and target.exists(), r
    assert r.err.count("created folder") == 1 and f"kith: created folder {tmp_path / 'nonexist'}\n" in r.err
    assert stat.S_IMODE((tmp_path / "nonexist" / "dir").stat().st_mode) == 0o700
    again = run_kith(*(a.format(target=target.with_name("y.out")) for a in args))
    assert again.code == 0 and "created folder" not in again.err
