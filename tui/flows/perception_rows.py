"""Provides PerceptionRows: how Perception shows a term, a feedback entry and a request as list rows,
and the quote and trend texts of the Terms tab (user text always through the literal helper).

Mixed into PerceptionScreen; row widths follow the terminal's width when the lists are filled.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from kith.tui.literal import literal

ARROWS = {"up": ("↑", "$success"), "down": ("↓", "$warning"), "steady": ("→", "$text-muted")}
STATUS_STYLE = {"asked": "$accent", "answered": "$success", "declined": "$text-muted"}


def trend_words(trend: int) -> str:
    """"up: 2 more people than the year before" (people in the last 12 months against the 12 before)."""
    if not trend:
        return "steady: as many people as the year before"
    who = "person" if abs(trend) == 1 else "people"
    more = "more" if trend > 0 else "fewer"
    return f"{'up' if trend > 0 else 'down'}: {abs(trend)} {more} {who} than the year before"


def highlighted_quote(text: str, marks: tuple[tuple[int, int], ...]) -> Content:
    """A quote with the term's occurrences highlighted (user text stays literal)."""
    parts, at = [], 0
    for start, end in marks:
        parts.append(literal(text[at:start], multiline=True))
        parts.append(literal(text[start:end], "bold reverse $accent", multiline=True))
        at = end
    parts.append(literal(text[at:], multiline=True))
    return Content.assemble(*parts)


class PerceptionRows:
    """List rows of the Terms, They say / you say, Feedback and Requests tabs."""

    def _term_option(self, t, short: bool = False) -> Option:
        arrow, style = ARROWS[t.direction]
        if short:  # a column of They say / you say: a third of the screen
            return Option(Content.assemble((f"{t.people:>2} ", "$text-muted"), literal(t.term, limit=self._column())))
        return Option(Content.assemble((f"{t.people:>3} ", "bold"), literal(t.term, limit=28),
                                       (f" {arrow}{t.trend:+d}" if t.trend else f" {arrow}", style)))

    def _column(self) -> int:
        """Characters a term may take in a column (19 at 80 columns: "calm under pressure")."""
        return max(12, self.app.size.width // 3 - 7)

    def _line(self, indent: int = 0) -> int:
        """Characters a list row may take (the terminal less borders, padding and scroll bar)."""
        return max(30, self.app.size.width - 8 - indent)

    def _feedback_option(self, f) -> Option:
        # Two lines: who, when and how; then their words, as much as one line holds.
        return Option(Content.assemble((f"{f.given_on.isoformat()}  ", "$text-muted"),
                                       literal(f.name, "bold", limit=40),
                                       (f"  {f.context}{' · quotable' if f.quotable else ''}\n  ", "$text-muted"),
                                       literal(" ".join(f.text.split()), limit=self._line(2))))

    def _request_option(self, r) -> Option:
        return Option(Content.assemble((f"{r.status:<9}", STATUS_STYLE.get(r.status, "")),
                                       (f"{r.asked_on.isoformat()}  ", "$text-muted"),
                                       literal(r.name, "bold", limit=40),
                                       ("  ", ""), literal(r.channel, "$text-muted", limit=30), ("\n  ", ""),
                                       literal(r.prompt, limit=self._line(2))))
