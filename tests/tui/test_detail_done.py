"""x on a contact's page marks done only a follow-up the user can see or has picked."""

from __future__ import annotations

from datetime import timedelta

from kith.store.people.contacts import create_contact
from kith.store.people.followups import add_follow_up, list_follow_ups
from kith.tui.flows.edit_logged import FollowUpList
from tests.tui.test_contacts import open_detail

SIZE = (80, 24)
TALL = (80, 40)


def _done(contact_id: int) -> set[str]:
    return {f.what for f in list_follow_ups(contact_id) if f.done}


def _toasts(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_x_with_the_follow_ups_below_the_fold_asks_to_pick_one(make_app, db, fixed_today):
    # Long notes push the follow-ups below the fold at 80x24.
    c = create_contact("Grace", notes="\n".join(f"line {i}" for i in range(40)))
    add_follow_up(c.id, fixed_today + timedelta(days=1), "Book the coffee")
    add_follow_up(c.id, fixed_today + timedelta(days=2), "Send the deck")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_detail(pilot, c.id)
        assert not screen.query_one(FollowUpList).rows_on_screen(screen.query_one("#body").content_region)
        await pilot.press("x")
        await pilot.pause()
        assert _done(c.id) == set()
        assert "Tab to the follow-ups, then x" in _toasts(app)

        screen.query_one(FollowUpList).focus()
        await pilot.press("down", "x")
        await pilot.pause()
        assert _done(c.id) == {"Send the deck"}  # the highlighted one, not the first


async def test_x_acts_on_the_one_open_follow_up_in_view(make_app, db, fixed_today):
    c = create_contact("Ada")
    add_follow_up(c.id, fixed_today + timedelta(days=1), "Book the coffee")
    app = make_app()
    async with app.run_test(size=TALL, notifications=True) as pilot:  # the follow-ups fit on the page
        await open_detail(pilot, c.id)
        await pilot.press("x")
        await pilot.pause()
        assert _done(c.id) == {"Book the coffee"}


async def test_x_with_two_open_follow_ups_in_view_asks_to_pick_one(make_app, db, fixed_today):
    c = create_contact("Ada")
    add_follow_up(c.id, fixed_today + timedelta(days=1), "Book the coffee")
    add_follow_up(c.id, fixed_today + timedelta(days=2), "Send the deck")
    app = make_app()
    async with app.run_test(size=TALL, notifications=True) as pilot:
        await open_detail(pilot, c.id)
        await pilot.press("x")
        await pilot.pause()
        assert _done(c.id) == set()
        assert "Tab to the follow-ups, then x" in _toasts(app)
