"""The career area's store: skills and their currency, learning, income streams, your own jobs,
goals and challenges, their Today sources, demo part and search kinds.

Modules: ``common`` (months, text, errors), ``currency`` (ISO 4217 codes, decimal amounts),
``skills``, ``learning``, ``income``, ``jobs`` (jobs and gaps), ``goals``, ``settings``,
``queue`` (Today sources), ``demo``, ``kinds`` (search kinds). Nothing here imports Textual.
"""
