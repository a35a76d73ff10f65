"""Provides how every command prints: user text made terminal-safe, JSON with controls escaped.

Light on purpose (``kith find``'s light path prints through it): no argparse, no config.
"""

from __future__ import annotations

import re
import sys

from kith.tui.literal import safe_text


def say(*parts: object, file=None) -> None:
    """Print user-derived text made terminal-safe (no escapes reach the terminal)."""
    print(" ".join(safe_text(p) for p in parts), file=file or sys.stdout)


_UNSAFE_IN_JSON = re.compile("[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def escaped(text: str) -> str:
    """JSON or TOML text with its C1 and bidi controls as ``\\uXXXX`` (both escape C0 themselves):
    lossless, and inert in a terminal."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def dump_json(data: object) -> None:
    """Print ``data`` as JSON; C0 is escaped by json, C1 and bidi controls by us."""
    import json

    print(escaped(json.dumps(data, ensure_ascii=False, indent=2, default=str)))
