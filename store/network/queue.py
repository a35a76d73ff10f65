"""Provides the network's Today source: a target with no progress, in job-search mode only.

A slow nudge (PRODUCT.md, "Today stays short"): at most one a day (the stalest target), and the
same target at most weekly (on the day it turns N days stale, then every 7 days). It is about a
person: the first hop of the target's best warm path, so the item says whom to talk to. Off with
``[network] target_stale_days = 0`` or outside job-search mode.
"""

from __future__ import annotations

from store.network.paths import find_routes
from store.network.settings import NetworkSettings
from store.network.targets import stale_targets
from store.queue import QueueContext, QueueItem, source


@source("target", slow=True)
def target_items(ctx: QueueContext) -> list[QueueItem]:
    if ctx.settings.get("mode") != "job-search":
        return []
    knobs = ctx.settings.get("network") or {}
    days = int(knobs.get("target_stale_days", 14))
    for t in stale_targets(ctx.today, days):
        idle = (ctx.today - t.progressed).days
        if (idle - days) % 7:
            continue  # weekly, not daily
        settings = NetworkSettings(**{k: knobs[f"edge_{k}"] for k in ("introduction", "colleagues_long",
                                                                         "colleagues_short", "shared")
                                      if f"edge_{k}" in knobs})
        routes = find_routes(t.org_id, settings, ctx.today, limit=1)
        if not routes:
            continue
        first = routes[0].hops[0]
        ask = (f"ask them to introduce you to {routes[0].hops[1].name}" if len(routes[0].hops) > 1
               else "talk to them about it")
        reason = f"target {t.org_name}: {t.stage}, no progress for {idle} d · {ask}"
        return [QueueItem("target", first.contact_id, first.name, ctx.today, 1.0, reason, t.org_id, "due")]
    return []
