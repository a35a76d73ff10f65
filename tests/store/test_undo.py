"""The undo log: each change from the CLI or the app reverses completely, newest first."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from kith.store.core import migrations, undo
from kith.store.core.db import close_db, db, open_db
from kith.store.core.errors import Invalid, NotFound
from kith.store.mentors import value as mentors
from kith.store.mentors import value_edits
from kith.store.people import contacts, followups, touches
from kith.store.search.engine import search
from kith.store.today import review
from kith.store.today.queue import QueueItem
from kith.store.today.snoozes import get_snooze

DAY = date(2026, 3, 16)


def counts() -> dict[str, int]:
    tables = ("contact", "touch", "follow_up", "contact_tag", "tag", "value_entry", "mentor_role", "snooze")
    return {t: db.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_undo_an_edit_puts_every_changed_field_back(db):
    ada = contacts.create_contact("Ada", company="Analytical", emails=["a@x.example"], tags=["industry:Compute"])
    contacts.update_contact(ada.id, {"company": "Babbage & Co", "emails": [], "tags": ["math", "geography:London"],
                                     "strength": 5, "birthday_month": 12, "birthday_day": 10}, base=ada)
    entry = undo.undo_last()
    assert entry.action == "edit" and "company" in entry.summary
    back = contacts.get_contact(ada.id)
    assert (back.company, back.emails, back.strength, back.birthday_month) == ("Analytical", ("a@x.example",), 3, None)
    assert [(t.name, t.kind) for t in back.tags] == [("Compute", "industry")]
    assert search("london", kinds=["contact"]) == []  # the search key follows the restored fields


def test_an_unchanged_edit_records_nothing(db):
    ada = contacts.create_contact("Ada")
    contacts.update_contact(ada.id, {"company": ""})
    assert undo.last_entry().action == "add"


def test_undo_archive_and_unarchive(db):
    ada = contacts.create_contact("Ada")
    contacts.set_archived(ada.id, True)
    contacts.set_archived(ada.id, False)
    assert undo.undo_last().action == "unarchive" and contacts.get_contact(ada.id).archived
    assert undo.undo_last().action == "archive" and not contacts.get_contact(ada.id).archived


def test_undo_delete_recreates_the_contact_with_everything_it_had(db):
    ada = contacts.create_contact("Ada", tags=["industry:Compute"], notes="engines")
    bob = contacts.create_contact("Bob", introduced_by_id=ada.id)
    t = touches.log_touch(ada.id, "coffee", DAY, "talked looms")
    f = followups.add_follow_up(ada.id, DAY + timedelta(days=3), "send notes")
    mentors.add_value(ada.id, "received", "information", DAY, "use punch cards", touch_id=t.id)
    review.snooze(QueueItem("cadence", ada.id, "Ada", DAY, 1.0, ""), DAY + timedelta(days=5), DAY)
    before = counts()
    contacts.delete_contact(ada.id)
    assert counts()["contact"] == 1 and contacts.get_contact(bob.id).introduced_by_id is None
    assert undo.undo_last().action == "delete"
    assert counts() == before
    back = contacts.get_contact(ada.id)
    assert (back.notes, back.last_touch_on, [x.name for x in back.tags]) == ("engines", DAY, ["Compute"])
    assert touches.get_touch(t.id).note == "talked looms" and followups.get_follow_up(f.id).what == "send notes"
    assert mentors.list_values(ada.id)[0].touch_id == t.id
    assert get_snooze("cadence", ada.id, None) == DAY + timedelta(days=5)
    assert contacts.get_contact(bob.id).introduced_by_id == ada.id
    assert [r.id for r in search("punch cards")]  # the search index has it again


def test_undo_of_add_removes_the_contact(db):
    ada = contacts.create_contact("Ada")
    assert undo.undo_last().action == "add"
    with pytest.raises(NotFound):
        contacts.get_contact(ada.id)


def test_done_and_its_undo(db):
    ada = contacts.create_contact("Ada")
    f = followups.add_follow_up(ada.id, DAY, "send deck")
    followups.set_done(f.id, True, on=DAY)
    assert undo.undo_last().action == "done"
    assert followups.get_follow_up(f.id).done is False and followups.get_follow_up(f.id).done_on is None


def test_a_give_back_touch_and_its_value_entry_are_one_action(db):
    ada = contacts.create_contact("Ada")
    item = QueueItem("give-back", ada.id, "Ada", DAY, 9.0, "received 4, given 0")
    before = counts()
    t = review.log_touch(item, "coffee", DAY, "helped with the CV", DAY)
    mentors.add_value(ada.id, "given", "introduction", DAY, "", touch_id=t.id)  # as the app's modal does
    assert counts()["value_entry"] == before["value_entry"] + 1
    assert review.undo_last(DAY).action == "touch"
    assert counts() == {**before, "mentor_role": counts()["mentor_role"]}
    assert touches.list_touches(ada.id) == [] and mentors.list_values(ada.id) == []


def test_a_value_logged_with_a_touch_joins_its_undo_entry(db):
    ada = contacts.create_contact("Ada")
    t = touches.log_touch(ada.id, "call", DAY, "")
    value_edits.add_value(ada.id, "given", "introduction", DAY, "", touch_id=t.id)
    entry = undo.undo_last()
    assert entry.action == "log touch"
    assert touches.list_touches(ada.id) == [] and mentors.list_values(ada.id) == []
    assert undo.last_entry().action == "add"  # no separate value entry was left behind


def test_edit_touch_validates_and_undoes(db):
    ada = contacts.create_contact("Ada")
    t = touches.log_touch(ada.id, "call", DAY, "old")
    with pytest.raises(Invalid):
        touches.update_touch(t.id, kind="lunch")
    with pytest.raises(Invalid):
        touches.update_touch(t.id, on=DAY + timedelta(days=1), today=DAY)
    with pytest.raises(NotFound):
        touches.update_touch(9999, note="x")
    touches.update_touch(t.id, kind="coffee", on=DAY - timedelta(days=2), note="new")
    assert contacts.get_contact(ada.id).last_touch_on == DAY - timedelta(days=2)
    assert undo.undo_last().action == "edit touch"
    back = touches.get_touch(t.id)
    assert (back.kind, back.date, back.note) == ("call", DAY, "old")
    assert contacts.get_contact(ada.id).last_touch_kind == "call"


def test_edit_follow_up_and_value_entry(db):
    ada = contacts.create_contact("Ada")
    f = followups.add_follow_up(ada.id, DAY, "send deck")
    with pytest.raises(Invalid):
        followups.update_follow_up(f.id, what="   ")
    followups.update_follow_up(f.id, due=DAY + timedelta(days=7), what="send the new deck")
    undo.undo_last()
    assert (followups.get_follow_up(f.id).due, followups.get_follow_up(f.id).what) == (DAY, "send deck")
    v = value_edits.add_value(ada.id, "received", "accountability", DAY, "a").entry
    with pytest.raises(Invalid):
        value_edits.update_value(v.id, direction="given")  # accountability is not a "given" category: say which
    value_edits.update_value(v.id, direction="given", category="introduction", note="b")
    assert (mentors.get_value(v.id).direction, mentors.get_value(v.id).note) == ("given", "b")
    assert undo.undo_last().action == "edit value"
    assert (mentors.get_value(v.id).category, mentors.get_value(v.id).note) == ("accountability", "a")
    assert undo.undo_last().action == "value"
    with pytest.raises(NotFound):
        mentors.get_value(v.id)


def test_a_failed_change_records_nothing(db):
    ada = contacts.create_contact("Ada")
    with pytest.raises(Invalid):
        touches.log_touch(ada.id, "lunch", DAY)
    with pytest.raises(NotFound):
        touches.log_touch(9999, "call", DAY)
    assert [e.action for e in undo.recent()] == ["add"]


def test_review_progress_counts_only_review_actions(db):
    ada = contacts.create_contact("Ada")
    touches.log_touch(ada.id, "call", DAY, "")
    p = review.progress(DAY)
    assert (p.touched, p.snoozed, p.done) == (0, 0, 0)


def test_review_actions_logged_before_the_upgrade_can_still_be_undone(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    everything = migrations.available()
    monkeypatch.setattr(migrations, "available", lambda: [m for m in everything if m[0] < 7])
    open_db(path)
    ada = contacts.create_contact("Ada")
    t = touches.log_touch(ada.id, "coffee", DAY, "")
    db.execute_sql("INSERT INTO review_action (day, action, source, contact_id, ref_id, undo, created) "
                   "VALUES (?, 'touch', 'cadence', ?, 0, ?, ?)", (DAY.isoformat(), ada.id, f'{{"touch_id": {t.id}}}',
                                                                       "2026-03-16 10:00:00"))
    close_db()
    monkeypatch.setattr(migrations, "available", lambda: everything)
    open_db(path)
    assert review.progress(DAY).touched == 1
    assert review.undo_last(DAY).action == "touch"
    assert touches.list_touches(ada.id) == []
    with pytest.raises(sqlite3.OperationalError):
        sqlite3.connect(path).execute("SELECT * FROM review_action")
