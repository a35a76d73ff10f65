"""Provides WeeklyReviewPanel: Today opens with the past week on the weekly-review day.

On the configured day (``[quality] weekly_review_day``) a compact panel above the queue shows the
last whole week: touches, conversations, introductions made and received, new people, commitments
kept, pitches rehearsed and the streak. ``w`` puts it away for the rest of the day (stored, so a
restart keeps it away) and brings it back; on other days ``w`` shows the last week on demand.
"""

from __future__ import annotations

from datetime import date

from textual.content import Content

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def review_weekday(config) -> int:
    """The configured weekly-review day as a weekday number (0 = Monday)."""
    from kith.tui.config_areas import WEEKDAYS

    return WEEKDAYS.index(config.quality.weekly_review_day)


def _span(start: date, end: date) -> str:
    first = f"{start.day} {MONTHS[start.month - 1]}" if start.month != end.month else str(start.day)
    return f"{first}–{end.day} {MONTHS[end.month - 1]}"


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def review_content(week) -> Content:
    """The panel's three lines (numbers and dates only: no user text)."""
    w = week
    title = Content.assemble(("Weekly review", "bold"), f" · last week, {_span(w.start, w.end)}")
    hint = Content.styled("w puts it away", "$text-muted")
    gap = " " * max(2, 76 - title.cell_length - hint.cell_length)
    new = _n(w.new_people, "new person", "new people")
    numbers = (f"{_n(w.touches, 'touch', 'touches')} · {_n(w.conversations, 'conversation')} · introductions "
               f"{w.introductions_made} made, {w.introductions_received} received · {new}")
    rest = (f"{_n(w.commitments_kept, 'commitment')} kept · {_n(w.pitches_rehearsed, 'pitch', 'pitches')} rehearsed"
            f" · streak: {_n(w.streak, 'week')} of {w.streak_min}+ touches")
    return Content("\n").join([Content.assemble(title, gap, hint), Content(numbers), Content(rest)])


class WeeklyReviewPanel:
    """Mixed into TodayScreen: a ``#weekly-review`` Static, ``show_weekly_review`` on each reload and
    ``action_weekly_review`` (``w``)."""

    _week_shown_on: date | None = None
    """A day on which ``w`` asked for the review (any weekday)."""

    def weekly_review_wanted(self, day: date) -> bool:
        from kith.store.quality.weekly import dismissed

        if self._week_shown_on == day:
            return True
        return day.weekday() == review_weekday(self.app.config) and not dismissed(day)

    def show_weekly_review(self, day: date) -> None:
        from textual.widgets import Static

        panel = self.query_one("#weekly-review", Static)
        panel.display = self.weekly_review_wanted(day)
        if panel.display:
            from kith.store.quality.weekly import past_week

            config = self.app.config
            week = past_week(day, review_weekday(config), config.quality.week_streak_touches)
            panel.update(review_content(week))

    def action_weekly_review(self) -> None:
        """Put the weekly review away for today, or show it (again)."""
        from kith.store.core.errors import StoreError
        from kith.store.quality import weekly

        day = self.today()
        showing = self.weekly_review_wanted(day)
        try:
            if showing:
                self._week_shown_on = None
                weekly.dismiss(day)
            else:
                self._week_shown_on = day
                weekly.undismiss(day)
        except StoreError as exc:
            from kith.tui.literal import literal

            self.notify(literal(str(exc)), severity="error")
            return
        self.show_weekly_review(day)
        self.notify("Weekly review put away for today: w shows it again." if showing else "The past week.")
