"""Provides set_config_value() and save_pace(): change one key of the user's config file safely.

Only the key's own line is changed (or added to its table), so comments and layout survive;
tomli-w formats the value. The result is checked with tomllib before it replaces the file, which
is written atomically and owner-only (store.files.write_atomic), never through a symbolic link.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import tomli_w

from kith.store.core.errors import StoreError
from kith.store.core.files import write_atomic
from kith.tui.config import ConfigError, config_path


def set_config_value(path: Path | None, keys: tuple[str, ...], value) -> Path:
    """Set ``keys`` (e.g. ``("brand", "words_per_minute")`` or ``("mode",)``) in the config at ``path``.

    ``path`` None means the config file in force (``$KITH_CONFIG`` or the platform's folder);
    a missing file is created. Returns the file written.

    Raises:
        ConfigError: the existing file is not valid TOML, or cannot be read.
    """
    path = Path(path).expanduser() if path else config_path()
    target = path  # never resolved: a link is refused by the writer, not followed
    text = ""
    if target.exists():
        try:
            text = target.read_text(encoding="utf-8")
            tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{target}: not valid TOML ({exc}); left unchanged") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{target}: cannot read ({exc}); left unchanged") from None
    new = _with_value(text, keys[:-1], keys[-1], value)
    check = tomllib.loads(new)
    for key in keys:
        check = check[key]
    if check != value:  # the line edit could not express it: fall back to a full rewrite
        data = tomllib.loads(text)
        table = data
        for key in keys[:-1]:
            table = table.setdefault(key, {})
        table[keys[-1]] = value
        new = tomli_w.dumps(data)
    try:
        write_atomic(target, new)
    except StoreError as exc:
        raise ConfigError(f"{exc}; the config was left unchanged") from None
    return target


def _with_value(text: str, tables: tuple[str, ...], key: str, value) -> str:
    line = tomli_w.dumps({key: value}).strip()
    header = re.compile(r"^\s*\[([^\]]+)\]\s*(#.*)?$")
    lines = text.splitlines()
    section = ".".join(tables)
    current, insert_at = "", (0 if not section else None)
    for i, raw in enumerate(lines):
        m = header.match(raw)
        if m:
            if current == section and insert_at is None:
                insert_at = i
            current = m.group(1).strip().replace('"', "")
            if current == section:
                insert_at = None
            continue
        if current == section and re.match(rf"^\s*{re.escape(key)}\s*=", raw):
            lines[i] = line
            return "\n".join(lines) + "\n"
        if current == section and raw.strip():
            insert_at = i + 1
    if section and current != section and insert_at is None and f"[{section}]" not in text:
        return text.rstrip("\n") + ("\n\n" if text.strip() else "") + f"[{section}]\n{line}\n"
    if insert_at is None:
        insert_at = len(lines)
    lines.insert(insert_at, line)
    return "\n".join(lines) + "\n"


def save_pace(path: Path | None, words_per_minute: int) -> Path:
    """Save ``brand.words_per_minute``; the value must be one load_config accepts (40 to 400)."""
    wpm = int(round(words_per_minute))
    if not 40 <= wpm <= 400:
        raise ConfigError(f"a pace of {wpm} words per minute is outside 40 to 400; not saved")
    return set_config_value(path, ("brand", "words_per_minute"), wpm)
