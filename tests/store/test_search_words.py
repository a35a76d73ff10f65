"""The word index (``search_fts_words``, migration 23): the spelling vocabulary typo search reads.

It must always hold exactly the words of the text in ``search_fts``, each with how many rows hold
it: after every write through the triggers, after the demo's and a restore's bulk paths, after a
repair, after an upgrade.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from datetime import date

import pytest

from kith.store.core import migrations
from kith.store.core.db import close_db, open_db, write
from kith.store.core.db import db as sqlite_db
from kith.store.demo import build_demo
from kith.store.people.contacts import create_contact, delete_contact, update_contact
from kith.store.people.touches import delete_touch, log_touch, update_touch
from kith.store.search import engine
from kith.store.search.engine import rebuild_index, search
from kith.store.search.short import ShortFields

DAY = date(2026, 3, 1)
WORDS = ["article", "roadmap", "négociation", "Zürich", "budget", "hiring", "offsite", "x1", "q3 2027",
         "mentor", "pitch", "kubernetes", "café", "naïve", "résumé", "ab"]


def index_words() -> dict[str, int]:
    return dict(sqlite_db.execute_sql("SELECT word, uses FROM search_fts_words").fetchall())


def text_words() -> dict[str, int]:
    """What the word index must hold, worked out from the trigram index's text alone."""
    bodies = sqlite_db.execute_sql("SELECT body FROM search_fts").fetchall()
    return dict(Counter(w for (body,) in bodies for w in set(re.findall(r"[^\W_]{3,}", body))))


def vocabulary() -> set[str]:
    engine.forget()
    return set(engine._INDEX.vocabulary())


def note(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 6)))


def test_the_word_index_follows_every_write(db):
    rng = random.Random(7)
    people, touches = [], []
    for step in range(120):
        action = rng.randrange(6)
        if action == 0 or not people:
            people.append(create_contact(f"Person {step}", notes=note(rng)).id)
        elif action == 1:
            touches.append(log_touch(rng.choice(people), "call", DAY, note(rng)).id)
        elif action == 2 and touches:
            update_touch(rng.choice(touches), note=note(rng))
        elif action == 3 and touches:
            delete_touch(touches.pop(rng.randrange(len(touches))))
        elif action == 4:
            update_contact(rng.choice(people), {"notes": rng.choice(["", note(rng)])})
        elif action == 5 and len(people) > 3:
            gone = people.pop(rng.randrange(len(people)))
            delete_contact(gone)
            touches = [t for t in touches if sqlite_db.execute_sql(
                "SELECT 1 FROM touch WHERE id = ?", (t,)).fetchone()]
        if step % 20 == 19:
            assert index_words() == text_words()
    assert index_words() == text_words()
    assert vocabulary() == set(text_words())


def test_a_word_edited_away_is_no_longer_offered_for_a_typo(db):
    c = create_contact("Wei Zhang")
    t = log_touch(c.id, "email", DAY, "Sent her the article on negotiation")
    assert [(r.kind, r.id) for r in search("artcle")] == [("touch", t.id)]
    update_touch(t.id, note="Sent her the essay on negotiation")
    assert "article" not in vocabulary()
    assert search("artcle") == []
    assert [(r.kind, r.id) for r in search("essay negotiaton")][:1] == [("touch", t.id)]


def test_rebuild_index_mends_a_word_index_out_of_step(db):
    c = create_contact("Freya Nielsen", notes="loves orienteering")
    log_touch(c.id, "call", DAY, "orienteering cup in Bergen")
    with write():
        sqlite_db.execute_sql("DELETE FROM search_fts_words")
        sqlite_db.execute_sql("INSERT INTO search_fts_words VALUES ('stale', 3), ('loves', 7)")
    assert "stale" in index_words() and "bergen" not in index_words()
    rebuild_index()
    assert index_words() == text_words() and "bergen" in index_words()


def test_the_demo_and_a_restore_leave_the_words_of_their_text(db_file, fixed_today, tmp_path):
    from kith.store.transfer import exporters
    from kith.store.transfer.restore import restore

    build_demo(fixed_today, contacts=200, touches=2000)
    built = index_words()
    assert built == text_words() and len(built) > 50
    path = exporters.export("json", tmp_path / "out.json")
    close_db()
    open_db(tmp_path / "fresh.db")
    restore(path)
    assert index_words() == built


def test_an_upgrade_indexes_the_words_already_written_and_keeps_them_in_step(tmp_path, monkeypatch):
    everything = migrations.available()
    before = [m for m in everything if m[0] < 23]
    monkeypatch.setattr(migrations, "available", lambda: before)
    open_db(tmp_path / "kith.db")
    c = create_contact("Priya Raman", notes="wants the career capital book")
    t = log_touch(c.id, "coffee", DAY, "Walked through the Q3 roadmap together")
    assert sqlite_db.execute_sql("SELECT count(*) FROM sqlite_master WHERE name = 'search_fts_words'").fetchone() == (0,)
    close_db()
    monkeypatch.setattr(migrations, "available", lambda: everything)
    open_db(tmp_path / "kith.db")
    assert {"career", "capital", "roadmap", "together"} <= set(index_words())
    assert index_words() == text_words()
    assert [(r.kind, r.id) for r in search("roadmp")][:1] == [("touch", t.id)]
    update_touch(t.id, note="Planned the offsite")
    delete_contact(c.id)
    assert index_words() == text_words() == {}


@pytest.mark.parametrize("by_id", [0, 2000, 10 ** 6])
def test_kith_finds_light_index_ranks_as_the_screens_whole_one(db, fixed_today, monkeypatch, by_id):
    """``kith find`` reads only ids and keys, then the details of the rows its query matched (by id,
    or all at once past a bound): it must rank exactly as the screen's index, which reads all."""
    import kith.store.search.short as short

    build_demo(fixed_today, contacts=600, touches=3000)
    monkeypatch.setattr(short, "DETAILS_BY_ID", by_id)
    for query in ("ada", "lovlace", "a", "globex eng", "artcle", "ada engines", "zzzz", "product director"):
        whole, light = engine.SearchIndex(whole=True), engine.SearchIndex(whole=False)
        assert [(r.kind, r.id, r.score, r.title, r.archived) for r in light.search(query, 50)] == [
            (r.kind, r.id, r.score, r.title, r.archived) for r in whole.search(query, 50)], query
    light = engine.SearchIndex(whole=False)
    light.search("ada", 50)
    contacts = light._short["contact"]
    assert isinstance(contacts, ShortFields)
    if by_id == 10 ** 6:  # read by id: only the rows the query matched
        assert 0 < sum(t is not None for t in contacts.titles) < len(contacts.ids)


def test_equal_scores_past_the_pool_rank_alike_on_the_screen_and_in_kith_find(db):
    """More rows tie than the pool takes, found by exact words and by typos: both indexes keep the
    same ones (by id), whatever order the words found them in or the keys were read in."""
    create_contact("Zed Zulu")
    for n in range(60):
        create_contact(f"Alexa Brawn {n:03}")
    for n in range(60):
        create_contact(f"Aaexa Brown {n:03}")
    for query in ("alexa brown", "alexa", "brown", "aaexa brawn"):
        whole, light = engine.SearchIndex(whole=True), engine.SearchIndex(whole=False)
        assert [(r.kind, r.id) for r in light.search(query, 50)] == [
            (r.kind, r.id) for r in whole.search(query, 50)], query


@pytest.mark.parametrize("trigger", [
    "CREATE TRIGGER t AFTER DELETE ON touch BEGIN DELETE FROM search_fts WHERE rowid = old.id + 5; END",
    "CREATE TRIGGER t AFTER UPDATE OF note ON touch BEGIN DELETE FROM search_fts WHERE rowid = 5 + old.id; END",
    "CREATE TRIGGER t AFTER INSERT ON touch BEGIN INSERT INTO search_fts(rowid, body) VALUES (new.id, 'x'); END",
])
def test_the_upgrade_refuses_a_search_trigger_it_cannot_keep_in_step(trigger):
    """A search trigger of a shape migration 23 does not know (one whose delete or insert it cannot
    find) stops the upgrade, rather than leaving the word index to drift unseen."""
    from kith.store.core.migrations.fts import with_words

    with pytest.raises(ValueError, match="unexpected search trigger"):
        with_words(trigger)
