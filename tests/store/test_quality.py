"""Quantity and quality in the store: the filter grammar, relevance, suggested strength,
give/take, bulk actions with one undo, triage state and the weekly numbers (fixed days)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kith.store.core import undo
from kith.store.core.db import db
from kith.store.mentors import value_edits
from kith.store.people import contacts, touches
from kith.store.people.filters import BadFilter, matching_ids, parse
from kith.store.people.models import Contact
from kith.store.quality import bulk, focus, give_take, strength, triage, weekly
from kith.store.quality.health import HealthSettings, health
from kith.store.quality.settings import QualitySettings
from kith.store.today.queue import QueueSettings

DAY = date(2026, 3, 16)  # a Monday


def _ids(*people) -> list[int]:
    return sorted(p.id for p in people)


@pytest.fixture
def people(db):
    ada = contacts.create_contact("Ada Lovelace", company="Globex Corp", role="Data Engineer", location="London",
                                  tier="close", strength=4, tags=["industry:fintech", "geography:London"])
    bo = contacts.create_contact("Bo Chen", company="Initech", role="Designer", location="Paris", tier="network",
                                 strength=2, tags=["industry:retail"])
    cy = contacts.create_contact("Cy Obi", company="Globex", role="Product manager", location="Berlin",
                                 tier="network", strength=3, tags=["fintech"])
    touches.log_touch(ada.id, "coffee", DAY - timedelta(days=10))
    touches.log_touch(bo.id, "email", DAY - timedelta(days=400))
    return ada, bo, cy


# -- the filter grammar --------------------------------------------------------------------------


def test_filter_terms_combine_with_and_and_negate(people):
    ada, bo, cy = people
    assert _ids(*[c for c in people if c.id in matching_ids("org:globex", DAY)]) == _ids(ada, cy)
    assert matching_ids("org:globex -tier:close", DAY) == [cy.id]
    assert matching_ids("tag:industry:fintech", DAY) == [ada.id]
    assert sorted(matching_ids("tag:fintech", DAY)) == _ids(ada, cy)  # any kind
    assert sorted(matching_ids("strength>=3", DAY)) == _ids(ada, cy)
    assert matching_ids("strength<3", DAY) == [bo.id]
    assert matching_ids("last<90d", DAY) == [ada.id]
    assert sorted(matching_ids("last>1y", DAY)) == _ids(bo, cy)  # never touched counts as long ago
    assert matching_ids("last:never", DAY) == [cy.id]
    assert matching_ids("lovelace london", DAY) == [ada.id]  # free words as the list filter does
    assert matching_ids("-lovelace relevant:yes", DAY) == [bo.id]


def test_archived_are_left_out_unless_asked(people):
    ada, bo, cy = people
    contacts.set_archived(bo.id)
    assert bo.id not in matching_ids("", DAY)
    assert matching_ids("archived:yes", DAY) == [bo.id]
    assert len(matching_ids("archived:any", DAY)) == 3


@pytest.mark.parametrize("text, words", [
    ("foo:bar", "unknown filter key 'foo'"),
    ("strength>=9", "from 1 to 5"),
    ("last<soon", "span like 90d"),
    ("tier>=close", "takes ':'"),
    ("archived:maybe", "not yes, no or any"),
    ('org:"Globex', "quote is not closed"),
    ("tag:industry:", "no tag name"),
    ("added:yesterday", "added:last-import"),
])
def test_bad_filters_say_one_clear_line(text, words):
    with pytest.raises(BadFilter) as exc:
        parse(text)
    assert words in str(exc.value) and "\n" not in str(exc.value)


def test_added_last_import_finds_only_the_last_imports_people(people, tmp_path):
    from kith.store.transfer.importers import import_file

    first = tmp_path / "a.vcf"
    first.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Dee One\nEND:VCARD\n")
    second = tmp_path / "b.vcf"
    second.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Eve Two\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Fay Three\nEND:VCARD\n")
    import_file("vcard", first)
    import_file("vcard", second)
    names = {contacts.get_contact(i).name for i in matching_ids("added:last-import", DAY)}
    assert names == {"Eve Two", "Fay Three"}


# -- relevance ----------------------------------------------------------------------------------------


def test_relevance_scores_and_reasons(people):
    ada, bo, cy = people
    terms = [focus.parse_term("industry", "fintech"), focus.parse_term("geography", "London=2"),
             focus.parse_term("profession", "engineer")]
    rel = focus.relevance(terms)
    # Ada: fintech and London by tag (1 + 2), engineer from her role (0.6 of 1); out of 1 + 2 + 1.
    assert rel[ada.id].score == round(100 * (1 + 2 + 0.6) / 4)
    assert rel[ada.id].reason == "engineer (profession, from role) · fintech (industry, focus) · London (geography, focus)"
    # Cy: "fintech" is an untyped tag: weaker evidence.
    assert rel[cy.id].score == round(100 * 0.6 / 4)
    assert rel[cy.id].reason == "fintech (industry, from a tag)"
    assert bo.id not in rel  # only matches are listed network-wide; asked by id, a zero says why
    zero = focus.relevance_of(bo.id, terms)
    assert zero.score == 0 and zero.reason == "no match with your focus"
    assert focus.relevance(terms, [ada.id, bo.id])[ada.id] == rel[ada.id]


def test_focus_is_stored_per_kind_and_undoable(db):
    focus.set_focus("industry", [focus.parse_term("industry", "fintech=2")])
    focus.set_focus("industry", [focus.parse_term("industry", "retail")])
    assert [t.name for t in focus.get_focus()] == ["retail"]
    undo.undo_last()
    assert focus.get_focus() == [focus.FocusTerm("industry", "fintech", 2.0)]
    with pytest.raises(Exception, match="0.1 to 10"):
        focus.parse_term("industry", "fintech=99")


# -- suggested strength ----------------------------------------------------------------------------


def test_suggested_strength_rules():
    recent = [(DAY - timedelta(days=5), "coffee", None, None)]
    assert strength.suggest_from(recent, 0, 0, DAY)[0] == 3  # one fresh coffee: about 3 points
    assert strength.suggest_from([(DAY - timedelta(days=5), "newsletter", None, None)], 0, 0, DAY)[0] == 1
    many = [(DAY - timedelta(days=d), "coffee", 5, 90) for d in (3, 20, 40)]
    level, points, reasons = strength.suggest_from(many, 2, 1, DAY)
    assert level == 5 and "rated 5.0 on average" in reasons and "introduced you to 1 person" in reasons
    old = [(DAY - timedelta(days=300), "coffee", None, None)]
    assert strength.suggest_from(old, 0, 0, DAY)[0] == 1  # a coffee ten months ago has faded
    # Nobody touched in a year: at most 2, however much value came.
    assert strength.suggest_from([], 20, 5, DAY)[0] == 2


def test_accepting_the_suggestion_sets_strength_and_undo_restores(people):
    ada, bo, cy = people
    t = touches.log_touch(cy.id, "coffee", DAY - timedelta(days=2))
    strength.rate_touch(t.id, 5, 90)
    s = strength.accept(cy.id, DAY)
    assert s.suggested == contacts.get_contact(cy.id).strength == 4
    undo.undo_last()
    assert contacts.get_contact(cy.id).strength == 3


# -- give and take -----------------------------------------------------------------------------------


def test_give_take_totals(people):
    ada, bo, cy = people
    value_edits.add_value(ada.id, "received", "information", DAY - timedelta(days=3))
    value_edits.add_value(ada.id, "received", "accountability", DAY - timedelta(days=200))
    value_edits.add_value(bo.id, "given", "gratitude", DAY - timedelta(days=5))
    touches.log_touch(bo.id, "introduction", DAY - timedelta(days=6))
    contacts.create_contact("Dee", introduced_by_id=cy.id)
    b = give_take.balances(DAY)
    assert (b[ada.id].given, b[ada.id].received, b[ada.id].received_recent) == (0, 2, 1)
    assert (b[bo.id].given, b[bo.id].received) == (2, 0)
    assert b[cy.id].received == 1
    total = give_take.totals(DAY)
    assert (total.given, total.received) == (2, 3)
    assert ada.id in give_take.only_taken(DAY)
    assert give_take.time_to_receive(DAY, margin=2) == [bo.id]


# -- bulk actions -------------------------------------------------------------------------------------


def test_bulk_tag_of_a_filtered_set_and_one_undo(people):
    ada, bo, cy = people
    ids = matching_ids("org:globex", DAY)
    versions = {i: contacts.get_contact(i).version for i in ids}
    assert bulk.tag(ids, "industry:payments") == 2
    assert sorted(matching_ids("tag:industry:payments", DAY)) == sorted(ids)
    assert all(contacts.get_contact(i).version == versions[i] + 1 for i in ids)
    assert "payments" in Contact.get_by_id(ada.id).search_key  # the list filter finds the new tag
    entry = undo.undo_last()
    assert entry.action == "bulk"
    assert matching_ids("tag:payments", DAY) == []
    assert db.execute_sql("SELECT count(*) FROM tag WHERE folded = 'payments'").fetchone()[0] == 0


def test_bulk_fields_and_archive_undo_in_one_step(people):
    ada, bo, cy = people
    ids = [ada.id, bo.id, cy.id]
    assert bulk.set_field(ids, "tier", "close") == 2  # Ada already is
    bulk.set_field(ids, "archived", True)
    assert matching_ids("", DAY) == []
    undo.undo_last()
    assert len(matching_ids("", DAY)) == 3
    undo.undo_last()
    assert [contacts.get_contact(i).tier for i in ids] == ["close", "network", "network"]
    with pytest.raises(bulk.NothingToDo):
        bulk.set_field([], "tier", "close")
    with pytest.raises(Exception, match="1 to 5"):
        bulk.set_field(ids, "strength", 7)


def test_bulk_untag_and_undo(people):
    ada, bo, cy = people
    bulk.tag([ada.id, cy.id], "fintech", remove=True)
    assert matching_ids("tag:other:fintech", DAY) == []
    undo.undo_last()
    assert matching_ids("tag:other:fintech", DAY) == [cy.id]


# -- triage --------------------------------------------------------------------------------------------


def test_a_contact_stays_untriaged_until_triage_stores_it(people):
    ada, bo, cy = people
    assert len(triage.queue()) == 3
    triage.decide(ada.id, DAY, tier="inner", strength=5, add_tag="profession:engineer", initiated_by="me")
    triage.decide(bo.id, DAY, archive=True)
    triage.decide(cy.id, DAY)  # a skip counts as seen
    assert triage.queue() == []
    a = triage.card(ada.id)
    assert (a.tier, a.strength, a.initiated_by, a.triaged_on) == ("inner", 5, "me", DAY)
    assert "profession:engineer" in a.tags
    assert triage.card(bo.id).archived
    assert triage.initiator_counts()["me"] == 1
    undo.undo_last()
    assert triage.queue() == [cy.id]
    undo.undo_last()
    assert not triage.card(bo.id).archived


# -- weekly numbers ------------------------------------------------------------------------------------


def test_weekly_numbers_on_fixed_days(db):
    a = contacts.create_contact("Ana")
    b = contacts.create_contact("Ben", introduced_by_id=a.id)
    Contact.update(created=datetime(2026, 3, 12, 10)).where(Contact.id == b.id).execute()
    Contact.update(created=datetime(2026, 1, 1, 10)).where(Contact.id == a.id).execute()
    for back in (1, 2, 3, 7):  # this week (the seven days before DAY): four touches
        touches.log_touch(a.id, "coffee" if back == 1 else "email", DAY - timedelta(days=back))
    touches.log_touch(a.id, "introduction", DAY - timedelta(days=4))
    # the ledger counts introductions: Ana introduced you to Ben (set on Ben), you introduced Ana and Ben
    from kith.store.core.db import db as store
    from kith.store.network.introductions import record_introduction

    store.execute_sql("UPDATE introduction SET day = '2026-03-12'")
    record_introduction(None, a.id, b.id, DAY - timedelta(days=4), log_touches=False)
    touches.log_touch(a.id, "email", DAY)  # today is not in the review
    for back in (8, 9, 10, 15, 16, 17):  # the two weeks before: three touches each
        touches.log_touch(b.id, "email", DAY - timedelta(days=back))
    w = weekly.week(DAY, streak_min=3)
    assert (w.start, w.end) == (date(2026, 3, 9), date(2026, 3, 15))
    assert (w.touches, w.conversations, w.introductions_made) == (5, 1, 1)
    assert (w.new_people, w.introductions_received) == (1, 1)
    assert w.streak == 3
    assert weekly.week(DAY, streak_min=4).streak == 1


def test_health_numbers(people):
    ada, bo, cy = people
    settings = HealthSettings({"inner": 14, "close": 30, "network": 90, "dormant": 0}, 7, "job-search",
                              (focus.FocusTerm("industry", "fintech"),))
    h = health(DAY, settings)
    assert h.contacts == 3 and h.strength == [0, 1, 1, 1, 0]
    assert h.relevant == 2 and h.relevant_touched_30d == 1
    assert h.by_focus == [("industry", "fintech", 2)]
    assert sum(h.touches_per_week) == 1 and len(h.touches_per_week) == 52
    assert h.verdict == "job search: 2 relevant contacts (most in fintech), 1 touched this month"
    assert h.tiers["close"]["on-track"] == 1


def test_give_take_nudges_in_today_are_slow_and_weekly(people):
    from kith.store.today.queue import SLOW, QueueContext, build_queue

    ada, bo, cy = people
    value_edits.add_value(ada.id, "received", "information", DAY - timedelta(days=3))
    days = [DAY + timedelta(days=n) for n in range(7)]
    shown = [d for d in days
             if any(i.source == "help-offer" and i.contact_id == ada.id
                    for i in build_queue(QueueContext(d, {"close": 30, "network": 90})))]
    assert len(shown) == 1  # once a week
    assert {"help-offer", "time-to-receive"} <= SLOW
    item = next(i for i in build_queue(QueueContext(shown[0], {"close": 30, "network": 90}))
                if i.source == "help-offer")
    assert item.reason.startswith("How can I help you?")
    off = QueueContext(shown[0], {"close": 30}, settings=QueueSettings(areas={"quality": QualitySettings(help_nudges=False)}))
    assert not [i for i in build_queue(off) if i.source == "help-offer"]


def test_give_take_nudges_agree_with_the_balances_they_summarise(db):
    # The two sources sum in SQL what ``give_take`` sums in Python: on a random network with every
    # kind of exchange, old and recent, and archived people, they pick the same people with the
    # same numbers.
    import random

    from kith.store.quality.queue_source import help_offer_items, time_to_receive_items
    from kith.store.today.queue import QueueContext

    rng = random.Random(7)
    people = [contacts.create_contact(f"Person {n}") for n in range(40)]
    for p in people:
        for _ in range(rng.randrange(4)):
            direction = rng.choice(("given", "received"))
            value_edits.add_value(p.id, direction, "gratitude" if direction == "given" else "information",
                                  DAY - timedelta(days=rng.randrange(400)))
        for _ in range(rng.randrange(3)):
            touches.log_touch(p.id, "introduction", DAY - timedelta(days=rng.randrange(400)))
    for n in range(30):  # people someone introduced, added on various days
        c = contacts.create_contact(f"Introduced {n}", introduced_by_id=rng.choice(people).id)
        Contact.update(created=datetime.combine(DAY - timedelta(days=rng.randrange(200)), datetime.min.time())
                       ).where(Contact.id == c.id).execute()
    for p in rng.sample(people, 5):
        contacts.set_archived(p.id)
    archived = {r.id for r in contacts.list_rows(include_archived=True) if r.archived}
    checked = 0
    for settings in (QualitySettings(), QualitySettings(give_take_days=30, receive_margin=1),
                     QualitySettings(give_take_days=200, receive_margin=2)):
        ctx = QueueContext(DAY, {}, settings=QueueSettings(areas={"quality": settings}))
        b = give_take.balances(DAY, settings.give_take_days)
        helped = [(i.contact_id, i.reason) for i in help_offer_items(ctx)]
        assert helped == [(cid, f"How can I help you? {b[cid].received_recent} received in "
                                f"{settings.give_take_days} d, nothing given back")
                          for cid in give_take.only_taken(DAY, settings.give_take_days) if cid not in archived]
        receive = [(i.contact_id, i.reason) for i in time_to_receive_items(ctx)]
        assert receive == [(cid, f"Know when it's time to receive: you gave {b[cid].given}, received {b[cid].received}")
                           for cid in give_take.time_to_receive(DAY, settings.receive_margin) if cid not in archived]
        checked += len(helped) + len(receive)
    assert checked > 10  # the random network has people of both kinds


def test_job_search_lifts_relevant_people_in_today(people):
    from kith.store.quality.ranking import weigh
    from kith.store.today.queue import QueueItem

    ada, bo, cy = people
    focus.set_focus("industry", [focus.parse_term("industry", "fintech")])
    items = [QueueItem("cadence", bo.id, "Bo", DAY, 1.0, "due"), QueueItem("cadence", ada.id, "Ada", DAY, 1.0, "due")]
    lifted = {i.contact_id: i.score for i in weigh(items, _mode("job-search", relevance_weight=0.5))}
    assert lifted[ada.id] == 1.5 and lifted[bo.id] == 1.0  # Ada is 100 % relevant, Bo not at all
    steady = {i.contact_id: i.score for i in weigh(items, _mode("steady", strength_weight=0.4))}
    assert steady[ada.id] == pytest.approx(1.1) and steady[bo.id] == pytest.approx(0.9)  # strength 4 and 2
    assert weigh(items, QueueSettings(mode="steady")) == items  # off by default: the cadence score already weighs strength


def _mode(mode: str, **quality) -> QueueSettings:
    return QueueSettings(mode=mode, areas={"quality": QualitySettings(**quality)})


def test_the_wiring_hands_the_job_search_weighting_to_todays_queue(people):
    from kith.store.today.queue import QueueContext, build_queue

    ada, bo, cy = people
    focus.set_focus("industry", [focus.parse_term("industry", "fintech")])
    later = DAY + timedelta(days=40)  # Ada (close, every 30 d) and Bo (a year untouched) are due

    def scores(weight: float) -> dict[int, float]:
        ctx = QueueContext(later, {"close": 30, "network": 90}, settings=_mode("job-search", relevance_weight=weight))
        return {i.contact_id: i.score for i in build_queue(ctx) if i.source == "cadence"}

    plain, lifted = scores(0.0), scores(0.5)
    assert lifted[ada.id] == pytest.approx(plain[ada.id] * 1.5)  # fully relevant
    assert lifted[bo.id] == pytest.approx(plain[bo.id])  # not relevant: unchanged


def test_weeks_start_on_the_review_day_and_a_week_under_way_keeps_the_streak(db):
    a = contacts.create_contact("Ana")
    for back in (1, 2, 3, 8, 9, 10):  # three touches in each of the two weeks before DAY (a Monday)
        touches.log_touch(a.id, "email", DAY - timedelta(days=back))
    touches.log_touch(a.id, "coffee", DAY)
    past = weekly.past_week(DAY, 0, 3)
    assert (past.start, past.end, past.touches, past.streak) == (date(2026, 3, 9), date(2026, 3, 15), 3, 2)
    this = weekly.week_containing(DAY + timedelta(days=2), DAY, 0, 3)  # under way, one touch so far
    assert (this.start, this.touches, this.conversations, this.streak) == (DAY, 1, 1, 2)
    friday = weekly.week_containing(DAY, DAY, 4, 3)  # weeks from Friday to Thursday
    assert (friday.start, friday.end, friday.touches) == (date(2026, 3, 13), date(2026, 3, 19), 4)
    assert weekly.past_week(date(2026, 3, 18), 2, 3).start == date(2026, 3, 11)


def test_the_weekly_review_is_put_away_for_one_day(db):
    assert not weekly.dismissed(DAY)
    weekly.dismiss(DAY)
    weekly.dismiss(DAY)  # twice is fine
    assert weekly.dismissed(DAY) and not weekly.dismissed(DAY + timedelta(days=7))
    weekly.undismiss(DAY)
    assert not weekly.dismissed(DAY)
