"""Provides set_virtual_height: give a line-drawn list its new length without a layout of the screen.

A new virtual size asks Textual 8.2.8 for a layout of the whole screen, run after the frame the key
paints, then a repaint of the scrollbar after that: a filter's key painted three times. A list
whose own size is fixed by its CSS needs no layout to change its length, only its scrollbar's
thumb, unless the scrollbar appears or goes.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


def set_virtual_height(view: ScrollView, lines: int) -> None:
    """Make ``view`` ``lines`` long (its width: the width it draws in)."""
    region = view.scrollable_content_region
    size = Size(region.width, lines)
    if view.is_mounted and (lines > region.height) == (view.virtual_size.height > region.height):
        view.set_reactive(ScrollView.virtual_size, size)
        view._scroll_update(size)  # what the layout would do for the scrollbar: its thumb, at once
    else:
        view.virtual_size = size
