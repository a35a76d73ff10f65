"""The collector's full walks wait until the user pauses: Python starts none by itself, and the
app runs one after a second without a key, only if anything was allocated since the last; a key
held down for long still gets one now and then."""

from __future__ import annotations

import gc

import pytest

from kith.tui import collector
from kith.tui.collector import BUSY_LIMIT, IDLE_S, NEVER, IdleCollector


@pytest.fixture
def thresholds():
    kept = gc.get_threshold()
    yield
    gc.set_threshold(*kept)


def test_a_full_walk_waits_for_a_pause_and_for_something_to_walk(thresholds, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(collector, "monotonic", lambda: now[0])
    idle = IdleCollector()
    idle.start()
    assert gc.get_threshold()[2] == NEVER
    gc.collect()
    gc.collect(1)  # a young walk: something outlived it
    assert gc.get_count()[2] > 0
    now[0] += IDLE_S / 2
    assert idle.tick() is False  # typing still: nothing runs
    idle.saw_input()
    now[0] += IDLE_S - 0.01
    assert idle.tick() is False  # a key came less than a second ago
    now[0] += 0.02
    assert idle.tick() is True and gc.get_count()[2] == 0  # the pause: one full walk
    now[0] += IDLE_S
    assert idle.tick() is False  # nothing new to walk
    idle.saw_input()
    for _ in range(BUSY_LIMIT - 1):
        gc.collect(1)
    assert idle.tick() is False  # keys keep coming: it waits
    gc.collect(1)
    assert idle.tick() is True and gc.get_count()[2] == 0  # but not without end


async def test_a_key_tells_the_app_the_user_is_not_idle(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        before = app._collector._input_at
        await pilot.press("down")
        assert app._collector._input_at > before
