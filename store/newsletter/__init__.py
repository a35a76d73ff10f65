"""Provides the personal newsletter: issues with an audience (the one filter grammar), the audience
preview (who is in, who is out and why), the BCC list in batches, and sending logged as one
``newsletter`` touch per recipient in one transaction (undoable). kith never sends mail.
"""

# Loaded on first use (PEP 562): importing one module of the area (a search kind for ``kith find``)
# must not load every model of it.
_WHERE = {
    "Audience": "audience",
    "Member": "audience",
    "bcc_batches": "audience",
    "mailto": "audience",
    "preview": "audience",
    "preview_filter": "audience",
    "IssueInfo": "issues",
    "audience_from_options": "issues",
    "create_issue": "issues",
    "delete_issue": "issues",
    "get_issue": "issues",
    "list_issues": "issues",
    "update_issue": "issues",
    "AlreadySent": "sending",
    "EmptyAudience": "sending",
    "is_opted_out": "sending",
    "log_reply": "sending",
    "mark_sent": "sending",
    "received_by": "sending",
    "recipients": "sending",
    "replies": "sending",
    "set_opt_out": "sending",
    "unsend": "sending",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    part = _WHERE[name]
    if part == "audience":
        from kith.store.newsletter import audience as module
    elif part == "issues":
        from kith.store.newsletter import issues as module
    elif part == "sending":
        from kith.store.newsletter import sending as module
    value = getattr(module, name)
    globals()[name] = value
    return value
