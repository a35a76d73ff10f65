"""Provides the keys contacts are matched on when two records may be one person."""

from __future__ import annotations

import re
from functools import lru_cache

_URL_PREFIX = re.compile(r"^(https?://)?(www\.|[a-z]{2}\.)?", re.I)


@lru_cache(maxsize=100_000)
def url_key(url: str) -> str:
    """A URL folded for matching: no scheme, ``www.``, case, query or trailing slash."""
    u = url.strip().lower().split("?", 1)[0].split("#", 1)[0]
    return _URL_PREFIX.sub("", u).rstrip("/")
