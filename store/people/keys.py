"""Provides the keys contacts are matched on when two records may be one person."""

from __future__ import annotations

import re
from functools import lru_cache

_URL_PREFIX = re.compile(r"^(https?://)?(www\.|[a-z]{2}\.)?", re.I)


@lru_cache(maxsize=4096)  # small: 100,000 long URLs stayed in memory for the life of the TUI
def url_key(url: str) -> str:
    """A URL folded for matching: no scheme, ``www.``, case, query or trailing slash."""
    u = url.strip().lower().split("?", 1)[0].split("#", 1)[0]
    return _URL_PREFIX.sub("", u).rstrip("/")
