"""Adds an index of the contacts' search keys: ``kith find`` reads every key (and only the key)
to match a query, and reading them from this index instead of the contact rows (notes and all)
took 17 ms at 30,000 contacts where the table took 23.
"""


def up(db) -> None:
    db.execute_sql("CREATE INDEX contact_search_key ON contact (search_key)")
