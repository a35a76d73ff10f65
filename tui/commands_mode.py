"""Provides the steady / job-search mode switch: palette commands and saving it to the config file."""

from __future__ import annotations

from pathlib import Path

from textual.command import DiscoveryHit, Hit, Hits, Provider

MODE_TITLES = {"steady": "Mode: steady (keep the network warm)",
               "job-search": "Mode: job search (tighter cadences, daily targets)"}


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
    """Write ``mode = "..."`` into the config file in force, keeping every other line and comment."""
    from kith.tui.config_write import set_config_value

    return set_config_value(config.path, ("mode",), mode)
