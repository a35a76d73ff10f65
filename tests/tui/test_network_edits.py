"""The Network area's dialogs: record an introduction, edit a target, edit and merge organisations (and undo)."""

from __future__ import annotations

from kith.store.core.db import db as database
from kith.store.network import get_org, list_introductions, match_org, set_target
from kith.store.network.targets import get_target
from kith.store.people.contacts import create_contact, get_contact
from kith.tui.modals.guard import GuardedModal
from kith.tui.modals.introduction import IntroductionModal
from kith.tui.screens.network import NetworkScreen

SIZE = (80, 24)


async def open_tab(pilot, tab: str) -> NetworkScreen:
    await pilot.press("5")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, NetworkScreen)
    screen.show_tab(tab)
    await pilot.pause()
    return screen


async def type_in(pilot, text: str) -> None:
    await pilot.press(*text)
    await pilot.pause()


def touches_of(contact_id: int) -> list[tuple[str, str]]:
    return [tuple(r) for r in database.execute_sql(
        "SELECT kind, note FROM touch WHERE contact_id = ? AND kind = 'introduction'", (contact_id,))]


async def test_record_that_someone_introduced_you_to_a_new_person(make_app, demo_db, fixed_today):
    ravi = create_contact("Ravindra Unique").id
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, "organisations")
        await pilot.press("down", "I")  # into the list; I opens the dialog
        await pilot.pause()
        assert isinstance(app.screen, IntroductionModal)
        await pilot.press("enter")  # the shape stays "X introduced you to Y"
        await type_in(pilot, "ravindra")
        await pilot.press("enter")  # takes the match
        await pilot.pause()
        await pilot.press("enter")  # next field: the person met
        await type_in(pilot, "Zora Quintessa")
        await pilot.press("enter", "enter")  # past the day
        await type_in(pilot, "fintech breakfast")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen)
    [intro] = list_introductions(ravi)
    assert intro.line() == "Ravindra Unique introduced you to Zora Quintessa"
    assert (intro.day, intro.note, intro.outcome) == (fixed_today, "fintech breakfast", "nothing yet")
    assert get_contact(intro.second_id).introduced_by_id == ravi
    for person in (ravi, intro.second_id):  # logged as an introduction touch, as `kith intro` does
        assert [kind for kind, _ in touches_of(person)] == ["introduction"]


async def test_record_that_you_introduced_two_people(make_app, demo_db, fixed_today):
    a = create_contact("Amadeus Firstly").id
    b = create_contact("Bettina Secondly").id
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, "targets")
        await pilot.press("down", "I")
        await pilot.pause()
        await pilot.press("down")  # opens the shapes
        await pilot.pause()
        await pilot.press("down", "enter")  # "you introduced A and B"
        await pilot.pause()
        await pilot.press("enter")  # to the first person (the introducer row is hidden)
        await type_in(pilot, "amadeus")
        await pilot.press("enter", "enter")
        await type_in(pilot, "bettina")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    [intro] = list_introductions(a)
    assert (intro.by_id, intro.first_id, intro.second_id) == (None, a, b)
    assert intro.line() == "you introduced Amadeus Firstly and Bettina Secondly"


async def test_an_introduction_needs_its_people_and_says_so(make_app, demo_db):
    before = len(list_introductions())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, "targets")
        await pilot.press("down", "I")
        await pilot.pause()
        await pilot.press("ctrl+s")  # nobody picked
        await pilot.pause()
        assert isinstance(app.screen, IntroductionModal)
        assert "pick someone" in str(app.screen.query_one("#intro-error").render())
        await type_in(pilot, "x")  # now something changed: Esc asks first
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (IntroductionModal, NetworkScreen))
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, IntroductionModal)
    assert len(list_introductions()) == before


async def test_edit_a_targets_stage_and_note_then_undo(make_app, demo_db, fixed_today):
    globex = match_org("Globex").id
    set_target(globex, "researching", "", today=fixed_today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, "targets")
        await type_in(pilot, "globex")
        await pilot.press("down", "e")
        await pilot.pause()
        assert screen.pane().selected_id() == globex
        await pilot.press("down")  # opens the stages
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # researching → reaching out → talking
        await pilot.pause()
        await pilot.press("tab")
        await type_in(pilot, "call Dana on Friday")
        await pilot.press("enter")
        await pilot.pause()
        t = get_target(globex)
        assert (t.stage, t.note, t.progressed) == ("talking", "call Dana on Friday", fixed_today)
        await pilot.press("u")
        await pilot.pause()
    assert (get_target(globex).stage, get_target(globex).note) == ("researching", "")


async def test_edit_an_organisations_details_and_add_another_name(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, "organisations")
        await type_in(pilot, "hooli")
        await pilot.press("down", "e")
        await pilot.pause()
        hooli = get_org(match_org("Hooli").id)
        await pilot.press("end", "ctrl+u")  # the industry field: clear what is there
        await type_in(pilot, "fintech")
        await pilot.press("enter")
        await type_in(pilot, "London")
        await pilot.press("enter", "enter")
        await type_in(pilot, "Hooli XYZ")
        await pilot.press("ctrl+s")
        await pilot.pause()
    org = get_org(hooli.id)
    assert (org.industry, org.location, org.aliases) == ("fintech", "London", ("Hooli XYZ",))
    assert match_org("hooli xyz").id == hooli.id


async def test_merge_two_organisations_after_the_preview_then_undo(make_app, demo_db):
    keep, other = match_org("Globex"), match_org("Initech")
    moved = database.execute_sql("SELECT count(*) FROM employment WHERE organisation_id = ?", (other.id,)).fetchone()[0]
    assert moved
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, "organisations")
        await type_in(pilot, "globex")
        await pilot.press("down", "m")
        await pilot.pause()
        assert isinstance(app.screen, GuardedModal)
        await type_in(pilot, "initech")
        await pilot.press("enter")  # picks the match: the preview shows
        await pilot.pause()
        preview = str(app.screen.query_one("#org-preview").render())
        assert f"{moved} employment(s) move to Globex" in preview
        assert match_org("Initech").id == other.id  # nothing merged yet
        await pilot.press("enter")
        await pilot.pause()
        assert match_org("Initech").id == keep.id and "Initech" in get_org(keep.id).aliases
        assert database.execute_sql("SELECT count(*) FROM employment WHERE organisation_id = ?",
                                    (other.id,)).fetchone()[0] == 0
        await pilot.press("u")
        await pilot.pause()
    assert match_org("Initech").id == other.id


async def test_keys_sit_on_their_tabs_and_reach_the_palette(make_app, demo_db):
    from kith.tui.commands import KeysProvider

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, "organisations")
        await pilot.press("down")
        await pilot.pause()

        def enabled() -> set[str]:
            return {k for k, b in screen.active_bindings.items() if b.enabled and b.node is screen}

        assert {"I", "e", "m", "plus"} <= enabled()
        provider = KeysProvider(screen)
        titles = {title for title, *_ in provider._commands()}
        assert {"Intro", "Edit", "Merge"} <= titles
        screen.show_tab("targets")
        await pilot.pause()
        await pilot.press("down")  # from the filter (printable keys type there) into the list
        await pilot.pause()
        assert {"I", "e", "greater_than_sign"} <= enabled() and "m" not in enabled()


async def test_a_name_that_belongs_to_another_organisation_is_refused_in_the_dialog(make_app, demo_db):
    from kith.tui.modals.organisation import OrgEditModal

    hooli = match_org("Hooli").id
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, "organisations")
        await type_in(pilot, "hooli")
        await pilot.press("down", "e", "shift+tab")  # from the industry up to the name
        await pilot.press("end", "ctrl+u")
        await type_in(pilot, "Globex Inc.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OrgEditModal)  # still open, with what was typed and why not
        assert "already names another organisation" in str(app.screen.query_one("#org-error").render())
        assert app.screen.query_one("#org-name").value == "Globex Inc."
    assert get_org(hooli).name == "Hooli"


async def test_plus_marks_a_target_and_brackets_switch_tabs(make_app, demo_db):
    # + and > change data here (t tags and s snoozes elsewhere); ] and [ switch tabs as in every area.
    from textual.widgets import TabbedContent

    from kith.store.network.targets import list_targets

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "right_square_bracket")  # from the filter: not typed, the tab moves
        tabs = app.screen.query_one("#network-tabs", TabbedContent)
        assert tabs.active == "tab-organisations"
        assert all("]" not in f.value for f in app.screen.query(".pane-filter"))
        before = len(list_targets())
        await pilot.press("down", "t", "s")  # no keys here: they type into the filter, no write
        assert len(list_targets()) == before
        assert app.screen.pane().filter.value == "ts"
        await pilot.press("backspace", "backspace", "down", "plus")
        assert len(list_targets()) == before + 1
        await pilot.press("left_square_bracket")
        assert tabs.active == "tab-targets"


async def test_escape_from_the_filter_rests_on_the_list_so_digits_change_area(make_app, demo_db):
    # Typed text is cleared first; a second Esc leaves the empty filter, and 6 then opens Career
    # instead of typing "6" into the filter.
    from kith.tui.screens.career import CareerScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "a", "c")
        filter_ = app.screen.pane().filter
        assert filter_.value == "ac"
        await pilot.press("escape")
        assert filter_.value == "" and app.focused is filter_
        await pilot.press("escape", "6")
        await pilot.pause()
        assert isinstance(app.screen, CareerScreen)
        assert filter_.value == ""
