"""pmtui in a real pseudo-terminal: send keys, watch what it draws, kill it.

(Not a test module: pytest collects only ``test_*.py``.)

A reader thread drains the terminal all the time (a full pty would block the
app) and remembers when each chunk of output arrived, so a test can tell when
pmtui first drew something: ``wait_for(b"text", since=mark)``.
"""

from __future__ import annotations

import bisect
import contextlib
import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Mapping
from pathlib import Path

# What a terminal sends for the keys the tests use (xterm).
KEYS: dict[str, bytes] = {
    "enter": b"\r",
    "end": b"\x1b[F",
    "ctrl+l": b"\x0c",
    "ctrl+q": b"\x11",
    "ctrl+c": b"\x03",
    "f2": b"\x1bOQ",
    "f3": b"\x1bOR",
    "f4": b"\x1bOS",
    "f5": b"\x1b[15~",
    "f6": b"\x1b[17~",
    "f7": b"\x1b[18~",
}


class Timeout(AssertionError):
    """pmtui did not draw what was expected in time."""


class PtySession:
    """One ``pmtui`` process on its own pseudo-terminal."""

    def __init__(
        self,
        args: list[str],
        *,
        env: Mapping[str, str],
        size: tuple[int, int] = (120, 30),
        command: list[str] | None = None,
    ) -> None:
        """``command`` starts pmtui (default ``python -m pmtui``); ``args`` follow."""
        columns, lines = size
        master, slave = pty.openpty()
        winsize = struct.pack("HHHH", lines, columns, 0, 0)
        fcntl.ioctl(slave, termios.TIOCSWINSZ, winsize)
        full_env = {
            **os.environ,
            **env,
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(lines),
        }
        full_env.pop("TEXTUAL", None)  # no devtools, whatever the caller's shell has
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [*(command or [sys.executable, "-m", "pmtui"]), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self._master = master
        self._buffer = bytearray()
        self._ends: list[int] = []  # end offset of each chunk read
        self._times: list[float] = []  # when that chunk arrived
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self._master, 65536)
            except OSError:  # EIO: the process is gone
                chunk = b""
            with self._changed:
                if not chunk:
                    self._ends.append(-1)
                    self._changed.notify_all()
                    return
                self._buffer += chunk
                self._ends.append(len(self._buffer))
                self._times.append(time.monotonic())
                self._changed.notify_all()

    @property
    def mark(self) -> int:
        """The current end of the output: ``wait_for(..., since=mark)``."""
        with self._changed:
            return len(self._buffer)

    def send(self, data: bytes | str) -> float:
        """Type ``data``; returns when it was sent (time.monotonic)."""
        raw = data.encode() if isinstance(data, str) else data
        os.write(self._master, raw)
        return time.monotonic()

    def key(self, name: str) -> float:
        return self.send(KEYS[name])

    def wait_for(self, needle: bytes | str, *, since: int = 0, timeout: float) -> float:
        """When ``needle`` first appeared in the output after offset ``since``."""
        raw = needle.encode() if isinstance(needle, str) else needle
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = self._buffer.find(raw, since)
                if found >= 0:
                    end = found + len(raw)
                    ends = [e for e in self._ends if e >= 0]
                    return self._times[bisect.bisect_left(ends, end)]
                if self._ends and self._ends[-1] == -1:
                    raise Timeout(f"pmtui exited before drawing {raw!r}{self._tail()}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Timeout(
                        f"pmtui did not draw {raw!r} in {timeout}s{self._tail()}"
                    )
                self._changed.wait(left)

    def wait_quiet(self, quiet: float, *, timeout: float) -> None:
        """Until pmtui has drawn nothing for ``quiet`` seconds: it has settled
        (focus given, first layout done) and waits for keys."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                last = self._times[-1] if self._times else self.started
                now = time.monotonic()
                if now - last >= quiet:
                    return
                if now >= deadline:
                    raise Timeout(f"pmtui kept drawing for {timeout}s{self._tail()}")
                self._changed.wait(min(deadline, last + quiet) - now)

    def _tail(self) -> str:
        tail = bytes(self._buffer[-400:])
        return f"; exit {self.process.poll()}; last output: {tail!r}"

    def signal(self, number: int) -> None:
        os.kill(self.process.pid, number)

    def kill(self) -> float:
        """SIGKILL, as a crash or a pulled plug would; returns when."""
        at = time.monotonic()
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        return at

    def close(self) -> None:
        if self.process.poll() is None:
            self.kill()
        self._reader.join(timeout=5)
        with contextlib.suppress(OSError):
            os.close(self._master)


def new_postmortem(folder: Path, title: str) -> Path:
    """``pmtui new`` in a subprocess, as a user would; the new file's path."""
    done = subprocess.run(
        [sys.executable, "-m", "pmtui", "new", "--title", title, "--timezone", "UTC"],
        env={**os.environ, "PMTUI_HOME": str(folder)},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return Path(done.stdout.strip())
