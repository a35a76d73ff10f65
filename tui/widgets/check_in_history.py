"""Provides the literal text of a person's role history and past check-ins, shared by the
contact detail page and the Mentors screen (every user-typed string goes through ``literal``)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from kith.tui.literal import literal

MARK = {"kept": ("✓ kept", "$success"), "missed": ("✗ missed", "$error"), "open": ("○ open", "$text-muted")}


def periods_content(periods: Sequence) -> Content:
    """``mentor since 2025-01-04 · coach 2023-02-01 – 2024-06-30 (former)``, newest period first."""
    parts = []
    for p in sorted(periods, key=lambda p: (p.ended is None, p.ended or p.started, p.started), reverse=True):
        style = "" if p.current else "$text-muted"
        parts.append(Content.styled(p.label() + ("" if p.current else " (former)"), style))
    return Content(" · ").join(parts)


def check_ins_content(check_ins: Sequence, total: int | None = None, width: int = 300) -> Content:
    """Check-ins newest first: the day, each answer, commitments reviewed then made, by id."""
    if not check_ins:
        return Content.styled("no check-ins yet", "$text-disabled")
    lines: list[Content] = []
    for ci in check_ins:
        lines.append(Content.assemble((ci.date.isoformat(), "bold"), ("  check-in", "$text-muted")))
        for question, answer in ci.answers:
            lines.append(Content.assemble(("  ", ""), literal(question, "$text-muted", limit=80), ("  ", ""),
                                          literal(answer, limit=width)))
        for c in ci.reviewed:
            mark, style = MARK.get(c.state, MARK["open"])
            lines.append(Content.assemble((f"  {mark} #{c.id} ", style), literal(c.what, limit=width)))
        for c in ci.commitments:
            mark, style = MARK.get(c.state, MARK["open"])
            lines.append(Content.assemble((f"  + #{c.id} ", "$accent"), literal(c.what, limit=width),
                                          (f"  {mark}", style)))
        if ci.note:
            lines.append(Content.assemble(("  note  ", "$text-muted"), literal(ci.note, limit=width)))
    if total is not None and total > len(check_ins):
        lines.append(Content.styled(f"… and {total - len(check_ins)} older (kith check-ins NAME lists them all)",
                                    "$text-muted"))
    return Content("\n").join(lines)
