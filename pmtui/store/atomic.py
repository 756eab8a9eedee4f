"""Atomic, durable file writes and private permissions."""

from __future__ import annotations

import contextlib
import itertools
import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_dir(path: Path) -> None:
    """Create ``path`` and any missing parents as private (0700) folders.

    ``Path.mkdir(parents=True)`` would make the parents with the default
    mode, so each missing folder is made one by one.
    """
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue  # made meanwhile by someone else: leave its mode alone
        with contextlib.suppress(OSError):
            os.chmod(folder, DIR_MODE)


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # a folder that cannot be fsynced (some file systems)
        pass
    finally:
        os.close(fd)


_TEMP_NUMBERS = itertools.count()
_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _create_temp(path: Path) -> tuple[int, Path]:
    """A new private file ``.<name>.<pid>-<n>.tmp`` beside ``path``, open for
    writing. The name is this process's own, so no other writer meets it; a
    leftover of a crashed process that had the same pid is stepped over."""
    while True:
        tmp = path.with_name(f".{path.name}.{os.getpid()}-{next(_TEMP_NUMBERS)}.tmp")
        try:
            fd = os.open(tmp, _TEMP_FLAGS, FILE_MODE)
        except FileExistsError:
            continue
        return fd, tmp


def write_temp(path: Path, data: bytes) -> Path:
    """``data`` in a new private temp file beside ``path``, fsynced.

    The caller moves it into place (or removes it). Autosave writes after
    every pause in typing, so this is plain system calls: no file object.
    """
    fd, tmp = _create_temp(path)
    try:
        try:
            os.fchmod(fd, FILE_MODE)  # exactly 0600, whatever the umask
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def atomic_write(path: Path, data: bytes, *, backup: Path | None = None) -> None:
    """Write ``data`` to ``path`` so a crash leaves the old or the new file whole.

    A temp file in the same folder is written, flushed and fsynced, then
    ``os.replace``\\ d over ``path``; the folder is fsynced. With ``backup``, the
    file being replaced is first hard-linked there (falling back to a copy),
    so the last good version survives.
    """
    folder = path.parent
    tmp = write_temp(path, data)
    try:
        if backup is not None and path.is_file():
            _keep_backup(path, backup)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)


def _keep_backup(path: Path, backup: Path) -> None:
    """Make ``backup`` the current ``path`` (a private hard link, else a copy)."""
    link_tmp = backup.with_name(f".{backup.name}.link")
    with contextlib.suppress(FileNotFoundError):
        link_tmp.unlink()
    try:
        try:
            os.link(path, link_tmp)
        except OSError:
            link_tmp.write_bytes(path.read_bytes())
        # The link shares the old file's inode: that file is being replaced,
        # so making it private changes nothing anyone keeps.
        with contextlib.suppress(OSError):
            os.chmod(link_tmp, FILE_MODE)
        os.replace(link_tmp, backup)
    except BaseException:
        with contextlib.suppress(OSError):
            link_tmp.unlink()
        raise
