"""Today opens with the past week on the weekly-review day (a frozen Monday here), not on other days;
``w`` puts it away for the day (in the store, so a restart keeps it away) and brings it back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from kith.store.core import clock
from kith.store.quality import weekly
from kith.tui.screens.today import TodayScreen

SIZE = (80, 24)


def review_on(config, day: str):
    return replace(config, quality=replace(config.quality, weekly_review_day=day))


def panel_text(app) -> str:
    return str(app.screen.query_one("#weekly-review").render())


def shown(app) -> bool:
    panel = app.screen.query_one("#weekly-review")
    return panel.display and panel.region.height > 0


async def test_on_the_review_day_today_opens_with_the_past_week(make_app, demo_db, config, fixed_today):
    assert fixed_today.weekday() == 0  # the frozen clock is a Monday
    app = make_app(cfg=review_on(config, "monday"))
    week = weekly.past_week(fixed_today, 0, config.quality.week_streak_touches)
    assert (week.start, week.end) == (date(2026, 3, 9), date(2026, 3, 15)) and week.touches > 0
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TodayScreen) and shown(app)
        text = panel_text(app)
        assert "Weekly review · last week, 9–15 Mar" in text
        for figure in (f"{week.touches} touches", f"{week.conversations} conversation",
                       f"introductions {week.introductions_made} made, {week.introductions_received} received",
                       f"{week.new_people} new", f"{week.commitments_kept} commitment", f"{week.pitches_rehearsed} pitch",
                       f"streak: {week.streak} week"):
            assert figure in text, figure
        queue = app.screen.query_one("#queue")
        assert queue.display and queue.region.height >= 10  # the queue stays in view at 80x24
        assert queue.region.y > app.screen.query_one("#weekly-review").region.y  # the review comes first

        await pilot.press("w")
        await pilot.pause()
        assert weekly.dismissed(fixed_today) and not shown(app)
    async with make_app(cfg=review_on(config, "monday")).run_test(size=SIZE) as pilot:
        app = pilot.app
        assert not shown(app)  # put away for the day, even after a restart
        await pilot.press("w")
        await pilot.pause()
        assert not weekly.dismissed(fixed_today) and shown(app)


async def test_on_another_day_the_review_waits_for_w(make_app, demo_db, config, fixed_today, monkeypatch):
    tuesday = fixed_today + timedelta(days=1)
    monkeypatch.setattr(clock, "today", lambda tz=None: tuesday)
    monkeypatch.setattr(clock, "now", lambda tz=None: datetime(2026, 3, 17, 9, 30).astimezone())
    app = make_app(cfg=review_on(config, "monday"))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TodayScreen) and not shown(app)
        await pilot.press("w")  # asked for: the last whole week (Monday to Sunday)
        await pilot.pause()
        assert shown(app) and "last week, 9–15 Mar" in panel_text(app)
        assert not weekly.dismissed(tuesday)
        await pilot.press("w")
        await pilot.pause()
        assert not shown(app)


@pytest.mark.parametrize("day", ["sunday", "friday"])
async def test_only_the_configured_day_opens_with_it(make_app, demo_db, config, day):
    app = make_app(cfg=review_on(config, day))  # the frozen Monday is not that day
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, TodayScreen) and not shown(app)


def test_snapshot_weekly_review_80x24(snap_compare, make_app, demo_db, config):
    assert snap_compare(make_app(cfg=review_on(config, "monday")), terminal_size=SIZE)
