"""A lean cache for the command line: lean records of every post-mortem.

``pmtui actions``, ``pmtui search`` and ``pmtui due`` must start about as fast
as ``pmtui --version``, so they read ``.index-lean.txt`` and import nothing but
the standard library. It holds lean records (see
:func:`pmtui.model.search.lean_record`), one post-mortem per line::

    name TAB size TAB mtime_ns TAB inode TAB record-json TAB words-json

(JSON escapes tabs and newlines inside strings, so the tabs split safely.) The
actions and reviews parse only the records; search first skips the lines that
cannot match (a word it needs is nowhere in the line), then parses the rest.
A broken file's record is a JSON string: why it cannot be read.

Like the summary index it is only a cache: each line keeps its file's size,
mtime and inode. When any file is new, changed or gone, or the cache is
missing, broken or of another version, the slow path runs once: the archive's
summaries (:meth:`pmtui.store.archive.Archive.entries`, which rebuilds its
own stale entries from the files) make a fresh lean cache. A cache that
cannot be written is simply rebuilt next time.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from pmtui.model.lean import LEAN_VERSION, lean_record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

LEAN_NAME = ".index-lean.txt"
SUFFIX = ".json"
HEADER = f"pmtui lean index {LEAN_VERSION}"

Stamp = str  # "size TAB mtime_ns TAB inode TAB", as the cache line has it


class LeanArchive:
    """The lean records keyed by file name, newest incident first, and the
    files that cannot be read as ``(name, reason)``."""

    __slots__ = ("broken", "folder", "rebuilt", "records")

    def __init__(self, folder: Path, rebuilt: bool) -> None:
        self.folder = folder
        self.rebuilt = rebuilt  # the slow path ran
        self.records: list[tuple[str, dict[str, Any]]] = []
        self.broken: list[tuple[str, str]] = []

    def path(self, key: str) -> Path:
        return self.folder / key


def _stamps(folder: Path) -> dict[str, Stamp]:
    found: dict[str, Stamp] = {}
    try:
        scan = os.scandir(folder)
    except OSError:
        return found
    with scan:
        for item in scan:
            name = item.name
            if not name.endswith(SUFFIX) or name.startswith("."):
                continue
            try:
                st = item.stat()
            except OSError:
                continue
            found[name] = f"{st.st_size}\t{st.st_mtime_ns}\t{st.st_ino}\t"
    return found


def _read(folder: Path, stamps: dict[str, Stamp]) -> dict[str, list[str]] | None:
    """name -> [record json, words json] when the cache matches ``stamps``."""
    try:
        text = (folder / LEAN_NAME).read_text("utf-8")
    except (OSError, ValueError):
        return None
    lines = text.split("\n")
    if lines[0] != HEADER or lines[-1] != "":
        return None
    if len(lines) - 2 != len(stamps):
        return None
    parts: dict[str, list[str]] = {}
    for line in lines[1:-1]:
        name, _, rest = line.partition("\t")
        stamp = stamps.get(name)
        if stamp is None or not rest.startswith(stamp):
            return None
        record, tab, more = rest[len(stamp) :].partition("\t")
        if not tab or "\t" in more:
            return None
        parts[name] = [record, more]
    return parts if len(parts) == len(stamps) else None


def load_lean(
    folder: Path,
    progress: Callable[[int, int], None] | None = None,
    *,
    words: bool = False,
    keep: Callable[[str], bool] | None = None,
) -> LeanArchive:
    """Every post-mortem of ``folder`` as a lean record; broken files apart.

    ``words``: also each record's ``words`` (search needs them). ``keep``:
    given a cache line in lower case, whether the record may be wanted; lines
    it refuses are not parsed (a quick first sieve for search).
    """
    folder = Path(folder).expanduser()
    stamps = _stamps(folder)
    parts = _read(folder, stamps)
    result = LeanArchive(folder, rebuilt=parts is None)
    if parts is None:
        parts = _rebuild(folder, stamps, progress)
    names = []
    records, extra = [], []
    for name, (record, more) in parts.items():
        if keep is not None and not keep(f"{record}\t{more}".lower()):
            continue
        names.append(name)
        records.append(record)
        extra.append(more)
    try:
        values = json.loads(f"[{','.join(records)}]")
        found = json.loads(f"[{','.join(extra)}]") if words else extra
    except ValueError:  # a damaged cache: rebuild it, then read it once more
        if result.rebuilt:
            raise
        (folder / LEAN_NAME).unlink(missing_ok=True)
        return load_lean(folder, progress, words=words, keep=keep)
    for name, value, more in zip(names, values, found, strict=True):
        if isinstance(value, dict):
            if words:
                value["words"] = more
            result.records.append((name, value))
        else:
            result.broken.append((name, str(value)))
    result.records.sort(key=lambda r: r[0])
    result.records.sort(key=_when, reverse=True)
    result.broken.sort()
    return result


def _when(item: tuple[str, dict[str, Any]]) -> str:
    record = item[1]
    return str(record.get("incident_date") or record.get("created") or "")


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _rebuild(
    folder: Path,
    stamps: dict[str, Stamp],
    progress: Callable[[int, int], None] | None,
) -> dict[str, list[str]]:
    """The slow path: summaries from the archive (its own cache, then the
    files). ``stamps`` were taken before reading, so a file that changes
    meanwhile is seen as stale next time."""
    from pmtui.store.archive import Archive

    parts: dict[str, list[str]] = {}
    for entry in Archive(folder).entries(progress=progress):
        name = entry.path.name
        if name not in stamps:
            continue  # new since the stamps were taken: next time
        if entry.summary is not None:
            lean = lean_record(entry.summary)
            found = _dump(lean.pop("words"))
            parts[name] = [_dump(lean), found]
        else:
            parts[name] = [_dump(entry.error or "cannot be read"), "null"]
    if folder.is_dir():
        lines = [HEADER]
        for name, (record, more) in parts.items():
            lines.append(f"{name}\t{stamps[name]}{record}\t{more}")
        _write(folder, "\n".join(lines) + "\n")
    return parts


def _write(folder: Path, text: str) -> None:
    from pmtui.store.atomic import atomic_write

    with contextlib.suppress(OSError):  # a cache not written is rebuilt next time
        atomic_write(folder / LEAN_NAME, text.encode("utf-8"))
