"""Provides the store's wiring: every Today-queue source and search kind, by plain imports.

Importing a module registers what it declares (``@source`` for the queue, ``register_kind`` for
search). This file is the one place that names those modules: a new area adds its lines here.
"""

from kith.store.brand import pitches  # noqa: F401 (search kind: pitch)
from kith.store.mentors import queue_source, value  # noqa: F401 (sources: check-in, give-back; kind: value)
from kith.store.search import registry  # noqa: F401 (search kinds: contact, touch, follow-up)
from kith.store.today import sources  # noqa: F401 (sources: cadence, follow-up, birthday)
