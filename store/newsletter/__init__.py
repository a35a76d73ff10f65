"""Provides the personal newsletter: issues with an audience (the one filter grammar), the audience
preview (who is in, who is out and why), the BCC list in batches, and sending logged as one
``newsletter`` touch per recipient in one transaction (undoable). kith never sends mail.
"""

from kith.store.newsletter.audience import Audience, Member, bcc_batches, mailto, preview, preview_filter
from kith.store.newsletter.issues import (
    IssueInfo,
    audience_from_options,
    create_issue,
    delete_issue,
    get_issue,
    list_issues,
    update_issue,
)
from kith.store.newsletter.sending import (
    AlreadySent,
    EmptyAudience,
    is_opted_out,
    log_reply,
    mark_sent,
    received_by,
    recipients,
    replies,
    set_opt_out,
    unsend,
)

__all__ = [
    "AlreadySent", "Audience", "EmptyAudience", "IssueInfo", "Member", "audience_from_options", "bcc_batches",
    "create_issue", "delete_issue", "get_issue", "is_opted_out", "list_issues", "log_reply", "mailto", "mark_sent",
    "preview", "preview_filter", "received_by", "recipients", "replies", "set_opt_out", "unsend", "update_issue",
]
