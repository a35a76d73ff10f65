"""Provides the Volunteering tab's rows, header, detail and forms (add, edit, log hours, met someone),
and the shared engagements on a contact's page. The Career screen calls these; each form writes
through the store and shows the store's refusal inline."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.content import Content

from kith.tui.literal import literal, safe_text
from kith.tui.modals.career_form import CareerFormModal, FormField

COLUMNS = (("Organisation", "org"), ("Role", "role"), ("Since", "since"), ("Hours", "hours"),
           ("People", "people"), ("Status", "status"))
RECENT_DAYS = 90
"""The header's "lately": hours given in this many days."""


def _cell(text: object, style: str = "", limit: int | None = 28) -> Text:
    return Text(safe_text(text, limit=limit), style=style)


def volunteering_rows(engagements: list, day: date):
    """(key, filter text, cells) per engagement: current ones first, as the store lists them."""
    for e in engagements:
        active = e.active_on(day)
        status = "active" if active else (f"ended {e.ended.isoformat()[:7]}" if e.ended else "not started")
        skills = " ".join(n for n, _ in e.skills)
        yield e.id, f"{e.organisation} {e.role} {e.note} {skills} {status}", (
            _cell(e.organisation, limit=20), _cell(e.role, limit=16), _cell(e.started.isoformat()[:7]),
            _cell(f"{e.hours} h"), _cell(str(e.people)), _cell(status, "" if active else "$text-muted"))


def volunteering_head(engagements: list, day: date, recent_minutes: int) -> Content:
    from kith.store.volunteering.records import hours_text

    if not engagements:
        return Content.styled("no volunteering yet: n adds an engagement", "$text-muted")
    active = sum(1 for e in engagements if e.active_on(day))
    total = sum(e.minutes for e in engagements)
    return Content.assemble((f"{hours_text(total)} h in all", "bold"), f" · {hours_text(recent_minutes)} h in the "
                            f"last {RECENT_DAYS} d · {active} active of {len(engagements)} · "
                            f"{sum(e.people for e in engagements)} people met")


def volunteering_detail(engagement) -> Content:
    """Under the table: the highlighted engagement's note, skills, last hours and people met."""
    from kith.store.volunteering.hours import list_hours
    from kith.store.volunteering.met import list_met

    if engagement is None:
        return Content("")
    parts: list = []
    if engagement.note:
        parts += [("Note ", "$text-muted"), literal(engagement.note, limit=160), "\n"]
    if engagement.skills:
        parts += [("Skills ", "$text-muted"),
                  literal(", ".join(f"{n} ({h})" for n, h in engagement.skills), limit=120), "\n"]
    hours = list_hours(engagement.id)[:3]
    parts += [("Hours ", "$text-muted"), literal(" · ".join(f"{h.day.isoformat()} {h.hours} h"
                                                             + (f" {h.note}" if h.note else "") for h in hours)
                                                 or "none yet: H logs some", limit=160), "\n"]
    met = list_met(engagement.id)
    names = ", ".join(dict.fromkeys(m.name for m in met))
    parts += [("Met ", "$text-muted"), literal(names or "no one yet: l logs someone you met", limit=160)]
    return Content.assemble(*parts)


def _guard(write):
    from kith.store.core.errors import StoreError

    def submit(values: dict) -> str | None:
        try:
            write(values)
        except (StoreError, ValueError) as exc:  # ValueError: a day that does not parse
            return str(exc)
        return None
    return submit


def _day(text: str, today: date, what: str) -> date | None:
    from kith.store.core.clock import parse_day

    if not text:
        return None
    try:
        return parse_day(text, today)
    except ValueError as exc:
        raise ValueError(f"{what}: {exc}") from None


def _skills(used: str, learned: str) -> tuple[tuple[str, str], ...]:
    split = lambda text: [n.strip() for n in text.split(",") if n.strip()]  # noqa: E731
    return tuple((n, "used") for n in split(used)) + tuple((n, "learned") for n in split(learned))


def new_engagement_form(today: date) -> CareerFormModal:
    from kith.store.volunteering.engagements import add_engagement

    def write(v):
        add_engagement(v["org"], v["role"], today, _day(v["from"], today, "from"), _day(v["to"], today, "to"),
                       v["note"], _skills(v["used"], v["learned"]))

    fields = (FormField("org", "Organisation", "e.g. Code Club"),
              FormField("role", "Role", "e.g. mentor, treasurer, organiser"),
              FormField("from", "From (YYYY-MM-DD)", "today", ""),
              FormField("to", "To (empty: ongoing)", ""),
              FormField("used", "Skills used (comma-separated)", "e.g. Python, Public speaking"),
              FormField("learned", "Skills learned", "e.g. Teaching"),
              FormField("note", "Note", ""))
    return CareerFormModal("New volunteering engagement", fields, _guard(write))


def edit_engagement_form(e, today: date) -> CareerFormModal:
    from kith.store.volunteering.engagements import link_skill, update_engagement

    def write(v):
        update_engagement(e.id, organisation=v["org"], role=v["role"], started=_day(v["from"], today, "from") or
                          e.started, ended=_day(v["to"], today, "to"), note=v["note"])
        for name, how in _skills(v["used"], ""):
            link_skill(e.id, name, how, today)

    fields = (FormField("org", "Organisation", "", e.organisation), FormField("role", "Role", "", e.role),
              FormField("from", "From (YYYY-MM-DD)", "", e.started.isoformat()),
              FormField("to", "To (empty: ongoing)", "", e.ended.isoformat() if e.ended else ""),
              FormField("used", "Add skills used (comma-separated)", "e.g. Python"),
              FormField("note", "Note", "", e.note))
    return CareerFormModal("Edit volunteering engagement", fields, _guard(write))


def log_hours_form(e, today: date) -> CareerFormModal:
    from kith.store.volunteering.hours import log_hours

    def write(v):
        log_hours(e.id, v["hours"], today, _day(v["day"], today, "day") or today, v["note"])

    fields = (FormField("hours", "Hours (2, 1.5 or 1:30)", "e.g. 2"),
              FormField("day", "Day", "today, yesterday, -3 or YYYY-MM-DD", "today"),
              FormField("note", "Note", "what you did (optional)"))
    return CareerFormModal(f"Log hours at {safe_text(e.title, limit=40)}", fields, _guard(write))


def meet_form(e, today: date):
    from kith.store.volunteering.met import meet
    from kith.tui.modals.meet import MeetModal

    def find(text: str) -> list[tuple[int, str]]:
        from kith.store.search.engine import search

        return [(r.id, r.title) for r in search(text, limit=8, kinds=["contact"])]

    def write(v):
        day = _day(v["day"], today, "day") or today
        if v["contact_id"] is not None:
            meet(e.id, today, contact_id=v["contact_id"], day=day, note=v["note"])
        else:
            meet(e.id, today, new_name=v["name"], day=day, note=v["note"])

    return MeetModal(e.title, find, _guard(write))


def shared_content(contact_id: int) -> list[Content]:
    """Lines for the contact page: the engagements where you met this person, latest first."""
    from kith.store.core.errors import NotFound
    from kith.store.volunteering.met import shared_engagements

    try:
        shared = shared_engagements(contact_id)
    except NotFound:  # deleted elsewhere meanwhile: the page says so itself
        return []
    lines = []
    for s in shared:
        times = f" · met {s.times}×" if s.times > 1 else ""
        lines.append(Content.assemble(("◆ ", "$accent" if s.ended is None else "$text-muted"),
                                      literal(s.title, "bold", limit=80),
                                      (f"  volunteering · met {s.last_met.isoformat()}{times}", "$text-muted")))
    return lines
