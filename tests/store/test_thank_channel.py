"""A thank-you's channel is a field (migration 18): logged, undone, migrated out of old notes, restored."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kith.store.core import migrations, undo
from kith.store.core.db import close_db, db, open_db
from kith.store.core.errors import Invalid
from kith.store.people.contacts import create_contact
from kith.store.people.touches import delete_touch, get_touch, list_touches, log_touch
from kith.store.transfer import exporters
from kith.store.transfer.restore import restore

DAY = date(2026, 3, 16)
OLD_NOTES = [("by email", "email", ""), ("by letter: a card with a stamp", "letter", "a card with a stamp"),
             ("by in person: over coffee", "in person", "over coffee"), ("by pigeon", None, "by pigeon"),
             ("by emailing them", None, "by emailing them")]


def test_a_thank_you_keeps_its_channel_and_email_is_the_default(db):
    ada = create_contact("Ada")
    assert log_touch(ada.id, "thank-you", DAY, "a card", channel="letter").channel == "letter"
    assert log_touch(ada.id, "thank-you", DAY).channel == "email"
    assert log_touch(ada.id, "coffee", DAY, channel="letter").channel is None  # only a thank-you has one
    with pytest.raises(Invalid, match="unknown way to thank"):
        log_touch(ada.id, "thank-you", DAY, channel="pigeon")
    (letter,) = [t for t in list_touches(ada.id) if t.channel == "letter"]
    assert (letter.note, letter.label) == ("a card", "thank-you by letter")


def test_deleting_a_thank_you_and_undoing_brings_its_channel_back(db):
    ada = create_contact("Ada")
    t = log_touch(ada.id, "thank-you", DAY, channel="call")
    delete_touch(t.id)
    undo.undo_last()
    assert get_touch(t.id).channel == "call"


def test_migration_moves_the_channel_out_of_old_notes(tmp_path, monkeypatch):
    everything = migrations.available()
    monkeypatch.setattr(migrations, "available", lambda: [m for m in everything if m[0] < 18])
    path = tmp_path / "old.db"
    open_db(path)
    ada = create_contact("Ada")
    for note, _, _ in OLD_NOTES:
        db.execute_sql("INSERT INTO touch (contact_id, date, kind, note, created) VALUES (?, ?, 'thank-you', ?, ?)",
                       (ada.id, DAY.isoformat(), note, "2026-03-16 10:00:00"))
    db.execute_sql("INSERT INTO touch (contact_id, date, kind, note, created) VALUES (?, ?, 'email', 'by email', ?)",
                   (ada.id, DAY.isoformat(), "2026-03-16 10:00:00"))
    close_db()
    monkeypatch.setattr(migrations, "available", lambda: everything)
    open_db(path)
    rows = db.execute_sql("SELECT kind, channel, note FROM touch ORDER BY id").fetchall()
    assert rows == [("thank-you", ch, rest) for _, ch, rest in OLD_NOTES] + [("email", None, "by email")]


def test_restoring_an_export_from_before_moves_the_channel_too(db, tmp_path):
    ada = create_contact("Ada")
    log_touch(ada.id, "thank-you", DAY, "ignored")
    data = exporters.snapshot()
    data["schema"] = 14  # as kith wrote it before the channel was a field
    touch = data["tables"]["touch"]
    at = touch["columns"].index("channel")
    touch["columns"].pop(at)
    for row in touch["rows"]:
        row.pop(at)
    touch["rows"][0][touch["columns"].index("note")] = "by message: thanks!"
    del data["tables"]["weekly_review_dismissal"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data))
    close_db()
    open_db(tmp_path / "fresh.db")
    restore(path)
    (t,) = list_touches(ada.id)
    assert (t.channel, t.note) == ("message", "thanks!")
