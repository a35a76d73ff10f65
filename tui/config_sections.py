"""Provides readers of config sections kept apart from ``config.py`` (which stays short):
``[today] sources_off``, ``[career]``, ``[network]``, ``[newsletter]`` and ``[volunteering]``. ``r`` is config's reader
(file:line:key errors)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kith.store.career.currency_codes import CURRENCIES  # constant modules: no database, no Textual
from kith.store.career.settings import CareerSettings
from kith.store.network.settings import NetworkSettings
from kith.store.volunteering.settings import VolunteeringSettings

CareerConfig = CareerSettings  # the [career] section is the store's settings as they are
NetworkConfig = NetworkSettings  # so is [network]
VolunteeringConfig = VolunteeringSettings  # and [volunteering]


def read_sources_off(r) -> tuple[str, ...]:
    """Today sources never asked, e.g. ``["birthday", "income"]``."""
    names = r.table("today", None).get("sources_off", [])
    if not isinstance(names, list) or not all(isinstance(n, str) and re.match(r"^[a-z][a-z0-9-]{0,40}$", n)
                                              for n in names):
        raise r.fail("today", "sources_off", 'must be a list of source names like ["birthday", "income"]')
    return tuple(names)


def read_career(r) -> CareerSettings:
    """The career rules: the display currency and the Today thresholds."""
    r.table("career", {f for f in CareerSettings.__dataclass_fields__})
    code = r.get("career", "display_currency", str, "EUR")
    if code not in CURRENCIES:
        raise r.fail("career", "display_currency", f"unknown ISO 4217 currency code {code!r} (e.g. EUR, USD)")
    return CareerSettings(
        display_currency=code,
        stale_months=r.get("career", "stale_months", int, 18, 1, 600),
        emerging_learning_months=r.get("career", "emerging_learning_months", int, 6, 1, 120),
        largest_share_percent=r.get("career", "largest_share_percent", int, 80, 1, 100),
        income_streams_target=r.get("career", "income_streams_target", int, 3, 1, 50),
        certification_warn_days=r.get("career", "certification_warn_days", int, 60, 1, 730),
    )


def read_network(r) -> NetworkSettings:
    """The warm-path edge strengths (1-5) and the stale-target nudge (days, 0: never)."""
    fields = NetworkSettings.__dataclass_fields__
    r.table("network", set(fields))
    return NetworkSettings(**{f: r.get("network", f, int, fields[f].default, *((0, 365) if f == "target_stale_days"
                                                                               else (1, 5))) for f in fields})


@dataclass(frozen=True)
class NewsletterConfig:
    batch_size: int = 100
    """Addresses per BCC batch (mail services cap recipients per message, terminals cap OSC 52)."""
    restarts_cadence: tuple[str, ...] = ("network",)
    """Tiers whose cadence a newsletter restarts; the others (inner, close) deserve a real conversation."""


def read_newsletter(r, tiers: dict[str, int]) -> NewsletterConfig:
    """``[newsletter]``: the BCC batch size and the tiers a newsletter restarts the cadence of."""
    table = r.table("newsletter", set(NewsletterConfig.__dataclass_fields__))
    restarts = table.get("restarts_cadence", [t for t in NewsletterConfig.restarts_cadence if t in tiers])
    if not isinstance(restarts, list) or not all(isinstance(t, str) and t in tiers for t in restarts):
        raise r.fail("newsletter", "restarts_cadence", f"must be a list of tiers, any of: {', '.join(tiers)}")
    return NewsletterConfig(batch_size=r.get("newsletter", "batch_size", int, 100, 1, 10_000),
                            restarts_cadence=tuple(restarts))


def read_volunteering(r) -> VolunteeringSettings:
    """Volunteering: how many days after meeting someone Today nudges a follow-up (0: never)."""
    r.table("volunteering", {f for f in VolunteeringSettings.__dataclass_fields__})
    return VolunteeringSettings(follow_up_days=r.get("volunteering", "follow_up_days", int, 7, 0, 365))
