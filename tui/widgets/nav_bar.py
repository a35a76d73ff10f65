"""Provides NavBar: the top line naming the four areas, the active one highlighted."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

AREAS = (("1", "today", "Today"), ("2", "contacts", "Contacts"), ("3", "mentors", "Mentors"), ("4", "brand", "Brand"),
         ("5", "network", "Network"))


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

    def render(self) -> Content:
        active = self.area
        parts: list = [("kith ", "bold $accent")]
        for key, mode, title in AREAS:
            if mode == active:
                parts.append((f" {key} {title} ", "bold reverse $accent"))
            else:
                parts.append((f" {key} ", "bold $text"))
                parts.append((f"{title} ", ""))
        left = Content.assemble(*parts)
        right = Content.assemble(("/", "bold $text"), " search  ", ("?", "bold $text"), " help  ",
                                 ("^p", "bold $text"), " commands ")
        if left.cell_length + 1 + right.cell_length > self.size.width:
            right = Content.assemble(("/", "bold $text"), " ", ("?", "bold $text"), " ", ("^p", "bold $text"), " ")
        gap = max(1, self.size.width - left.cell_length - right.cell_length)
        return Content.assemble(left, " " * gap, right)
