"""Store tests of the mentor value log: roles, balances, the give-back rule, check-ins, queue items."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kith.store.core.errors import Invalid, NotFound
from kith.store.mentors import value as m
from kith.store.people.contacts import create_contact, set_archived
from kith.store.people.touches import log_touch
from kith.store.today.queue import SOURCES, QueueContext, QueueSettings, load_sources
from kith.tui.settings import REASON_WORDS

TODAY = date(2026, 3, 16)


def ctx(**mentors) -> QueueContext:
    return QueueContext(today=TODAY, tier_cadence={}, due_soon_days=7, settings=QueueSettings(**mentors),
                        words=REASON_WORDS)


@pytest.fixture
def ada(db):
    return create_contact("Ada Lovelace", company="Globex").id


@pytest.fixture
def bob(db):
    return create_contact("Bob Okafor").id


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


# -- parsing ------------------------------------------------------------------------------------


def test_category_accepts_case_insensitive_unique_prefix():
    assert m.parse_category("received", "INTRO") == "introduction"
    assert m.parse_category("r", "new") == "new perspective"
    assert m.parse_category("given", "Follow up") == "follow-up"
    assert m.parse_category("g", "insight") == "insight or information"


def test_category_ambiguous_or_unknown_lists_the_choices():
    with pytest.raises(Invalid, match="thought process, thinking differently"):
        m.parse_category("received", "th")
    with pytest.raises(Invalid) as err:
        m.parse_category("given", "accountability")
    assert "gratitude" in str(err.value) and "follow-up" in str(err.value)
    assert err.value.field == "category"


def test_role_and_direction_prefixes():
    assert m.parse_role("P") == "partner"
    assert m.parse_direction("rec") == "received"
    with pytest.raises(Invalid, match="mentor, coach, partner"):
        m.parse_role("boss")


# -- roles and value ----------------------------------------------------------------------------


def test_roles_several_at_once_and_removal(ada):
    assert m.set_role(ada, "coach", on=TODAY) == ("coach",)
    assert m.set_role(ada, "mentor", on=TODAY) == ("mentor", "coach")
    assert m.set_role(ada, "partner", on=TODAY) == ("mentor", "coach", "partner")
    assert m.set_role(ada, "coach", present=False) == ("mentor", "partner")
    assert m.set_roles(ada, ["coach"], on=TODAY) == ("coach",)
    with pytest.raises(NotFound):
        m.set_role(999, "mentor")


def test_logging_value_makes_a_mentor_once(ada):
    first = m.add_value(ada, "received", "intro", ago(3), note="to the Globex lead")
    assert first.made_mentor and m.get_roles(ada) == ("mentor",)
    assert first.entry.category == "introduction" and first.entry.note == "to the Globex lead"
    again = m.add_value(ada, "given", "grat", ago(1))
    assert not again.made_mentor


def test_logging_value_with_a_coach_keeps_them_a_coach(ada):
    m.set_role(ada, "coach", on=TODAY)
    assert not m.add_value(ada, "received", "accountability", TODAY).made_mentor
    assert m.get_roles(ada) == ("coach",)


def test_value_linked_to_a_touch_must_be_theirs(ada, bob):
    t = log_touch(ada, "coffee", ago(2))
    entry = m.add_value(ada, "received", "information", ago(2), touch_id=t.id).entry
    assert entry.touch_id == t.id
    with pytest.raises(Invalid, match="someone else"):
        m.add_value(bob, "received", "information", ago(2), touch_id=t.id)
    with pytest.raises(NotFound):
        m.add_value(ada, "received", "information", ago(2), touch_id=12345)


def test_bad_value_writes_nothing(ada):
    with pytest.raises(Invalid):
        m.add_value(ada, "received", "gratitude", TODAY)  # a given category
    with pytest.raises(Invalid):
        m.add_value(ada, "sideways", "information", TODAY)
    with pytest.raises(Invalid):
        m.add_value(ada, "received", "information", TODAY, note="x" * (m.MAX_NOTE + 1))
    assert m.list_values(ada) == [] and m.get_roles(ada) == ()


def test_balances_and_last_given(ada, bob):
    for n, cat in ((30, "introduction"), (20, "information"), (10, "new perspective")):
        m.add_value(ada, "received", cat, ago(n), note=f"r{n}")
    m.add_value(ada, "given", "gratitude", ago(25))
    m.add_value(ada, "given", "follow-up", ago(5))
    m.set_role(bob, "partner", on=ago(3))
    rows = {r.contact_id: r for r in m.list_mentors()}
    a = rows[ada]
    assert (a.received, a.given, a.balance) == (3, 2, 1)
    assert (a.last_given_on, a.last_given_category) == (ago(5), "follow-up")
    assert (a.last_received_on, a.last_received_category, a.last_received_note) == (ago(10), "new perspective", "r10")
    b = rows[bob]
    assert (b.received, b.given, b.balance, b.roles) == (0, 0, 0, ("partner",))


def test_ledger_filters_and_delete(ada):
    e1 = m.add_value(ada, "received", "introduction", ago(9)).entry
    m.add_value(ada, "given", "introduction", ago(3))
    m.add_value(ada, "received", "questioning", ago(1))
    assert [e.date for e in m.list_values(ada)] == [ago(1), ago(3), ago(9)]
    assert [e.category for e in m.list_values(ada, direction="received")] == ["questioning", "introduction"]
    assert [e.direction for e in m.list_values(ada, category="introduction")] == ["given", "received"]
    m.delete_value(e1.id)
    assert len(m.list_values(ada)) == 2
    with pytest.raises(NotFound):
        m.delete_value(e1.id)


def test_archived_mentors_are_hidden(ada):
    m.add_value(ada, "received", "information", TODAY)
    set_archived(ada)
    assert m.list_mentors() == [] and len(m.list_mentors(include_archived=True)) == 1


# -- the give-back rule -------------------------------------------------------------------------


def row(received=0, given=0, last_given=None, since=ago(10), last_received=ago(1)) -> m.MentorRow:  # noqa: B008
    return m.MentorRow(1, "X", ("mentor",), since, received, given, last_given, "gratitude" if last_given else None,
                       last_received if received else None, "introduction" if received else None, "")


def test_give_back_on_margin():
    assert m.give_back_due(row(received=3, given=1, last_given=ago(2)), TODAY, margin=3) is None
    why = m.give_back_due(row(received=4, given=1, last_given=ago(2)), TODAY, margin=3)
    assert why and why.over_margin and why.due == ago(1)


def test_give_back_after_quiet_time():
    quiet = row(received=1, given=1, last_given=ago(61), since=ago(200))
    why = m.give_back_due(quiet, TODAY, margin=3, after_days=60)
    assert why and not why.over_margin and why.quiet_days == 61 and why.due == ago(1)
    assert m.give_back_due(row(received=1, given=1, last_given=ago(59)), TODAY, after_days=60) is None
    # Never given anything: counted from becoming a mentor.
    assert m.give_back_due(row(received=1, since=ago(60)), TODAY, after_days=60).due == TODAY


def test_nothing_received_nothing_owed():
    assert m.give_back_due(row(received=0, since=ago(400)), TODAY) is None


def test_give_back_queue_item_has_reason_and_respects_settings(ada):
    m.set_role(ada, "mentor", on=ago(100))
    for n in (50, 45, 40):
        m.add_value(ada, "received", "introduction", ago(n), note="to Globex")
    m.add_value(ada, "given", "gratitude", ago(44))
    load_sources()
    assert "give-back" in SOURCES and "check-in" in SOURCES
    assert m.give_back_items(ctx()) == []  # balance 2 < 3, quiet 44 d < 60
    items = m.give_back_items(ctx(give_back_margin=2))
    assert len(items) == 1
    item = items[0]
    assert item.source == "give-back" and item.contact_id == ada and item.contact_name == "Ada Lovelace"
    assert item.reason == "44 d since you gave · received 3, given 1 · last: introduction: to Globex 40 d ago"
    assert item.state == "overdue" and item.due == ago(40)
    quiet = m.give_back_items(ctx(give_back_after_days=30))[0]
    assert quiet.reason.startswith("44 d since you gave · ")
    both = m.give_back_items(ctx(give_back_margin=2, give_back_after_days=30))[0]
    assert both.reason.startswith("44 d since you gave · received 3, given 1 · last: introduction")


def test_give_back_score_rises_with_lateness_and_balance():
    r = row(received=5, given=1, last_given=ago(2))
    fresh = m.give_back_score(r, m.GiveBack(TODAY, True, 2), TODAY, 3, 60)
    late = m.give_back_score(r, m.GiveBack(ago(60), True, 2), TODAY, 3, 60)
    assert 1.25 <= fresh < late
    owed_more = m.give_back_score(row(received=9, given=1), m.GiveBack(TODAY, True, 2), TODAY, 3, 60)
    assert owed_more > fresh


# -- accountability check-ins -------------------------------------------------------------------


def test_partner_defaults_and_setup(ada):
    m.set_role(ada, "partner", on=ago(20))
    p = m.get_partner(ada)
    assert p.is_partner and p.questions == m.DEFAULT_QUESTIONS and not p.custom_questions
    assert p.cadence_days is None and p.next_due(14) == ago(6)
    p = m.set_partner(ada, cadence_days=7, questions=["What did I ship?", " ", "What did I ship?"])
    assert p.cadence_days == 7 and p.questions == ("What did I ship?",) and p.custom_questions
    p = m.set_partner(ada, questions=[])
    assert p.questions == m.DEFAULT_QUESTIONS and p.cadence_days == 7  # only what was given changed
    with pytest.raises(Invalid):
        m.set_partner(ada, cadence_days=0)


def test_check_in_commitments_are_marked_at_the_next_one(ada):
    m.set_role(ada, "partner", on=ago(40))
    first = m.record_check_in(ada, ago(28), answers=[(q, "fine") for q in m.DEFAULT_QUESTIONS],
                              commitments=["Send 5 messages", "Finish the case study", "  "])
    assert [c.what for c in first.commitments] == ["Send 5 messages", "Finish the case study"]
    assert len(first.answers) == 3
    open_ = m.get_partner(ada).open_commitments
    assert len(open_) == 2 and all(c.outcome is None for c in open_)
    second = m.record_check_in(ada, ago(14), commitments=["Book two interviews"],
                               outcomes={open_[0].id: "kept", open_[1].id: "missed"})
    assert [(c.what, c.outcome) for c in second.reviewed] == [("Send 5 messages", "kept"),
                                                               ("Finish the case study", "missed")]
    p = m.get_partner(ada)
    assert (p.kept, p.missed) == (1, 1)
    assert [c.what for c in p.open_commitments] == ["Book two interviews"]
    assert p.last_check_in_on == ago(14)
    # Left unmarked, a commitment carries over to the check-in after.
    m.record_check_in(ada, ago(1))
    assert [c.what for c in m.get_partner(ada).open_commitments] == ["Book two interviews"]
    assert [c.date for c in m.list_check_ins(ada)] == [ago(1), ago(14), ago(28)]


def test_check_in_rejects_bad_input_and_writes_nothing(ada, bob):
    with pytest.raises(Invalid, match="not an accountability partner"):
        m.record_check_in(ada, TODAY)
    m.set_role(ada, "partner", on=TODAY)
    m.set_role(bob, "partner", on=TODAY)
    theirs = m.record_check_in(bob, ago(5), commitments=["Bob's promise"]).commitments[0]
    with pytest.raises(Invalid, match="not one made with Ada Lovelace"):
        m.record_check_in(ada, TODAY, outcomes={theirs.id: "kept"})
    with pytest.raises(Invalid, match="kept or missed"):
        m.record_check_in(bob, TODAY, outcomes={theirs.id: "maybe"})
    assert m.list_check_ins(ada) == [] and len(m.list_check_ins(bob)) == 1


def test_check_in_queue_items(ada, bob):
    m.set_role(ada, "partner", on=ago(60))
    m.record_check_in(ada, ago(16), commitments=["Send 5 messages", "Draft pitch"])
    m.set_role(bob, "partner", on=ago(9))  # due in 5 d at 14 d: due soon
    items = {i.contact_id: i for i in m.check_in_items(ctx())}
    a = items[ada]
    assert a.source == "check-in" and a.state == "overdue" and a.due == ago(2)
    assert a.reason == "overdue 2 d · check-in every 14 d · last 16 d ago · 2 open commitments"
    b = items[bob]
    assert b.state == "due-soon" and b.reason == "due in 5 d · check-in every 14 d · first check-in"
    assert a.score > 1.75 > b.score
    assert m.check_in_items(ctx(check_in_days=30)) == []  # both fall outside the window now
    m.set_partner(ada, cadence_days=7)
    assert [i.contact_id for i in m.check_in_items(ctx(check_in_days=30))] == [ada]


def test_removed_partner_leaves_the_queue_but_keeps_history(ada):
    m.set_role(ada, "partner", on=ago(30))
    m.record_check_in(ada, ago(20))
    m.set_role(ada, "partner", present=False)
    assert m.check_in_items(ctx()) == []
    assert len(m.list_check_ins(ada)) == 1


# -- demo and search ----------------------------------------------------------------------------


def test_demo_has_mentors_both_ways_and_a_partner(db):
    from kith.store.demo import build_demo

    build_demo(TODAY)
    rows = m.list_mentors()
    assert len(rows) >= 4
    assert any(r.received and r.given for r in rows)
    partners = m.list_partners()
    assert any(p.last_check_in_on and p.open_commitments and p.kept for p in partners)
    assert m.give_back_items(ctx()) and m.check_in_items(ctx())


def test_value_notes_are_in_the_full_text_index(ada):
    from kith.store.core.db import db as database
    from kith.store.core.fold import fold

    entry = m.add_value(ada, "received", "information", TODAY, note="Zürich salary bands").entry
    hits = database.execute_sql("SELECT rowid FROM search_fts WHERE body MATCH ?", (fold('"zurich salary"'),)).fetchall()
    assert (m.VALUE_KIND.rowid_base + entry.id,) in hits


def test_assign_roles_sets_partner_setup_in_one_write(db, fixed_today):
    from kith.store.mentors.value import assign_roles, get_partner, get_roles
    from kith.store.people.contacts import create_contact

    c = create_contact("Priya Raman")
    assign_roles(c.id, ["mentor"], fixed_today)
    now = assign_roles(c.id, ["partner"], fixed_today, add_to_existing=True, cadence_days=7,
                       questions=["What did you ship?"])
    assert now == ("mentor", "partner") == get_roles(c.id)
    p = get_partner(c.id)
    assert p.cadence_days == 7 and p.questions == ("What did you ship?",)


# -- history is never rewritten -----------------------------------------------------------------


def _outcomes(contact_id: int) -> dict[int, tuple[str | None, int | None]]:
    from kith.store.mentors.checkins import Commitment

    return {c.id: (c.outcome, c.reviewed_in_id) for c in Commitment.select().where(Commitment.contact == contact_id)}


def test_a_reviewed_commitment_is_never_marked_again(ada):
    m.set_role(ada, "partner", on=ago(40))
    first = m.record_check_in(ada, ago(28), commitments=["Send 5 messages", "Draft pitch"])
    sent, draft = (c.id for c in first.commitments)
    second = m.record_check_in(ada, ago(14), outcomes={sent: "kept"})
    before, check_ins = _outcomes(ada), len(m.list_check_ins(ada))
    with pytest.raises(Invalid, match=f"commitment {sent} was already marked kept at the check-in of {ago(14)}"):
        m.record_check_in(ada, ago(1), outcomes={sent: "missed", draft: "kept"})
    # Nothing changed: not the outcome, not the other commitment, no new check-in.
    assert _outcomes(ada) == before == {sent: ("kept", second.id), draft: (None, None)}
    assert len(m.list_check_ins(ada)) == check_ins
    assert [c.id for c in m.get_partner(ada).open_commitments] == [draft]


def test_outcomes_only_for_open_commitments_of_that_partner_made_before(ada, bob):
    m.set_role(ada, "partner", on=ago(40))
    m.set_role(bob, "partner", on=ago(40))
    theirs = m.record_check_in(bob, ago(20), commitments=["Bob's promise"]).commitments[0]
    mine = m.record_check_in(ada, ago(10), commitments=["Ada's promise"]).commitments[0]
    with pytest.raises(Invalid, match=f"commitment {theirs.id} is not one made with Ada Lovelace"):
        m.record_check_in(ada, TODAY, outcomes={theirs.id: "kept"})
    with pytest.raises(Invalid, match="there is no commitment 999"):
        m.record_check_in(ada, TODAY, outcomes={999: "kept"})
    with pytest.raises(Invalid, match=f"made on {ago(10)}, after {ago(12)}"):
        m.record_check_in(ada, ago(12), outcomes={mine.id: "kept"})
    assert _outcomes(bob) == {theirs.id: (None, None)} and _outcomes(ada) == {mine.id: (None, None)}
    assert len(m.list_check_ins(ada)) == 1


def test_check_in_history_lists_answers_made_and_reviewed_newest_first(ada):
    m.set_role(ada, "partner", on=ago(40))
    first = m.record_check_in(ada, ago(28), answers=[("What am I doing well?", "steady")],
                              commitments=["Send 5 messages"], note="by phone")
    m.record_check_in(ada, ago(14), outcomes={first.commitments[0].id: "missed"}, commitments=["Draft pitch"])
    newest, oldest = m.list_check_ins(ada)
    assert oldest.answers == (("What am I doing well?", "steady"),) and oldest.note == "by phone"
    assert [(c.what, c.state) for c in oldest.commitments] == [("Send 5 messages", "missed")]
    assert [(c.what, c.state) for c in newest.reviewed] == [("Send 5 messages", "missed")]
    assert [(c.what, c.state) for c in newest.commitments] == [("Draft pitch", "open")]
    assert [ci.date for ci in m.list_check_ins(ada, limit=1)] == [ago(14)]
    assert m.count_check_ins(ada) == 2
    data = newest.as_json()
    assert data["date"] == ago(14).isoformat()
    assert data["reviewed"][0]["state"] == "missed" and data["commitments"][0]["state"] == "open"


# -- roles keep their history -------------------------------------------------------------------


def test_removing_a_role_ends_it_and_the_former_mentor_keeps_the_ledger(ada, bob):
    m.set_role(ada, "mentor", on=ago(100))
    for n in (60, 40, 30):
        m.add_value(ada, "received", "introduction", ago(n))
    m.set_role(bob, "coach", on=ago(50))
    assert m.set_role(ada, "mentor", present=False, on=ago(10)) == ()
    assert m.role_periods(ada) == (m.RolePeriod("mentor", ago(100), ago(10)),)
    assert m.role_periods(ada)[0].label() == f"mentor {ago(100)} – {ago(10)}"
    assert [r.contact_id for r in m.list_mentors()] == [bob]  # current ones only by default
    rows = m.list_mentors(include_former=True)
    assert [(r.contact_id, r.former) for r in rows] == [(bob, False), (ada, True)]  # former last
    former = rows[1]
    assert (former.received, former.roles, former.former_roles, former.until) == (3, (), ("mentor",), ago(10))
    assert m.get_mentor(ada).former
    # No give-back nudge for someone who is no longer a mentor, however much is owed.
    assert m.give_back_items(ctx(give_back_margin=1)) == []
    # Logging value with a former mentor keeps them former (and their history intact).
    assert not m.add_value(ada, "received", "information", TODAY).made_mentor
    assert m.get_roles(ada) == () and len(m.role_periods(ada)) == 1


def test_adding_a_role_again_starts_a_new_period(ada):
    m.set_role(ada, "mentor", on=ago(100))
    m.set_role(ada, "mentor", present=False, on=ago(50))
    m.set_role(ada, "mentor", on=ago(50))  # the same day it ended: touching, not overlapping
    m.set_role(ada, "mentor", on=ago(5))  # already current: nothing changes
    assert m.role_periods(ada) == (m.RolePeriod("mentor", ago(100), ago(50)), m.RolePeriod("mentor", ago(50)))
    assert m.get_mentor(ada).since == ago(50) and not m.get_mentor(ada).former
    assert m.set_roles(ada, ["coach"], on=ago(2)) == ("coach",)
    assert [p.label() for p in m.role_periods(ada)] == [
        f"mentor {ago(100)} – {ago(50)}", f"mentor {ago(50)} – {ago(2)}", f"coach since {ago(2)}"]


def test_former_partner_is_not_nudged_and_cannot_check_in_until_taken_on_again(ada):
    m.set_role(ada, "partner", on=ago(90))
    m.record_check_in(ada, ago(60), commitments=["Send 5 messages"])
    m.set_role(ada, "partner", present=False, on=ago(40))
    assert m.check_in_items(ctx()) == [] and m.list_partners() == []
    with pytest.raises(Invalid, match=f"stopped being an accountability partner on {ago(40)}"):
        m.record_check_in(ada, TODAY)
    assert m.get_partner(ada).next_due(14) is None
    m.set_role(ada, "partner", on=ago(3))
    p = m.get_partner(ada)
    # A new period counts from its own start, not from the check-in of the old one.
    assert p.is_partner and p.since == ago(3) and p.next_due(14) == ago(3) + timedelta(days=14)
    assert [c.what for c in p.open_commitments] == ["Send 5 messages"]


def test_migration_6_keeps_existing_roles_as_current_periods(tmp_path, monkeypatch):
    from kith.store.core import migrations
    from kith.store.core.db import close_db, open_db
    from kith.store.core.db import db as database

    path = tmp_path / "kith.db"
    everything = migrations.available()
    monkeypatch.setattr(migrations, "available", lambda: [x for x in everything if x[0] <= 5])
    open_db(path)
    ada = create_contact("Ada Lovelace").id
    database.execute_sql("INSERT INTO mentor_role (contact_id, role, since) VALUES (?, 'mentor', '2024-03-01'), "
                         "(?, 'partner', '2025-01-02')", (ada, ada))
    close_db()
    monkeypatch.setattr(migrations, "available", lambda: everything)
    open_db(path)
    assert m.role_periods(ada) == (m.RolePeriod("mentor", date(2024, 3, 1)), m.RolePeriod("partner", date(2025, 1, 2)))
    assert m.get_roles(ada) == ("mentor", "partner")
    close_db()


@pytest.mark.parametrize("kind", ["json", "toml"])
def test_export_and_restore_round_trip_role_periods(ada, bob, tmp_path, kind):
    from kith.store.core.db import close_db, open_db
    from kith.store.transfer import exporters
    from kith.store.transfer.restore import restore

    m.set_role(ada, "mentor", on=ago(100))
    m.set_role(ada, "mentor", present=False, on=ago(10))
    m.set_role(ada, "mentor", on=ago(3))
    m.set_role(bob, "coach", on=ago(7))
    before = {cid: m.role_periods(cid) for cid in (ada, bob)}
    path = exporters.export(kind, tmp_path / f"all.{kind}")
    close_db()
    open_db(tmp_path / "new.db")
    restore(path)
    assert {cid: m.role_periods(cid) for cid in (ada, bob)} == before
    assert m.get_roles(ada) == ("mentor",)
    close_db()


def test_restore_of_an_export_from_before_role_periods(ada, tmp_path):
    from kith.store.core.db import close_db, open_db
    from kith.store.transfer import exporters
    from kith.store.transfer.restore import restore

    data = exporters.snapshot()
    data["schema"] = 5
    data["tables"]["mentor_role"] = {"columns": ["contact_id", "role", "since"], "rows": [[ada, "mentor", "2024-03-01"]]}
    path = exporters.write_atomic(tmp_path / "old.json", exporters.to_json(data))
    close_db()
    open_db(tmp_path / "new.db")
    restore(path)
    assert m.role_periods(ada) == (m.RolePeriod("mentor", date(2024, 3, 1)),)
    close_db()


def test_list_partners_reads_each_partner_as_get_partner_does(ada, bob):
    """list_partners reads every partner in two queries; get_partner (one partner) is the reference:
    own cadence and questions, commitments open, kept and missed, a period ended then taken on again,
    a former partner left out, an archived one only when asked."""
    cy, dee, eve = (create_contact(n).id for n in ("cy", "Dee", "Eve"))
    m.set_role(ada, "partner", on=ago(90))
    ci = m.record_check_in(ada, ago(60), commitments=["Send 5 messages", "Write the post", "Call Bo"])
    first, second, _ = ci.commitments
    m.record_check_in(ada, ago(30), outcomes={first.id: "kept", second.id: "missed"})
    m.set_role(ada, "partner", present=False, on=ago(20))
    m.set_role(ada, "partner", on=ago(3))
    m.set_role(bob, "partner", on=ago(10))
    m.set_partner(bob, cadence_days=7, questions=["What moved?"])
    m.set_role(cy, "partner", on=ago(5))
    m.set_role(dee, "partner", on=ago(40))
    m.set_role(dee, "partner", present=False, on=ago(2))
    m.set_role(eve, "partner", on=ago(8))
    set_archived(eve, True)
    partners = m.list_partners()
    assert [p.contact_id for p in partners] == [ada, bob, cy]  # by name, any case; no former, no archived
    assert partners == [m.get_partner(p.contact_id) for p in partners]
    assert partners[0].kept == 1 and partners[0].missed == 1 and len(partners[0].open_commitments) == 1
    assert partners[0].ended == ago(20) and partners[1].custom_questions
    assert [p.contact_id for p in m.list_partners(include_archived=True)] == [ada, bob, cy, eve]
    assert m.list_partners(include_archived=True)[3] == m.get_partner(eve)
