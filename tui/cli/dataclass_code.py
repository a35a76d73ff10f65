"""Provides install(): keep the code ``@dataclass`` compiles for each class from one start to the next.

``@dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` (and a
frozen class's ``__setattr__`` and ``__delattr__``) as source text and compiles it, every time the
class is defined: one text per method on Python 3.11 and 3.12, one per class from 3.13. Kith's
records and Textual's come to about 530 functions: 32 ms of kith's 150 ms of imports, at every
start. Python keeps a module's bytecode in ``__pycache__``, but not these functions.

``install()`` gives the ``dataclasses`` module an ``exec`` that looks the text up in a cache file
first. The same text is compiled the same way (file name ``<string>``, no inherited ``__future__``
flags), kept as marshal bytes and loaded afresh for each class, then run in the same scope: the
classes are the same as without the cache; only the compiling is skipped (32 ms down to 2 ms).

The file is kith's own: ``dataclass-code-<tag>-<build>.marshal`` in the user's cache folder (or in
``PYTHONPYCACHEPREFIX`` when set); each Python build has its own. A file that is missing, not a
regular file, foreign (another owner, writable by others), made by another build or failing its
checksum is ignored. Nothing is written when Python is told not to write bytecode
(``PYTHONDONTWRITEBYTECODE``, ``-B``). It is written only when a run compiled something new:
before the app's first screen and at exit. It is written whole and renamed into place, owner-only.
"""

import marshal
import os
import stat
import sys
import zlib
from pathlib import Path
from types import CodeType

HEADER = f"kith dataclass code, Python {sys.version}, optimize {sys.flags.optimize}"
"""The first item of the file: code compiled by another interpreter is never run."""

MAX_ENTRIES = 2000
"""Past this many texts (kith and Textual use about 530), a save keeps only those this run used:
texts that changed with an upgrade are dropped instead of piling up."""


class CodeCache:
    """Compiled code (as marshal bytes) by source text: read from ``path`` on first use, saved with ``save``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.codes: dict[str, bytes] | None = None
        self.used: dict[str, bytes] = {}
        self.compiled = 0
        """Texts this run compiled because the file did not hold them."""

    def code_for(self, source: str) -> CodeType:
        if self.codes is None:
            self.codes = read_codes(self.path)
        data = self.codes.get(source)
        code = _load_code(data) if data is not None else None
        if code is None:
            # As exec(source) from the dataclasses module compiles it (that module has no
            # __future__ imports, so nothing to inherit).
            code = compile(source, "<string>", "exec", dont_inherit=True)
            data = self.codes[source] = marshal.dumps(code)
            self.compiled += 1
        self.used[source] = data
        return code

    def exec(self, source, /, globals=None, locals=None, **kwargs) -> None:
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
        if not self.compiled or sys.dont_write_bytecode:
            return
        codes = self.codes if len(self.codes) <= MAX_ENTRIES else self.used
        self.compiled = 0
        try:
            write_codes(self.path, codes)
        except (OSError, ValueError):
            pass  # a read-only or full cache folder: the next start compiles, as Python would


def _load_code(data: bytes) -> CodeType | None:
    try:
        code = marshal.loads(data)
    except Exception:
        return None
    return code if type(code) is CodeType else None


def read_codes(path: Path) -> dict:
    """The cached code in ``path``, or an empty dict when it cannot be trusted or read."""
    try:
        # Non-blocking: a FIFO at the path must not hang the start.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with open(descriptor, "rb") as file:
            info = os.fstat(file.fileno())
            if (not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid()
                    or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
                return {}  # not a file, or someone else could have written code into it
            header, checksum, body = marshal.loads(file.read())
        if header != HEADER or type(body) is not bytes or zlib.crc32(body) != checksum:
            return {}  # another build's code, or damaged on disk (bad code can crash the interpreter)
        codes = marshal.loads(body)
    except Exception:  # missing, unreadable, truncated or not marshal data: start afresh
        return {}
    return codes if type(codes) is dict else {}  # an entry that is not marshal code is compiled afresh


def write_codes(path: Path, codes: dict) -> None:
    import tempfile

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    body = marshal.dumps(codes)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # 0600
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(marshal.dumps((HEADER, zlib.crc32(body), body)))
        os.replace(temporary, path)  # whole or not at all; two kith processes: the last one wins
    except BaseException:
        os.unlink(temporary)
        raise


def cache_path() -> Path:
    name = f"dataclass-code-{sys.implementation.cache_tag}-{zlib.crc32(HEADER.encode()):08x}.marshal"
    if sys.pycache_prefix:
        return Path(sys.pycache_prefix) / f"kith-{name}"
    from platformdirs import user_cache_path

    return user_cache_path("kith", appauthor=False) / name


def install(path: Path | None = None) -> CodeCache:
    """Route ``@dataclass``'s compiling through a cache; saved at exit when it learned something."""
    import atexit
    import dataclasses

    cache = CodeCache(path or cache_path())
    if os.name == "posix":  # the file's owner check needs a uid
        dataclasses.exec = cache.exec  # a module global: found before the builtin, for dataclasses only
        atexit.register(cache.save)
    return cache
