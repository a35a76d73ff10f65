"""A crash is logged without local variables to an owner-only file and reported in one line."""

import stat

import pytest
from textual.binding import Binding

from kith.tui.app import KithApp
from kith.tui.crash import crash_log_path


class CrashingApp(KithApp):
    BINDINGS = [Binding("z", "explode", "Explode", id="explode")]  # a key no screen binds (x is done on Today)

    def action_explode(self) -> None:
        secret_note = "hunter2 is my password"  # noqa: F841 (a local the log must not contain)
        raise RuntimeError("kaboom")


async def test_crash_is_logged_without_locals(db_file, config):
    app = CrashingApp(config, db_file)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("z")
            await pilot.pause()
    log = crash_log_path()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    text = log.read_text()
    assert "RuntimeError: kaboom" in text and "action_explode" in text
    assert "hunter2" not in text
    shown = app.crash_message
    assert shown.startswith("kith: unexpected error: RuntimeError: kaboom; details in ")
    assert "\n" not in shown and "hunter2" not in shown and "Traceback" not in shown


def test_crash_log_never_follows_a_planted_link(tmp_path):
    from kith.tui.crash import log_crash

    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n")
    log = crash_log_path()
    log.parent.mkdir(parents=True, exist_ok=True)
    log.symlink_to(victim)
    assert log_crash(RuntimeError("boom")) is None  # not logged rather than written through the link
    assert victim.read_text() == "keep\n" and log.is_symlink()
