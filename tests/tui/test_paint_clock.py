"""The full-screen app asks Textual for a faster paint clock, unless the user chose one."""

from __future__ import annotations

from kith.tui.cli.main import PAINT_FPS, set_paint_clock


def test_the_app_paints_at_240_a_second_unless_textual_fps_is_set():
    chosen: dict[str, str] = {}
    set_paint_clock(chosen)
    assert chosen == {"TEXTUAL_FPS": PAINT_FPS} and int(PAINT_FPS) == 240
    mine = {"TEXTUAL_FPS": "30"}
    set_paint_clock(mine)
    assert mine == {"TEXTUAL_FPS": "30"}  # the user's own choice stays
