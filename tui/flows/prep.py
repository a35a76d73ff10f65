"""Provides ``open_prep``: the prep brief for a Today item or a contact (the ``p`` key everywhere)."""

from __future__ import annotations

# Today sources whose ref_id is a planned conversation: ``p`` opens that plan's brief.
PLAN_SOURCES = frozenset({"prepare", "conversation", "held"})


def open_prep(screen, contact_id: int | None = None, *, source: str = "", ref_id: int | None = None) -> None:
    """Push the prep brief for a plan (a conversation item of Today) or for a person."""
    if source in PLAN_SOURCES and ref_id:
        screen.app.open_prep(plan_id=ref_id)
    elif contact_id is not None:
        screen.app.open_prep(contact_id=contact_id)
    else:
        screen.notify("The prep brief is about a person: this item is about no one.")


def interview_targets(config, day, target):
    """Today's header in job-search mode: informational interviews held today and this week against
    the targets, and how many of the week's are still planned (``target(label, got, goal)`` styles
    one figure)."""
    from textual.content import Content

    from kith.store.conversations.counts import interview_counts

    c = interview_counts(day)
    planned = f", {c.week_planned} planned" if c.week_planned else ""
    return Content.assemble(
        target("informational interviews", c.day_held, config.today.job_search_interviews_per_day), " · ",
        target("week", c.week_held, config.conversations.interviews_per_week), planned)
