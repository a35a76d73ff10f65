"""The footer shows the screen's keys as they are after every keystroke (each action once, a key
that does not apply now dimmed), and repaints only when they change, not on every cursor move."""

from __future__ import annotations

from rich.style import Style

from kith.tui.widgets.key_footer import KeyFooter

SIZE = (80, 24)


def _expected(app) -> list[tuple[str, bool]]:
    first: dict[str, tuple[str, bool]] = {}  # one key per action, as Textual's footer shows them
    for (_, b, enabled, _tip) in app.screen.active_bindings.values():
        if b.show:
            first.setdefault(b.action, (f"{app.get_key_display(b)} {b.description}".strip(), enabled))
    return list(first.values())


def _drawn(app) -> list[tuple[str, bool]]:
    """Each key as the footer's line draws it, and whether it is drawn undimmed."""
    footer = app.screen.query_one(KeyFooter)
    line = footer.render()
    dimmed = {span.start for span in line.spans if isinstance(span.style, Style) and span.style.dim}
    return [(line.plain[start:end], start not in dimmed) for start, end, _entry in footer._spans]


async def test_footer_follows_the_keys_and_repaints_only_on_a_change(make_app, demo_db, monkeypatch):
    paints: list[int] = []
    render = KeyFooter.render

    def counting(self):
        paints.append(1)
        return render(self)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _drawn(app) == _expected(app)
        monkeypatch.setattr(KeyFooter, "render", counting)
        changes, before = 0, _expected(app)
        for key in ["down"] * 8 + ["2", "down", "down", "escape", "1"]:
            await pilot.press(key)
            await pilot.pause()  # past an area switch's paint hold too (tests/tui/conftest.py)
            now = _expected(app)
            assert _drawn(app) == now, key
            changes += now != before
            before = now
        paints_seen = len(paints) - 13  # _drawn renders once per key itself
        # Eight moves in a list plus area switches: far fewer paints than keys, none missed.
        assert changes <= paints_seen < 13


async def test_a_key_that_does_not_apply_is_dimmed_and_a_click_presses_a_key(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        footer.render()
        start = next(start for start, _end, entry in footer._spans if entry.key == "question_mark")
        await pilot.click(KeyFooter, offset=(start, 0))
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpModal"


async def test_a_key_that_does_not_apply_yet_is_drawn_dimmed(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "r")  # a rehearsal: no pace to save before one has run
        await pilot.pause()
        drawn = _drawn(app)
        assert drawn == _expected(app)
        assert ("p Save pace", False) in drawn and ("space Start/stop", True) in drawn


async def test_keys_remapped_in_the_config_show_from_the_first_paint(make_app, demo_db):
    from kith.tui.config import Config

    app = make_app(cfg=Config(keys={"today-log": "t"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        drawn = [text for text, _enabled in _drawn(app)]
        assert drawn == [text for text, _enabled in _expected(app)]
        assert "t Log" in drawn and "l Log" not in drawn


async def test_too_many_keys_for_the_width_are_cut_at_the_edge_not_at_a_word(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(50, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        line = footer.render().plain
        assert len(line) > 50  # Today's keys need more than 50 columns
        assert footer.render_line(0).text == line[:50]
