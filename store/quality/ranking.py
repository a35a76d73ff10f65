"""Provides the mode's weighting of the Today ranking: job search lifts relevant people, steady
mode lifts strong relationships. Weights come from the ``quality`` settings (0 turns either off).

job search: score × (1 + relevance_weight × relevance / 100)
steady:     score × (1 + strength_weight × (strength − 3) / 4); the cadence score already
            carries a strength factor (0.9 … 1.3), so this is 0 (off) by default
"""

from __future__ import annotations

from kith.store.quality.settings import QualitySettings
from kith.store.today.queue import QueueItem, QueueSettings


def weigh(items: list[QueueItem], settings: QueueSettings) -> list[QueueItem]:
    """Return ``items`` with their scores adjusted for the mode (items about no one unchanged).

    Today calls it through the weighting ``kith.store.wiring`` hands to the queue.
    """
    q = settings.areas.get("quality")
    if not isinstance(q, QualitySettings):
        q = QualitySettings()
    ids = sorted({i.contact_id for i in items if i.contact_id is not None})
    if not ids:
        return items
    if settings.mode == "job-search":
        weight = q.relevance_weight
        if not weight:
            return items
        from kith.store.quality.focus import effective_focus, parse_term, relevance

        extra = [parse_term(k, t) for k in ("profession", "industry", "geography") for t in getattr(q, k)]
        focus = effective_focus(extra)
        if not focus:
            return items
        rel = {cid: r.score for cid, r in _chunked(lambda part: relevance(focus, part), ids).items()}
        factor = {cid: 1 + weight * rel.get(cid, 0) / 100 for cid in ids}
    else:
        weight = q.strength_weight
        if not weight:
            return items
        from kith.store.core.db import db

        strength = {}
        for part in _parts(ids):
            strength.update(db.execute_sql(
                f"SELECT id, strength FROM contact WHERE id IN ({','.join('?' * len(part))})", part))
        factor = {cid: 1 + weight * (strength.get(cid, 3) - 3) / 4 for cid in ids}
    return [i if i.contact_id is None else i._replace(score=i.score * factor[i.contact_id]) for i in items]


def _parts(ids: list[int], size: int = 900):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _chunked(fn, ids: list[int]) -> dict:
    out: dict = {}
    for part in _parts(ids):
        out.update(fn(part))
    return out
