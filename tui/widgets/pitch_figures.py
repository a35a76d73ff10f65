"""Provides PitchFigures: the brand editor's compact live figures (words, time, bar, questions, parts).

The screen computes the figures (store.wordcount) and pushes them down with ``show()``; this
widget only lays them out, so one keystroke costs one small Content build.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from kith.tui.literal import literal

BAR_WIDTH = 12
SPOKEN_SCALE = 1.5
"""The bar spans 0 to 150 % of a duration target (the tick marks 100 %)."""
WRITTEN_SCALE = 1.25
LABEL_WIDTH = 12
STATE_STYLE = {"under": "$warning", "on": "$success", "over": "$error"}
STATE_WORD = {"under": "under", "on": "on target", "over": "over"}
QUESTION_LABELS = (("who", "who"), ("what", "do"), ("help", "help"), ("value", "value"))


def duration(seconds: float) -> str:
    """``0:07``-style time, rounded to the second."""
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"


def bar(value: float, target: float, scale: float, state: str) -> Content:
    """A bar of ``value`` against ``target`` with a tick at the target."""
    span = target * scale
    filled = max(0, min(BAR_WIDTH, round(value / span * BAR_WIDTH))) if span else 0
    tick = min(BAR_WIDTH - 1, round(BAR_WIDTH / scale))
    style = STATE_STYLE[state]
    parts = []
    for i in range(BAR_WIDTH):
        if i == tick:
            parts.append(("┃", f"bold {style}" if i < filled else "bold $text"))
        elif i < filled:
            parts.append(("█", style))
        else:
            parts.append(("░", "$text-muted"))
    return Content.assemble(*parts)


class PitchFigures(Static):
    """The figures panel of the brand editor."""

    _shown: Content | None = None
    _line_count = -1

    def show(self, figures, state: str, target_seconds: int | None, char_limit: int | None,
             slow_wpm: int, fast_wpm: int) -> None:
        """Lay out ``figures`` (a store.wordcount.Figures) against the pitch's target."""
        content = self.build(figures, state, target_seconds, char_limit, slow_wpm, fast_wpm)
        if content == self._shown:
            return
        lines = content.plain.count("\n")
        # A re-layout of the whole screen costs more than the figures: only when the height changes.
        self.update(content, layout=lines != self._line_count)
        self._shown, self._line_count = content, lines

    @staticmethod
    def build(f, state: str, target_seconds: int | None, char_limit: int | None,
              slow_wpm: int, fast_wpm: int) -> Content:
        style = STATE_STYLE[state]
        lines: list[Content] = [
            Content.assemble(("Words ", "$text-muted"), (f"{f.words:<5}", "bold"),
                             ("Chars ", "$text-muted"), (f"{f.chars}", "bold"),
                             (f"/{char_limit}" if char_limit else "", "$text-muted")),
            Content.assemble(("Time  ", "$text-muted"), (duration(f.seconds), "bold"),
                             (f" at {f.wpm} wpm", "$text-muted")),
            Content.assemble(("slow  ", "$text-muted"), duration(f.slow_seconds),
                             ("  fast ", "$text-muted"), duration(f.fast_seconds)),
        ]
        if char_limit:
            lines.append(Content.assemble(bar(f.chars, char_limit, WRITTEN_SCALE, state), " ",
                                          (STATE_WORD[state], f"bold {style}")))
            left = char_limit - f.chars
            lines.append(Content.styled(f"limit {char_limit:,}: " + (f"{left:,} left" if left >= 0
                                        else f"{-left:,} too many"), style if left < 0 else "$text-muted"))
        elif target_seconds:
            lines.append(Content.assemble(bar(f.seconds, target_seconds, SPOKEN_SCALE, state), " ",
                                          (STATE_WORD[state], f"bold {style}")))
            delta = round(f.seconds - target_seconds)
            lines.append(Content.styled(f"target {target_seconds} s ({delta:+d} s)",
                                        "$text-muted" if state == "on" else style))
        else:
            lines.append(Content.styled("no target (any length)", "$text-muted"))
        answered = {s.key: s.answered for s in f.sections}
        marks: list = [("Q", "$text-muted")]
        for key, label in QUESTION_LABELS:
            if key not in answered:
                marks.append((f" ·{label}", "$text-muted"))
            elif answered[key]:
                marks.append((f" ✓{label}", "$success"))
            else:
                marks.append((f" ✗{label}", "$warning"))
        lines.append(Content.assemble(*marks))
        if f.parts:
            lines.append(Content.styled(f"per {f.parts_kind}", "bold $text-muted"))
            for part in f.parts:
                label = part.label if len(part.label) <= LABEL_WIDTH else part.label[:LABEL_WIDTH - 1] + "…"
                lines.append(Content.assemble(literal(f"{label:<{LABEL_WIDTH}}"),
                                              (f"{part.words:>4}w ", "$text-muted"), duration(part.seconds)))
        return Content("\n").join(lines)
