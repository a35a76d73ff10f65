"""The footer shows the screen's keys as they are after every keystroke, and rewrites itself only
when they change (not on every cursor move in a list)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from kith.tui.widgets.key_footer import KeyFooter

SIZE = (80, 24)


def _shown(app) -> list[tuple[str, str, bool]]:
    footer = app.screen.query_one(KeyFooter)
    return [(k.key, k.description, not k._disabled) for k in footer.query(FooterKey) if k.display]


def _expected(app) -> list[tuple[str, str, bool]]:
    first: dict[str, tuple[str, str, bool]] = {}  # one key per action, as Textual's footer shows
    for (_, b, enabled, _tip) in app.screen.active_bindings.values():
        if b.show:
            first.setdefault(b.action, (b.key, b.description, enabled))
    return list(first.values())


async def test_footer_follows_the_keys_and_rewrites_itself_only_on_a_change(make_app, demo_db, monkeypatch):
    rebuilds: list[int] = []
    recompose, in_place = KeyFooter.recompose, KeyFooter._show_in_place

    async def counting(self):
        rebuilds.append(1)
        return await recompose(self)

    def counting_in_place(self):
        rebuilds.append(1)
        return in_place(self)

    monkeypatch.setattr(KeyFooter, "recompose", counting)
    monkeypatch.setattr(KeyFooter, "_show_in_place", counting_in_place)
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
