"""The README's key table, generated from the real bindings (tests/tui/test_readme_keys.py checks it).

Regenerate after changing a binding: ``.venv/bin/python -m tests.tui.readme_keys --write``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
HEADER = "| Where | Key | Does | Binding id |\n|---|---|---|---|\n"
_TABLE = re.compile(re.escape(HEADER) + r"(?:\|.*\n)*")


def _where(cls_name: str) -> str:
    if cls_name == "KithApp":
        return "Everywhere"
    for suffix, label in (("Screen", ""), ("Modal", " dialog")):
        if cls_name.endswith(suffix):
            return cls_name[: -len(suffix)] + label
    return cls_name


def rows() -> list[tuple[str, str, str, str]]:
    """(where, keys, description, id) for every Binding with an id, app first, then by class."""
    from textual.binding import Binding
    from textual.dom import DOMNode

    modules = ["kith.tui.app", "kith.tui.commands"]
    for package in ("kith.tui.screens", "kith.tui.modals", "kith.tui.widgets", "kith.tui.flows"):
        path = importlib.import_module(package).__path__
        # Sub-packages too (the Network area's tabs live in kith.tui.screens.network.*).
        modules += [m.name for m in pkgutil.walk_packages(path, f"{package}.")]
    found: dict[str, tuple[str, str, str, str]] = {}
    for name in modules:
        for cls in vars(importlib.import_module(name)).values():
            if inspect.isclass(cls) and issubclass(cls, DOMNode) and cls.__module__ == name:
                owner = "KithApp" if cls.__name__ == "KithApp" else cls.__name__
                for b in cls.__dict__.get("BINDINGS", []):
                    if isinstance(b, Binding) and b.id and b.id not in found:
                        found[b.id] = (_where(owner), b.key, b.description or b.tooltip or "", b.id)
    return sorted(found.values(), key=lambda r: (r[0] != "Everywhere", r[0], r[3]))


def table() -> str:
    lines = [f"| {where} | `{keys}` | {does} | `{bid}` |" for where, keys, does, bid in rows()]
    return HEADER + "\n".join(lines) + "\n"


def readme_table(text: str) -> str:
    match = _TABLE.search(text)
    return match.group(0) if match else ""


if __name__ == "__main__" and "--write" in sys.argv:
    text = README.read_text(encoding="utf-8")
    README.write_text(text.replace(readme_table(text), table()), encoding="utf-8")
