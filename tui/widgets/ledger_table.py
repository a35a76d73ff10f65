"""Provides LedgerTable: the Mentors screen's value ledger, where ``e`` edits the highlighted entry."""

from __future__ import annotations

from textual.binding import Binding

from kith.tui.widgets.lists import ListTable
from kith.tui.widgets.quiet import QuietLength


class LedgerTable(QuietLength, ListTable):
    """The Mentors screen's value ledger: ``e`` edits the highlighted entry, j / k move; another
    mentor's ledger repaints it without a layout of the screen."""

    BINDINGS = [
        Binding("e", "screen.edit_entry", "Edit entry", id="mentors-edit-entry",
                tooltip="Edit the highlighted ledger entry's direction, category, note or day"),
    ]
