"""Provides the search kind of newsletter issues (subject, body, help section); Enter opens the
Network area's Newsletter tab on the issue. Migration 20 holds a frozen copy of its triggers."""

from kith.store.search.registry import SearchKind, register_kind

ISSUE_KIND = register_kind(SearchKind(
    name="newsletter", label="Newsletter", code=150, table="newsletter_issue",
    rows_sql=("SELECT i.id, NULL, i.subject, CASE WHEN i.sent_on IS NULL THEN 'draft' ELSE 'sent ' || i.sent_on END, "
              "i.body FROM newsletter_issue i WHERE i.id IN ({ids})"),
    fts_columns=("subject", "body", "help"), fts_contact=None,
    short_sql="SELECT id, kith_fold(subject), subject, sent_on, 0 FROM newsletter_issue",
    opens="mode:network",
))
