"""Provides BarChart: labelled horizontal bars drawn with block characters (no store, no markup)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from kith.tui.literal import literal

EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, maximum: float, width: int) -> str:
    """A bar of ``width`` cells filled in proportion, in eighths of a cell."""
    if maximum <= 0 or value <= 0 or width <= 0:
        return ""
    cells = min(value / maximum, 1.0) * width
    full, part = int(cells), int((cells - int(cells)) * 8)
    return "█" * full + (EIGHTHS[part] if part and full < width else "")


class BarChart(Static):
    """Rows ``label ███▌ value``: a title line, then one bar per row (labels shown literally)."""

    DEFAULT_CSS = """
    BarChart {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(self, title: str = "", label_width: int = 14, **kwargs) -> None:
        super().__init__(**kwargs)
        self.title = title
        self.label_width = label_width
        self._rows: list[tuple[str, float, str, str]] = []
        self._maximum = 0.0

    def set_bars(self, rows: list[tuple[str, float, str, str]], maximum: float | None = None,
                 title: str | None = None) -> None:
        """``rows``: (label, value, value text, style); bars scale to ``maximum`` (default: the largest)."""
        self._rows = rows
        self._maximum = maximum if maximum is not None else max((r[1] for r in rows), default=0.0)
        if title is not None:
            self.title = title
        self.update(self._content())

    def on_resize(self) -> None:
        self.update(self._content())

    def _content(self) -> Content:
        lines = [Content.styled(self.title, "bold")] if self.title else []
        width = max(4, (self.size.width or 40) - self.label_width - 12)
        for label, value, text, style in self._rows:
            name = literal(label, limit=self.label_width)
            pad = " " * max(1, self.label_width + 1 - name.cell_length)
            drawn = bar(value, self._maximum, width)
            lines.append(Content.assemble(name, pad, (drawn, style or "$accent"), " ", literal(text)))
        return Content("\n").join(lines)
