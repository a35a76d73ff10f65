"""Provides newsletter_line(): the contact page's "Newsletter" field, opted out or the issues received.

The issues themselves are in the timeline too (each send logs a touch naming its subject).
"""

from __future__ import annotations

from textual.content import Content

from kith.tui.literal import literal, plural


def newsletter_line(contact_id: int, label_width: int = 14) -> Content:
    """``Newsletter    opted out`` or ``Newsletter    3 issues, last 2026-03-06 · Subject``, on a line of its own."""
    from kith.store.newsletter import is_opted_out, received_by

    received = received_by(contact_id)
    parts: list = [("\n" + f"{'Newsletter':<{label_width}}", "$text-muted")]
    if is_opted_out(contact_id):
        parts.append(("opted out", "$warning"))
        if received:
            parts.append((" · ", "$text-muted"))
    if received:
        _iid, subject, day = received[0]
        parts += [plural(len(received), "issue") + f" received, last {day.isoformat()} · ",
                  literal(subject, "italic", limit=80)]
    elif not is_opted_out(contact_id):
        parts.append(("no issues received yet", "$text-disabled"))
    return Content.assemble(*parts)
