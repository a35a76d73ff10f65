"""Pilot and snapshot tests of the Mentors area: keys pressed, then what the store holds."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from kith.store.mentors import value as m
from kith.store.people.contacts import create_contact
from kith.tui.modals.check_in import CheckInModal
from kith.tui.modals.roles import RolesModal
from kith.tui.modals.value_entry import ValueEntryModal
from kith.tui.screens.mentors import MentorsScreen

SIZE = (80, 24)


async def open_mentors(pilot) -> MentorsScreen:
    await pilot.press("3")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MentorsScreen)
    return pilot.app.screen


async def select(pilot, screen: MentorsScreen, contact_id: int) -> None:
    index = [r.contact_id for r in screen.rows].index(contact_id)
    screen.query_one("#mentor-table", DataTable).move_cursor(row=index, animate=False)
    await pilot.pause()
    assert screen.selected_id == contact_id


def ledger_rows(screen: MentorsScreen) -> int:
    return screen.query_one("#ledger", DataTable).row_count


async def test_list_shows_every_mentor_with_balances(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_mentors(pilot)
        rows = m.list_mentors()
        assert [r.contact_id for r in screen.rows] == [r.contact_id for r in rows]
        table = screen.query_one("#mentor-table", DataTable)
        first = table.get_row_at(0)
        assert str(first[0]) == rows[0].name and str(first[4]) == f"{rows[0].balance:+d}"
        assert ledger_rows(screen) == len(m.list_values(rows[0].contact_id))


async def test_add_value_both_ways_and_a_check_in(make_app, demo_db, fixed_today):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_mentors(pilot)
        mentor = next(r for r in screen.rows if r.roles == ("mentor",))
        await select(pilot, screen, mentor.contact_id)
        before = len(m.list_values(mentor.contact_id))

        await pilot.press("v")
        assert isinstance(app.screen, ValueEntryModal)
        await pilot.press(*"intro", "tab", *"Met the Globex lead", "enter")  # a prefix is enough
        await pilot.pause()
        entry = m.list_values(mentor.contact_id)[0]
        assert (entry.direction, entry.category, entry.note, entry.date) == (
            "received", "introduction", "Met the Globex lead", fixed_today)

        await pilot.press("g")
        assert isinstance(app.screen, ValueEntryModal)
        await pilot.press("tab", *"Thank-you note", "tab", *"-2", "enter")
        await pilot.pause()
        entries = m.list_values(mentor.contact_id)
        assert len(entries) == before + 2
        given = m.list_values(mentor.contact_id, direction="given")[0]
        assert (given.category, given.note, given.date) == ("gratitude", "Thank-you note", fixed_today - timedelta(days=2))
        assert ledger_rows(screen) == before + 2

        partner = next(p for p in m.list_partners() if p.open_commitments)
        open_before = partner.open_commitments
        await select(pilot, screen, partner.contact_id)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInModal)
        await pilot.press("y", "down", "n", "enter")  # first kept, second missed, on to the answers
        await pilot.press(*"steady outreach", "enter", "enter", *"an ex-colleague", "enter")
        await pilot.press(*"send 5 messages; draft pitch", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, CheckInModal)
        latest = m.list_check_ins(partner.contact_id)[0]
        assert latest.date == fixed_today
        assert latest.answers == (("What am I doing well?", "steady outreach"),
                                  ("Who should I talk to?", "an ex-colleague"))
        assert [c.what for c in latest.commitments] == ["send 5 messages", "draft pitch"]
        assert [(c.id, c.outcome) for c in latest.reviewed] == [(open_before[0].id, "kept"), (open_before[1].id, "missed")]


async def test_value_modal_cancel_and_bad_day_write_nothing(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_mentors(pilot)
        cid = screen.selected_id
        before = len(m.list_values(cid))
        await pilot.press("v", "tab", "tab", *"someday", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ValueEntryModal)  # still open, with the error shown
        assert "not a date" in str(app.screen.query_one("#day .day-error").render())
        await pilot.press("shift+tab", "shift+tab", *"th", "enter")  # ambiguous: thought / thinking
        await pilot.pause()
        assert isinstance(app.screen, ValueEntryModal)
        assert "thought process, thinking differently" in str(app.screen.query_one("#category-help").render())
        await pilot.press("escape")
        await pilot.pause()
        assert len(m.list_values(cid)) == before


async def test_filters_by_direction_and_category(make_app, db, fixed_today):
    ada = create_contact("Ada Lovelace").id
    for direction, category in (("received", "introduction"), ("received", "information"),
                                ("given", "introduction"), ("given", "gratitude")):
        m.add_value(ada, direction, category, fixed_today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_mentors(pilot)
        assert ledger_rows(screen) == 4
        await pilot.press("i")
        assert screen.direction == "received" and ledger_rows(screen) == 2
        await pilot.press("i")
        assert screen.direction == "given" and ledger_rows(screen) == 2
        await pilot.press("i", "t", "t", "t")  # back to both ways; categories: accountability, information, introduction
        assert screen.direction is None and screen.category == "introduction" and ledger_rows(screen) == 2
        await pilot.press("i")
        assert screen.category == "introduction" and ledger_rows(screen) == 1
        assert "introduction" in str(screen.query_one("#ledger-title").render())


async def test_add_mentor_by_name_and_change_roles(make_app, db):
    bob = create_contact("Bob Okafor").id
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_mentors(pilot)
        assert screen.query_one("#empty").display
        await pilot.press("n")
        assert isinstance(app.screen, RolesModal)
        await pilot.press(*"okafor", "enter")
        await pilot.pause()
        assert m.get_roles(bob) == ("mentor",)
        assert [r.contact_id for r in screen.rows] == [bob]
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "space", "tab", "space", "tab", *"7", "ctrl+s")  # coach and partner, weekly
        await pilot.pause()
        assert m.get_roles(bob) == ("mentor", "coach", "partner")
        assert m.get_partner(bob).cadence_days == 7


async def test_hostile_names_and_notes_render_literally(make_app, db, fixed_today):
    evil = create_contact("[@click=app.quit]Eve[/] \x1b]52;c;x\x07").id
    m.add_value(evil, "received", "information", fixed_today, note="[bold]not bold[/] [/]")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_mentors(pilot)
        await pilot.pause()
        assert "[@click=app.quit]Eve[/]" in str(screen.query_one("#summary").render())
        assert "[bold]not bold[/] [/]" in str(screen.query_one("#ledger", DataTable).get_row_at(0)[3])
        assert app.is_running


# -- snapshots (80x24, demo data, frozen clock) -------------------------------------------------


def test_snapshot_mentors_screen(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["3"])


def test_snapshot_value_entry_modal(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["3", "v"])


async def _open_check_in(pilot) -> None:
    await pilot.press("3")
    await pilot.pause()
    screen = pilot.app.screen
    partner = next(p for p in m.list_partners() if p.open_commitments and p.kept)
    await select(pilot, screen, partner.contact_id)
    await pilot.press("c")
    await pilot.pause()


def test_snapshot_check_in_modal(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_open_check_in)


def test_snapshot_roles_modal(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["3", "e"])


async def test_log_value_right_after_a_touch_from_any_screen(make_app, db, fixed_today):
    from kith.store.people.touches import log_touch
    from kith.tui.flows.mentor_actions import log_value

    cid = create_contact("Grace Hopper").id
    touch = log_touch(cid, "coffee", fixed_today - timedelta(days=1), "Talked through the Globex offer")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        saved = []
        log_value(app.screen, cid, "Grace Hopper", touch=touch, after=lambda: saved.append(True))
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ValueEntryModal) and modal.query_one("#made-hint")
        await pilot.press(*"new", "enter")
        await pilot.pause()
        (entry,) = m.list_values(cid)
        assert (entry.category, entry.date, entry.note, entry.touch_id) == (
            "new perspective", touch.date, "Talked through the Globex offer", touch.id)
        assert m.get_roles(cid) == ("mentor",) and saved == [True]
        assert any("is now a mentor" in str(n.message) for n in app._notifications)


async def test_search_hit_selects_the_mentor_and_shift_d_deletes_an_entry(make_app, demo_db):
    from types import SimpleNamespace

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_mentors(pilot)
        target = screen.rows[-1]
        screen.show_search_result(SimpleNamespace(contact_id=target.contact_id))
        await pilot.pause()
        assert screen.selected_id == target.contact_id
        before = m.list_values(target.contact_id)
        screen.query_one("#ledger", DataTable).focus()
        await pilot.press("D", "y")
        await pilot.pause()
        assert [e.id for e in m.list_values(target.contact_id)] == [e.id for e in before[1:]]


# -- history: former mentors, past check-ins ----------------------------------------------------


async def test_unticking_a_role_ends_it_and_the_row_stays_as_former(make_app, db, fixed_today):
    ada = create_contact("Ada Lovelace").id
    bob = create_contact("Bob Okafor").id
    m.set_role(ada, "mentor", on=fixed_today - timedelta(days=200))
    m.add_value(ada, "received", "introduction", fixed_today - timedelta(days=100))
    m.set_role(bob, "coach", on=fixed_today - timedelta(days=10))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_mentors(pilot)
        await select(pilot, screen, ada)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, RolesModal)
        await pilot.press("space", "ctrl+s")  # untick mentor
        await pilot.pause()
        assert m.role_periods(ada) == (m.RolePeriod("mentor", fixed_today - timedelta(days=200), fixed_today),)
        # Current ones first, then the former mentor, marked and with the value exchanged.
        assert [(r.contact_id, r.former) for r in screen.rows] == [(bob, False), (ada, True)]
        table = screen.query_one("#mentor-table", DataTable)
        name, roles, received = (str(x) for x in table.get_row_at(1)[:3])
        assert (name, roles, received) == ("Ada Lovelace", "former", "1")
        assert "· 1 former" in str(screen.query_one("#mentors-head").render())
        await select(pilot, screen, ada)
        label = f"former mentor {fixed_today - timedelta(days=200)} – {fixed_today}"
        assert label in str(screen.query_one("#summary").render())
        assert ledger_rows(screen) == 1
        # Ticking it again starts a new period; the old one stays.
        await pilot.press("e")
        await pilot.pause()
        assert f"mentor {fixed_today - timedelta(days=200)} – {fixed_today}" in str(app.screen.query_one("#history").render())
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert [p.ended for p in m.role_periods(ada)] == [fixed_today, None]
        assert [r.contact_id for r in screen.rows] == [ada, bob]


async def test_h_shows_a_partners_past_check_ins_and_answers(make_app, db, fixed_today):
    ada = create_contact("Ada Lovelace").id
    m.set_role(ada, "partner", on=fixed_today - timedelta(days=60))
    first = m.record_check_in(ada, fixed_today - timedelta(days=30), answers=[("What am I doing well?", "[b]steady[/b]")],
                              commitments=["Send 5 messages"])
    m.record_check_in(ada, fixed_today - timedelta(days=16), outcomes={first.commitments[0].id: "kept"},
                      commitments=["Draft the pitch"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_mentors(pilot)
        assert screen.query_one("#ledger").display and not screen.query_one("#history-pane").display
        await pilot.press("h")
        await pilot.pause()
        assert screen.query_one("#history-pane").display and not screen.query_one("#ledger").display
        text = str(screen.query_one("#history").render())
        newer, older = str(fixed_today - timedelta(days=16)), str(fixed_today - timedelta(days=30))
        assert text.index(newer) < text.index(older)  # newest first
        assert "[b]steady[/b]" in text  # literal, not markup
        assert f"✓ kept #{first.commitments[0].id} Send 5 messages" in text and "+ #2 Draft the pitch" in text
        await pilot.press("h")
        await pilot.pause()
        assert screen.query_one("#ledger").display


async def test_contact_page_lists_check_ins_newest_first_literally(make_app, db, fixed_today):
    from kith.tui.screens.contact_detail import ContactDetailScreen

    ada = create_contact("Ada Lovelace").id
    plain = create_contact("Carol Plain").id
    m.set_role(ada, "partner", on=fixed_today - timedelta(days=60))
    m.record_check_in(ada, fixed_today - timedelta(days=30), answers=[("What do I need to fix?", "[red]follow up[/]")],
                      commitments=["Send 5 messages"], note="\x1b]52;c;x\x07 by phone")
    m.record_check_in(ada, fixed_today - timedelta(days=2), outcomes={1: "missed"})
    m.set_role(ada, "partner", present=False, on=fixed_today - timedelta(days=1))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ContactDetailScreen(ada))
        await pilot.pause()
        page = app.screen
        assert page.query_one("#check-ins").display
        text = str(page.query_one("#check-ins").render())
        assert text.index(str(fixed_today - timedelta(days=2))) < text.index(str(fixed_today - timedelta(days=30)))
        assert "[red]follow up[/]" in text and "✗ missed #1 Send 5 messages" in text and "\x1b" not in text
        roles = str(page.query_one("#roles-history").render())
        assert f"partner {fixed_today - timedelta(days=60)} – {fixed_today - timedelta(days=1)} (former)" in roles
        app.pop_screen()
        app.push_screen(ContactDetailScreen(plain))
        await pilot.pause()
        assert not app.screen.query_one("#check-ins").display and not app.screen.query_one("#roles-history").display


async def _open_history(pilot) -> None:
    await pilot.press("3")
    await pilot.pause()
    partner = next(p for p in m.list_partners() if p.open_commitments and p.kept)
    await select(pilot, pilot.app.screen, partner.contact_id)
    await pilot.press("h")
    await pilot.pause()


def test_snapshot_check_in_history(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_open_history)


async def test_check_in_shows_your_open_goals_and_challenges(make_app, demo_db, fixed_today):
    # A partner should understand your challenges and goals: the check-in lists the open ones.
    from textual.widgets import Static

    from kith.store.career.goals import add_goal, list_goals, mark_done

    done = add_goal("[b]Finish the AWS course[/b]", fixed_today, "goal")
    mark_done(done.id, fixed_today)
    add_goal("Saying no to [red]scope creep[/]", fixed_today, "challenge")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_check_in(pilot)
        assert isinstance(app.screen, CheckInModal)
        shown = [str(s.render()) for s in app.screen.query(".goal").results(Static)]
        assert "challenge: Saying no to [red]scope creep[/]" in shown
        assert not any("AWS course" in s for s in shown)
        assert len(shown) == min(5, len(list_goals()))


async def test_the_ledger_fits_its_width_after_another_mentor_and_a_resize(make_app, demo_db):
    # Columns kept from a mentor with a long category, or a narrower window, hid the ends of the
    # notes without "…" (the ledger never scrolls sideways): the ledger must always fit.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_mentors(pilot)
        ledger = screen.query_one("#ledger", DataTable)
        widths = []
        for row in screen.rows:
            await select(pilot, screen, row.contact_id)
            await pilot.pause()
            assert ledger.virtual_size.width <= ledger.scrollable_content_region.width, row.name
            widths.append(next(c.get_render_width(ledger) for c in ledger.columns.values() if c.key == "category"))
        assert len(set(widths)) > 1  # the mentors' categories differ: the column follows each
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert ledger.virtual_size.width <= ledger.scrollable_content_region.width
        assert ledger.row_count and any(str(ledger.get_cell_at((r, 3))).endswith("…") for r in range(ledger.row_count))
