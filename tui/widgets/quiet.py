"""Provides QuietLength and QuietStatic: widgets whose changes repaint them without a layout of the
screen, where their size does not change.

A new virtual size, or a Static's new text, asks Textual 8.2.8 for a layout of the whole screen; it
runs after the frame the key paints, and a scrollbar repaints after that: a filter's key, or ↓ to a
mentor with another ledger, painted three times. A widget whose own size its CSS fixes needs no
layout: a list changing its length only moves its scrollbar's thumb (unless a scrollbar appears or
goes), a line of fixed height only repaints.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.visual import VisualType
from textual.widgets import Static


class QuietLength:
    """Mix into a ScrollView (before it): its ``virtual_size`` repaints, and lays out only when a
    scrollbar appears or goes, or when its own size follows its length (``height: auto``)."""

    virtual_size = Reactive(Size(0, 0), layout=False)

    def watch_virtual_size(self, old: Size, new: Size) -> None:
        if not self.is_mounted:
            return
        if self.styles.auto_dimensions or self._overflows(old) != self._overflows(new):
            # Its size follows its length (height: auto), or a scrollbar appears or goes.
            self.refresh(layout=True)
        else:
            self._scroll_update(new)  # what the layout would do: the scrollbars' thumbs, at once

    def _overflows(self, size: Size) -> tuple[bool, bool]:
        """Whether ``size`` is taller, and wider (where the width may scroll), than the view."""
        region = self.scrollable_content_region
        return size.height > region.height, self.styles.overflow_x != "hidden" and size.width > region.width


class QuietStatic(Static):
    """A Static whose update lays the screen out only when its size follows its text (an ``auto``
    width or height); one whose CSS fixes its size only repaints."""

    def update(self, content: VisualType = "", *, layout: bool | None = None) -> None:
        super().update(content, layout=self.styles.auto_dimensions if layout is None else layout)
