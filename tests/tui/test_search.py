"""Pilot and snapshot tests of the search screen and the contacts palette provider."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from kith.store.people.contacts import create_contact, get_contact
from kith.store.people.followups import add_follow_up
from kith.store.people.touches import log_touch
from kith.tui.commands import ContactsProvider
from kith.tui.screens.search import SearchScreen
from kith.tui.widgets.line_list import LineList

DAY = date(2026, 3, 10)


async def _search(pilot, text: str) -> SearchScreen:
    await pilot.press("slash")
    await pilot.press(*text)
    await pilot.pause(0.15)  # the debounce
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    return screen


def _lines(screen: SearchScreen) -> list[str]:
    return [row.plain for row in screen.query_one("#results", LineList).rows]


def _summary(screen: SearchScreen) -> str:
    return str(screen.query_one("#summary", Static).render())


async def test_typo_finds_lovelace_and_enter_opens_her(make_app, demo_db):
    from kith.tui.screens.contact_detail import ContactDetailScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _search(pilot, "lovlace")
        assert _lines(screen)[0].split()[1:3] == ["Ada", "Lovelace"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactDetailScreen)
        assert get_contact(app.screen.contact_id).name == "Ada Lovelace"
        await pilot.press("escape")  # back to the results, still there
        await pilot.pause()
        assert app.screen is screen and _lines(screen)[0].split()[1:3] == ["Ada", "Lovelace"]
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


async def test_a_key_after_a_pause_is_answered_at_once_and_fast_typing_catches_up(make_app, demo_db, monkeypatch):
    import kith.tui.screens.search as search_screen

    now = [100.0]  # the screen's clock, moved by hand: no machine is too slow for this test
    monkeypatch.setattr(search_screen, "monotonic", lambda: now[0])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press("l")  # a key after a pause: searched at once, no timer to wait for
        assert screen._shown_query == ("l",) and screen._timer is None and _lines(screen)
        await pilot.press("o", "v")  # no time has passed: these wait for a pause in typing
        assert screen._timer is not None
        await pilot.pause(0.15)  # the pause: the last text is searched
        assert screen._shown_query == ("lov",) and "Lovelace" in _lines(screen)[0]


async def test_a_space_or_a_capital_asks_nothing_new_and_keeps_the_results(make_app, demo_db, monkeypatch):
    import kith.store.search.engine as engine

    asked: list[str] = []
    search = engine.search

    def counting(query, *args, **kwargs):
        asked.append(query)
        return search(query, *args, **kwargs)

    monkeypatch.setattr(engine, "search", counting)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _search(pilot, "ada")
        lines = _lines(screen)
        assert asked[-1] == "ada" and "Ada" in lines[0]
        asked.clear()
        await pilot.press("space")  # "ada ": the same words
        await pilot.pause(0.15)
        await pilot.press("backspace")  # "ada" again
        await pilot.pause(0.15)
        screen.query_one("#query").value = " ADA  "  # the same words, folded
        await pilot.pause(0.15)
        assert asked == [] and _lines(screen) == lines
        await pilot.press("end", "l")  # a new word: searched
        await pilot.pause(0.15)
        assert asked == [" ADA  l"]


async def test_down_then_enter_opens_the_contact_of_a_touch(make_app, db_file):
    from kith.tui.screens.contact_detail import ContactDetailScreen

    priya = create_contact("Priya Raman")
    wei = create_contact("Wei Zhang")
    log_touch(wei.id, "coffee", DAY, "We compared sourdough starters")
    add_follow_up(priya.id, DAY, "Send Priya the sourdough recipe")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _search(pilot, "sourdough")
        lines = _lines(screen)
        assert len(lines) == 2 and {line.split()[0] for line in lines} == {"Touch", "Follow-up"}
        second = screen.results[list(screen.results)[1]]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactDetailScreen)
        assert app.screen.contact_id == second.contact_id


async def test_no_matches_says_so_and_typing_more_updates(make_app, db_file):
    create_contact("Ada Lovelace")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _search(pilot, "zqxw")
        assert "No matches for zqxw" in _summary(screen)
        assert not screen.query_one("#results", LineList).rows
        assert screen.has_class("-none")  # the summary in the warning colour
        for _ in range(4):
            await pilot.press("backspace")
        await pilot.pause(0.15)
        assert "Type a name" in _summary(screen) and not screen.has_class("-none")  # the hint, not a warning
        await pilot.press(*"ada")
        await pilot.pause(0.15)
        assert "1 result" in _summary(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)


async def test_hostile_names_are_shown_literally(make_app, db_file):
    create_contact("[@click=app.quit]Alice[/]", company="note [/ end", notes="[b]bold?[/b] \x1b]0;PWNED\x07")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _search(pilot, "alice")
        line = _lines(screen)[0]
        assert "[@click=app.quit]Alice[/]" in line and "note [/ end" in line
        screen.query_one("#query").value = "bold"
        screen.flush()
        await pilot.pause()
        assert "[b]bold?[/b]" in _lines(screen)[0] and "\x1b" not in _lines(screen)[0]
        assert app.is_running


async def test_edits_are_followed_while_the_screen_is_open(make_app, db_file):
    from kith.store.people.contacts import update_contact

    c = create_contact("Grace Hopper")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _search(pilot, "hopper")
        assert len(_lines(screen)) == 1
        update_contact(c.id, {"name": "Grace Brewster"})
        app.reload_screen()  # what the app does when the database changes
        await pilot.pause()
        assert "No matches" in _summary(screen)


async def test_palette_provider_finds_contacts_by_name(make_app, db_file):
    from kith.tui.screens.contact_detail import ContactDetailScreen

    jose = create_contact("José Álvarez", company="Globex")
    create_contact("Ada Lovelace")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        provider = ContactsProvider(app.screen)
        hits = [hit async for hit in provider.search("jose alvarez")]
        assert hits[0].text == "José Álvarez" and 0 < hits[0].score <= 1
        hits[0].command()
        await pilot.pause()
        assert isinstance(app.screen, ContactDetailScreen) and app.screen.contact_id == jose.id


def test_snapshot_demo_typo(snap_compare, make_app, demo_db):
    async def run_before(pilot):
        await pilot.press("slash", *"lovlace")
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_snapshot_every_kind(snap_compare, make_app, db_file):
    priya = create_contact("Priya Raman", company="Globex", role="Staff Engineer", location="London",
                           notes="Runs the Quantum reading group on Thursdays")
    old = create_contact("Quentin Quantum", archived=True)
    log_touch(priya.id, "coffee", DAY, "Long chat about quantum networking and the hiring plan")
    add_follow_up(old.id, DAY, "Send the quantum paper")

    async def run_before(pilot):
        await pilot.press("slash", *"quantum")
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


async def test_ctrl_p_palette_opens_a_contact(make_app, db_file):
    from textual.command import CommandPalette

    from kith.tui.screens.contact_detail import ContactDetailScreen

    ada = create_contact("Ada Lovelace", company="[/] Engines")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"lovlace")
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ContactDetailScreen) and app.screen.contact_id == ada.id


def test_a_match_far_into_a_snippet_stays_visible():
    from kith.store.search.engine import SearchResult
    from kith.tui.screens.search import result_prompt

    text = "x" * 80 + " needle"
    result = SearchResult("touch", "Touch", 1, 1, "Ada", "call", text, 60.0, snippet_spans=((81, 87),))
    lines = result_prompt(result, 60).plain.splitlines()
    assert lines[1].rstrip().endswith("needle") and "…" in lines[1]


async def test_the_screen_and_kith_find_give_one_order(make_app, demo_db, run_kith):
    import json
    from datetime import timedelta

    from kith.store.core.db import open_db

    wei = create_contact("Wei Zhang")
    for n in range(30):  # many equal scores: the tie order must agree too
        log_touch(wei.id, "call", DAY - timedelta(days=n * 7 % 45), "Sent the article on career capital")
    queries = ["coffee", "ada", "artcle", "carrer capital"]
    printed = {}
    for query in queries:
        r = run_kith("find", *query.split(), "--json", db=demo_db)
        assert r.code == 0, r.err
        printed[query] = [(hit["kind"], hit["id"]) for hit in json.loads(r.out)]
    assert len(printed["artcle"]) == 20  # kith find's default limit: the screen shows 50
    open_db(demo_db)  # the CLI run closed the store
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for query in queries:
            screen = await _search(pilot, query)
            shown = [(r.kind, r.id) for r in screen.results.values()]
            assert len(printed[query]) >= 2 and shown[:20] == printed[query], query
            await pilot.press("escape")


async def test_a_touch_hit_opens_the_contact_scrolled_to_it(make_app, db_file):
    from datetime import timedelta

    from textual.containers import VerticalScroll

    from kith.tui.screens.contact_detail import ContactDetailScreen

    ada = create_contact("Ada Lovelace", notes="Line one\nLine two\nLine three")
    old = log_touch(ada.id, "email", DAY - timedelta(days=900), "Wrote about the Zeppelin engine")
    for n in range(40):
        log_touch(ada.id, "call", DAY - timedelta(days=n), f"Weekly call number {n}")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ContactDetailScreen(ada.id))  # as the Contacts list opens it: at the top
        await pilot.pause(0.2)
        assert "Zeppelin" not in app.export_screenshot()
        await pilot.press("escape")
        screen = await _search(pilot, "zepelin")  # a typo, too
        assert (screen.results[list(screen.results)[0]].kind, list(screen.results)[0]) == ("touch", f"touch:{old.id}")
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ContactDetailScreen) and app.screen.contact_id == ada.id
        assert app.screen.query_one("#body", VerticalScroll).scroll_y > 0
        assert "Zeppelin" in app.export_screenshot()
        await pilot.press("escape")  # back to the results
        await pilot.pause()
        assert app.screen is screen


async def test_keys_typed_with_the_slash_land_in_the_query(make_app, demo_db):
    # One burst from the terminal (fast typing over SSH): the keys after / went to Today's list,
    # and the search opened empty.
    from tests.tui.test_form_burst import burst

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "/globex")
        await pilot.pause(0.15)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#query").value == "globex"
        await burst(pilot, "/x")  # in the field, / types
        assert app.screen.query_one("#query").value == "globex/x"


async def test_slash_types_in_a_filter_and_searches_from_its_list(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a", "slash", "b")
        await pilot.pause()
        assert app.screen.query_one("#filter").value == "a/b"
        await pilot.press("ctrl+k")  # in the filter, ctrl+k searches all the same
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape", "escape", "slash")  # from the list, / searches
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)


async def test_slash_types_in_a_text_area_and_saves_with_the_notes(make_app, db):
    # A TextArea is looked up, not imported, when / decides between typing and searching.
    from textual.widgets import TextArea

    from kith.store.people.contacts import get_contact, list_rows

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n", *"Ada Lovelace")
        await pilot.pause()
        app.screen.query_one("#notes", TextArea).focus()
        await pilot.press(*"met at a/b testing talk")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    (row,) = list_rows()
    assert get_contact(row.id).notes == "met at a/b testing talk"
