"""Screens reach the store only through store functions (issue 12 point 5): no connection, no
change token, no SQL of their own; and Today's reasons word days through tui/format.py."""

from __future__ import annotations

import ast
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INTERFACE = [*sorted((ROOT / "tui").glob("commands*.py")),
             *(p for part in ("screens", "modals", "widgets", "flows") for p in sorted((ROOT / "tui" / part).rglob("*.py")))]
"""The full-screen app's screens, dialogs, widgets, shared flows and palette commands."""
FORBIDDEN_MODULES = ("kith.store.core.db", "kith.store.core.connection", "peewee", "sqlite3")
FORBIDDEN_CALLS = {"connection_context", "execute_sql", "atomic", "change_token", "data_version", "cursor",
                   "open_db", "close_db", "connect"}


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(FORBIDDEN_MODULES):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: from {node.module} import ...")
        elif isinstance(node, ast.Import):
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: import {a.name}" for a in node.names
                      if a.name.startswith(FORBIDDEN_MODULES)]
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in FORBIDDEN_CALLS:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}()")
    return found


def test_screens_never_open_connections_or_read_change_tokens():
    assert len(INTERFACE) > 40  # the scan found the app's modules, not nothing
    offences = [o for path in INTERFACE for o in _offences(path)]
    assert offences == [], "use a store function (kith.store.core.access: Freshness, in_own_connection):\n" + \
        "\n".join(offences)


def test_the_scan_catches_an_offender(tmp_path):
    bad = tmp_path / "screen.py"
    bad.write_text("def reload(self):\n    from kith.store.core.db import change_token, db\n"
                   "    with db.connection_context():\n        return change_token()\n")
    assert [o.split(": ", 1)[1] for o in _offences_in(bad)] == [
        "from kith.store.core.db import ...", "connection_context()", "change_token()"]


def _offences_in(path: Path) -> list[str]:
    global ROOT
    saved, ROOT = ROOT, path.parent
    try:
        return _offences(path)
    finally:
        ROOT = saved


def test_today_reasons_word_days_as_every_list_does(db):
    """The queue's "N d ago" and due text come from tui/format.py; the store itself words no day."""
    from kith.store.people.contacts import create_contact
    from kith.store.people.followups import add_follow_up
    from kith.store.people.touches import log_touch
    from kith.store.today.queue import QueueContext, build_queue
    from kith.tui.config import Config
    from kith.tui.format import ago_text, due_reason
    from kith.tui.settings import context_for

    today = date(2026, 3, 16)
    ada = create_contact("Ada", tier="network")  # every 90 d
    touched = today - timedelta(days=130)
    log_touch(ada.id, "coffee", touched, "")
    add_follow_up(ada.id, today - timedelta(days=1), "send the deck")
    reasons = {i.source: i.reason for i in build_queue(context_for(Config(), today))}
    assert reasons["cadence"] == (f"{due_reason(touched + timedelta(days=90), today)} · every 90 d · "
                                  f"last: coffee {ago_text(touched, today)}") == \
        "overdue 40 d · every 90 d · last: coffee 4 mo ago"
    assert reasons["follow-up"] == "follow-up overdue 1 d: send the deck"
    plain = {i.source: i.reason for i in build_queue(QueueContext(today, {"network": 90}))}
    assert plain["cadence"] == "due 2026-02-04 · every 90 d · last: coffee on 2025-11-06"  # no wording of its own
