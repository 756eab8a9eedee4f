"""What `pmtui actions`, `search` and `due` share: the archive's lean cache,
today's date and plain-text tables. Standard library only, and not even
datetime unless ``--today`` is given: they start fast."""

from __future__ import annotations

import argparse
import os
import sys
import time
from itertools import chain, islice, repeat
from operator import itemgetter

from pmtui.cli import Failure, archive_dir
from pmtui.model.action_columns import iso_day

OUT = ("utf-8", "replace")  # what is written: a lone surrogate as "?"
PART_ROWS = 256  # lines a table joins at once
# what one_line changes: str.split() splits at these (and at rarer spaces)
_BREAKS = ("  ", "\n", "\t", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\xa0")

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import (
        Callable,
        Collection,
        Hashable,
        Iterator,
        Mapping,
        Sequence,
    )
    from pathlib import Path
    from typing import Any

    from pmtui.store.lean_index import LeanArchive


def add_today_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=_iso_day,
        metavar="YYYY-MM-DD",
        help="count what is overdue or due as of this day (default: today)",
    )


def _iso_day(text: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a day like 2026-11-20"
        ) from None


def today(args: argparse.Namespace) -> str:
    """``--today``, else today's local date, as ``YYYY-MM-DD``."""
    given: str | None = getattr(args, "today", None)
    if given:
        return given
    now = time.localtime()
    return iso_day(now.tm_year, now.tm_mon, now.tm_mday)


def load_archive(
    args: argparse.Namespace,
    *,
    posts: Collection[str] | None = None,
    actions: Collection[str] | bool = True,
    words: bool = False,
) -> LeanArchive:
    """The archive's lean cache; broken files are named on stderr. ``posts``,
    ``actions``, ``words``: the fields to read, see
    :func:`pmtui.store.lean_index.load_lean`."""
    from pmtui.store.lean_index import load_lean

    given: Path | None = args.dir
    folder = given.expanduser() if given else archive_dir(args)  # as cli says
    if not folder.is_dir():
        raise Failure(f"{folder} is not an archive folder (it does not exist)")
    lean = load_lean(folder, posts=posts, actions=actions, words=words)
    for name, reason in lean.broken:
        print(f"pmtui: skipped {folder / name}: {reason}", file=sys.stderr)
    return lean


def width() -> int | None:
    """The terminal's width when writing to one; None (no cutting) otherwise."""
    if not sys.stdout.isatty():
        return None
    try:
        return os.get_terminal_size().columns
    except OSError:
        return None


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def one_line(text: str) -> str:
    """Runs of white space (new lines, tabs) as one space."""
    return " ".join(text.split()) if _has_breaks(text) else text


def _has_breaks(text: str) -> bool:
    return any(mark in text for mark in _BREAKS)


class Coded:
    """A column given as a key per row (``keys``) and what a key shows
    (``show``: a mapping that has every key, a function, or None: the key
    itself; "" shows as ``blank``): each distinct key is shown, measured and
    padded once."""

    __slots__ = ("blank", "keys", "show")

    def __init__(
        self,
        keys: Sequence[Hashable],
        show: Mapping[Any, str] | Callable[[Any], str] | None = None,
        *,
        blank: str = "",
    ) -> None:
        self.keys = keys
        self.show = show
        self.blank = blank

    def cells(self) -> dict[Any, str]:
        """What each distinct key shows."""
        found = set(self.keys)
        show = self.show
        cells: dict[Any, str]
        if show is None:
            cells = dict(zip(found, map(str, found), strict=True))
        elif callable(show):
            cells = {k: show(k) for k in found}
        else:
            cells = dict(zip(found, map(show.__getitem__, found), strict=True))
        if "" in cells and self.blank:
            cells[""] = self.blank
        return cells


def table(
    headers: Sequence[str], columns: Sequence[Sequence[str] | Coded], *, flexible: int
) -> bytes:
    """:func:`table_parts` as one text."""
    return b"".join(table_parts(headers, columns, flexible=flexible))


def table_parts(
    headers: Sequence[str], columns: Sequence[Sequence[str] | Coded], *, flexible: int
) -> list[bytes]:
    """Aligned columns, every cell on one line, as UTF-8 in parts of some
    hundred lines each; column ``flexible`` is cut to fit the terminal. A
    column is its cells, or :class:`Coded`. Works column by column with C
    loops (map, zip, join) on bytes: no Python code runs per row, nothing is
    encoded twice, and a part's memory is reused for the next, so thousands
    of rows stay quick."""
    cells: list[Sequence[str] | dict[Any, str]] = []
    for column in columns:
        if isinstance(column, Coded):
            found = column.cells()
            if _has_breaks("\0".join(found.values())):
                found = {k: one_line(c) for k, c in found.items()}
            cells.append(found)
        elif _has_breaks("\0".join(column)):
            cells.append(list(map(one_line, column)))
        else:
            cells.append(column)
    texts = [c.values() if isinstance(c, dict) else c for c in cells]
    widths = [
        max(len(h), max(map(len, t), default=0))
        for h, t in zip(headers, texts, strict=True)
    ]
    room = width()
    if room is not None:
        others = sum(w for i, w in enumerate(widths) if i != flexible)
        spare = room - others - 2 * (len(widths) - 1)
        limit = widths[flexible] = max(12, min(widths[flexible], spare))
        flex = cells[flexible]
        if isinstance(flex, dict):
            cells[flexible] = {k: cut(c, limit) for k, c in flex.items()}
        else:
            cells[flexible] = [cut(c, limit) for c in flex]
    ends = cells[-1].values() if isinstance(cells[-1], dict) else cells[-1]
    last = "".join(map(itemgetter(-1), ends)) if all(ends) else " "
    if "".join(last.split()) != last:  # a line would end in white space
        return [_stripped(headers, columns, cells, widths)]
    shown: list[Iterator[bytes]] = []
    for n, (column, given, w) in enumerate(zip(columns, cells, widths, strict=True)):
        pad = 0 if n == len(columns) - 1 else w + 2
        if isinstance(given, dict):
            assert isinstance(column, Coded)
            shown_cells = map(str.ljust, given.values(), repeat(pad))
            encoded = map(str.encode, shown_cells, *map(repeat, OUT))
            padded = dict(zip(given, encoded, strict=True))
            shown.append(map(padded.__getitem__, column.keys))
        else:
            strs = map(str.ljust, given, repeat(pad)) if pad else given
            shown.append(map(str.encode, strs, *map(repeat, OUT)))
    head = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    parts = [head.rstrip().encode() + b"\n"]
    rows = zip(*shown, repeat(b"\n"))
    while part := b"".join(chain.from_iterable(islice(rows, PART_ROWS))):
        parts.append(part)
    return parts


def _stripped(
    headers: Sequence[str],
    columns: Sequence[Sequence[str] | Coded],
    cells: list[Sequence[str] | dict[Any, str]],
    widths: list[int],
) -> bytes:
    """:func:`table` when some line would end in white space: line by line."""
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    shown: list[Sequence[str]] = []
    for column, given in zip(columns, cells, strict=True):
        if isinstance(given, dict):
            assert isinstance(column, Coded)
            shown.append([given[k] for k in column.keys])
        else:
            shown.append(given)
    for row in zip(*shown, strict=True):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    return "".join(f"{line.rstrip()}\n" for line in lines).encode(*OUT)


def write(*texts: str | bytes) -> None:
    """To stdout as UTF-8 (a character that cannot be written, such as a
    lone surrogate from a damaged file, as "?"), then flushed."""
    out = sys.stdout.buffer
    for text in texts:
        out.write(text.encode(*OUT) if isinstance(text, str) else text)
    out.flush()
