"""Provides the health numbers of the network: what the Health tab draws and ``kith stats`` prints.

One call reads everything with a handful of grouped queries, so 10,000 contacts and 100,000
touches cost a fraction of a second. Words are positive: fading relationships are people to
reconnect with.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from kith.store.core.db import db
from kith.store.quality.focus import FocusTerm, term_matches
from kith.store.quality.give_take import Balance, totals
from kith.store.quality.triage import initiator_counts

WEEKS = 52
STATES = ("on-track", "due-soon", "due", "overdue", "no cadence")
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


def _cadence_sql(settings: HealthSettings) -> tuple[str, list]:
    cases = " ".join("WHEN ? THEN ?" for _ in settings.tier_cadence)
    args = [x for pair in settings.tier_cadence.items() for x in pair]
    sql = f"coalesce(c.cadence_days, CASE c.tier {cases} ELSE 0 END)" if cases else "coalesce(c.cadence_days, 0)"
    return sql, args


def _tier_states(h: Health, today: date, settings: HealthSettings) -> None:
    # In SQL: 10,000 rows never cross into Python (no dates parsed, no text decoded per row).
    cadence, args = _cadence_sql(settings)
    due = f"date(coalesce(c.last_touch_on, date(c.created)), '+' || ({cadence}) || ' days')"
    soon = (today + timedelta(days=settings.due_soon_days)).isoformat()
    t = today.isoformat()
    sql = (f"SELECT c.tier, CASE WHEN ({cadence}) = 0 THEN 'no cadence' WHEN {due} < ? THEN 'overdue' "
           f"WHEN {due} = ? THEN 'due' WHEN {due} <= ? THEN 'due-soon' ELSE 'on-track' END AS state, count(*) "
           f"FROM contact c WHERE c.archived = 0 GROUP BY c.tier, state")
    h.tiers = {tier: dict.fromkeys(STATES, 0) for tier in settings.tier_cadence}
    for tier, state, n in db.execute_sql(sql, [*args, *args, t, *args, t, *args, soon]):
        h.tiers.setdefault(tier, dict.fromkeys(STATES, 0))[state] += n


def _fading(h: Health, today: date, settings: HealthSettings) -> None:
    cadence, args = _cadence_sql(settings)
    sql = (f"SELECT c.id, c.name, c.last_touch_on FROM contact c WHERE c.archived = 0 AND c.strength >= 4 AND "
           f"(c.last_touch_on IS NULL OR julianday(?) - julianday(c.last_touch_on) > max(180, 2 * ({cadence}))) "
           f"ORDER BY c.last_touch_on IS NOT NULL, c.last_touch_on, c.name LIMIT 5")
    h.fading = [(cid, name, (today - date.fromisoformat(last)).days if last else None)
                for cid, name, last in db.execute_sql(sql, [today.isoformat(), *args])]


def health(today: date, settings: HealthSettings) -> Health:
    """Every number the Health tab shows."""
    h = Health(today, settings.mode)
    for strength, n in db.execute_sql("SELECT strength, count(*) FROM contact WHERE archived = 0 GROUP BY strength"):
        h.strength[max(1, min(strength, 5)) - 1] += n
    h.contacts = sum(h.strength)
    h.untriaged = db.execute_sql("SELECT count(*) FROM contact WHERE archived = 0 AND triaged_on IS NULL").fetchone()[0]
    _tier_states(h, today, settings)
    _fading(h, today, settings)
    if settings.focus:
        touched = {r[0] for r in db.execute_sql("SELECT id FROM contact WHERE archived = 0 AND last_touch_on >= ?",
                                                ((today - timedelta(days=30)).isoformat(),))}
        # Archived people are dropped in Python: as a join or subquery it costs SQLite three times more.
        active = {r[0] for r in db.execute_sql("SELECT id FROM contact WHERE archived = 0")}
        matched = {t: set(term_matches(t)) & active for t in settings.focus}
        relevant = set().union(*matched.values())
        h.relevant = len(relevant)
        h.relevant_touched_30d = len(relevant & touched)
        h.by_focus = [(t.kind, t.name, len(ids)) for t, ids in matched.items()]
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
