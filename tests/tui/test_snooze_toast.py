"""The Today screen's snooze toast names the item it hid, not just the person."""

from __future__ import annotations

from datetime import timedelta

from kith.tui.format import SNOOZED_ITEM
from kith.tui.screens.today import day_label

SIZE = (80, 24)


async def test_the_toast_says_whose_which_item_until_when(make_app, demo_db, fixed_today):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        item = app.screen.current_item()
        await pilot.press("s", "3")
        await pilot.pause()
        until = day_label(fixed_today + timedelta(days=3))
        wanted = f"Snoozed {item.contact_name}'s {SNOOZED_ITEM.get(item.source, item.source)} until {until}."
        messages = [str(n.message) for n in app._notifications]
        assert wanted in messages, messages
