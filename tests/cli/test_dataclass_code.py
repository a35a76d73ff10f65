"""The cache of ``@dataclass``'s compiled code: same classes, kept owner-only, never trusted blindly."""

from __future__ import annotations

import dataclasses
import marshal
import os
import stat
import subprocess
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kith.tui.cli import dataclass_code
from kith.tui.cli.dataclass_code import HEADER, CodeCache, read_codes

MARKER = "a module global the code below reads"


def define_records():
    """Classes with every generated method: frozen, defaults, a factory, order, keyword-only."""

    @dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple = field(default_factory=tuple)

    @dataclass(order=True)
    class Row:
        name: str
        score: float = 1.5

    @dataclass(kw_only=True)
    class Options:
        flag: bool = False

    return Point, Row, Options


def behaviour(Point, Row, Options) -> list:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2
    return [
        repr(point), point == Point(1, 0, ()), hash(Point(1)) == hash(Point(1)), point.tags,
        repr(sorted([Row("b"), Row("a", 3.0)])), repr(Options(flag=True)),
        Point.__init__.__annotations__, Row.__init__.__annotations__, Point.__match_args__,
    ]


def with_cache(cache: CodeCache, monkeypatch) -> list:
    monkeypatch.setattr(dataclasses, "exec", cache.exec, raising=False)
    try:
        return behaviour(*define_records())
    finally:
        monkeypatch.delattr(dataclasses, "exec")


def test_a_cached_start_compiles_nothing_and_builds_the_same_classes(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / "cache" / "code.marshal"
    plain = behaviour(*define_records())
    first = CodeCache(path)
    assert with_cache(first, monkeypatch) == plain
    assert first.compiled == len(first.used) >= 10  # init, repr, eq, hash, setattr, order...
    first.save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700

    second = CodeCache(path)
    # Annotations stay types, not strings: the test module's __future__ import is not inherited.
    assert with_cache(second, monkeypatch) == plain
    assert plain[6]["return"] is None and plain[6]["x"] == "int"  # as the class wrote it
    assert second.compiled == 0 and len(second.used) == len(first.used)
    written = path.stat().st_mtime_ns
    second.save()
    assert path.stat().st_mtime_ns == written  # nothing new: nothing written


def every_code(monkeypatch) -> dict:
    cache = CodeCache(Path("/nonexistent/code.marshal"))
    with_cache(cache, monkeypatch)
    return cache.used


def file_bytes(codes: dict, header: str = HEADER, checksum=None) -> bytes:
    body = marshal.dumps(codes)
    return marshal.dumps((header, zlib.crc32(body) if checksum is None else checksum, body))


def flipped(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x40]) + data[middle + 1:]


@pytest.mark.parametrize("damage", ["empty", "garbage", "truncated", "a flipped byte", "another Python",
                                    "not a dict", "not code", "bad code"])
def test_a_damaged_or_foreign_file_is_ignored_then_replaced(tmp_path, monkeypatch, damage):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    codes = every_code(monkeypatch)
    content = {
        "empty": b"", "garbage": b"\x00garbage", "truncated": file_bytes(codes)[:-9],
        # In the body, which marshal would load: the checksum catches it (bad code can crash Python).
        "a flipped byte": flipped(file_bytes(codes)),
        "another Python": file_bytes(codes, header="kith dataclass code, Python 3.11.0"),
        "not a dict": file_bytes(list(codes)),
        "not code": file_bytes(dict.fromkeys(codes, marshal.dumps("not code"))),
        "bad code": file_bytes(dict.fromkeys(codes, b"\xff not marshal")),
    }[damage]
    path = tmp_path / "code.marshal"
    path.write_bytes(content)
    path.chmod(0o600)
    cache = CodeCache(path)
    assert with_cache(cache, monkeypatch) == behaviour(*define_records())
    assert cache.compiled == len(cache.used)
    cache.save()
    assert len(read_codes(path)) == len(cache.used)


def test_nothing_is_written_when_python_may_not_write_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache = CodeCache(tmp_path / "code.marshal")
    with_cache(cache, monkeypatch)
    cache.save()
    assert not (tmp_path / "code.marshal").exists()


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    (tmp_path / "a file").write_text("")
    cache = CodeCache(tmp_path / "a file" / "code.marshal")
    with_cache(cache, monkeypatch)
    cache.save()  # mkdir fails under a file: the next start compiles again
    assert os.listdir(tmp_path) == ["a file"]


@pytest.mark.parametrize("limit, kept", [(5, "only used"), (2000, "all")])
def test_past_the_limit_a_save_keeps_only_what_this_run_used(tmp_path, monkeypatch, limit, kept):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / "code.marshal"
    stale = {f"def old{i}(): pass": marshal.dumps(compile(f"def old{i}(): pass", "<string>", "exec"))
             for i in range(5)}
    path.write_bytes(file_bytes(stale))
    path.chmod(0o600)
    monkeypatch.setattr(dataclass_code, "MAX_ENTRIES", limit)
    cache = CodeCache(path)
    with_cache(cache, monkeypatch)
    cache.save()
    assert set(read_codes(path)) == set(cache.used) | (set(stale) if kept == "all" else set())


def test_a_file_someone_else_could_have_written_or_not_a_file_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / "code.marshal"
    cache = CodeCache(path)
    with_cache(cache, monkeypatch)
    cache.save()
    with monkeypatch.context() as patched:
        patched.setattr(os, "getuid", lambda: os.stat(path).st_uid + 1)
        assert read_codes(path) == {}  # another owner's
    assert len(read_codes(path)) == len(cache.used)
    path.chmod(0o620)
    assert read_codes(path) == {}  # writable by its group
    path.unlink()
    os.mkfifo(path, 0o600)
    assert read_codes(path) == {}  # at once: opening a FIFO to read would wait for a writer


def test_each_class_gets_its_own_code_compiled_as_exec_would(tmp_path, monkeypatch):
    plain = define_records()
    cache = CodeCache(tmp_path / "code.marshal")
    monkeypatch.setattr(dataclasses, "exec", cache.exec, raising=False)
    first, again = define_records(), define_records()  # the second from the cache
    assert cache.compiled == len(cache.used)
    for before, cached, cached_again in zip(plain, first, again):
        for name in ("__init__", "__eq__"):  # (__repr__ is a wrapper around the generated one)
            code, cached_code = getattr(before, name).__code__, getattr(cached, name).__code__
            assert (cached_code.co_filename, cached_code.co_flags) == (code.co_filename, code.co_flags)
            assert cached_code.co_code == code.co_code
            assert cached_code is not getattr(cached_again, name).__code__  # as without the cache


def test_exec_of_anything_else_is_the_builtin_exec(tmp_path):
    cache = CodeCache(tmp_path / "code.marshal")
    namespace: dict = {}
    cache.exec("seen = MARKER\ndef f(x: int) -> None: pass", None, namespace)
    assert namespace["seen"] == MARKER  # the caller's scope, as exec without globals
    # Real annotations: this module's __future__ import is not passed on to the text.
    assert namespace["f"].__annotations__ == {"x": int, "return": None}
    cache.exec(compile("y = 2", "<string>", "exec"), {}, namespace)
    assert namespace["y"] == 2
    assert cache.codes is None  # not a dataclass's call: the file was not even read


def test_the_file_is_in_the_pycache_prefix_when_one_is_set(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path))
    assert dataclass_code.cache_path().parent == tmp_path
    monkeypatch.setattr(sys, "pycache_prefix", None)
    assert dataclass_code.cache_path().parent == tmp_path / "xdg_cache_home" / "kith"


def test_kith_keeps_the_code_between_starts(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    command = [sys.executable, "-m", "kith.tui", "--db", str(tmp_path / "k.db"), "add", "Ada Lovelace"]
    subprocess.run(command, env=env, check=True, capture_output=True)
    files = list((tmp_path / "xdg_cache_home" / "kith").glob("dataclass-code-*.marshal"))
    assert len(files) == 1 and stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert len(read_codes(files[0])) > 100  # the records of every area
    written = files[0].stat().st_mtime_ns
    command[-1] = "Grace Hopper"
    subprocess.run(command, env=env, check=True, capture_output=True)
    assert files[0].stat().st_mtime_ns == written  # every class came from the file
    files[0].unlink()
    find = [*command[:-2], "find", "ada"]  # its light path leaves by os._exit: no exit hooks
    assert "Ada Lovelace" in subprocess.run(find, env=env, check=True, capture_output=True, text=True).stdout
    assert 0 < len(read_codes(files[0])) < 100


def test_the_app_saves_the_code_before_its_first_screen(tmp_path, monkeypatch):
    """A session ended by a hang-up or a kill never reaches the save at exit."""
    from kith.tui.app import KithApp
    from kith.tui.cli import main

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / "code.marshal"
    cache = CodeCache(path)
    with_cache(cache, monkeypatch)
    monkeypatch.setattr(main, "_code_cache", cache)
    saved_before_run = []
    monkeypatch.setattr(KithApp, "run", lambda app: saved_before_run.append(path.exists()))
    assert main.main(["--db", str(tmp_path / "k.db")]) == 0
    assert saved_before_run == [True]
    assert len(read_codes(path)) == len(cache.used)
