"""Provides Terminal: a program in a real pseudo-terminal (80x24), timed from the bytes it writes.

A frame is painted when Textual ends a synchronized update (``ESC [ ? 2026 l``): we answer its
query for that mode, so every frame it writes is bracketed. "Painted" for a screen means: the
marker text (escape sequences stripped) has been written and the frame holding it has ended.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import threading
import time
from pathlib import Path

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # "supported, currently off": Textual then brackets every frame
SYNC_END = b"\x1b[?2026l"
_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\-_=>]")


class Terminal:
    """Runs ``argv`` attached to a pty of ``size``; a thread reads and timestamps its output."""

    def __init__(self, argv: list[str], size: tuple[int, int] = (80, 24), env: dict | None = None):
        """``env``: the whole environment (default: this process's)."""
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        environment = {**(env or os.environ), "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        environment.pop("TEXTUAL", None)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=environment,
                                        start_new_session=True, close_fds=True)
        os.close(slave)
        self._fd = master
        self._lock = threading.Condition()
        self._text = ""  # everything written, escape sequences stripped (for markers)
        self._frames: list[float] = []  # when each synchronized frame ended
        self._last_output = self.started
        self._watches: list[dict] = []
        self._closed = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- reading ---------------------------------------------------------------------------------

    def _read(self) -> None:
        pending = b""
        while True:
            try:
                ready, _, _ = select.select([self._fd], [], [], 0.5)
                if not ready:
                    if self.process.poll() is not None:
                        break
                    continue
                data = os.read(self._fd, 65536)
            except OSError:
                break
            if not data:
                break
            now = time.perf_counter()
            if SYNC_QUERY in data:
                os.write(self._fd, SYNC_REPLY)
            pending += data
            # Keep an incomplete escape sequence or UTF-8 character for the next read.
            cut = pending.rfind(b"\x1b")
            if cut != -1 and len(pending) - cut < 64 and not _ESCAPES.match(pending, cut):
                head, pending = pending[:cut], pending[cut:]
            else:
                head, pending = pending, b""
            with self._lock:
                self._last_output = now
                if SYNC_END in data:
                    self._frames.extend([now] * data.count(SYNC_END))
                self._text += _ESCAPES.sub(b"", head).decode("utf-8", "replace")
                for watch in self._watches:
                    if watch["seen"] is None and self._text.find(watch["marker"], watch["start"]) != -1:
                        watch["seen"] = now
                    frame_ended = SYNC_END in data or not self._frames
                    if watch["seen"] is not None and watch["painted"] is None and frame_ended:
                        watch["painted"] = now
                self._lock.notify_all()
        with self._lock:
            self._closed = True
            self._lock.notify_all()

    # -- waiting ---------------------------------------------------------------------------------

    def mark(self) -> int:
        """A position in the output: markers are looked for after it."""
        with self._lock:
            return len(self._text)

    def wait_painted(self, marker: str, start: int = 0, timeout: float = 20.0) -> float:
        """Block until ``marker`` is on screen (written after ``start``); return when its frame ended."""
        watch = {"marker": marker, "start": start, "seen": None, "painted": None}
        deadline = time.perf_counter() + timeout
        with self._lock:
            if self._text.find(marker, start) != -1:
                return self._last_output
            self._watches.append(watch)
            while watch["painted"] is None:
                left = deadline - time.perf_counter()
                if left <= 0 or self._closed:
                    self._watches.remove(watch)
                    tail = self._text[-400:].replace("\n", " ")
                    raise TimeoutError(f"{marker!r} not painted within {timeout} s; last output: {tail!r}")
                self._lock.wait(min(left, 0.05))
            self._watches.remove(watch)
            return watch["painted"]

    def settle(self, quiet: float = 0.15, timeout: float = 10.0) -> float:
        """Wait until nothing was written for ``quiet`` seconds; return when the last frame ended."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self._lock:
                idle = time.perf_counter() - self._last_output
                if idle >= quiet:
                    return self._frames[-1] if self._frames else self._last_output
            time.sleep(min(0.02, quiet - idle + 0.001))
        return self._frames[-1] if self._frames else self._last_output

    def frames_since(self, t: float) -> list[float]:
        with self._lock:
            return [f for f in self._frames if f >= t]

    # -- writing ---------------------------------------------------------------------------------

    def send(self, keys: str | bytes) -> float:
        """Type ``keys``; return when they were written."""
        data = keys.encode() if isinstance(keys, str) else keys
        at = time.perf_counter()
        os.write(self._fd, data)
        return at

    def key_to_paint(self, key: str | bytes, quiet: float = 0.12) -> float | None:
        """Seconds from typing ``key`` to the last frame it caused (None: nothing repainted)."""
        self.settle(quiet)
        sent = self.send(key)
        time.sleep(quiet)
        self.settle(quiet)
        frames = self.frames_since(sent)
        return frames[-1] - sent if frames else None

    def peak_rss_kib(self) -> int:
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def cpu_seconds(self) -> float:
        """User + system CPU the program has used so far (from /proc)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return float("nan")

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait()
        self._reader.join(timeout=2)
        try:
            os.close(self._fd)
        except OSError:
            pass

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
