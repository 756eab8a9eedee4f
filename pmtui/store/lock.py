"""One writer per post-mortem: an advisory lock beside the file.

``flock`` is released by the kernel when its process dies, so a lock left by
a crashed or killed pmtui is taken over without asking. The lock file holds
who has it, so a second pmtui can say who.
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import json
import os
import socket
from datetime import UTC, datetime
from pathlib import Path

from pmtui.store.atomic import FILE_MODE
from pmtui.store.errors import LockedError, LockHolder


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class FileLock:
    """Exclusive, non-blocking lock on ``<file>.lock``."""

    def __init__(self, path: Path) -> None:
        self.path = lock_path(path)
        self.target = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise LockedError naming the holder.

        The lock file is removed on release, so after locking we check that
        the path still names the file we locked; if a releasing holder
        removed it meanwhile, we try again on the new file.
        """
        for _ in range(20):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise LockedError(self.target, read_holder(self.path)) from None
            except OSError:
                os.close(fd)  # e.g. a file system without locks
                raise
            if _same_file(fd, self.path):
                break
            os.close(fd)
        else:  # twenty lost races in a row: someone keeps replacing it
            raise LockedError(self.target, read_holder(self.path))
        holder = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": _user(),
            "since": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        with contextlib.suppress(OSError):
            self.path.unlink()  # while still locked: nobody else holds it
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def is_locked(path: Path) -> LockHolder | bool | None:
    """The holder if ``path`` is locked by another process, else False."""
    lp = lock_path(path)
    if not lp.exists():
        return False
    try:
        fd = os.open(lp, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return read_holder(lp)
    finally:
        os.close(fd)
    return False


def read_holder(lp: Path) -> LockHolder | None:
    try:
        raw = json.loads(lp.read_text() or "null")
        return LockHolder(
            pid=int(raw["pid"]),
            host=str(raw["host"]),
            user=str(raw["user"]),
            since=str(raw["since"]),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, no USER or LOGNAME
        return "unknown"
