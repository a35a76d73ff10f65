"""Provides the health numbers of the network: what the Health tab draws and ``kith stats`` prints.

One call reads everything with a handful of grouped queries, so 10,000 contacts and 100,000
touches cost a fraction of a second. Words are positive: fading relationships are people to
reconnect with.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from store.cadence import effective_cadence, next_due, state_of
from store.db import db
from store.quality.focus import FOCUS_KINDS, FocusTerm, relevance
from store.quality.give_take import Balance, totals
from store.quality.triage import initiator_counts

WEEKS = 52
MONTHS = 12


@dataclass(frozen=True)
class HealthSettings:
    """Typed settings the caller builds from its config."""

    tier_cadence: dict[str, int]
    due_soon_days: int = 7
    mode: str = "steady"
    focus: tuple[FocusTerm, ...] = ()


@dataclass
class Health:
    today: date
    mode: str
    contacts: int = 0
    relevant: int = 0
    relevant_touched_30d: int = 0
    untriaged: int = 0
    by_focus: list[tuple[str, str, int]] = field(default_factory=list)
    by_tag_kind: dict[str, int] = field(default_factory=dict)
    strength: list[int] = field(default_factory=lambda: [0] * 5)
    tiers: dict[str, dict[str, int]] = field(default_factory=dict)
    touches_per_week: list[int] = field(default_factory=list)
    new_per_month: list[tuple[str, int]] = field(default_factory=list)
    give_take: Balance = field(default_factory=Balance)
    fading: list[tuple[int, str, int | None]] = field(default_factory=list)
    initiators: dict[str, int] = field(default_factory=dict)
    verdict: str = ""

    def as_json(self) -> dict:
        d = asdict(self)
        d["today"] = self.today.isoformat()
        d["give_take"] = {**asdict(self.give_take), "net": self.give_take.net}
        d["by_focus"] = [{"kind": k, "name": n, "contacts": c} for k, n, c in self.by_focus]
        d["strength"] = {str(i + 1): n for i, n in enumerate(self.strength)}
        d["new_per_month"] = [{"month": m, "contacts": n} for m, n in self.new_per_month]
        d["fading"] = [{"contact_id": i, "name": n, "days_since": s} for i, n, s in self.fading]
        return d


def _weekly(today: date) -> list[int]:
    start = today - timedelta(days=7 * WEEKS - 1)
    counts = [0] * WEEKS
    for day, n in db.execute_sql("SELECT date, count(*) FROM touch WHERE date BETWEEN ? AND ? GROUP BY date",
                                 (start.isoformat(), today.isoformat())):
        counts[(date.fromisoformat(day) - start).days // 7] += n
    return counts


def _monthly(today: date) -> list[tuple[str, int]]:
    months = []
    y, m = today.year, today.month
    for _ in range(MONTHS):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    months.reverse()
    got = dict(db.execute_sql("SELECT substr(coalesce(connected_on, created), 1, 7) AS mo, count(*) FROM contact "
                              "WHERE mo >= ? GROUP BY mo", (months[0],)).fetchall())
    return [(mo, got.get(mo, 0)) for mo in months]


def health(today: date, settings: HealthSettings) -> Health:
    """Every number the Health tab shows."""
    h = Health(today, settings.mode)
    rows = db.execute_sql("SELECT id, name, tier, strength, cadence_days, last_touch_on, created, triaged_on "
                          "FROM contact WHERE archived = 0").fetchall()
    h.contacts = len(rows)
    h.tiers = {t: {"on-track": 0, "due-soon": 0, "due": 0, "overdue": 0, "no cadence": 0}
               for t in settings.tier_cadence}
    month_ago = today - timedelta(days=30)
    fading = []
    last_of: dict[int, date | None] = {}
    for cid, name, tier, strength, own, last, created, triaged in rows:
        last_day = date.fromisoformat(last) if last else None
        last_of[cid] = last_day
        h.strength[max(1, min(strength, 5)) - 1] += 1
        if triaged is None:
            h.untriaged += 1
        cadence = effective_cadence(own, tier, settings.tier_cadence)
        due = next_due(last_day, date.fromisoformat(str(created)[:10]), cadence)
        state = state_of(due, today, settings.due_soon_days) or "no cadence"
        h.tiers.setdefault(tier, {"on-track": 0, "due-soon": 0, "due": 0, "overdue": 0, "no cadence": 0})
        h.tiers[tier][state] += 1
        since = (today - last_day).days if last_day else None
        if strength >= 4 and (since is None or since > max(180, 2 * (cadence or 90))):
            fading.append((since if since is not None else 10**6, cid, name, since))
    fading.sort(key=lambda f: (-f[0], f[2]))
    h.fading = [(cid, name, since) for _, cid, name, since in fading[:5]]
    active = set(last_of)
    if settings.focus:
        rel = {cid: r for cid, r in relevance(list(settings.focus)).items() if cid in active}
        relevant = [cid for cid, r in rel.items() if r.score > 0]
        h.relevant = len(relevant)
        h.relevant_touched_30d = sum(1 for cid in relevant if last_of[cid] and last_of[cid] >= month_ago)
        for t in settings.focus:
            n = sum(1 for r in rel.values() if t in r.matched)
            h.by_focus.append((t.kind, t.name, n))
    for kind, n in db.execute_sql(
            "SELECT g.kind, count(DISTINCT ct.contact_id) FROM contact_tag ct JOIN tag g ON g.id = ct.tag_id "
            "JOIN contact c ON c.id = ct.contact_id WHERE c.archived = 0 GROUP BY g.kind"):
        h.by_tag_kind[kind] = n
    h.touches_per_week = _weekly(today)
    h.new_per_month = _monthly(today)
    h.give_take = totals(today)
    h.initiators = initiator_counts()
    h.verdict = verdict(h)
    return h


def verdict(h: Health) -> str:
    """One line for the current mode."""
    if h.mode == "job-search":
        if not h.by_focus:
            return "job search: set your focus (kith focus --industry …) to see who is relevant"
        top = max(h.by_focus, key=lambda f: f[2])
        return (f"job search: {h.relevant} relevant contacts (most in {top[1]}), "
                f"{h.relevant_touched_30d} touched this month")
    overdue = sum(s["overdue"] for s in h.tiers.values())
    strong = h.strength[3] + h.strength[4]
    on_track = sum(s["on-track"] + s["due-soon"] for s in h.tiers.values())
    return f"steady: {strong} strong relationships, {on_track} on track, {overdue} to reach out to"
