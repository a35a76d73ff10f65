"""Pilot tests of Perception's Audiences and Claims tabs (n adds, e edits, D deletes, u undoes), deleting
feedback, the guarded forms of the area, and the footers of Brand and Perception at 80x24."""

from __future__ import annotations

from textual.widgets import TabbedContent

from kith.store.brand.pitches import create_pitch, list_pitches
from kith.store.people.contacts import create_contact
from kith.store.perception.brand_review import add_claim, list_claims, list_variants, set_variant
from kith.store.perception.feedback import add_feedback, list_feedback
from kith.tui.modals.brand_parts import ClaimModal, VariantModal
from kith.tui.modals.brand_review import BrandReviewModal
from kith.tui.modals.confirm import ConfirmModal
from kith.tui.modals.feedback import FeedbackModal
from kith.tui.screens.perception import TABS, PerceptionScreen
from tests.tui.test_status_fit import screen_rows

SIZE = (80, 24)


async def open_tab(pilot, tab: str) -> PerceptionScreen:
    await pilot.press("4", "p", *["t"] * TABS.index(tab))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PerceptionScreen) and screen.query_one("#tabs").active == tab
    return screen


def variants() -> list[tuple[str, str, int | None]]:
    return [(v.audience, v.text, v.target_seconds) for v in list_variants()]


async def test_add_edit_delete_an_audience_variant_each_undone_by_u(make_app, db_file):
    pitch = create_pitch("Elevator pitch", "elevator pitch", "I build pipelines.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, "audiences")
        await pilot.press("n")
        assert isinstance(app.screen, VariantModal)
        # Enter in the audience moves on (to the target); Tab reaches the text.
        await pilot.press(*"tech", "enter", "tab", *"dbt and Airflow.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PerceptionScreen)
        assert variants() == [("tech", "dbt and Airflow.", None)] and list_variants()[0].pitch_id == pitch.id
        assert "tech" in str(app.screen.query_one("#variant-list").get_option_at_index(0).prompt)

        await pilot.press("e")
        assert isinstance(app.screen, VariantModal)
        assert app.screen.query_one("#audience").value == "tech"
        await pilot.press("end", *" leads", "ctrl+s")
        await pilot.pause()
        assert variants() == [("tech leads", "dbt and Airflow.", None)]
        await pilot.press("u")
        await pilot.pause()
        assert variants() == [("tech", "dbt and Airflow.", None)]

        await pilot.press("D")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert variants() == [("tech", "dbt and Airflow.", None)]  # n keeps it
        await pilot.press("D", "y")
        await pilot.pause()
        assert variants() == []
        assert "no audience variants yet" in str(app.screen.query_one("#variant-list").get_option_at_index(0).prompt)
        await pilot.press("u")
        await pilot.pause()
        assert variants() == [("tech", "dbt and Airflow.", None)]


async def test_a_second_variant_for_the_same_audience_is_refused_in_the_form(make_app, db_file):
    pitch = create_pitch("Elevator pitch", "elevator pitch", "I build pipelines.")
    set_variant(pitch.id, "tech", "dbt.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, "audiences")
        await pilot.press("n", *"Tech", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, VariantModal)  # stays open, nothing typed is lost
        assert "already has a variant" in str(app.screen.query_one("#error").render())
        assert app.screen.query_one("#audience").has_focus
    assert variants() == [("tech", "dbt.", None)]


async def test_add_edit_delete_a_claim_with_evidence_and_source(make_app, db_file):
    create_pitch("Resume summary", "resume summary", "Data engineer.")
    create_pitch("LinkedIn headline", "social headline", "Data engineer.")
    pitch, other = list_pitches()  # a new claim goes to the pitch open in the brand studio (the first)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, "claims")
        await pilot.press("n")
        assert isinstance(app.screen, ClaimModal)
        await pilot.press(*"cut close to six days", "enter")  # Enter saves; evidence can come later
        await pilot.pause()
        [claim] = list_claims()
        assert (claim.claim, claim.evidence, claim.pitch_id) == ("cut close to six days", "", pitch.id)
        assert "no evidence yet" in str(app.screen.query_one("#claim-list").get_option_at_index(0).prompt)

        await pilot.press("enter")  # Enter on a claim edits it, like e
        assert isinstance(app.screen, ClaimModal)
        await pilot.press("tab", *"Globex retro slides", "tab", *"a talk by J. Doe", "enter")
        await pilot.pause()
        [claim] = list_claims()
        assert (claim.evidence, claim.source) == ("Globex retro slides", "a talk by J. Doe")
        await pilot.press("u")
        await pilot.pause()
        assert (list_claims()[0].evidence, list_claims()[0].source) == ("", "")

        # Moving a claim to another pitch is one change for u.
        await pilot.press("e", "shift+tab", "down")  # to the pitch; ↓ opens its list
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#pitch").value == other.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [c.pitch_id for c in list_claims()] == [other.id]
        await pilot.press("u")
        await pilot.pause()
        assert [c.pitch_id for c in list_claims()] == [pitch.id]

        await pilot.press("delete", "y")
        await pilot.pause()
        assert list_claims() == []
        await pilot.press("u")
        await pilot.pause()
        assert [c.claim for c in list_claims()] == ["cut close to six days"]


async def test_delete_feedback_asks_and_u_brings_it_back(make_app, db_file):
    ada = create_contact("Ada Lovelace").id
    add_feedback(ada, "Great listener.", thank_you=False)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, "feedback")
        await pilot.press("D")
        assert isinstance(app.screen, ConfirmModal)
        assert "Ada Lovelace" in str(app.screen.query_one("#question").render())
        await pilot.press("y")
        await pilot.pause()
        assert list_feedback() == [] and screen._terms == []
        await pilot.press("u")
        await pilot.pause()
        assert [f.text for f in list_feedback()] == ["Great listener."]
        assert [t.term for t in screen._terms] == ["great", "great listener", "listener"]


async def test_feedback_form_asks_before_dropping_typed_words(make_app, db_file):
    create_contact("Ada Lovelace")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "p", "n")
        assert isinstance(app.screen, FeedbackModal)
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, PerceptionScreen)
        await pilot.press("n", *"Ada Lovelace", "enter", *"Calm under pressure.", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#text").text == "Calm under pressure."
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, PerceptionScreen)
    assert list_feedback() == []


async def test_review_and_variant_forms_ask_before_dropping_changes(make_app, db_file):
    create_pitch("Elevator pitch", "elevator pitch", "I build pipelines.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "p", "r", "space", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PerceptionScreen)
        await pilot.press(*["t"] * TABS.index("audiences"), "n", *"investors", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PerceptionScreen)
    assert list_variants() == []


async def test_brand_footer_shows_perception_and_keeps_every_data_key(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        footer = screen_rows(app)[-1].rstrip()
        assert footer.endswith("q Quit") and len(footer) <= SIZE[0]
        for shown in ("n New", "e Write", "^s Save", "p Perception"):
            assert shown in footer


async def test_perception_footer_fits_and_follows_the_tab(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "p")
        for tab in TABS:
            await pilot.pause()
            footer = screen_rows(app)[-1].rstrip()
            assert app.screen.query_one("#tabs").active == tab
            assert footer.endswith("q Quit") and "n New" in footer and "r Review" in footer, (tab, footer)
            assert ("e Edit" in footer) == (tab in ("audiences", "claims")), (tab, footer)
            assert ("D Delete" in footer) == (tab in ("feedback", "audiences", "claims")), (tab, footer)
            assert ("c Copy to pitch" in footer) == (tab in ("terms", "compare")), (tab, footer)
            await pilot.press("t")


async def test_claims_from_the_demo_show_which_lack_evidence(make_app, demo_db):
    bare = [c for c in list_claims() if not c.evidence]
    assert bare  # the demo has one claim without evidence
    add_claim(bare[0].pitch_id, "[b]bold[/b] claim")  # user text stays literal
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, "claims")
        prompts = [str(screen.query_one("#claim-list").get_option_at_index(i).prompt)
                   for i in range(len(list_claims()))]
        assert any("[b]bold[/b] claim" in p and "no evidence yet" in p for p in prompts)


def test_snapshot_audiences_tab(snap_compare, make_app, demo_db):
    async def run_before(pilot):
        await open_tab(pilot, "audiences")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_snapshot_claims_tab(snap_compare, make_app, demo_db):
    async def run_before(pilot):
        await open_tab(pilot, "claims")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_snapshot_edit_variant_form(snap_compare, make_app, demo_db):
    async def run_before(pilot):
        await open_tab(pilot, "audiences")
        await pilot.press("e")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_snapshot_new_claim_form(snap_compare, make_app, demo_db):
    async def run_before(pilot):
        await open_tab(pilot, "claims")
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


async def test_a_term_is_asked_for_while_focus_is_still_on_another_tabs_list(make_app, demo_db):
    # Keys typed fast: the footer asked for the highlighted term of They say / you say while the
    # Requests list still had focus, and the app died on a query for "#col-request-list".
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, "requests")
        assert screen.query_one("#request-list").has_focus
        screen.query_one("#tabs").active = "compare"
        assert screen.current_term() is screen._columns["they"][0]  # the first column's, no crash
        screen.check_action("copy_term", ())


async def test_ask_takes_the_highlighted_match_of_a_few_letters(make_app, db_file):
    from kith.store.perception.feedback import list_requests

    ada = create_contact("Ada Lovelace").id
    create_contact("Grace Hopper")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "p", "b", *"lovel")
        await pilot.pause()
        await pilot.press("enter")  # takes Ada and asks, in one press
        await pilot.pause()
        assert isinstance(app.screen, PerceptionScreen)
        assert [r.contact_id for r in list_requests()] == [ada]
        await pilot.press("b", *"#999", "enter")  # no such contact: said in the form
        await pilot.pause()
        assert isinstance(app.screen, FeedbackModal)
        assert "999" in str(app.screen.query_one("#who-error").render())


async def test_n_on_requests_answers_the_highlighted_request(make_app, db_file, fixed_today):
    from kith.store.perception.feedback import ask, list_requests

    ada = create_contact("Ada Lovelace").id
    ask(ada, "People say I am …", "email", fixed_today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_tab(pilot, "requests")
        await pilot.press("n")
        assert isinstance(app.screen, FeedbackModal)
        assert "People say I am" in str(app.screen.query_one("#note").render())
        assert app.screen.query_one("#text").has_focus  # their name is filled in
        await pilot.press(*"Clear and kind.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PerceptionScreen)
    [entry] = list_feedback(ada)
    assert entry.text == "Clear and kind." and list_requests(ada)[0].status == "answered"


async def test_enter_walks_the_review_checklist_and_records_from_the_last_note(make_app, db_file):
    from kith.store.perception.brand_review import list_reviews

    pitch = create_pitch("Elevator pitch", "elevator pitch", "I build pipelines.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "p", "r", "space", "enter", *"name the field")
        for _ in range(8):  # down the checklist: four more boxes and notes
            await pilot.press("enter")
        assert isinstance(app.screen, BrandReviewModal)
        assert app.screen.focused.id == "note-too-detailed"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PerceptionScreen)
    [review] = list_reviews(pitch.id)
    assert review.answers["generalised"] == {"ok": True, "note": "name the field"}


async def test_moving_a_variant_never_replaces_the_other_pitchs_variant(make_app, db_file):
    first = create_pitch("Elevator pitch", "elevator pitch", "I build pipelines.")
    second = create_pitch("LinkedIn about", "social about", "Data engineer.")
    set_variant(first.id, "tech", "dbt.")
    set_variant(second.id, "Téch", "Airflow.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, "audiences")
        assert screen._variants[0].pitch_id == first.id  # rows in pitch order
        await pilot.press("e", "shift+tab", "down")  # to the pitch; ↓ opens its list
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#pitch").value == second.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, VariantModal)
        assert "already has a variant" in str(app.screen.query_one("#error").render())
    assert sorted((v.pitch_id, v.text) for v in list_variants()) == [(first.id, "dbt."), (second.id, "Airflow.")]


async def test_the_brand_status_line_never_praises_what_is_not_there(make_app, db_file):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, "compare")
        status = str(screen.query_one("#brand-status").render())
        assert "no claims noted yet" in status and "nothing to review yet" in status
        assert "every claim has evidence" not in status and "all reviewed" not in status


async def test_square_brackets_switch_tabs_as_in_every_area(make_app, db_file):
    # ] and [ are the tab keys of Career and Network too; t still works here.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "p")
        tabs = app.screen.query_one("#tabs", TabbedContent)
        assert tabs.active == TABS[0]
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert tabs.active == TABS[2]
        await pilot.press("left_square_bracket")
        assert tabs.active == TABS[1]
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert tabs.active == TABS[-1]
        await pilot.press("t")
        assert tabs.active == TABS[0]
