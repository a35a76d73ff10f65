"""Pilot and snapshot tests of the Volunteering tab (Career, key 6): add an engagement, log hours,
log a person met (someone known, picked by fuzzy lookup, and someone added on the spot), undo,
type to filter; the contact page's shared engagements; 80x24 snapshots."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Input

from kith.store.people.contacts import create_contact, list_contacts
from kith.store.people.touches import list_touches
from kith.store.volunteering.engagements import add_engagement, list_engagements
from kith.store.volunteering.hours import list_hours
from kith.store.volunteering.met import list_met
from kith.tui.modals.career_form import CareerFormModal
from kith.tui.modals.meet import MeetModal
from kith.tui.screens.career import CareerScreen

SIZE = (80, 24)


async def _to_volunteering(pilot, app) -> CareerScreen:
    await pilot.press("6")
    await pilot.pause()
    for _ in range(3):
        await pilot.press("right_square_bracket")
        await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CareerScreen) and screen.tab == "volunteering"
    return screen


async def _type(pilot, field: Input, text: str) -> None:
    field.value = ""
    field.focus()
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause()


async def test_add_an_engagement_log_hours_and_people_met_then_undo(make_app, db_file, fixed_today):
    ada = create_contact("Ada Lovelace")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _to_volunteering(pilot, app)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CareerFormModal)
        await _type(pilot, form.query_one("#field-org", Input), "Code Club")
        await _type(pilot, form.query_one("#field-role", Input), "mentor")
        await _type(pilot, form.query_one("#field-from", Input), "-30")
        await _type(pilot, form.query_one("#field-used", Input), "Python")
        await pilot.press("enter")
        await pilot.pause()
        (e,) = list_engagements()
        assert (e.organisation, e.role, e.started, e.skills) == ("Code Club", "mentor",
                                                                 fixed_today - timedelta(days=30), (("Python", "used"),))
        assert screen.query_one("#volunteering-table", DataTable).row_count == 1

        await pilot.press("H")  # log hours
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CareerFormModal)
        await _type(pilot, form.query_one("#field-hours", Input), "2.5")
        await _type(pilot, form.query_one("#field-day", Input), "yesterday")
        await _type(pilot, form.query_one("#field-note", Input), "robots")
        await pilot.press("enter")
        await pilot.pause()
        assert [(h.day, h.minutes, h.note) for h in list_hours(e.id)] == [(fixed_today - timedelta(days=1), 150,
                                                                            "robots")]
        assert "2.5 h in all" in str(screen.query_one("#volunteering-head").render())

        await pilot.press("l")  # someone kith knows, found by a few letters
        await pilot.pause()
        assert isinstance(app.screen, MeetModal)
        await pilot.press(*"ada lov")
        await pilot.pause()
        await pilot.press("enter")  # picks the first match
        await pilot.pause()
        await pilot.press("enter")  # saves
        await pilot.pause()
        assert [m.contact_id for m in list_met(e.id)] == [ada.id]
        (touch,) = list_touches(ada.id)
        assert touch.kind == "event" and touch.note == "volunteering at Code Club (mentor)"

        await pilot.press("l")  # someone new, added on the spot
        await pilot.pause()
        modal = app.screen
        await pilot.press(*"Grace Hopper")
        await pilot.pause()
        assert "new contact: Grace Hopper" in str(modal.query_one("#who-hint").render())
        await _type(pilot, modal.query_one("#note", Input), "parent helper")
        await pilot.press("enter")
        await pilot.pause()
        assert sorted(c.name for c in list_contacts()) == ["Ada Lovelace", "Grace Hopper"]
        grace = next(c for c in list_contacts() if c.name == "Grace Hopper")
        assert grace.how_met == "volunteering at Code Club (mentor)"
        assert "Grace Hopper" in str(screen.query_one("#volunteering-detail").render())

        await pilot.press("u")  # undo: the meeting, its touch and the new person go
        await pilot.pause()
        assert [c.name for c in list_contacts()] == ["Ada Lovelace"]
        assert [m.contact_id for m in list_met(e.id)] == [ada.id]
        await pilot.press("u")
        await pilot.pause()
        assert list_met(e.id) == [] and list_touches(ada.id) == []


async def test_refused_hours_show_inline_and_nothing_is_written(make_app, db_file, fixed_today):
    e = add_engagement("Code Club", "mentor", fixed_today, started=fixed_today - timedelta(days=9))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _to_volunteering(pilot, app)
        await pilot.press("H")
        await pilot.pause()
        form = app.screen
        for bad, says in (("25", "more than a day holds"), ("-1", "cannot be negative")):
            await _type(pilot, form.query_one("#field-hours", Input), bad)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is form and says in str(form.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert list_hours(e.id) == []


async def test_typing_filters_engagements_and_keys_act_only_in_the_list(make_app, demo_db, fixed_today):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _to_volunteering(pilot, app)
        table = screen.query_one("#volunteering-table", DataTable)
        everyone = table.row_count
        assert everyone == len(list_engagements()) >= 3
        await pilot.press(*"food")  # holds o and d: nothing acts while typing
        await pilot.pause()
        assert screen.query_one("#volunteering-filter", Input).value == "food" and table.row_count == 1
        await pilot.press("down")
        await pilot.pause()
        assert isinstance(app.focused, DataTable)
        assert "Negotiation (learned)" in str(screen.query_one("#volunteering-detail").render())
        await pilot.press("x")  # already ended: ending again moves the end to today
        await pilot.pause()
        food = next(e for e in list_engagements() if "Food" in e.organisation)
        assert food.ended == fixed_today
        await pilot.press("u")
        await pilot.pause()
        assert next(e for e in list_engagements() if "Food" in e.organisation).ended < fixed_today


async def test_a_search_hit_opens_the_engagement(make_app, demo_db):
    from kith.tui.screens.search import SearchScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"volunteer driver")
        await pilot.pause(0.2)  # the search's debounce
        search = app.screen
        assert isinstance(search, SearchScreen)
        hit = search.results[list(search.results)[0]]
        assert hit.kind == "engagement" and "City Food Bank" in hit.title
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CareerScreen) and screen.tab == "volunteering"
        assert screen.engagement().id == hit.id


def _then(*keys: str):
    async def run_before(pilot) -> None:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
    return run_before


def test_snapshot_volunteering_tab(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("6", *["right_square_bracket"] * 3))


def test_snapshot_met_someone_modal(snap_compare, make_app, demo_db):
    keys = ("6", *["right_square_bracket"] * 3, "down", "l", *"ada")
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then(*keys))


def test_snapshot_contact_page_shared_engagement(snap_compare, make_app, demo_db):
    keys = ("2", *"kwame yilmaz", "down", "enter", "pagedown")  # the career section, below the fields
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then(*keys))


async def test_today_nudges_the_follow_up_and_logging_it_clears_the_nudge(make_app, db_file, fixed_today):
    from kith.tui.modals.log_touch import LogTouchModal
    from kith.tui.screens.today import TodayScreen

    ada = create_contact("Ada Lovelace")
    e = add_engagement("Code Club", "mentor", fixed_today, started=fixed_today - timedelta(days=30))
    from kith.store.volunteering.met import meet

    meet(e.id, fixed_today, contact_id=ada.id, day=fixed_today - timedelta(days=2))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        (item,) = screen.items
        assert item.source == "met" and item.contact_id == ada.id
        assert "met volunteering at Code Club (mentor) 2 d ago" in item.reason
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogTouchModal)
        await pilot.press("ctrl+s")
        await pilot.pause()
        kinds = [t.kind for t in list_touches(ada.id)]
        assert kinds == ["message", "event"]
        await pilot.press("1")
        await pilot.pause()
        assert [i for i in app.screen.items if i.source == "met"] == []


async def test_markup_and_escapes_in_an_engagement_stay_inert(make_app, db_file, fixed_today):
    from kith.store.volunteering.hours import log_hours
    from kith.store.volunteering.met import meet

    org = "[/] [@click=app.quit]Club[/]"
    e = add_engagement(org, "[b]mentor[/b]", fixed_today, note="[link=https://evil.example]x[/link]")
    log_hours(e.id, 1, fixed_today, note="[red]robots")
    meet(e.id, fixed_today, new_name="[/]Mallory")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _to_volunteering(pilot, app)
        detail = str(screen.query_one("#volunteering-detail").render())
        assert "[link=https://evil.example]x[/link]" in detail and "[red]robots" in detail and "[/]Mallory" in detail
        assert "\x1b" not in detail
        table = screen.query_one("#volunteering-table", DataTable)
        cells = [str(c) for c in table.get_row_at(0)]
        assert cells[1] == "[b]mentor[/b]" and cells[0].startswith("[/] [@click=app.qui")
        await pilot.press("H")
        await pilot.pause()
        assert isinstance(app.screen, CareerFormModal) and app.is_running
