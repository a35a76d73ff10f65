"""Provides edit_text(): hand a text to ``$VISUAL``/``$EDITOR`` and take back what it saved.

The app suspends (``App.suspend``) so the editor has the terminal, and comes back when the editor
exits. The text goes through an owner-only temporary file that is removed afterwards.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile


def editor_command() -> list[str] | None:
    """The user's editor as a command line, or None when neither $VISUAL nor $EDITOR is set."""
    value = (os.environ.get("VISUAL") or os.environ.get("EDITOR") or "").strip()
    try:
        return shlex.split(value) or None
    except ValueError:
        return None


def edit_text(app, text: str, suffix: str = ".md") -> str | None:
    """Return the text as the editor left it; None without an editor or when it failed (text unchanged).

    Raises:
        OSError: the temporary file cannot be written or read.
    """
    from textual.app import SuspendNotSupported

    command = editor_command()
    if command is None:
        return None
    fd, name = tempfile.mkstemp(prefix="kith-", suffix=suffix)  # 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        try:
            if app.is_headless:  # no terminal to hand over (tests): run it as it is
                code = _run(command, name)
            else:
                with app.suspend():
                    code = _run(command, name)
        except SuspendNotSupported:
            return None
        if code != 0:
            return None
        with open(name, encoding="utf-8", errors="replace") as f:
            return f.read()
    finally:
        os.unlink(name)


def _run(command: list[str], path: str) -> int:
    try:
        return subprocess.run([*command, path], check=False).returncode
    except OSError:
        return 127
