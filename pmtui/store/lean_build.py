"""The lean cache's slow path: made from the archive's summaries, written
atomically. :mod:`pmtui.store.lean_format` describes the format;
:mod:`pmtui.store.lean_index` reads it.
"""

from __future__ import annotations

from pathlib import Path

from pmtui.model.action_columns import FIELDS, action_columns
from pmtui.model.lean import lean_record
from pmtui.model.sieve import sieve_text
from pmtui.store.lean_format import (
    CODED,
    DAY_FIELDS,
    ENCODING,
    HEADER,
    LEAN_NAME,
    POST_FIELDS,
    POST_LISTS,
    coded_part,
    column_line,
    esc,
    list_cell,
    stamp_text,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


def build(
    folder: Path,
    stamps: dict[str, str],
    progress: Callable[[int, int], None] | None,
) -> bytes:
    """A fresh cache for ``folder``, also written there when possible.

    ``stamps`` (file name: its stamps line) were taken before reading, so a
    file that changes meanwhile is seen as stale next time; a file new since
    then is left for next time."""
    from pmtui.store.archive import Archive

    wanted = stamps
    records: list[tuple[str, dict[str, Any]]] = []
    broken: list[tuple[str, str]] = []
    for entry in Archive(folder).entries(progress=progress):
        name = entry.path.name
        if name not in wanted:
            continue
        if entry.summary is not None:
            records.append((name, lean_record(entry.summary)))
        else:
            broken.append((name, entry.error or "cannot be read"))
    kept = {name for name, _ in records} | {name for name, _ in broken}
    data = encode({n: s for n, s in stamps.items() if n in kept}, records, broken)
    if folder.is_dir():
        _write(folder / LEAN_NAME, data)
    return data


def encode(
    stamps: dict[str, str],
    records: list[tuple[str, dict[str, Any]]],
    broken: list[tuple[str, str]],
) -> bytes:
    """The cache file: the header, then every part (lean_format.PARTS)."""
    records = sorted(records, key=lambda r: r[0])
    parts = [
        stamp_text(stamps) + "\n",
        "\n".join(f"{esc(name)}\t{esc(why)}" for name, why in sorted(broken)) + "\n",
        column_line(key for key, _ in records) + "\n",
    ]
    for name in POST_FIELDS[1:]:
        cells = (_cell(r.get(name), name in DAY_FIELDS) for _, r in records)
        parts.append(column_line(cells) + "\n")
    for name in POST_LISTS:
        cells = (list_cell(map(str, r.get(name) or [])) for _, r in records)
        parts.append(column_line(cells, lists=True) + "\n")
    columns = action_columns(records)
    for name, column in zip(FIELDS, columns.columns(), strict=True):
        text = coded_part(column) if name in CODED else column_line(column)
        parts.append(text + "\n")
    words = [sieve_text(r) for _, r in records]
    ends, at = [], -1
    for line in words:  # byte offsets: search reads the words as bytes
        at += 1 + len(line.encode(*ENCODING))
        ends.append(str(at))
    parts += [column_line(ends) + "\n", "\n".join(words) + "\n"]
    data = [part.encode(*ENCODING) for part in parts]
    sizes = " ".join(str(len(part)) for part in data)
    head = f"{HEADER} {len(records)} {len(columns)} {sizes}\n".encode()
    return head + b"".join(data)


def _cell(value: object, day: bool) -> str:
    if value is None:
        return ""
    if day:
        from pmtui.model.action_columns import checked_day

        return checked_day(str(value))
    return str(value)


def _write(path: Path, data: bytes) -> None:
    import contextlib

    from pmtui.store.atomic import atomic_write

    with contextlib.suppress(OSError):  # a cache not written is rebuilt next time
        atomic_write(path, data)
