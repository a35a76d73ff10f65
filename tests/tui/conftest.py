"""Fixtures for pilot and snapshot tests: an app on a real database with a fixed clock."""

from __future__ import annotations

from datetime import datetime

import pytest

from kith.store.core import clock


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


@pytest.fixture
def demo_db(db_file, fixed_today):
    """The test database filled with the deterministic demo network as of fixed_today."""
    from kith.store.demo import build_demo

    build_demo(fixed_today)
    return db_file
