"""A TinyDB Storage that writes atomically and never reads damage as empty.

TinyDB's JSONStorage rewrites its file in place, so a crash mid-write leaves a
broken file, and an empty file loads as an empty database. This storage
writes a temp file and replaces (see :mod:`pmtui.store.atomic`), keeps an
earlier good file as ``<name>.bak``, and raises :class:`BrokenFileError` for
a file that is empty or does not parse.

The backup is the file as it was before the first save of each session, and
is refreshed on a save once it is :data:`BACKUP_EVERY` seconds old. Making it
costs two more folder updates (a hard link and a rename), as much again as
the save itself; autosave writes after every pause in typing, and a backup a
minute old loses no more to a damaged disk than one a second old would.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from pmtui.store.atomic import atomic_write
from pmtui.store.errors import SaveError
from pmtui.store.jsonfile import backup_path, encode, read_json

__all__ = ["AtomicJSONStorage", "backup_path", "encode", "read_json"]

BACKUP_EVERY = 60.0  # seconds


class AtomicJSONStorage(Storage):
    """TinyDB storage for one post-mortem file.

    The last read or written data is kept in memory: this process holds the
    file's lock, so nobody else changes it under us, and a save does not have
    to re-read the file.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = False,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        self.path = Path(path)
        self._cache: dict[str, Any] | None = None
        self._create = create
        self._monotonic = monotonic or time.monotonic
        self._backed_up_at: float | None = None  # not yet in this session

    def read(self) -> dict[str, Any] | None:
        if self._cache is None:
            if self._create and not self.path.exists():
                return None
            self._cache = read_json(self.path)
        return self._cache

    def write(self, data: dict[str, Any]) -> None:
        payload = encode(data)
        now = self._monotonic()
        last = self._backed_up_at
        due = (last is None or now - last >= BACKUP_EVERY) and self.path.is_file()
        try:
            atomic_write(
                self.path, payload, backup=backup_path(self.path) if due else None
            )
        except OSError as error:
            raise SaveError(self.path, error.strerror or str(error)) from error
        if due:
            self._backed_up_at = now
        self._cache = data

    def close(self) -> None:
        self._cache = None
