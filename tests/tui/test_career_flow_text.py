"""The contact page's "add a job" flow says what happened with the user's text shown literally:
no markup read, no escape reaching the terminal (through the one literal-text helper)."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from kith.store.people.contacts import create_contact
from kith.tui.flows.career import add_job_flow


class _App:
    def __init__(self) -> None:
        self.notes: list[tuple[object, dict]] = []
        self.pushed: list = []

    def notify(self, message, **kwargs) -> None:
        self.notes.append((message, kwargs))

    def push_screen(self, screen, callback=None) -> None:
        self.pushed.append((screen, callback))


class _Screen:
    def __init__(self) -> None:
        self.app = _App()
        self.reloaded = 0

    def today(self) -> date:
        return date(2026, 3, 1)

    def reload(self) -> None:
        self.reloaded += 1


def test_the_added_job_and_a_refusal_are_told_literally(db):
    c = create_contact("Ada Lovelace")
    screen = _Screen()
    add_job_flow(screen, c.id)
    (_, done), = screen.app.pushed
    done({"org": "[b]Globex[/b] \x1b]0;pwned\x07", "title": "", "started": None, "ended": None, "current": True})
    message, _ = screen.app.notes[-1]
    assert isinstance(message, Content) and "[b]Globex[/b]" in message.plain and "\x1b" not in message.plain
    done({"org": "", "title": "", "started": None, "ended": None, "current": False})  # refused: no organisation
    message, kwargs = screen.app.notes[-1]
    assert isinstance(message, Content) and kwargs["severity"] == "error" and message.plain
    assert len(screen.app.pushed) == 2  # the form comes back with what was typed
