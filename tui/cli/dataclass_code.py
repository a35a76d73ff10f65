"""Provides install(): keep the code ``@dataclass`` compiles for each class from one start to the next.

On Python 3.11 and 3.12, ``@dataclass`` writes each class's ``__init__``, ``__repr__``,
``__eq__``, ``__hash__`` (and a frozen class's ``__setattr__`` and ``__delattr__``) as source
text and compiles it, every time the class is defined. Kith's records and Textual's come to
about 530 functions: 32 ms of kith's 150 ms of imports, at every start. Python keeps a
module's bytecode in ``__pycache__``, but not these functions.

``install()`` gives the ``dataclasses`` module an ``exec`` that looks the text up in a cache
file first. The same text is compiled the same way (file name ``<string>``, no inherited
``__future__`` flags) and run in the same scope, so the classes are the same; only the
compiling is skipped (32 ms down to 2 ms of reading the file).

The file is kith's own: ``dataclass-code-<tag>.marshal`` in the user's cache folder (or in
``PYTHONPYCACHEPREFIX`` when set). Each Python build has its own file, and the file names the
build inside. A file that is missing, foreign (another owner, writable by others), damaged, or
made by another build is ignored. Nothing is written when Python is told not to write bytecode
(``PYTHONDONTWRITEBYTECODE``, ``-B``). It is written only when a run compiled something new:
before the app's first screen and at exit. It is written whole and renamed into place, owner-only.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
from pathlib import Path
from types import CodeType

HEADER = f"kith dataclass code, Python {sys.version}, optimize {sys.flags.optimize}"
"""The first item of the file: code compiled by another interpreter is never run."""

MAX_ENTRIES = 2000
"""Past this many texts (kith and Textual use about 530), a save keeps only those this run used:
texts that changed with an upgrade are dropped instead of piling up."""


class CodeCache:
    """Compiled code by source text: read from ``path`` on first use, saved back with ``save``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.codes: dict[str, CodeType] | None = None
        self.used: dict[str, CodeType] = {}
        self.compiled = 0
        """Texts this run compiled because the file did not hold them."""

    def code_for(self, source: str) -> CodeType:
        if self.codes is None:
            self.codes = read_codes(self.path)
        code = self.codes.get(source)
        if code is None:
            # As exec(source) compiles it: dont_inherit, or this module's __future__ import
            # would turn the generated functions' annotations into strings.
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.codes[source] = code
            self.compiled += 1
        self.used[source] = code
        return code

    def exec(self, source, globals=None, locals=None, /, **kwargs) -> None:
        """``exec`` as the dataclasses module calls it: source text, its globals, a namespace."""
        if type(source) is str and type(globals) is dict and not kwargs:
            source = self.code_for(source)
        elif globals is None:  # exec's default scope is its caller's, not this function's
            caller = sys._getframe(1)
            globals = caller.f_globals
            locals = caller.f_locals if locals is None else locals
        exec(source, globals, locals, **kwargs)

    def save(self) -> None:
        """Write the cache if this run compiled anything; any failure leaves the old file be."""
        if not self.compiled or sys.dont_write_bytecode or self.codes is None:
            return
        codes = self.codes if len(self.codes) <= MAX_ENTRIES else self.used
        self.compiled = 0
        try:
            write_codes(self.path, codes)
        except (OSError, ValueError):
            pass  # a read-only or full cache folder: the next start compiles, as Python would


def read_codes(path: Path) -> dict:
    """The cached code in ``path``, or an empty dict when it cannot be trusted or read."""
    try:
        with open(path, "rb") as file:
            info = os.fstat(file.fileno())
            if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return {}  # someone else could have written code into it
            data = file.read()
        header, codes = marshal.loads(data)
    except Exception:  # missing, unreadable, truncated or not marshal data: start afresh
        return {}
    if header != HEADER or type(codes) is not dict:
        return {}
    return {source: code for source, code in codes.items() if type(code) is CodeType}


def write_codes(path: Path, codes: dict) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(marshal.dumps((HEADER, codes)))
        os.replace(temporary, path)  # whole or not at all; two kith processes: the last one wins
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def cache_path() -> Path:
    tag = sys.implementation.cache_tag or "python"
    if sys.pycache_prefix:
        return Path(sys.pycache_prefix) / f"kith-dataclass-code-{tag}.marshal"
    from platformdirs import user_cache_path

    return user_cache_path("kith", appauthor=False) / f"dataclass-code-{tag}.marshal"


def install(path: Path | None = None) -> CodeCache:
    """Route ``@dataclass``'s compiling through a cache; saved at exit when it learned something."""
    import atexit
    import dataclasses

    cache = CodeCache(path or cache_path())
    dataclasses.exec = cache.exec  # a module global: found before the builtin, for dataclasses only
    atexit.register(cache.save)
    return cache
