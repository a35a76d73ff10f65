"""Provides QuietLength: a scrolling widget whose new length repaints it without a layout of the screen.

A new virtual size asks Textual 8.2.8 for a layout of the whole screen; it runs after the frame the
key paints, and the scrollbar repaints after that: a filter's key, or ↓ to a mentor with another
ledger, painted three times. A list whose own size its CSS fixes needs no layout to change its
length, only its scrollbar's thumb, unless a scrollbar appears or goes.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive


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
