"""Provides the network's Today source: a target with no progress, in job-search mode only.

A slow nudge (PRODUCT.md, "Today stays short"): at most one a day (the stalest target), and the
same target at most weekly (on the day it turns N days stale, then every 7 days). It is about a
person: the first hop of the target's best warm path, so the item says whom to talk to. Off with
``[network] target_stale_days = 0`` or outside job-search mode.
"""

from __future__ import annotations

from kith.store.network.paths import find_routes
from kith.store.network.settings import NetworkSettings
from kith.store.network.targets import stale_targets
from kith.store.today.queue import QueueContext, QueueItem, source


def settings_of(ctx: QueueContext) -> NetworkSettings:
    found = ctx.settings.areas.get("network")
    return found if isinstance(found, NetworkSettings) else NetworkSettings()


@source("target", slow=True)
def target_items(ctx: QueueContext) -> list[QueueItem]:
    if ctx.settings.mode != "job-search":
        return []
    settings = settings_of(ctx)
    days = settings.target_stale_days
    if days <= 0:
        return []
    for t in stale_targets(ctx.today, days):
        idle = (ctx.today - t.progressed).days
        if (idle - days) % 7:
            continue  # weekly, not daily
        routes = find_routes(t.org_id, settings, ctx.today, limit=1)
        if not routes:
            continue
        first = routes[0].hops[0]
        ask = (f"ask them to introduce you to {routes[0].hops[1].name}" if len(routes[0].hops) > 1
               else "talk to them about it")
        reason = f"target {t.org_name}: {t.stage}, no progress for {idle} d · {ask}"
        return [QueueItem("target", first.contact_id, first.name, ctx.today, 1.0, reason, t.org_id, "due")]
    return []
