"""The demo writes in bulk (indexes and search triggers set aside, the search index filled in one
pass): what it leaves must be what row-by-row inserts through the triggers would have left."""

from __future__ import annotations

from kith.store.core.db import db, write
from kith.store.demo import build_demo
from kith.store.search.registry import FTS_TABLE, KINDS, fts_reindex_sql


def _schema() -> list[tuple]:
    return sorted(db.execute_sql("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                 "WHERE type IN ('index', 'trigger')").fetchall(), key=repr)


def _index() -> list[tuple]:
    return db.execute_sql(f"SELECT rowid, body FROM {FTS_TABLE} ORDER BY rowid").fetchall()


def test_demo_leaves_every_index_trigger_and_search_row_as_the_triggers_would(db_file, fixed_today):
    schema_before = _schema()
    build_demo(fixed_today, contacts=300, touches=3000)
    assert _schema() == schema_before  # every index and trigger is back, unchanged
    built = _index()
    with write():  # rebuild the search index the slow, sure way: from the triggers' own SQL
        for kind in KINDS.values():
            for sql in fts_reindex_sql(kind):
                db.execute_sql(sql)
    assert built == _index()
    kinds_indexed = {rowid >> 40 for rowid, _ in built}
    assert {KINDS["contact"].code, KINDS["touch"].code, KINDS["follow-up"].code} <= kinds_indexed
    assert len(kinds_indexed) >= 5  # the other areas' demo rows (feedback, pitches, ...) are searchable too


def test_rows_written_after_the_demo_are_indexed_by_the_triggers_again(db_file, fixed_today):
    from kith.store.people.contacts import create_contact
    from kith.store.people.touches import log_touch
    from kith.store.search.engine import search

    build_demo(fixed_today)
    c = create_contact("Zebedee Quill")
    log_touch(c.id, "coffee", fixed_today, "talked about xylophones")
    assert any(r.kind == "touch" and r.id for r in search("xylophones"))
