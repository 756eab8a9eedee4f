"""Reading files to import (timeline logs, CSV, JSON lines).

The only way the rest of pmtui reads a file that is not a post-mortem.
Problems are :class:`~pmtui.store.errors.StoreError` with one clear sentence.
"""

from __future__ import annotations

import os
from pathlib import Path

from pmtui.store.errors import StoreError

MAX_BYTES = 200 * 1024 * 1024  # a log bigger than this is not a meeting's log


def import_problem(path: Path) -> str | None:
    """Why ``path`` cannot be imported, seen before reading it (missing, a
    folder, too big, not readable); None when it can be read."""
    path = Path(path).expanduser()
    if not path.exists():
        return f"{path} does not exist"
    if path.is_dir():
        return f"{path} is a folder, not a file"
    try:
        size = path.stat().st_size
    except OSError as error:
        return f"{path} cannot be read: {error.strerror or error}"
    if size > MAX_BYTES:
        return (
            f"{path} is {size // (1024 * 1024)} MB; import at most "
            f"{MAX_BYTES // (1024 * 1024)} MB (cut the log to the incident's hours)"
        )
    if not os.access(path, os.R_OK):
        return f"{path} cannot be read: permission denied"
    return None


def read_text_file(path: Path) -> str:
    """The whole text of ``path`` (UTF-8, a leading BOM dropped)."""
    path = Path(path).expanduser()
    problem = import_problem(path)
    if problem is not None:
        raise StoreError(problem)
    try:
        data = path.read_bytes()
    except PermissionError:
        raise StoreError(f"{path} cannot be read: permission denied") from None
    except OSError as error:
        raise StoreError(f"{path} cannot be read: {error.strerror or error}") from None
    if b"\x00" in data[:8192]:
        raise StoreError(f"{path} is not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise StoreError(
            f"{path} is not UTF-8 text (byte {error.start + 1} cannot be read)"
        ) from None
