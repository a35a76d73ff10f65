"""Provides IdleCollector: the cyclic garbage collector's full walks run while the user is idle.

At 30,000 contacts a full collection took 15 to 46 ms, and Python starts one by itself whenever
enough objects outlived the younger walks: while typing, it landed on a key (in search, one key
took 112 ms, 46 of them collecting). kith leaves the young walks to Python (a millisecond or
two) and runs the full one itself, once no key or click came for a second and something was
allocated since the last one; and, so that a key held down for long cannot pile up garbage,
during input too once three times as much piled up as Python would have let pile up. Set for
the life of the process (the app is the process); a test process, running many headless apps,
keeps Python's own.
"""

from __future__ import annotations

import gc
from time import monotonic

IDLE_S = 1.0
"""Seconds without a key or a click before a full collection may run."""
TICK_S = 0.5
"""How often the app asks whether it is time."""
NEVER = 1_000_000
"""Python's third threshold (young walks between full ones), so high it does not start one itself."""
BUSY_LIMIT = 30
"""Young walks after which a full one runs even while keys come (Python's own threshold is 10)."""


class IdleCollector:
    def __init__(self) -> None:
        self._input_at = monotonic()

    def start(self) -> None:
        young, middle, _full = gc.get_threshold()
        gc.set_threshold(young, middle, NEVER)

    def saw_input(self) -> None:
        self._input_at = monotonic()

    def tick(self) -> bool:
        """Collect everything if the user is idle and anything outlived a young walk, or if much
        did; say whether it did."""
        walks = gc.get_count()[2]
        if walks < BUSY_LIMIT and (walks == 0 or monotonic() - self._input_at < IDLE_S):
            return False
        gc.collect()
        return True
