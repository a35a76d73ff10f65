"""Provides the one writer for every file kith writes: exports, backups, config edits, drafts.

Two kinds of target. A file the user names (``kith backup PATH``, ``kith export -o FILE``, the
vCard folder) is never replaced unless ``force`` is given. kith's own files (config, drafts) are
replaced atomically. In every case:

- the open database, its ``-wal``/``-shm`` and any SQLite file are never written, even forced;
- a symbolic link at the target is never followed: the temporary file is opened with
  ``O_CREAT|O_EXCL|O_NOFOLLOW`` in the target's folder and renamed over the name itself, so a
  link planted in a shared folder cannot redirect a write (forced, the link is replaced);
- an OS error becomes a ``WriteFailed`` with one line (the CLI exits 2).
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from kith.store.core.errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class WriteRefused(StoreError):
    """kith will not write this target (it exists, is a link, a database, a folder)."""


class WriteFailed(StoreError):
    """The operating system refused the write (permissions, disk full, not a folder)."""


@dataclass(frozen=True)
class Written:
    """Where a file went, and whether an existing file (or link) was replaced."""

    path: Path
    replaced: bool = False
    created_folder: Path | None = None
    """The outermost folder this write had to create (the caller says so), or None."""


_REASONS = {
    errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exceeded",
    errno.EACCES: "permission denied", errno.EPERM: "permission denied",
    errno.ENOTDIR: "a part of the path is a file, not a folder", errno.EROFS: "the file system is read-only",
    errno.EEXIST: "it already exists", errno.EISDIR: "it is a folder", errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "it is a symbolic link",
}


def failed(path: Path | str, exc: OSError) -> WriteFailed:
    """One line for an OS error on ``path``: what went wrong, and that nothing was written."""
    reason = _REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__
    return WriteFailed(f"cannot write {path}: {reason}; nothing was written")


def absolute(path: Path | str) -> Path:
    """``path`` made absolute without resolving links (``..`` folded by name, as the shell does)."""
    return Path(os.path.normpath(Path(path).expanduser().absolute()))


def make_private_dir(path: Path | str) -> list[Path]:
    """Create ``path`` and missing parents; the folders this call created become 0700.

    Returns the folders this call created, outermost first (empty when ``path`` existed).

    Each level is created with ``mkdir`` and an existing one is simply used, so two processes
    creating the same folder at once never fail (checking ``exists()`` first races).
    """
    path = absolute(path)
    created = []
    for folder in reversed([path, *path.parents]):
        try:
            folder.mkdir(mode=0o700)
            created.append(folder)
        except FileExistsError:
            continue
        except OSError:
            break  # the final mkdir below reports it (not a folder, permission)
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except FileExistsError:  # the name, or one above it, is a file
        raise NotADirectoryError(errno.ENOTDIR, "Not a directory", str(path)) from None
    for folder in created:
        try:
            os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
        except FileNotFoundError:
            pass  # removed again by someone else: nothing of ours to protect
    return created


# -- what may never be written ------------------------------------------------------------------


def _open_database() -> Path | None:
    from kith.store.core.connection import db

    return absolute(db.database) if db.database and db.database != ":memory:" else None


def _head(path: Path, size: int = 16) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return b""
    try:
        return os.read(fd, size)
    except OSError:
        return b""
    finally:
        os.close(fd)


def _is_sqlite(path: Path) -> bool:
    return _head(path).startswith(SQLITE_MAGIC)


def protected_reason(path: Path) -> str | None:
    """Why ``path`` must never be written, even forced: the live database or a SQLite file."""
    live = _open_database()
    if live is not None:
        guarded = [live, *(Path(f"{live}{s}") for s in SIDE_SUFFIXES)]
        if path in guarded:
            return "it is the open kith database or one of its files"
        try:
            st = os.lstat(path)
        except OSError:
            st = None
        for g in guarded:
            try:
                if st is not None and os.path.samestat(st, os.stat(g)):
                    return "it is the open kith database or one of its files"
            except OSError:
                continue
    head = _head(path)
    if head.startswith(SQLITE_MAGIC):
        return "it is a SQLite database"
    if head[:4] in WAL_MAGICS:
        return "it is a SQLite write-ahead log"
    for suffix in SIDE_SUFFIXES:
        if path.name.endswith(suffix) and _is_sqlite(path.with_name(path.name[: -len(suffix)])):
            return "it belongs to a SQLite database beside it"
    return None


def check_target(path: Path | str, *, force: bool = False, own: bool = False) -> Written:
    """Refuse ``path`` if kith must not write it; say whether writing would replace something.

    ``own`` marks kith's own files (replaced without ``force``); a user-named file that exists,
    or a link, needs ``force``. Nothing is ever followed or resolved.

    Raises:
        WriteRefused: a protected, existing or odd target (the message names the way out).
    """
    path = absolute(path)
    reason = protected_reason(path)
    if reason:
        raise WriteRefused(f"refusing to write {path}: {reason} (never replaced, even with --force; "
                           "choose another name)")
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return Written(path, replaced=False)
    except OSError as exc:  # NotADirectoryError, PermissionError: one line
        raise failed(path, exc) from None
    if stat.S_ISLNK(st.st_mode):
        if own:
            raise WriteRefused(f"refusing to write {path}: it is a symbolic link; kith never writes "
                               "through a link (change the file it points to yourself)")
        if not force:
            raise WriteRefused(f"refusing to write {path}: it is a symbolic link "
                               "(--force replaces the link itself, never what it points to)")
        return Written(path, replaced=True)
    if stat.S_ISDIR(st.st_mode):
        raise WriteRefused(f"refusing to write {path}: it is a folder; give a file name")
    if not stat.S_ISREG(st.st_mode):
        raise WriteRefused(f"refusing to write {path}: it is not a regular file")
    if not (force or own):
        raise WriteRefused(f"refusing to replace {path}: it exists (--force replaces it)")
    return Written(path, replaced=True)


# -- writing --------------------------------------------------------------------------------------


def _temp_beside(path: Path) -> tuple[int, Path]:
    """A new 0600 file in ``path``'s folder, created exclusively and never through a link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    while True:
        tmp = path.with_name(f".{path.name[:60]}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, flags, 0o600)
        except FileExistsError:
            continue
        os.fchmod(fd, 0o600)
        return fd, tmp


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _place(tmp: Path, path: Path, replace: bool) -> None:
    """Move the finished ``tmp`` to ``path``: over the name itself, or only if nothing is there."""
    if replace:
        os.replace(tmp, path)  # replaces a link itself, never its target
        return
    try:
        os.link(tmp, path, follow_symlinks=False)  # fails if anything appeared meanwhile
    except FileExistsError:
        raise WriteRefused(f"refusing to replace {path}: it appeared while writing (--force replaces it)") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(path):  # a file system without hard links: check, then rename
            raise WriteRefused(f"refusing to replace {path}: it exists (--force replaces it)") from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def write_with(path: Path | str, fill: Callable[[int, Path], None], *, force: bool = False,
               own: bool = False, reserved: bool = False) -> Written:
    """Write ``path`` through ``fill(fd, tmp_path)`` into a temporary file beside it, then rename.

    ``reserved`` means ``path`` is an empty placeholder this process created (``reserve_name``).

    Raises:
        WriteRefused: see ``check_target``.
        WriteFailed: the OS refused (one line; nothing was written, the target is unchanged).
    """
    path = absolute(path)
    try:
        created = make_private_dir(path.parent)
    except OSError as exc:
        raise failed(path, exc) from None
    target = Written(path, replaced=False) if reserved else check_target(path, force=force, own=own)
    if created:
        target = replace(target, created_folder=created[0])
    tmp = None
    try:
        fd, tmp = _temp_beside(path)
        try:
            fill(fd, tmp)
            os.fsync(fd)
        finally:
            os.close(fd)
        if protected_reason(path):  # checked again: the live database is never replaced
            raise WriteRefused(f"refusing to write {path}: {protected_reason(path)}")
        _place(tmp, path, replace=reserved or own or force)
        tmp = None
    except OSError as exc:
        raise failed(path, exc) from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    _sync_folder(path.parent)
    return target


def _write_bytes(raw: bytes) -> Callable[[int, Path], None]:
    def fill(fd: int, _tmp: Path) -> None:
        view = memoryview(raw)
        while view:
            view = view[os.write(fd, view):]
    return fill


def write_file(path: Path | str, data: str | bytes, *, force: bool = False, reserved: bool = False) -> Written:
    """Write a file the user named: an existing file or link is refused unless ``force``."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return write_with(path, _write_bytes(raw), force=force, reserved=reserved)


def write_atomic(path: Path | str, data: str | bytes) -> Path:
    """Replace one of kith's own files (config, drafts) atomically, 0600; never through a link."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return write_with(path, _write_bytes(raw), own=True).path


# -- unique default names -------------------------------------------------------------------------


def reserve_name(folder: Path | str, stem: str = "kith", suffix: str = ".db", now: datetime | None = None) -> Path:
    """Create an empty 0600 placeholder ``STEM-YYYYMMDD-HHMMSS.SUFFIX`` (then ``-2``, ``-3``…) in ``folder``.

    O_EXCL makes the name this call's alone, even against another kith in the same second.
    """
    folder = absolute(folder)
    try:
        make_private_dir(folder)
    except OSError as exc:
        raise failed(folder, exc) from None
    base = f"{stem}-{(now or datetime.now()):%Y%m%d-%H%M%S}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for n in range(1, 10_000):
        path = folder / (f"{base}{suffix}" if n == 1 else f"{base}-{n}{suffix}")
        try:
            fd = os.open(path, flags, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise failed(path, exc) from None
        os.close(fd)
        return path
    raise WriteRefused(f"no free name for {base}{suffix} in {folder}")


def write_new(folder: Path | str, stem: str, suffix: str, fill_or_data) -> Written:
    """Write under a fresh unique default name in ``folder`` (``reserve_name``)."""
    path = reserve_name(folder, stem, suffix)
    try:
        if callable(fill_or_data):
            return write_with(path, fill_or_data, reserved=True)
        return write_file(path, fill_or_data, reserved=True)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


# -- database backups -----------------------------------------------------------------------------


def _copy_open_database(tmp: Path) -> None:
    """SQLite's backup API: a consistent copy even while another kith writes."""
    import sqlite3

    from kith.store.core.connection import db

    target = sqlite3.connect(tmp)
    try:
        db.connection().backup(target)
    finally:
        target.close()


def _backup_fill(fd: int, tmp: Path) -> None:
    import sqlite3

    try:
        _copy_open_database(tmp)
    except sqlite3.Error as exc:
        text = str(exc)
        raise OSError(errno.ENOSPC if "full" in text else errno.EIO, text) from None
    for suffix in SIDE_SUFFIXES:
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def backup_beside(path: Path, stem: str, suffix: str) -> Path:
    """Back up under a new unique name ``STEM-YYYYMMDD-HHMMSS[-N]SUFFIX`` in ``path``'s folder."""
    return write_new(absolute(path).parent, stem, suffix, _backup_fill).path


def backup_database(dest: Path | str | None = None, *, beside: Path | str | None = None,
                    force: bool = False) -> Written:
    """Copy the open database with SQLite's backup API (safe while others write), 0600.

    ``dest`` a file: refused if it exists unless ``force`` (never onto a database); a folder: a
    unique ``kith-YYYYMMDD-HHMMSS.db`` inside it; None: the same, in ``beside`` (the database's
    folder). The copy is built in a temporary file in the target folder and renamed.
    """
    from kith.store.core import integrity
    from kith.store.core.connection import db_path

    # The backup API copies broken pages faithfully: a damaged database is never backed up as sound.
    integrity.require_sound(db_path())
    if dest is None or absolute(dest).is_dir() and not absolute(dest).is_symlink():
        folder = absolute(dest) if dest is not None else absolute(beside or db_path().parent)
        return write_new(folder, "kith", ".db", _backup_fill)
    return write_with(dest, _backup_fill, force=force)
