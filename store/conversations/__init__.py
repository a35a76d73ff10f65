"""The Conversations area: conversations planned with a purpose, the prep brief, the record of a
held conversation (answers, referrals, next steps) and the thank-you loop.

Modules: ``plans`` (plan, move, drop, list), ``held`` (record one), ``thanks`` (the general
thank-you loop other areas call: ``owe_thanks``), ``brief`` (the prep brief's data), ``counts``
(job-search counts, the week), ``queue`` (Today sources), ``search_kind``, ``demo``, ``undo_steps``.
"""
