"""Provides every search kind, declared without models or peewee: ``kith find`` loads just these.

Importing this module registers each kind in the order the app always had (the order ties are
listed in). A new kind's light declaration module is added here as well as in ``store.wiring``.
"""

from kith.store.brand import search_kind as pitch_kind  # noqa: F401 (pitch)
from kith.store.career import kinds as career_kinds  # noqa: F401 (skill, learning, goal)
from kith.store.conversations import search_kind as conversation_kind  # noqa: F401 (conversation)
from kith.store.mentors import search_kind as value_kind  # noqa: F401 (value)
from kith.store.network import search_kinds as network_kinds  # noqa: F401 (organisation, introduction)
from kith.store.newsletter import search_kind as newsletter_kind  # noqa: F401 (newsletter)
from kith.store.perception import search_kind as feedback_kind  # noqa: F401 (feedback)
from kith.store.search import registry  # noqa: F401 (contact, touch, follow-up)
from kith.store.volunteering import search_kind as engagement_kind  # noqa: F401 (engagement)
