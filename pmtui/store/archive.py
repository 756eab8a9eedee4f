"""The archive: a folder of post-mortem files, and a cache of their summaries.

The index (``.index.json``) is only a cache: each entry remembers the file's
size and mtime, and is rebuilt when they change, when the index is missing,
broken or of an older shape. A broken index never stops pmtui.

Listing the archive with a fresh index reads no post-mortem and needs neither
the model nor TinyDB: those are imported when a file has to be (re)read or
written, so the home screen paints sooner.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pmtui.model.summary import SUMMARY_VERSION
from pmtui.store.atomic import atomic_write, ensure_dir
from pmtui.store.errors import BrokenFileError, LockedError
from pmtui.store.home import default_dir
from pmtui.store.jsonfile import backup_path, encode
from pmtui.store.lock import is_locked, lock_path

if TYPE_CHECKING:
    from pmtui.model.session import PostMortem
    from pmtui.store.document import PostMortemFile

__all__ = ["Archive", "Entry", "default_dir", "slugify"]

INDEX_NAME = ".index.json"
SUFFIX = ".json"
GITIGNORE = (
    "# pmtui: keep the post-mortems, not the machinery\n"
    "*.lock\n*.bak\n.*.tmp\n.index.json\n.index-lean.txt\n*.broken-*\nexports/\n"
)


def slugify(text: str, limit: int = 48) -> str:
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-")
    if len(slug) > limit:  # cut at a word boundary when there is one
        head = slug[: limit + 1]
        slug = head.rsplit("-", 1)[0] if "-" in head else slug[:limit]
    return slug.rstrip("-") or "post-mortem"


@dataclass(frozen=True)
class Entry:
    """One file of the archive: its summary, or why it cannot be read."""

    path: Path
    summary: dict[str, Any] | None
    error: str | None = None

    @property
    def broken(self) -> bool:
        return self.summary is None


ProgressFn = Callable[[int, int], None]


class Archive:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder).expanduser()

    @property
    def exports(self) -> Path:
        return self.folder / "exports"

    def ensure(self) -> None:
        ensure_dir(self.folder)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            with contextlib.suppress(OSError):
                atomic_write(ignore, GITIGNORE.encode())

    def files(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        names = sorted(  # names, not paths: a thousand paths sort slowly
            name
            for name in os.listdir(self.folder)
            if name.endswith(SUFFIX) and not name.startswith(".")
        )
        return [self.folder / name for name in names]

    def path_for(self, pm: PostMortem) -> Path:
        from pmtui.model.timeline import incident_date

        when = incident_date(pm) or pm.created
        stem = f"{when:%Y-%m-%d}-{slugify(pm.incident.title)}"
        candidate = self.folder / f"{stem}{SUFFIX}"
        n = 2
        while candidate.exists():
            candidate = self.folder / f"{stem}-{n}{SUFFIX}"
            n += 1
        return candidate

    def create(self, pm: PostMortem) -> PostMortemFile:
        """Store a new post-mortem; returns it open and locked.

        A post-mortem still holding pmtui's own blameless statement gets the
        team's default statement of this archive, if it has one.
        """
        from pmtui.model.session import DEFAULT_BLAMELESS_STATEMENT
        from pmtui.store.document import PostMortemFile
        from pmtui.store.settings import team_statement

        self.ensure()
        if pm.tone.statement == DEFAULT_BLAMELESS_STATEMENT:
            pm.tone.statement = team_statement(self.folder) or pm.tone.statement
        return PostMortemFile.create(self.path_for(pm), pm)

    def add_copy(self, source: Path) -> Path:
        """Copy a post-mortem (a sample) into the archive; the source is untouched."""
        from pmtui.store.document import PostMortemFile, load

        pm = load(source)
        self.ensure()
        with PostMortemFile.create(self.path_for(pm), pm) as handle:
            return handle.path

    def delete(self, path: Path) -> None:
        holder = is_locked(path)
        if holder is not False:
            raise LockedError(path, holder if holder is not True else None)
        path.unlink(missing_ok=True)
        for extra in (backup_path(path), lock_path(path)):
            extra.unlink(missing_ok=True)

    def restore_backup(self, path: Path) -> Path:
        """Put the backup in place; the broken file is kept aside. Returns it.

        Raises :class:`BrokenFileError` (and changes nothing) when the backup
        cannot be read either.
        """
        from pmtui.store.document import load

        backup = backup_path(path)
        load(backup)
        data = backup.read_bytes()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"{path.name}.broken-{stamp}")
        n = 2
        while aside.exists() or aside.is_symlink():
            aside = path.with_name(f"{path.name}.broken-{stamp}-{n}")
            n += 1
        if path.exists() or path.is_symlink():
            os.replace(path, aside)
        atomic_write(path, data)
        return aside

    # -- summaries and their cache -------------------------------------------

    def entries(self, progress: ProgressFn | None = None) -> list[Entry]:
        """Every file with its summary, newest incident first; files new or
        changed since the index was written are read (``progress`` is told
        after each) and the index is rewritten."""
        files = self.files()
        cached = self._read_index()
        fresh: dict[str, Any] = {}
        entries: list[Entry] = []
        dirty = False
        for n, (path, stamp, hit) in enumerate(_stamped(files, cached)):
            if hit is not None:
                fresh[path.name] = hit
            else:
                dirty = True
                from pmtui.model.summary import summarize
                from pmtui.store.document import load

                try:
                    fresh[path.name] = {
                        "stamp": stamp,
                        "summary": summarize(load(path)),
                    }
                except BrokenFileError as error:
                    fresh[path.name] = {"stamp": stamp, "error": error.reason}
                if progress is not None:
                    progress(n + 1, len(files))
            item = fresh[path.name]
            entries.append(Entry(path, item.get("summary"), item.get("error")))
        if dirty or len(fresh) != len(cached):
            self._write_index(fresh)
        return _ordered(entries)

    def _read_index(self) -> dict[str, Any]:
        import orjson

        try:
            data = orjson.loads((self.folder / INDEX_NAME).read_bytes())
        except (OSError, ValueError):  # orjson.JSONDecodeError is a ValueError
            return {}
        if not isinstance(data, dict) or data.get("version") != SUMMARY_VERSION:
            return {}
        files = data.get("files")
        return files if isinstance(files, dict) else {}

    def _write_index(self, files: dict[str, Any]) -> None:
        try:
            self.ensure()
            payload = encode({"version": SUMMARY_VERSION, "files": files})
            atomic_write(self.folder / INDEX_NAME, payload)
        except OSError:
            pass  # a cache that cannot be written is rebuilt next time


def _valid(item: Any) -> bool:
    """A cached entry of the right shape (the index may be damaged)."""
    if not isinstance(item, dict) or not isinstance(item.get("stamp"), list):
        return False
    summary, error = item.get("summary"), item.get("error")
    if summary is not None:
        return isinstance(summary, dict) and error is None
    return isinstance(error, str)


def _stamped(
    files: list[Path], cached: dict[str, Any]
) -> Iterator[tuple[Path, list[int], dict[str, Any] | None]]:
    """Each file that can be looked at, its stamp (size, mtime, inode), and
    its cached entry when the index holds it as it is now."""
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        stamp = [st.st_size, st.st_mtime_ns, st.st_ino]
        hit = cached.get(path.name)
        valid = isinstance(hit, dict) and _valid(hit) and hit["stamp"] == stamp
        yield path, stamp, hit if valid else None


def _ordered(entries: list[Entry]) -> list[Entry]:
    """Newest incident first; broken files before all: they need attention."""
    entries.sort(key=_when, reverse=True)
    entries.sort(key=lambda e: not e.broken)
    return entries


def _when(entry: Entry) -> str:
    summary = entry.summary or {}
    return str(summary.get("incident_date") or summary.get("created") or "")
