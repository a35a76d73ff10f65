"""Provides the day and state wording every screen shows: "N d ago", due text, state classes."""

from __future__ import annotations

from datetime import date


def _span(days: int) -> str:
    if days < 100:
        return f"{days} d"
    if days < 730:
        return f"{days // 30} mo"
    return f"{days // 365} y"


def ago_text(day: date | None, today: date) -> str:
    """``never``, ``today``, ``12 d ago``, ``5 mo ago``, ``2 y ago`` (``in 3 d`` for a future day)."""
    if day is None:
        return "never"
    days = (today - day).days
    if days == 0:
        return "today"
    return f"in {_span(-days)}" if days < 0 else f"{_span(days)} ago"


def due_text(due: date | None, today: date) -> str:
    """``—`` (no cadence), ``today``, ``in 5 d`` or ``overdue 12 d``."""
    if due is None:
        return "—"
    days = (due - today).days
    if days == 0:
        return "today"
    return f"in {_span(days)}" if days > 0 else f"overdue {_span(-days)}"


def due_reason(due: date, today: date) -> str:
    """A Today reason's due text: ``due today``, ``due in 5 d`` or ``overdue 12 d``."""
    text = due_text(due, today)
    return text if text.startswith("overdue") else f"due {text}"


def due_state(due: date | None, today: date, soon_days: int) -> str:
    """``overdue``, ``due-soon`` or empty, as the dash classes and list colours use them."""
    if due is None:
        return ""
    if due < today:
        return "overdue"
    return "due-soon" if (due - today).days <= soon_days else ""


def role_company(role: str, company: str) -> str:
    return " · ".join(part for part in (role, company) if part)


DUE_STYLE = {"overdue": "bold $error", "due": "bold $warning", "due-soon": "$warning", "on-track": "$success"}
"""The colour of each due state, wherever a row or a date shows one (due soon is a warning)."""

DUE_MARK = {"overdue": "●", "due": "●", "due-soon": "○", "on-track": "·"}
"""The mark in front of a Today row for each due state."""

SNOOZED_ITEM = {"cadence": "catch-up", "follow-up": "follow-up", "birthday": "birthday", "give-back": "give-back",
                "check-in": "check-in", "feedback-overdue": "feedback request", "brand-review": "brand review",
                "thank-you": "thank-you", "prepare": "preparation", "conversation": "conversation",
                "held": "conversation to record", "target": "target", "help-offer": "offer of help",
                "time-to-receive": "ask for help"}
"""What a snooze hid, by queue source: snoozing is per item, never the whole person."""


def snoozed_line(name: str, sources: list[str], until: str) -> str:
    """``Snoozed Grace Adeyemi's give-back until Wed 9 Dec`` (no person for the brand review)."""
    what = " and ".join(SNOOZED_ITEM.get(s, s) for s in dict.fromkeys(sources))
    if sources == ["brand-review"]:
        return f"Snoozed the {what} until {until}"
    return f"Snoozed {name}'s {what} until {until}"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""Month names spelt here: strftime's %b follows the locale."""


def short_day(day: date) -> str:
    """``3 Jan``: a day of the year (a birthday, when the year does not matter)."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def day_text(day: date) -> str:
    """``12 Mar 2026`` (the day padded, so a column of them lines up)."""
    return f"{day.day:>2} {MONTHS[day.month - 1]} {day.year}"


def birthday_text(c) -> str:
    """A contact's birthday: ``14 Jul``, or ``14 Jul 1990`` when the year is known; ``""`` without one."""
    if not c.birthday_month or not c.birthday_day:
        return ""
    text = f"{c.birthday_day} {MONTHS[c.birthday_month - 1]}"
    return f"{text} {c.birthday_year}" if c.birthday_year else text
