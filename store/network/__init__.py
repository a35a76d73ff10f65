"""The network area: organisations, careers, introductions, who knows whom, connectors, targets, paths.

Other areas use organisations through this small API: ``find_or_create_org(name)``,
``match_org(name)``, ``get_org(id)``, ``list_orgs()``.
"""

from kith.store.network.careers import add_job, contact_changed, list_jobs, people_at
from kith.store.network.connectors import rank_connectors
from kith.store.network.edges import edges_between, set_knows
from kith.store.network.introductions import (
    contact_introducer_set,
    introduced_by,
    list_introductions,
    record_introduction,
)
from kith.store.network.orgs import find_or_create_org, get_org, list_orgs, match_org, resolve_org
from kith.store.network.paths import find_routes
from kith.store.network.records import OUTCOMES, STAGES
from kith.store.network.settings import NetworkSettings
from kith.store.network.targets import list_targets, set_target

__all__ = [
    "NetworkSettings", "OUTCOMES", "STAGES", "add_job", "contact_changed", "contact_introducer_set",
    "edges_between", "find_or_create_org", "find_routes", "get_org", "introduced_by", "list_introductions",
    "list_jobs", "list_orgs", "match_org", "people_at", "rank_connectors", "record_introduction", "resolve_org",
    "set_knows", "set_target", "list_targets",
]
