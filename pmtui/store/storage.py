"""A TinyDB Storage that writes atomically and never reads damage as empty.

TinyDB's JSONStorage rewrites its file in place, so a crash mid-write leaves a
broken file, and an empty file loads as an empty database. This storage
writes a temp file and replaces (see :mod:`pmtui.store.atomic`), keeps the
previous file as ``<name>.bak``, and raises :class:`BrokenFileError` for a
file that is empty or does not parse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from pmtui.store.atomic import atomic_write
from pmtui.store.errors import SaveError
from pmtui.store.jsonfile import backup_path, encode, read_json

__all__ = ["AtomicJSONStorage", "backup_path", "encode", "read_json"]


class AtomicJSONStorage(Storage):
    """TinyDB storage for one post-mortem file.

    The last read or written data is kept in memory: this process holds the
    file's lock, so nobody else changes it under us, and a save does not have
    to re-read the file.
    """

    def __init__(self, path: str | Path, *, create: bool = False) -> None:
        self.path = Path(path)
        self._cache: dict[str, Any] | None = None
        self._create = create

    def read(self) -> dict[str, Any] | None:
        if self._cache is None:
            if self._create and not self.path.exists():
                return None
            self._cache = read_json(self.path)
        return self._cache

    def write(self, data: dict[str, Any]) -> None:
        payload = encode(data)
        try:
            atomic_write(self.path, payload, backup=backup_path(self.path))
        except OSError as error:
            raise SaveError(self.path, error.strerror or str(error)) from error
        self._cache = data

    def close(self) -> None:
        self._cache = None
