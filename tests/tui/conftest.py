"""Fixtures for pilot and snapshot tests: an app on a real database with a fixed clock."""

from __future__ import annotations

from datetime import datetime

import pytest

from kith.store.core import clock


def _share_parsed_css() -> None:
    """Every app a test process starts parses the same stylesheets: keep the parsed rules across
    apps, as one long-running app keeps them across screens (Textual's own cache is per app).

    The key holds everything the parse depends on: the CSS, where it was read from, its place in
    the cascade and the theme's variables. A stylesheet that fails to parse is never kept, so an
    error still fails every test that meets it.
    """
    from textual.css.stylesheet import Stylesheet

    parse_rules = Stylesheet._parse_rules
    parsed: dict = {}

    def shared_parse_rules(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        key = (tuple(sorted(self._variables.items())), css, read_from, is_default_rules, tie_breaker, scope)
        rules = parsed.get(key)
        if rules is None:
            rules = parsed[key] = parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        return rules

    Stylesheet._parse_rules = shared_parse_rules


_share_parsed_css()


def _settle_quickly() -> None:
    """Let a pilot wait for the app in 5 ms steps, not 20, and run animations as finished.

    After every key Textual's pilot waits until a whole step of its wait_for_idle passed with
    the app doing no work; with 20 ms steps most of a pilot test's time was spent asleep. A
    scroll that would have been animated ends where it would have ended (what users get with
    TEXTUAL_ANIMATIONS=none). Steps much shorter than 5 ms were measured to catch a screen
    between its work and its next refresh, so this is the floor.
    """
    import textual._wait
    import textual.constants

    textual._wait.SLEEP_GRANULARITY = 1 / 200
    textual._wait.SLEEP_IDLE = textual._wait.SLEEP_GRANULARITY / 20
    textual.constants.TEXTUAL_ANIMATIONS = "none"
    _wait_out_held_paints()


def _wait_out_held_paints() -> None:
    """Make a pilot's pause also wait while the app holds its paints.

    Switching to an area not yet built holds painting for 50 ms (Textual's delay_update), and
    what waits for the next paint (the area's focus, the footer's rebuild) runs after it. The app
    looks idle meanwhile, so on a fast or busy machine a test's next key landed inside the hold,
    before the focus had moved (seen in CI: keys meant for the Network list went elsewhere).
    """
    import asyncio

    from textual.pilot import Pilot

    pause = Pilot.pause

    async def pause_past_held_paints(self, delay: float | None = None) -> None:
        await pause(self, delay)
        if self.app._batch_count:
            for _ in range(100):  # at most half a second
                await asyncio.sleep(1 / 200)
                if not self.app._batch_count:
                    break
            await pause(self)

    Pilot.pause = pause_past_held_paints


_settle_quickly()


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch, fixed_today):
    """Every screen reads today from clock: pin it so snapshots never drift."""
    fixed = datetime(fixed_today.year, fixed_today.month, fixed_today.day, 9, 30)
    monkeypatch.setattr(clock, "now", lambda tz=None: fixed.astimezone())
    monkeypatch.setattr(clock, "today", lambda tz=None: fixed_today)


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch):
    """A blinking cursor is a timer: on a loaded machine a snapshot caught it in either phase.
    Keep every cursor visible (the blink itself is Textual's, not ours to test)."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    # Toasts live 3 s in the app; a loaded test machine can take longer than that between a
    # key and the assertion that reads the toast.
    from kith.tui.app import KithApp

    monkeypatch.setattr(KithApp, "NOTIFICATION_TIMEOUT", 60)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture
def config():
    """The default config, but with the weekly review on Sunday: the pinned day is a Monday (the
    default review day), and screens' snapshots should show what they test, not the review panel
    (tests/tui/test_weekly_review.py tests that on its day)."""
    from dataclasses import replace

    from kith.tui.config import Config

    base = Config()
    return replace(base, quality=replace(base.quality, weekly_review_day="sunday"))


@pytest.fixture
def make_app(db_file, config):
    """Build a KithApp on the test database: make_app(first_run=False, config=None)."""
    from kith.tui.app import KithApp

    def build(first_run: bool = False, cfg=None) -> KithApp:
        return KithApp(cfg or config, db_file, first_run=first_run)

    return build


_DEMO_COPIES: dict = {}
"""fixed_today -> the demo database built on that day, once per test process (copying it costs
a tenth of building it, most of which is waiting for the disk)."""


@pytest.fixture
def demo_db(db_file, fixed_today, tmp_path_factory):
    """The test database filled with the deterministic demo network as of fixed_today."""
    import shutil

    from kith.store.core.db import close_db, open_db
    from kith.store.demo import build_demo

    built = _DEMO_COPIES.get(fixed_today)
    if built is None:  # the first test to ask builds it here (the clock frozen), and keeps a copy
        build_demo(fixed_today)
    close_db()
    assert not db_file.with_name(db_file.name + "-wal").exists()  # closed cleanly: the file is whole
    if built is None:
        built = tmp_path_factory.mktemp("demo") / db_file.name
        shutil.copyfile(db_file, built)
        _DEMO_COPIES[fixed_today] = built
    else:  # the empty database db_file made, replaced by the same bytes as the first build
        shutil.copyfile(built, db_file)
    open_db(db_file)
    return db_file
