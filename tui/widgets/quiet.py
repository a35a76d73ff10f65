"""Provides QuietLength and QuietStatic: widgets whose changes repaint them without a layout of the
screen, where their size does not change, in the frame the key that changed them paints.

A new virtual size, or a Static's new text, asks Textual 8.2.8 for a layout of the whole screen; it
runs after the frame the key paints, and a scrollbar repaints after that: a filter's key, or ↓ to a
mentor with another ledger, painted three times. A widget whose own size its CSS fixes needs no
layout: a list changing its length only moves its scrollbar's thumb (unless a scrollbar appears or
goes), a line of fixed height only repaints. A LineList's new rows (and a line made ``at_once``)
are passed to the screen at once (``repaint_in_next_frame``): they join the key's frame.
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
        if self.styles.auto_dimensions or self._scrollbar_comes_or_goes(old, new):
            # Its size follows its length (height: auto), or a scrollbar appears or goes.
            self.refresh(layout=True)
        else:
            self._scroll_update(new)  # what the layout would do: the scrollbars' thumbs, at once

    def repaint_in_next_frame(self) -> None:
        """The list and its scrollbar (whose thumb follows the length) in the screen's next frame."""
        self.refresh()
        repaint_in_next_frame(self)
        if self.show_vertical_scrollbar:
            repaint_in_next_frame(self.vertical_scrollbar)

    def _scrollbar_comes_or_goes(self, old: Size, new: Size) -> bool:
        """Whether a scrollbar shown only while the rows overflow (``overflow: auto``) appears or goes."""
        region = self.scrollable_content_region
        styles = self.styles
        return ((styles.overflow_y == "auto" and (old.height > region.height) != (new.height > region.height))
                or (styles.overflow_x == "auto" and (old.width > region.width) != (new.width > region.width)))


class QuietStatic(Static):
    """A Static whose update lays the screen out only when its size follows its text (an ``auto``
    width or height); one whose CSS fixes its size only repaints.

    ``at_once``: an update joins the screen's next frame, as the LineList the line describes. Not
    beside a widget that draws later (a DataTable works its rows out when it idles): the line would
    then show a frame before what it describes.
    """

    def __init__(self, *args, at_once: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.at_once = at_once

    def update(self, content: VisualType = "", *, layout: bool | None = None) -> None:
        super().update(content, layout=self.styles.auto_dimensions if layout is None else layout)
        if self.at_once:
            repaint_in_next_frame(self)


def repaint_in_next_frame(widget) -> None:
    """Pass what ``widget`` must redraw (a repaint, a layout) to its screen now, for its next frame.

    Textual 8.2.8 passes a widget's refresh to its screen from the widget's own message queue, which
    runs only after the handler that changed it returns. By then the screen had drawn the typed key
    (the search field), so the new rows came a paint-clock tick later, in a frame of their own, and
    a scrollbar that appeared in a third.
    """
    if widget.is_mounted:
        widget._check_refresh()  # what the widget's queue does when it next idles
