"""The conversation loop in the app: plan → prepare → brief → record → thank-you → nothing left,
each step checked in the store; snapshots of the plan form, the brief and the record dialog."""

from __future__ import annotations

from datetime import timedelta

import pytest

import kith.store.core.clock
from kith.store.conversations import thanks
from kith.store.conversations.plans import list_plans, plan_conversation
from kith.store.conversations.thanks import ThanksSettings, list_owed
from kith.store.people.contacts import create_contact, get_contact, list_contacts
from kith.store.people.followups import list_follow_ups
from kith.store.people.touches import list_touches
from kith.tui.modals.log_touch import LogTouchModal
from kith.tui.modals.plan_form import PlanFormModal
from kith.tui.modals.record_held import RecordModal
from kith.tui.screens.contact_detail import ContactDetailScreen
from kith.tui.screens.prep import PrepScreen
from kith.tui.screens.today import TodayScreen

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def default_thanks():
    thanks.configure(ThanksSettings())


def set_day(monkeypatch, day) -> None:
    monkeypatch.setattr(kith.store.core.clock, "today", lambda tz=None: day)


async def type_into(pilot, selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.press(*text)


async def test_the_whole_loop(make_app, db_file, fixed_today, monkeypatch):
    ada = create_contact("Ada Lovelace", company="Globex", tier="dormant")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        # Plan it from the person's page: p opens the brief, n the plan form (tomorrow by default).
        await pilot.press("2", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactDetailScreen)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen) and app.screen.brief.plan is None
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlanFormModal)
        await pilot.press(*"Learn how Globex hires")
        await type_into(pilot, "#offer", "my migration notes")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (plan,) = list_plans()
        tomorrow = fixed_today + timedelta(days=1)
        assert (plan.contact_id, plan.kind, plan.day, plan.purpose, plan.offer) == (
            ada.id, "informational interview", tomorrow, "Learn how Globex hires", "my migration notes")
        assert len(plan.questions) == 3

        # The day before, Today says "prepare", and p opens that plan's brief.
        await pilot.press("escape", "escape", "1")
        await pilot.pause()
        today = app.screen
        assert isinstance(today, TodayScreen)
        today.reload(force=True)
        assert [(i.source, i.ref_id) for i in today.items] == [("prepare", plan.id)]
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen) and app.screen.brief.plan.id == plan.id
        assert "Learn how Globex hires" in str(app.screen.query_one("#brief").render())
        await pilot.press("escape")

        # On the day: record it with two referrals and a next step.
        set_day(monkeypatch, tomorrow)
        today.reload(force=True)
        assert [i.source for i in today.items] == ["conversation"]
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, RecordModal)
        await pilot.press(*"clear stories")
        await type_into(pilot, "#referrals", "Carol King, Dan Brown")
        await type_into(pilot, "#next", "send the CV")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        assert list_plans() == [] and list_plans(include_all=True)[0].state == "held"
        # The interview itself; each referral is also an introduction, logged as its own touch.
        (touch,) = [t for t in list_touches(ada.id) if t.kind != "introduction"]
        assert touch.kind == "informational interview" and "clear stories" in touch.note
        referred = {c.name: c for c in list_contacts() if c.name in ("Carol King", "Dan Brown")}
        assert set(referred) == {"Carol King", "Dan Brown"}
        assert all(get_contact(c.id).introduced_by_id == ada.id for c in referred.values())
        assert [f.what for f in list_follow_ups(ada.id) if not f.done and "CV" in f.what] == ["send the CV"]
        (owed,) = list_owed()
        assert (owed.contact_id, owed.due) == (ada.id, tomorrow + timedelta(days=1))

        # The next day the thank-you is due: l (kind thank-you, by default) and Enter close it.
        await pilot.press("escape")
        set_day(monkeypatch, tomorrow + timedelta(days=1))
        today.reload(force=True)
        assert [i.source for i in today.items] == ["thank-you"]
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogTouchModal) and app.screen.kind == "thank-you"
        await pilot.press(*"by email", "enter")
        await pilot.pause()
        assert list_owed() == []
        assert list_touches(ada.id)[0].kind == "thank-you"
        assert today.items == []


async def test_a_refused_plan_shows_inline_and_keeps_the_form(make_app, db_file, fixed_today):
    create_contact("Ada Lovelace")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "down", "enter", "p", "n")
        await pilot.pause()
        await pilot.press("ctrl+s")  # an informational interview without a purpose
        await pilot.pause()
        assert isinstance(app.screen, PlanFormModal)
        assert "needs a purpose" in str(app.screen.query_one("#error").render())
        assert list_plans(include_all=True) == []


def _brief_app(make_app, fixed_today):
    ada = create_contact("Ada Lovelace", company="Globex", role="CTO", how_met="PyCon hallway")
    create_contact("Grace Hopper", company="Globex")
    plan_conversation(ada.id, fixed_today + timedelta(days=1), today=fixed_today, at="10:00",
                      purpose="Learn how the platform team hires", objectives=["Ask for two names"],
                      points=["The migration I led"], offer="Share my notes on the migration")
    return make_app()


async def _keys(pilot, *keys):
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def test_snapshot_plan_form(snap_compare, make_app, db_file, fixed_today):
    create_contact("Ada Lovelace")
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=lambda p: _keys(p, "2", "down", "enter", "p", "n"))


def test_snapshot_prep_brief(snap_compare, make_app, db_file, fixed_today):
    from kith.store.career.goals import add_goal

    add_goal("A staff role on a platform team", fixed_today)
    add_goal("Two referrals from Globex by April", fixed_today - timedelta(days=3))
    assert snap_compare(_brief_app(make_app, fixed_today), terminal_size=SIZE, run_before=lambda p: _keys(p, "p"))


def test_snapshot_record_dialog(snap_compare, make_app, db_file, fixed_today):
    assert snap_compare(_brief_app(make_app, fixed_today), terminal_size=SIZE,
                        run_before=lambda p: _keys(p, "p", "h"))


async def test_hostile_text_in_the_brief_is_shown_literally(make_app, db_file, fixed_today):
    bad = "[/] [@click=app.quit]x[/] \x1b]52;c;AAAA\x07"
    ada = create_contact(f"Ada {bad}", company=bad, how_met=bad)
    plan_conversation(ada.id, fixed_today, today=fixed_today, purpose=bad, objectives=[bad], offer=bad)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PrepScreen)
        shown = str(app.screen.query_one("#brief").render())
        assert "[@click=app.quit]x[/]" in shown and "\x1b" not in shown
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, RecordModal)
