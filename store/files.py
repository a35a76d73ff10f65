"""Provides write_atomic(): every file kith writes (exports, config) lands whole and owner-only."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from store.db import make_private_dir


def write_atomic(path: Path | str, data: str | bytes) -> Path:
    """Write ``data`` to ``path``: a 0600 temp file in the same folder, fsync, rename, fsync the folder.

    A crash leaves either the old file or the new one, never half of one. A symlink is written
    through to its target rather than replaced by a file.
    """
    path = Path(path).expanduser().absolute()
    if path.is_symlink():
        path = path.resolve()
    make_private_dir(path.parent)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(raw)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return path
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return path
