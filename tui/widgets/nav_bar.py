"""Provides NavBar: the top line naming the four areas, the active one highlighted."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

AREAS = (("1", "today", "Today"), ("2", "contacts", "Contacts"), ("3", "mentors", "Mentors"), ("4", "brand", "Brand"),
         ("5", "network", "Network"), ("6", "career", "Career"))


class NavBar(Static):
    """Shows ``kith  1 Today  2 Contacts  3 Mentors  4 Brand    / search  ? help  ^p commands``."""

    DEFAULT_CSS = """
    NavBar {
        height: 1;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, active: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.active = active

    @property
    def area(self) -> str:
        """The area on screen: a page opened from Today (a contact) belongs to Today, not to Contacts."""
        mode = self.app.current_mode
        return mode if any(mode == m for _, m, _ in AREAS) else self.active

    def _left(self, areas, active: str) -> Content:
        parts: list = [("kith ", "bold $accent")]
        for key, mode, title in areas:
            if mode == active:
                parts.append((f" {key} {title} ", "bold reverse $accent"))
            else:
                parts.append((f" {key} ", "bold $text"))
                parts.append((f"{title} ", ""))
        return Content.assemble(*parts)

    def render(self) -> Content:
        active = self.area
        right = Content.assemble(("/", "bold $text"), " search  ", ("?", "bold $text"), " help  ",
                                 ("^p", "bold $text"), " commands ")
        short = Content.assemble(("/", "bold $text"), " ", ("?", "bold $text"), " ", ("^p", "bold $text"), " ")
        width = self.size.width
        # Narrow (80 columns): short hints first; then the first four areas and the active one
        # (the other keys are in help and ctrl+p).
        few = [a for n, a in enumerate(AREAS) if n < 4 or a[1] == active]
        for areas, hints in ((AREAS, right), (AREAS, short), (few, right), (few, short)):
            left = self._left(areas, active)
            if left.cell_length + 1 + hints.cell_length <= width:
                break
        right = hints
        gap = max(1, width - left.cell_length - right.cell_length)
        return Content.assemble(left, " " * gap, right)
