"""Creates the full-text search index (FTS5, trigram) over folded long text, with its triggers.

One table ``search_fts`` holds every kind's long text, folded (``kith_fold``); a row's rowid
says whose it is (``code * 2**40 + id``, see store/search/registry.py). Triggers keep it in step
with every write; this migration rebuilds it from scratch for the kinds that exist now.
Later kinds add their own triggers in their own migrations with ``fts_install_sql``.
"""

from kith.store.core.migrations.fts import FTS_TABLE, fts_install_sql


def up(db) -> None:
    db.execute_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    # trigram: substring search (3+ characters) in about a millisecond over 100k notes.
    db.execute_sql(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(body, tokenize = 'trigram')")
    kinds = (("contact", 1, "contact", ("notes",)), ("touch", 2, "touch", ("note",)),
             ("follow-up", 3, "follow_up", ("what",)))
    for kind in kinds:
        for statement in fts_install_sql(*kind):
            db.execute_sql(statement)
