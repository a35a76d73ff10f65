"""Provides the store's wiring: every Today-queue source, search kind and undo step, by plain imports.

Importing a module registers what it declares (``@source`` for the queue, ``register_kind`` for
search); the undo log gets the function that reverses its steps. This file is the one place
that names those modules; ``kith.store`` imports it, so any use of the store has them all.
"""

from kith.store import undo_steps
from kith.store.brand import pitches  # noqa: F401 (search kind: pitch)
from kith.store.career import kinds  # noqa: F401 (search kinds: skill, learning, goal)
from kith.store.career import queue as career_queue  # noqa: F401 (sources: certification, income, stale-skill, emerging-skill)
from kith.store.conversations import queue as conversations_queue  # noqa: F401 (sources: prepare, held, ...)
from kith.store.conversations import (
    search_kind,  # noqa: F401 (search kind: conversation)
    thanks,
)
from kith.store.core import undo
from kith.store.mentors import queue_source, value, value_edits  # noqa: F401 (sources: check-in, give-back; kind: value)
from kith.store.network import follow_people, search_kinds  # noqa: F401 (kinds: organisation, introduction)
from kith.store.network import queue as network_queue  # noqa: F401 (source: target)
from kith.store.people import touches
from kith.store.perception import feedback  # noqa: F401 (search kind: feedback)
from kith.store.perception import queue as perception_queue  # noqa: F401 (sources: feedback-overdue, brand-review)
from kith.store.quality import queue_source as quality_queue  # noqa: F401 (sources: help-offer, time-to-receive)
from kith.store.quality import ranking
from kith.store.search import registry  # noqa: F401 (search kinds: contact, touch, follow-up)
from kith.store.today import queue, sources  # noqa: F401 (sources: cadence, follow-up, birthday)
from kith.store.volunteering import follow as volunteering_follow
from kith.store.volunteering import queue as volunteering_queue  # noqa: F401 (source: met)
from kith.store.volunteering import search_kind as volunteering_kind  # noqa: F401 (search kind: engagement)

undo.use_reverser(undo_steps.apply_step)
queue.use_weighting(ranking.weigh)
# The thank-you loop: a thank-you touch closes what is owed; value received from a mentor owes one.
touches.THANKED = thanks.close_open
value_edits.VALUE_RECEIVED = thanks.owe_mentor_value_thanks
follow_people.register()  # careers and introductions follow contact edits, merges and imports
volunteering_follow.register()  # people met at one engagement are edges; organisation merges move engagements
