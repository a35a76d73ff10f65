"""The keyboard never surprises (issue 11): typing filters, one meaning per data key, every key answers."""

from __future__ import annotations

import importlib
import pkgutil
from collections import defaultdict

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

import kith.tui
from kith.store.people.contacts import create_contact, list_rows
from kith.store.people.followups import add_follow_up, list_follow_ups
from kith.store.people.touches import count_touches
from kith.store.today.review import progress
from kith.tui.keys import DATA_KEYS
from kith.tui.screens.contacts import ContactsScreen
from kith.tui.screens.today import TodayScreen
from tests.tui.test_form_burst import burst

SIZE = (80, 24)


def _kith_classes() -> list[type]:
    """Every screen, modal, widget and the app that kith defines (imported from every tui module)."""
    for info in pkgutil.walk_packages(kith.tui.__path__, "kith.tui."):
        if ".cli" not in info.name:
            importlib.import_module(info.name)
    found = set()
    stack = [DOMNode]
    while stack:
        for sub in stack.pop().__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("kith.tui."):
                found.add(sub)
    return sorted(found, key=lambda c: (c.__module__, c.__qualname__))


def _bindings(cls: type) -> list[Binding]:
    out = []
    for b in cls.__dict__.get("BINDINGS", []):
        out.append(b if isinstance(b, Binding) else Binding(*b))
    return out


def test_no_letter_means_two_data_changes():
    """Walk every class's bindings: a key bound to a data change means that one change everywhere."""
    meanings: dict[str, set[str]] = defaultdict(set)
    where: dict[str, list[str]] = defaultdict(list)
    seen_ids = set()
    classes = _kith_classes()
    assert any(issubclass(c, Screen) for c in classes) and len(classes) > 15
    for cls in classes:
        for binding in _bindings(cls):
            seen_ids.add(binding.id)
            meaning = DATA_KEYS.get(binding.id or "")
            if meaning is None:
                continue
            for key in binding.key.split(","):
                key = key.strip()
                meanings[key].add(meaning)
                where[key].append(f"{cls.__qualname__}:{binding.id}={meaning}")
    clashes = {key: where[key] for key, found in meanings.items() if len(found) > 1}
    assert not clashes, f"keys with two data meanings: {clashes}"
    assert set(DATA_KEYS) <= seen_ids, f"declared but bound nowhere: {set(DATA_KEYS) - seen_ids}"
    # The scheme itself: delete is D (and Delete), done is x, follow-up f, log l, everywhere.
    for key, meaning in (("D", "delete"), ("delete", "delete"), ("x", "done"), ("f", "follow-up"), ("l", "log")):
        assert meanings[key] == {meaning}, (key, where[key])


def test_view_keys_use_letters_no_screen_changes_data_with():
    """Mentors' ledger filters and Contacts' sort only look: their letters change nothing anywhere."""
    data_letters = set()
    for cls in _kith_classes():
        for binding in _bindings(cls):
            if binding.id in DATA_KEYS:
                data_letters |= {k.strip() for k in binding.key.split(",")}
    from kith.tui.screens.mentors import MentorsScreen

    view = {b.id: b.key for cls in (MentorsScreen, ContactsScreen) for b in _bindings(cls)
            if b.id in ("mentors-filter-direction", "mentors-filter-category", "cycle-sort")}
    assert len(view) == 3
    assert not set(view.values()) & data_letters, view


# -- 1. typing a name never acts on a contact ------------------------------------------------------


async def test_typing_a_name_on_contacts_filters_and_changes_nothing(make_app, demo_db):
    archived_before = [r.id for r in list_rows(include_archived=True) if r.archived]
    touches_before = count_touches()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ContactsScreen)
        await pilot.press(*"Mallory")
        await pilot.pause()
        assert app.screen is screen  # no log dialog, no confirmation: nothing opened
        assert screen.query_one("#filter").value == "Mallory"
        # The area, search, help and quit keys type too while the filter has the cursor.
        await pilot.press("backspace", *"y1/?q")
        await pilot.pause()
        assert app.is_running and app.screen is screen and app.current_mode == "contacts"
        assert screen.query_one("#filter").value == "Mallory1/?q"
    assert [r.id for r in list_rows(include_archived=True) if r.archived] == archived_before
    assert count_touches() == touches_before


async def test_down_enters_the_list_where_keys_act_and_escape_returns(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", *"ada", "down")
        await pilot.pause()
        screen = app.screen
        listing = screen.query_one("ContactList")
        assert screen.focused is listing
        target = listing.highlighted_id
        await pilot.press("a")  # in the list, a archives
        await pilot.pause()
        assert target not in [r.id for r in list_rows()]
        await pilot.press("escape")
        assert screen.focused.id == "filter"
        await pilot.press("escape", "3")  # Esc first, then the area keys work
        await pilot.pause()
        assert app.current_mode == "mentors"
        await pilot.press("2")  # entering again: the cursor is back in the filter
        await pilot.pause()
        assert app.screen is screen and screen.focused.id == "filter"


async def test_a_letter_no_key_takes_in_the_contacts_list_starts_the_filter_over(make_app, demo_db):
    # "ruth" typed in the list: r is no list key, so it and every key after it filter; u (undo) and
    # t never reach a binding, and the old filter's words are replaced, as after Esc.
    archived_before = [r.id for r in list_rows(include_archived=True) if r.archived]
    touches_before = count_touches()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", *"ada", "down")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen.focused, type(screen.query_one("ContactList")))
        await pilot.press(*"ruth")
        await pilot.pause()
        assert screen.focused.id == "filter"
        assert screen.query_one("#filter").value == "ruth"
        # Typed fast (one burst from the terminal), the keys after r reach the list before the focus
        # moved: they are typed too, and u never undoes.
        await pilot.press("escape", "down")
        assert isinstance(screen.focused, type(screen.query_one("ContactList")))
        await burst(pilot, "ruth")
        assert screen.focused.id == "filter"
        assert screen.query_one("#filter").value == "ruth"
        assert app.screen is screen
    assert [r.id for r in list_rows(include_archived=True) if r.archived] == archived_before
    assert count_touches() == touches_before


async def test_f_on_the_contacts_list_adds_a_follow_up(make_app, db, fixed_today):
    from kith.tui.modals.follow_up import FollowUpModal

    c = create_contact("Grace")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("2", "f")  # in the filter, f is typing
        await pilot.pause()
        assert app.screen.query_one("#filter").value == "f"
        await pilot.press("backspace", "down", "f")  # in the list, f is follow-up, as on every screen
        await pilot.pause()
        assert isinstance(app.screen, FollowUpModal)
        await pilot.press(*"Send the deck", "enter")
        await pilot.pause()
    assert [f.what for f in list_follow_ups(c.id)] == ["Send the deck"]


# -- 3. every key answers --------------------------------------------------------------------------


def _toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _move_to_source(pilot, screen: TodayScreen, source: str) -> None:
    index = next(i for i, item in enumerate(screen.items) if item.source == source)
    queue = screen.query_one("#queue")
    queue.cursor = index  # the same as pressing down that many times
    await pilot.pause()
    assert screen.current_item().source == source


@pytest.mark.parametrize("half", [0, 1])  # every other kind of row: two tests the two workers can share
async def test_every_today_footer_key_acts_or_says_why_on_every_kind_of_row(make_app, demo_db, fixed_today, half):
    from kith.store.core.db import change_token

    create_contact("Bea Birthday", birthday_month=fixed_today.month, birthday_day=fixed_today.day + 2)
    app = make_app()
    said: list[str] = []
    notify = app.notify

    def recording_notify(message, *args, **kwargs):
        said.append(str(message))  # counted here: shown toasts expire while the test runs
        return notify(message, *args, **kwargs)

    app.notify = recording_notify
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        footer_keys = [key for key, active in screen.active_bindings.items()
                       if active.binding.show and active.node is screen]
        assert {"l", "s", "x", "f", "enter", "u"} <= set(footer_keys)
        kinds = {item.source for item in screen.items}
        assert {"cadence", "follow-up", "birthday", "give-back", "check-in"} <= kinds
        for kind in sorted(kinds)[half::2]:
            for key in footer_keys:
                await _move_to_source(pilot, screen, kind)
                toasts, token = len(said), change_token()
                await pilot.press(key)
                await pilot.pause()
                opened = app.screen is not screen
                answered = opened or len(said) > toasts or change_token() != token
                assert answered, f"{key} on a {kind} row did nothing"
                while app.screen is not screen:
                    if app.current_mode != "today":  # Enter on an item about no one opened its area
                        app.action_area("today")
                    else:
                        await pilot.press("escape")
                    await pilot.pause()
                if change_token() != token:
                    await pilot.press("u")  # put the row back for the next key
                    await pilot.pause()
        # x on a give-back row says why it does not apply, and what to press instead.
        await _move_to_source(pilot, screen, "give-back")
        await pilot.press("x")
        await pilot.pause()
        assert "give-back is done by giving" in said[-1]


async def test_log_on_a_follow_up_row_says_it_closed_it_and_counts_it_done(make_app, demo_db, fixed_today):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        await _move_to_source(pilot, screen, "follow-up")
        item = screen.current_item()
        await pilot.press("l", "enter")
        await pilot.pause()
        assert next(f for f in list_follow_ups(item.contact_id) if f.id == item.ref_id).done
        assert "is closed too and counts as done" in _toasts(app)[-1]
        assert "touched 1 · snoozed 0 · done 1" in str(screen.query_one("#summary").render())


async def test_n_on_today_opens_the_contact_form_and_saving_adds(make_app, db):
    from kith.tui.modals.contact_form import ContactFormModal

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormModal)
        await pilot.press(*"Grace Hopper", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert [r.name for r in list_rows()] == ["Grace Hopper"]


async def test_done_on_a_contact_page_counts_in_todays_review(make_app, db, fixed_today):
    from datetime import timedelta

    c = create_contact("Grace")
    add_follow_up(c.id, fixed_today + timedelta(days=3), "Send the deck")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("2", "down", "enter")
        await pilot.pause()
        app.screen.query_one("#follow-ups").focus()  # picked: at 80x24 it is below the fold
        await pilot.press("x")
        await pilot.pause()
        assert list_follow_ups(c.id)[0].done
        assert progress(fixed_today).done == 1
        await pilot.press("escape", "1")  # back on the list, where area keys work
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "done 1" in str(app.screen.query_one("#summary").render())
        await pilot.press("u")  # Today's undo reopens it
        await pilot.pause()
        assert not list_follow_ups(c.id)[0].done


async def test_mentor_keys_answer_on_a_non_partner(make_app, demo_db):
    from kith.store.mentors import value as mentors

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        row = next(r for r in screen.rows if "partner" not in r.roles)
        table = screen.query_one("#mentor-table")
        table.move_cursor(row=[r.contact_id for r in screen.rows].index(row.contact_id))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is screen
        assert "not an accountability partner" in _toasts(app)[-1]
        assert not mentors.get_partner(row.contact_id).is_partner


async def test_u_undoes_a_give_back_touch_and_the_value_logged_with_it(make_app, fixed_today):
    from datetime import timedelta

    from kith.store.mentors.value import add_value, list_values
    from kith.store.people.touches import list_touches

    mentor = create_contact("Kenji Watanabe", tier="dormant")
    for days in (40, 30, 20, 10):
        add_value(mentor.id, "received", "introduction", fixed_today - timedelta(days=days), "intro to Globex")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.current_item().source == "give-back"
        await pilot.press("l", *"thank you note", "enter")
        await pilot.pause()
        await pilot.press("enter")  # the value modal, prefilled from the touch
        await pilot.pause()
        assert len(list_values(mentor.id, direction="given")) == 1
        await pilot.press("u")
        await pilot.pause()
    assert list_touches(mentor.id) == []
    assert list_values(mentor.id, direction="given") == []


async def test_escape_never_toggles_filter_and_list_forever(make_app, demo_db):
    from textual.widgets import Input

    rows_before = list_rows(include_archived=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")  # entering Contacts: the cursor in the (empty) filter
        await pilot.pause()
        screen = app.screen
        filter_input = screen.query_one("#filter", Input)
        assert screen.focused is filter_input and filter_input.value == ""
        await pilot.press("escape", "escape", "3")  # Esc, Esc, 3: area 3, never a "3" in the filter
        await pilot.pause()
        assert app.current_mode == "mentors" and filter_input.value == ""
        await pilot.press("2", *"ada", "escape")  # a filter with text: Esc browses what it found
        await pilot.pause()
        assert screen.focused is screen.query_one("ContactList") and filter_input.value == "ada"
        await pilot.press("escape")  # back once, to refine it
        assert screen.focused is filter_input
        await pilot.press("escape", "escape", "escape")  # out again, then Esc rests on the list
        await pilot.pause()
        assert screen.focused is screen.query_one("ContactList")
        await pilot.press("3")
        await pilot.pause()
        assert app.current_mode == "mentors" and filter_input.value == "ada"
        await pilot.press("2", "escape", "escape", "escape", "escape")
        await pilot.pause()
        assert screen.focused is screen.query_one("ContactList")  # resting on the list
        await pilot.press("up")  # its first row: ↑ is the way back to the filter
        await pilot.pause()
        assert screen.focused is filter_input and filter_input.value == "ada"
    assert list_rows(include_archived=True) == rows_before  # no key reached a contact
