"""Provides the steady / job-search mode switch: palette commands and saving it to the config file."""

from __future__ import annotations

import os
import re
from pathlib import Path

from textual.command import DiscoveryHit, Hit, Hits, Provider

MODE_TITLES = {"steady": "Mode: steady (keep the network warm)",
               "job-search": "Mode: job search (tighter cadences, daily targets)"}
_MODE_LINE = re.compile(r'^mode\s*=.*$', re.MULTILINE)
_FIRST_TABLE = re.compile(r"^\s*\[", re.MULTILINE)


class ModeCommands(Provider):
    """Command palette hits that switch the Today mode."""

    def _targets(self):
        current = self.app.config.mode
        return [(mode, title) for mode, title in MODE_TITLES.items() if mode != current]

    async def discover(self) -> Hits:
        for mode, title in self._targets():
            yield DiscoveryHit(title, lambda m=mode: self.screen.set_mode(m), help="Switch the Today mode and save it")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for mode, title in self._targets():
            score = max(matcher.match(title), matcher.match(f"switch {title}"))
            if score > 0:
                yield Hit(score, matcher.highlight(title), lambda m=mode: self.screen.set_mode(m),
                          help="Switch the Today mode and save it")


def save_mode(config, mode: str) -> Path:
    """Write ``mode = "..."`` into the config file in force, keeping every other line and comment.

    The file is replaced atomically (temporary file, fsync, rename) and stays owner-only.
    """
    from tui.config import config_path

    path = config.path or config_path()
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    line = f'mode = "{mode}"'
    first_table = _FIRST_TABLE.search(text)
    top = text[: first_table.start()] if first_table else text
    if _MODE_LINE.search(top):
        text = _MODE_LINE.sub(line, top, count=1) + text[len(top):]
    else:
        text = f"{line}\n{text}"  # top-level keys must come before the first [table]
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
