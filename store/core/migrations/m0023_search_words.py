"""Adds the word index beside the trigram index: the spelling vocabulary of typo search.

A search for a word with a typo (``lovlace``) looks for the indexed words one slip away. Those
words were read by scanning every note (300,000 at 30,000 contacts: 70 ms for each ``kith
find``); the word index lists them in under a millisecond. Every search trigger now keeps both
indexes in step: each is rewritten from its own stored SQL, so no kind's text changes.
"""

import sqlite3

from kith.store.core.migrations.fts import FTS_TABLE, with_words, words_install_sql


def up(db) -> None:
    for statement in words_install_sql():
        db.execute_sql(statement)
    triggers = db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                              "AND sql LIKE ? ORDER BY name", (f"%{FTS_TABLE}%",)).fetchall()
    for name, sql in triggers:
        try:
            kept = with_words(sql)
        except ValueError:  # a trigger of another shape: the word index would drift unseen
            raise sqlite3.DatabaseError(
                f"search trigger {name} has an unexpected shape; the upgrade was not made") from None
        db.execute_sql(f'DROP TRIGGER "{name}"')
        db.execute_sql(kept)
