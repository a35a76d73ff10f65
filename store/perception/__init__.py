"""The Perception area: how others see you, against what you say.

- ``feedback``: 360 requests and feedback entries (verbatim), with their stored terms.
- ``terms``: term extraction (folding, stop words at the edges, Snowball stems).
- ``trends``: terms ranked by people, then count, with the 12-month trend; quotes.
- ``compare``: perception against message, and the brand check.
- ``brand_review``: reviews against the five mistakes, audience variants, claims with evidence.
- ``thanks``: the thank-you follow-up after feedback (a hook the conversations work can take over).
- ``queue``: the Today sources (feedback answer overdue; review your pitch).
- ``demo``: this area's part of the demo network.
"""
