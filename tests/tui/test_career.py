"""Pilot and snapshot tests of the Career area (key 6): add a skill, learning that feeds it, two
income streams and their share; filter as you type; Today's keys on an item about no one."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from kith.store.career.income import list_streams, summary
from kith.store.career.learning import add_learning, list_learning
from kith.store.career.skills import list_skills
from kith.tui.modals.career_form import CareerFormModal
from kith.tui.screens.career import CareerScreen

SIZE = (80, 24)


async def _fill(pilot, app, values: dict) -> None:
    """Type into the open form's fields (clearing the defaults) and press Enter."""
    form = app.screen
    assert isinstance(form, CareerFormModal)
    for key, value in values.items():
        field = form.query_one(f"#field-{key}")
        field.value = ""
        field.focus()
        await pilot.pause()
        await pilot.press(*value)
    await pilot.press("enter")
    await pilot.pause()


def _rows(app, tab: str) -> int:
    return app.screen.query_one(f"#{tab}-table", DataTable).row_count


async def test_add_skill_learning_and_two_income_streams_then_see_the_share(make_app, db_file, fixed_today):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("6")
        await pilot.pause()
        assert isinstance(app.screen, CareerScreen)
        await pilot.press("n")
        await _fill(pilot, app, {"name": "Rust", "depth": "3", "used": "2026-02", "emerging": "y"})
        (skill,) = list_skills(fixed_today)
        assert (skill.name, skill.depth, skill.last_used, skill.emerging) == ("Rust", 3, "2026-02", True)
        assert skill.needs_learning and _rows(app, "skills") == 1

        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen.tab == "learning"
        await pilot.press("n")
        await _fill(pilot, app, {"title": "Rust in Action", "kind": "book", "skills": "rust", "status": "doing"})
        (item,) = list_learning()
        assert item.skills == ("Rust",) and item.status == "doing" and item.started == fixed_today
        assert not list_skills(fixed_today)[0].needs_learning  # the learning feeds it now

        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen.tab == "income"
        await pilot.press("n")
        await _fill(pilot, app, {"name": "Salary", "kind": "salary", "monthly": "4500"})
        await pilot.press("n")
        await _fill(pilot, app, {"name": "Teaching", "kind": "teaching", "monthly": "500.00"})
        assert [s.name for s in list_streams()] == ["Salary", "Teaching"]
        assert summary(fixed_today).largest_share == 90
        head = str(app.screen.query_one("#income-head").render())
        assert "5,000.00 EUR/month" in head and "largest 90.0% (over 80%)" in head and "2 of 3 streams" in head
        assert "90.0%" in str(app.screen.query_one("#shares").render())
        assert _rows(app, "income") == 2


async def test_a_refused_value_shows_inline_and_the_form_stays_open(make_app, db_file, fixed_today):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "right_square_bracket", "right_square_bracket", "n")
        await pilot.pause()
        await _fill(pilot, app, {"name": "Salary", "monthly": "-5"})
        assert isinstance(app.screen, CareerFormModal)
        assert "cannot be negative" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert list_streams() == []


async def test_typing_filters_the_list_and_action_letters_never_act_while_typing(make_app, demo_db, fixed_today):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        await pilot.pause()
        everyone = _rows(app, "skills")
        assert everyone == len(list_skills(fixed_today)) > 5
        await pilot.press(*"kubernetes")  # holds n, u, e: letters that act in the list
        await pilot.pause()
        assert app.screen.query_one("#skills-filter").value == "kubernetes"
        assert _rows(app, "skills") == 1 and not isinstance(app.screen, CareerFormModal)
        await pilot.press("down")  # into the list, where the keys act
        await pilot.pause()
        assert isinstance(app.focused, DataTable)
        await pilot.press("w")
        await pilot.pause()
        kube = next(s for s in list_skills(fixed_today) if s.name == "Kubernetes")
        assert kube.last_used == f"{fixed_today.year}-{fixed_today.month:02d}" and not kube.stale
        await pilot.press("escape")  # in the list: clears the filter
        await pilot.pause()
        assert _rows(app, "skills") == everyone


async def test_today_keys_on_an_item_about_no_one(make_app, db_file, fixed_today):
    from kith.store.today.queue import build_queue
    from kith.tui.screens.today import TodayScreen
    from kith.tui.settings import context_for

    add_learning("CKA", fixed_today, kind="certification", status="done", expires=fixed_today + timedelta(days=20))
    # The certification source shows on one weekday: find it and open the app on that day.
    day = next(fixed_today + timedelta(days=n) for n in range(7)
               if any(i.source == "certification" for i in build_queue(context_for(make_app().config,
                                                                                    fixed_today + timedelta(days=n)))))
    app = make_app()
    app.today = lambda: day
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        (item,) = screen.items
        assert item.contact_id is None and "certification expires" in item.reason
        for key in ("l", "f", "s"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen  # no modal for nobody
        told = [str(n.message) for n in app._notifications]
        assert any("about no one" in m for m in told) and any("sources_off" in m for m in told)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CareerScreen)


def _then(*keys: str):
    async def run_before(pilot) -> None:
        for key in ("6", *keys):
            await pilot.press(key)
            await pilot.pause()
    return run_before


def test_snapshot_career_skills(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then())


def test_snapshot_career_learning(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("right_square_bracket"))


def test_snapshot_career_income(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE,
                        run_before=_then("right_square_bracket", "right_square_bracket"))


def test_snapshot_career_new_skill_form(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_then("n"))


async def test_tab_keys_in_one_burst_end_in_the_last_tabs_list(make_app, demo_db):
    from textual import events

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        await pilot.pause()
        screen = app.screen
        for _ in range(5):  # typed ahead: all five arrive before the first tab has been shown
            app.post_message(events.Key("right_square_bracket", "]"))
        app.post_message(events.Key("n", "n"))
        await pilot.pause()
        await pilot.pause()
        assert screen.tab == "learning"  # skills -> learning -> income -> volunteering -> skills -> learning
        assert isinstance(app.screen, CareerFormModal)  # n opened the form: it was not typed into a filter
