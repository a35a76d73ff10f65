"""The footer shows the screen's keys as they are after every keystroke, and rebuilds itself only
when they change (not on every cursor move in a list)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from kith.tui.widgets.key_footer import KeyFooter

SIZE = (80, 24)


def _shown(app) -> list[tuple[str, str, bool]]:
    footer = app.screen.query_one(KeyFooter)
    return [(k.key, k.description, not k._disabled) for k in footer.query(FooterKey)]


def _expected(app) -> list[tuple[str, str, bool]]:
    return [(b.key, b.description, enabled)
            for (_, b, enabled, _tip) in app.screen.active_bindings.values() if b.show]


async def test_footer_follows_the_keys_and_rebuilds_only_on_a_change(make_app, demo_db, monkeypatch):
    rebuilds: list[int] = []
    original = KeyFooter.recompose

    async def counting(self):
        rebuilds.append(1)
        return await original(self)

    monkeypatch.setattr(KeyFooter, "recompose", counting)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _shown(app) == _expected(app)
        changes, before = 0, _shown(app)
        rebuilds.clear()
        for key in ["down"] * 8 + ["2", "down", "down", "escape", "1"]:
            await pilot.press(key)
            await pilot.pause()  # past an area switch's paint hold too (tests/tui/conftest.py)
            now = _shown(app)
            assert now == _expected(app), key
            changes += now != before
            before = now
        # Eight moves in a list plus area switches: far fewer rebuilds than keys, none missed.
        assert changes <= len(rebuilds) < 13
