"""Pilot and snapshot tests of Perception (Brand, then p) and the brand review checklist."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from kith.store.brand.pitches import Pitch, create_pitch, get_pitch
from kith.store.people.contacts import create_contact
from kith.store.people.followups import list_follow_ups
from kith.store.perception.brand_review import list_reviews
from kith.store.perception.feedback import add_feedback, list_feedback, list_requests
from kith.store.today.queue import build_queue
from kith.tui.modals.brand_review import BrandReviewModal
from kith.tui.modals.feedback import FeedbackModal
from kith.tui.screens.brand import BrandScreen
from kith.tui.screens.perception import PerceptionScreen
from kith.tui.settings import context_for

SIZE = (80, 24)


async def test_ask_answer_thank_term_and_copy_into_the_pitch_draft(make_app, db_file, fixed_today):
    pitch = create_pitch("Elevator pitch", "elevator pitch", "I build pipelines.")
    ada = create_contact("Ada Lovelace").id
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "p")
        assert isinstance(app.screen, PerceptionScreen)
        await pilot.press("b")
        assert isinstance(app.screen, FeedbackModal)
        await pilot.press(*"Ada Lovelace", "enter")
        await pilot.pause()
        [request] = list_requests(ada)
        assert request.status == "asked" and request.asked_on == fixed_today
        await pilot.press("n")
        await pilot.press(*"Ada Lovelace", "enter", *"Calm under pressure.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PerceptionScreen)
        [entry] = list_feedback(ada)
        assert entry.text == "Calm under pressure." and list_requests(ada)[0].status == "answered"
        [thanks] = list_follow_ups(ada)
        assert (thanks.what, thanks.due) == ("Thank Ada for the feedback", fixed_today + timedelta(days=1))
        terms = [t.term for t in app.screen._terms]
        assert terms == ["calm", "calm under pressure", "pressure"]
        assert "calm under pressure" in str(app.screen.query_one("#term-list").get_option_at_index(1).prompt)
        assert "Calm under pressure." in str(app.screen.query_one("#quotes").render())
        await pilot.press("down", "c")
        await pilot.pause()
        assert isinstance(app.screen, BrandScreen)
        assert app.screen.query_one("#editor").text == "I build pipelines. calm under pressure"
    assert get_pitch(pitch.id).draft == "I build pipelines. calm under pressure"
    assert get_pitch(pitch.id).text == "I build pipelines."


async def test_a_review_of_a_stale_pitch_clears_its_today_item(make_app, db_file, fixed_today):
    pitch = create_pitch("Elevator pitch", "elevator pitch", "I build pipelines.")
    Pitch.update(created=datetime.combine(fixed_today - timedelta(days=120), time(9))).where(
        Pitch.id == pitch.id).execute()
    app = make_app()

    def brand_items():
        return [i for i in build_queue(context_for(app.config, fixed_today)) if i.source == "brand-review"]

    [item] = brand_items()
    assert item.reason == "review your elevator pitch (last reviewed 120 d ago)" and item.contact_id is None
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "p", "r")
        assert isinstance(app.screen, BrandReviewModal)
        await pilot.press("space", "tab", *"name the data field", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PerceptionScreen)
    assert brand_items() == []
    [review] = list_reviews(pitch.id)
    assert review.reviewed_on == fixed_today
    assert review.answers["generalised"] == {"ok": True, "note": "name the data field"}
    assert review.answers["outdated"] == {"ok": False, "note": ""}


async def test_the_contact_page_lists_the_feedback_they_gave(make_app, db_file):
    from kith.tui.screens.contact_detail import ContactDetailScreen

    ada = create_contact("Ada Lovelace").id
    add_feedback(ada, "Generous with [b]credit[/b].", thank_you=False)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ContactDetailScreen(ada))
        await pilot.pause()
        assert app.screen.query_one("#feedback-given").display
        assert "Generous with [b]credit[/b]." in str(app.screen.query_one("#feedback-given").render())


async def test_copy_needs_a_term_and_a_pitch(make_app, db_file):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "p", "c")
        assert isinstance(app.screen, PerceptionScreen)  # nothing to copy: stays
        await pilot.press("t")
        assert app.screen.query_one("#tabs").active == "compare"
        await pilot.press("escape")
        assert isinstance(app.screen, BrandScreen)


def test_snapshot_perception_terms(snap_compare, make_app, demo_db):
    async def run_before(pilot):
        await pilot.press("4", "p")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_snapshot_perception_they_say_you_say(snap_compare, make_app, demo_db):
    async def run_before(pilot):
        await pilot.press("4", "p", "t")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_snapshot_review_checklist(snap_compare, make_app, demo_db):
    async def run_before(pilot):
        await pilot.press("4", "p", "r")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


async def test_today_shows_the_stale_pitch_and_enter_opens_brand(make_app, db_file, fixed_today):
    pitch = create_pitch("Elevator pitch", "elevator pitch", "I build pipelines.")
    Pitch.update(created=datetime.combine(fixed_today - timedelta(days=120), time(9))).where(
        Pitch.id == pitch.id).execute()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = app.screen.current_item()
        assert item.source == "brand-review" and item.contact_id is None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BrandScreen)


async def test_j_and_k_move_in_the_perception_lists_and_b_asks(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "p")
        terms = app.screen.query_one("#term-list")
        assert app.focused is terms and terms.option_count > 2 and terms.highlighted == 0
        await pilot.press("j", "j", "k")
        await pilot.pause()
        assert isinstance(app.screen, PerceptionScreen) and terms.highlighted == 1  # k moved up, asked nothing
        await pilot.press("b")
        assert isinstance(app.screen, FeedbackModal)
