"""Provides the Career area's rows, headers and add-forms (kept apart so the screen stays short)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.content import Content

from kith.tui.flows.volunteering import COLUMNS as VOLUNTEERING_COLUMNS
from kith.tui.literal import safe_text
from kith.tui.modals.career_form import CareerFormModal, FormField

TABS = {
    "skills": (("Skill", "name"), ("Kind", "kind"), ("Depth", "depth"), ("Last used", "used"), ("Flags", "flags")),
    "learning": (("Title", "title"), ("Kind", "kind"), ("Status", "status"), ("Feeds", "feeds"),
                 ("Expires", "expires")),
    "income": (("Stream", "name"), ("Kind", "kind"), ("Monthly", "monthly"), ("Share", "share"),
               ("Since", "since"), ("Status", "status")),
    "volunteering": VOLUNTEERING_COLUMNS,
}
"""Tab id -> its table's columns (label, key)."""


def _cell(text: object, style: str = "", limit: int | None = 28) -> Text:
    # DataTable measures rich Text reliably; safe_text keeps markup and escapes inert.
    return Text(safe_text(text, limit=limit), style=style)


@dataclass(frozen=True)
class CareerData:
    """Everything the Career area shows, read once per reload."""

    day: date
    settings: object
    skills: list
    shape: object
    learning: list
    income: object
    engagements: tuple = ()
    recent_minutes: int = 0
    """Volunteering minutes in the last ``RECENT_DAYS`` days (the Volunteering tab's header)."""

    def learning_head(self) -> Content:
        counts = {s: sum(1 for i in self.learning if i.status == s) for s in ("doing", "planned", "done")}
        soon = [i for i in self.learning if i.kind == "certification" and i.status != "dropped" and i.expires
                and 0 <= i.expires_in(self.day) <= self.settings.certification_warn_days]
        parts: list = [" · ".join(f"{n} {s}" for s, n in counts.items())]
        if soon:
            parts.append((f" · {len(soon)} certification{'s' if len(soon) > 1 else ''} expiring within "
                          f"{self.settings.certification_warn_days} d", "bold $warning"))
        return Content.assemble(*parts)

    def income_head(self) -> Content:
        s = self.income
        group = s.display_group
        total = f"{group.total:,.2f} {s.display_currency}/month" if group else f"no {s.display_currency} income"
        share = f"largest {s.largest_share}%" if s.largest_share is not None else "no share"
        parts: list = [(total, "bold"), " · ", (share, "bold $warning" if s.over_share else ""),
                       (f" (over {s.share_limit}%)" if s.over_share else ""), " · ",
                       (f"{s.count} of {s.target} streams", "bold $warning" if s.under_target else "")]
        if s.mixed:
            others = ", ".join(g.currency for g in s.groups if g.currency != s.display_currency)
            parts.append((f"\nshares per currency, no conversion ({others} apart)", "$text-muted"))
        return Content.assemble(*parts)


def skill_rows(d: CareerData):
    for s in d.skills:
        style = "$warning" if s.stale or s.needs_learning else ""
        text = f"{s.name} {s.kind} {s.depth_label} {s.flags} {s.where_used} {s.evidence}"
        yield s.id, text, (_cell(s.name, limit=16), _cell(s.kind), _cell(f"{s.depth} {s.depth_label}"),
                           _cell(s.last_used or "—"), _cell(s.flags, style))


def learning_rows(d: CareerData):
    for i in d.learning:
        expires = ""
        style = ""
        if i.expires:
            left = i.expires_in(d.day)
            expires = i.expires.isoformat()
            style = ("bold $error" if left < 0 else "bold $warning") if left <= d.settings.certification_warn_days \
                else ""
        feeds = ", ".join(i.skills)
        yield i.id, f"{i.title} {i.kind} {i.status} {feeds} {i.note}", (
            _cell(i.title, limit=22), _cell(i.kind), _cell(i.status), _cell(feeds, limit=14), _cell(expires, style))


def income_rows(d: CareerData):
    s = d.income
    percents = {name: (g.currency, p) for g in s.groups for name, _, p in g.shares}
    for x in s.streams:
        amount = x.amount_on(d.day)
        active = x.active_on(d.day) and amount is not None
        currency, percent = percents.get(x.name, (x.currency, None))
        share = f"{percent}%" if active and percent is not None else ""
        monthly = f"{(amount if amount is not None else x.history[-1].monthly):,.2f} {x.currency}" \
            if x.history else "—"
        status = "active" if active else (f"ended {x.ended.isoformat()[:7]}" if x.ended else "not started")
        yield x.id, f"{x.name} {x.kind} {x.organisation} {x.currency} {status}", (
            _cell(x.name, limit=18), _cell(x.kind), _cell(monthly), _cell(share),
            _cell(x.started.isoformat()[:7]), _cell(status, "" if active else "$text-muted"))


def new_form(tab: str, today: date, settings) -> CareerFormModal:
    """The add form of ``tab``; its save writes through the store and shows the store's refusal inline."""
    if tab == "volunteering":
        from kith.tui.flows.volunteering import new_engagement_form

        return new_engagement_form(today)
    from kith.store.core.clock import parse_day
    from kith.store.core.errors import StoreError

    def guard(write):
        def submit(v: dict) -> str | None:
            try:
                write(v)
            except StoreError as exc:
                return str(exc)
            except ValueError as exc:  # a day that does not parse
                return str(exc)
            return None
        return submit

    def day_or_none(text: str):
        return parse_day(text, today) if text else None

    if tab == "skills":
        from kith.store.career.skills import add_skill

        def write(v):
            if not v["depth"].isdigit():
                raise ValueError(f"depth must be 1 to 5, not {v['depth']!r}")
            add_skill(v["name"], today, kind=v["kind"] or "hard", depth=int(v["depth"]), used=v["used"] or None,
                      emerging=v["emerging"].lower().startswith("y"))

        fields = (FormField("name", "Skill", "e.g. Kubernetes"),
                  FormField("kind", "Kind", "hard, soft, language, domain", "hard"),
                  FormField("depth", "Depth 1-5", "1 aware … 5 authority", "2"),
                  FormField("used", "Last used (YYYY-MM)", "e.g. 2026-01"),
                  FormField("emerging", "Emerging? (y/n)", "n", "n"))
        return CareerFormModal("New skill", fields, guard(write))
    if tab == "learning":
        from kith.store.career.learning import add_learning

        def write(v):
            skills = tuple(n.strip() for n in v["skills"].split(",") if n.strip())
            add_learning(v["title"], today, kind=v["kind"] or "course", skills=skills, status=v["status"] or "planned",
                         expires=day_or_none(v["expires"]))

        fields = (FormField("title", "Title", "e.g. Rust in Action"),
                  FormField("kind", "Kind", "degree, course, certification, language, book, talk, project", "course"),
                  FormField("skills", "Feeds skills (comma-separated names)", "e.g. Rust, SQL"),
                  FormField("status", "Status", "planned, doing, done, dropped", "planned"),
                  FormField("expires", "Expires (certifications; YYYY-MM-DD)", ""))
        return CareerFormModal("New learning", fields, guard(write))
    from kith.store.career.income import add_income

    def write(v):
        add_income(v["name"], v["kind"], v["monthly"], today, currency=v["currency"] or settings.display_currency,
                   from_day=day_or_none(v["from"]))

    fields = (FormField("name", "Stream (an existing name records a new amount)", "e.g. Salary"),
              FormField("kind", "Kind", "salary, freelance, consulting, product, teaching, …", "salary"),
              FormField("monthly", "Monthly amount", "e.g. 4500.00"),
              FormField("currency", "Currency (ISO 4217)", "EUR", settings.display_currency),
              FormField("from", "From (YYYY-MM-DD)", "today", ""))
    return CareerFormModal("New income stream", fields, guard(write))
