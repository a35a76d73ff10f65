"""The volunteering area's store: engagements at organisations, hours logged by day, the skills an
engagement uses or teaches, and the people met there.

Modules: ``records`` (what is returned), ``common`` (hours, days, text), ``engagements``,
``hours``, ``met`` (people met, shared engagements), ``queue`` (Today's follow-up nudge),
``edges`` (people met at one engagement know each other: an edge source of the network),
``search_kind``, ``undo_steps``, ``demo``, ``settings``, ``follow`` (hooks into the network).
Nothing here imports Textual.
"""
