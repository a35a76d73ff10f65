"""Provides ListTable and ListOptions: DataTable and OptionList that also move with j / k, as Today does."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable, OptionList


class ListTable(DataTable):
    """A DataTable where j / k move the cursor like ↓ / ↑."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list-table-down", tooltip="Next row"),
        Binding("k", "cursor_up", "Up", show=False, id="list-table-up", tooltip="Previous row"),
    ]


class ListOptions(OptionList):
    """An OptionList where j / k move the highlight like ↓ / ↑."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list-options-down", tooltip="Next item"),
        Binding("k", "cursor_up", "Up", show=False, id="list-options-up", tooltip="Previous item"),
    ]
