"""The network area: organisations, careers, introductions, who knows whom, connectors, targets, paths.

Other areas use organisations through this small API: ``find_or_create_org(name)``,
``match_org(name)``, ``get_org(id)``, ``list_orgs()``.
"""

# Loaded on first use (PEP 562): importing one module of the area (a search kind for ``kith find``)
# must not load every model of it.
_WHERE = {
    "add_job": "careers",
    "contact_changed": "careers",
    "list_jobs": "careers",
    "people_at": "careers",
    "rank_connectors": "connectors",
    "edges_between": "edges",
    "set_knows": "edges",
    "contact_introducer_set": "introductions",
    "introduced_by": "introductions",
    "list_introductions": "introductions",
    "record_introduction": "introductions",
    "find_or_create_org": "orgs",
    "get_org": "orgs",
    "list_orgs": "orgs",
    "match_org": "orgs",
    "resolve_org": "orgs",
    "find_routes": "paths",
    "OUTCOMES": "records",
    "STAGES": "records",
    "NetworkSettings": "settings",
    "list_targets": "targets",
    "set_target": "targets",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    part = _WHERE[name]
    if part == "careers":
        from kith.store.network import careers as module
    elif part == "connectors":
        from kith.store.network import connectors as module
    elif part == "edges":
        from kith.store.network import edges as module
    elif part == "introductions":
        from kith.store.network import introductions as module
    elif part == "orgs":
        from kith.store.network import orgs as module
    elif part == "paths":
        from kith.store.network import paths as module
    elif part == "records":
        from kith.store.network import records as module
    elif part == "settings":
        from kith.store.network import settings as module
    elif part == "targets":
        from kith.store.network import targets as module
    value = getattr(module, name)
    globals()[name] = value
    return value
