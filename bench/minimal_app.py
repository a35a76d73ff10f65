"""The floor for the terminal measures: the smallest Textual app (one label, one key that repaints it)."""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Label


class MinimalApp(App[None]):
    BINDINGS = [Binding("t", "toggle", "Toggle"), Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Label("minimal-ready", id="label")

    def action_toggle(self) -> None:
        label = self.query_one("#label", Label)
        label.update("minimal-other" if "ready" in str(label.render()) else "minimal-ready")


if __name__ == "__main__":
    MinimalApp().run()
