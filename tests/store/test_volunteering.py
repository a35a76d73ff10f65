"""Volunteering store: engagements at network organisations, hours by day with the 24-hour rule,
people met (an event touch, a person added on the spot), undo, Today's follow-up nudge, shared
engagements, the network edge and organisation merges, search."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kith.store.core.errors import Invalid, NotFound
from kith.store.core.undo import undo_last
from kith.store.network.edges import edges_between
from kith.store.network.orgs import find_or_create_org, list_orgs, merge_orgs
from kith.store.people.contacts import create_contact, delete_contact, get_contact, list_contacts
from kith.store.people.touches import list_touches, log_touch
from kith.store.today.queue import QueueContext, QueueSettings, build_queue
from kith.store.volunteering.common import parse_hours
from kith.store.volunteering.engagements import (
    add_engagement,
    delete_engagement,
    end_engagement,
    get_engagement,
    list_engagements,
    resolve_engagement,
)
from kith.store.volunteering.hours import list_hours, log_hours
from kith.store.volunteering.met import list_met, meet, shared_engagements
from kith.store.volunteering.settings import VolunteeringSettings

DAY = date(2026, 3, 16)


def _club(**kw):
    return add_engagement("Code Club", "mentor", DAY, started=kw.pop("started", DAY - timedelta(days=100)), **kw)


def _met_items(day=DAY, days=7, off=frozenset()):
    ctx = QueueContext(day, {"network": 90}, settings=QueueSettings(
        sources_off=off, areas={"volunteering": VolunteeringSettings(follow_up_days=days)}))
    return [i for i in build_queue(ctx) if i.source == "met"]


def test_an_engagement_belongs_to_the_network_organisation(db):
    ada = create_contact("Ada", company="Code Club Ltd")  # the network made "Code Club Ltd" an organisation
    e = _club(note="Saturdays", skills=(("Python", "used"), ("Teaching", "learned")))
    assert e.organisation == "Code Club Ltd" and e.role == "mentor" and e.ended is None
    assert [o.name for o in list_orgs()] == ["Code Club Ltd"]
    assert dict(e.skills) == {"Python": "used", "Teaching": "learned"}
    assert resolve_engagement("code club").id == e.id == resolve_engagement(f"#{e.id}").id
    assert get_contact(ada.id).company == "Code Club Ltd"
    undo_last()
    assert list_engagements() == [] and [o.name for o in list_orgs()] == ["Code Club Ltd"]


def test_a_new_organisation_and_skills_go_with_the_undo(db):
    from kith.store.career.skills import list_skills

    add_engagement("Food Bank", "driver", DAY, skills=(("Driving", "used"),))
    assert [s.name for s in list_skills(DAY)] == ["Driving"]
    undo_last()
    assert list_orgs() == [] and list_skills(DAY) == []


@pytest.mark.parametrize("hours, minutes", [("2", 120), ("1.5", 90), ("0,25", 15), ("1:30", 90), (24, 1440)])
def test_hours_as_people_type_them(hours, minutes):
    assert parse_hours(hours) == minutes


@pytest.mark.parametrize("hours, says", [("-1", "negative"), ("25", "more than a day"), ("0", "at least one minute"),
                                         ("lots", "a number"), ("nan", "a number"), ("24:30", "more than a day")])
def test_bad_hours_are_refused_with_one_line(hours, says):
    with pytest.raises(Invalid, match=says):
        parse_hours(hours)


def test_hours_by_day_and_the_day_holds_24_hours_across_engagements(db):
    club, bank = _club(), add_engagement("Food Bank", "driver", DAY, started=DAY - timedelta(days=10))
    log_hours(club.id, "2.5", DAY, DAY - timedelta(days=1), note="robots")
    log_hours(club.id, 2, DAY, DAY - timedelta(days=8))
    log_hours(bank.id, "20", DAY, DAY - timedelta(days=1))
    with pytest.raises(Invalid, match="already holds 22.5 h"):
        log_hours(club.id, 2, DAY, DAY - timedelta(days=1))
    e = get_engagement(club.id)
    assert (e.minutes, e.hours, e.days_logged, e.last_day) == (270, "4.5", 2, DAY - timedelta(days=1))
    assert [(h.day, h.minutes, h.note) for h in list_hours(club.id)] == [
        (DAY - timedelta(days=1), 150, "robots"), (DAY - timedelta(days=8), 120, "")]


def test_hours_outside_the_engagement_or_ahead_are_refused(db):
    e = _club()
    end_engagement(e.id, DAY - timedelta(days=5))
    with pytest.raises(Invalid, match="after"):
        log_hours(e.id, 1, DAY, DAY - timedelta(days=2))
    with pytest.raises(Invalid, match="before"):
        log_hours(e.id, 1, DAY, DAY - timedelta(days=200))
    with pytest.raises(Invalid, match="still ahead"):
        log_hours(e.id, 1, DAY, DAY + timedelta(days=1))
    with pytest.raises(Invalid, match="before it starts"):
        add_engagement("X", "y", DAY, started=DAY, ended=DAY - timedelta(days=1))
    with pytest.raises(NotFound):
        log_hours(999, 1, DAY)


def test_logging_hours_keeps_the_engagement_skills_current_and_undo_reverses_both(db):
    from kith.store.career.skills import add_skill, list_skills

    add_skill("Python", DAY, used="2023-01")
    e = _club(skills=(("Python", "used"),))
    log_hours(e.id, 2, DAY, DAY)
    assert [s.last_used for s in list_skills(DAY)] == ["2026-03"]
    undo_last()
    assert list_hours(e.id) == [] and [s.last_used for s in list_skills(DAY)] == ["2023-01"]


def test_meeting_someone_logs_an_event_touch_with_the_engagement_and_undo_removes_it(db):
    ada = create_contact("Ada Lovelace")
    e = _club()
    m = meet(e.id, DAY, contact_id=ada.id, day=DAY - timedelta(days=2), note="talked about robots")
    (touch,) = list_touches(ada.id)
    assert (touch.kind, touch.date, touch.id) == ("event", DAY - timedelta(days=2), m.touch_id)
    assert touch.note == "volunteering at Code Club (mentor): talked about robots"
    assert get_contact(ada.id).last_touch_on == DAY - timedelta(days=2)
    assert [x.name for x in list_met(e.id)] == ["Ada Lovelace"] and get_engagement(e.id).people == 1
    with pytest.raises(Invalid, match="already logged"):
        meet(e.id, DAY, contact_id=ada.id, day=DAY - timedelta(days=2))
    undo_last()
    assert list_touches(ada.id) == [] and list_met(e.id) == [] and get_contact(ada.id).last_touch_on is None


def test_a_new_person_is_created_on_the_spot_and_undo_takes_them_away_again(db):
    e = _club()
    m = meet(e.id, DAY, new_name="Grace Hopper")
    grace = get_contact(m.contact_id)
    assert grace.how_met == "volunteering at Code Club (mentor)" and grace.last_touch_kind == "event"
    with pytest.raises(Invalid, match="say who"):
        meet(e.id, DAY)
    undo_last()
    assert list_contacts() == [] and list_met(e.id) == []


def test_the_contact_page_lists_shared_engagements(db):
    ada = create_contact("Ada")
    club, bank = _club(), add_engagement("Food Bank", "driver", DAY, started=DAY - timedelta(days=400))
    meet(bank.id, DAY, contact_id=ada.id, day=DAY - timedelta(days=300))
    meet(club.id, DAY, contact_id=ada.id, day=DAY - timedelta(days=20))
    meet(club.id, DAY, contact_id=ada.id, day=DAY - timedelta(days=3))
    shared = shared_engagements(ada.id)
    assert [(s.title, s.times, s.first_met) for s in shared] == [
        ("Code Club (mentor)", 2, DAY - timedelta(days=20)), ("Food Bank (driver)", 1, DAY - timedelta(days=300))]


def test_today_nudges_a_follow_up_within_the_window_until_a_later_touch(db):
    ada, bob, cy = (create_contact(n).id for n in ("Ada", "Bob", "Cy"))
    e = _club()
    meet(e.id, DAY, contact_id=ada, day=DAY - timedelta(days=2))
    meet(e.id, DAY, contact_id=bob, day=DAY)
    meet(e.id, DAY, contact_id=cy, day=DAY - timedelta(days=8))  # out of the 7-day window
    items = {i.contact_id: i for i in _met_items()}
    assert set(items) == {ada, bob}
    assert items[ada].due == DAY + timedelta(days=5) and items[ada].reason.startswith("follow up within 5 d: ")
    assert "Code Club (mentor) 2 d ago" in items[ada].reason and items[ada].score > items[bob].score
    log_touch(ada, "email", DAY, "nice to meet you")  # the follow-up
    assert {i.contact_id for i in _met_items()} == {bob}
    log_touch(bob, "message", DAY, "same day, after meeting")
    assert _met_items() == []
    assert {i.contact_id for i in _met_items(day=DAY + timedelta(days=1), days=10)} == {cy}
    (last,) = _met_items(day=DAY + timedelta(days=1), days=9)  # the window's last day
    assert last.contact_id == cy and last.reason.startswith("follow up today: ") and last.state == "due"


def test_the_nudge_can_be_turned_off(db):
    e = _club()
    meet(e.id, DAY, new_name="Ada")
    assert _met_items() and _met_items(days=0) == [] and _met_items(off=frozenset({"met"})) == []


def test_people_met_at_one_engagement_know_each_other_for_warm_paths(db):
    ada, bob = create_contact("Ada").id, create_contact("Bob", company="Globex").id
    e = _club()
    meet(e.id, DAY, contact_id=ada, day=DAY - timedelta(days=40))
    meet(e.id, DAY, contact_id=bob, day=DAY - timedelta(days=3))
    found = [x for x in edges_between(ada, bob) if x.kind == "volunteering"]
    assert found and found[0].strength == 2 and "Code Club (mentor)" in found[0].why
    from kith.store.network.paths import find_routes

    globex = find_or_create_org("Globex")
    routes = find_routes(globex.id, today=DAY)
    assert any(len(r.hops) == 2 and r.hops[0].contact_id == ada for r in routes)


def test_merging_organisations_moves_engagements_and_undo_moves_them_back(db):
    e = add_engagement("CodeClub", "mentor", DAY)
    keep = find_or_create_org("Code Club")
    merge_orgs(keep.id, e.organisation_id)
    assert get_engagement(e.id).organisation == "Code Club"
    undo_last()
    assert get_engagement(e.id).organisation == "CodeClub"


def test_deleting_an_engagement_keeps_the_touches_and_undo_brings_everything_back(db):
    ada = create_contact("Ada").id
    e = _club(skills=(("Python", "used"),))
    log_hours(e.id, 3, DAY)
    meet(e.id, DAY, contact_id=ada)
    delete_engagement(e.id)
    assert list_engagements() == [] and len(list_touches(ada)) == 1
    undo_last()
    back = get_engagement(e.id)
    assert (back.minutes, back.people, back.skills) == (180, 1, (("Python", "used"),))


def test_deleting_a_person_met_and_undo_restores_the_meeting(db):
    ada = create_contact("Ada").id
    e = _club()
    meet(e.id, DAY, contact_id=ada)
    delete_contact(ada)
    assert list_met(e.id) == []
    undo_last()
    assert [m.contact_id for m in list_met(e.id)] == [ada] and list_met(e.id)[0].touch_id is not None


def test_search_finds_engagements_by_organisation_role_and_note(db):
    from kith.store.search.engine import search

    e = add_engagement("Zürich Tafel", "Schatzmeisterin", DAY, note="quarterly accounts for the grants committee")
    for query in ("zurich tafel", "schatzmeister", "grants committee"):
        hits = [r for r in search(query, limit=5) if r.kind == "engagement"]
        assert hits and hits[0].id == e.id, query


def test_role_is_required_and_text_is_checked(db):
    with pytest.raises(Invalid, match="role"):
        add_engagement("Code Club", "  ", DAY)
    with pytest.raises(Invalid, match="control"):
        add_engagement("Code Club", "mentor\x1b[31m", DAY)
    with pytest.raises(Invalid, match="control"):
        add_engagement("Club\x1b]52;c;eA==\x07", "mentor", DAY)
