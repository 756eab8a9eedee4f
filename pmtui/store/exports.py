"""Writing exported reports: atomic, private (0600), never overwriting unless told.

Without ``force`` the new file is linked into place, which fails if a file
of that name appeared meanwhile, so an existing file is never replaced by
accident, not even in a race.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from pmtui.store.atomic import (
    FILE_MODE,
    atomic_write,
    ensure_dir,
    fsync_dir,
    write_temp,
)
from pmtui.store.errors import StoreError

# report format -> file name ending
SUFFIXES = {"gfm": ".md", "plain": ".plain.md", "html": ".html", "csv": ".csv"}


class ExportError(StoreError):
    """An export could not be written; ``str(error)`` says why."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"could not write {path}: {reason}")


class ExportExistsError(ExportError):
    """The target exists and ``force`` was not given."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "the file already exists")


def default_export_path(folder: Path, source: Path | None, fmt: str) -> Path:
    """``<folder>/<post-mortem file's stem><suffix>`` (``report`` if unsaved)."""
    stem = source.stem if source is not None else "report"
    return folder / f"{stem}{SUFFIXES[fmt]}"


def write_export(
    path: Path, text: str, *, force: bool = False, make_folder: bool = False
) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically, mode 0600.

    Raises :class:`ExportExistsError` when ``path`` exists and ``force`` is
    false, :class:`ExportError` for any other failure (missing folder,
    permissions, a folder in the way). ``make_folder`` creates a missing
    parent folder (0700). Returns the path written.
    """
    path = Path(path).expanduser()
    data = text.encode("utf-8")
    try:
        if make_folder:
            ensure_dir(path.parent)
        if path.is_dir():
            raise ExportError(path, "it is a folder")
        if not path.parent.is_dir():
            raise ExportError(path, f"the folder {path.parent} does not exist")
        if force:
            atomic_write(path, data)
        else:
            _write_new(path, data)
    except ExportError:
        raise
    except FileExistsError:
        raise ExportExistsError(path) from None
    except OSError as error:
        raise ExportError(path, error.strerror or str(error)) from None
    return path


def keep_export(path: Path, text: str) -> bool:
    """Make sure ``path`` holds ``text``: write it if absent, never replace.

    True when the file holds ``text`` (written now or already there), False
    when a different file is in the way. Raises :class:`ExportError` otherwise.
    """
    try:
        if Path(path).read_bytes() == text.encode("utf-8"):
            return True
    except OSError:
        pass
    try:
        write_export(path, text, make_folder=True)
    except ExportExistsError:
        return False
    return True


def _write_new(path: Path, data: bytes) -> None:
    if path.exists() or path.is_symlink():
        raise ExportExistsError(path)
    folder = path.parent
    tmp = write_temp(path, data)
    try:
        try:
            os.link(tmp, path)  # fails if the name exists: no clobbering
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links
            _exclusive_copy(path, data)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    fsync_dir(folder)


def _exclusive_copy(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
