"""Provides set_config_value() and save_pace(): change one key of the user's config file safely.

The file is read with tomllib, the key updated, and the whole document written back with
tomli-w (every other key and table is kept; comments are not, as tomli-w cannot keep them).
The write is atomic: a 0600 temporary file in the same folder, fsync, then os.replace.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import tomli_w

from tui.config import ConfigError, config_path


def set_config_value(path: Path | None, keys: tuple[str, ...], value) -> Path:
    """Set ``keys`` (e.g. ``("brand", "words_per_minute")``) to ``value`` in the config at ``path``.

    ``path`` None means the config file in force (``$KITH_CONFIG`` or the platform's folder);
    a missing file is created. Returns the file written.

    Raises:
        ConfigError: the existing file is not valid TOML, or a key on the way is not a table.
    """
    path = Path(path).expanduser() if path else config_path()
    # Write through a symlink to its target rather than replacing the link with a file.
    target = path.resolve() if path.is_symlink() else path
    data: dict = {}
    if target.exists():
        try:
            data = tomllib.loads(target.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{target}: not valid TOML ({exc}); left unchanged") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{target}: cannot read ({exc}); left unchanged") from None
    table = data
    for key in keys[:-1]:
        table = table.setdefault(key, {})
        if not isinstance(table, dict):
            raise ConfigError(f"{target}: {key} is not a table; left unchanged")
    table[keys[-1]] = value
    _write_atomically(target, tomli_w.dumps(data).encode("utf-8"))
    return target


def save_pace(path: Path | None, words_per_minute: int) -> Path:
    """Save ``brand.words_per_minute``; the value must be one load_config accepts (40 to 400)."""
    wpm = int(round(words_per_minute))
    if not 40 <= wpm <= 400:
        raise ConfigError(f"a pace of {wpm} words per minute is outside 40 to 400; not saved")
    return set_config_value(path, ("brand", "words_per_minute"), wpm)


def _write_atomically(target: Path, data: bytes) -> None:
    folder = target.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    tmp = folder / f".{target.name}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # the umask may have loosened the mode
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
