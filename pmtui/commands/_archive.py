"""What `pmtui actions`, `search` and `due` share: the archive's lean records,
today's date and plain-text tables. Standard library only: they start fast."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from pmtui.cli import Failure, archive_dir

# what one_line changes: str.split() splits at these (and at rarer spaces)
_BREAKS = ("  ", "\n", "\t", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\xa0")

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from pmtui.store.lean_index import LeanArchive


def add_today_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=_iso_day,
        metavar="YYYY-MM-DD",
        help="count what is overdue or due as of this day (default: today)",
    )


def _iso_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a day like 2026-11-20"
        ) from None


def today(args: argparse.Namespace) -> date:
    given: date | None = getattr(args, "today", None)
    return given or date.today()


def load_archive(
    args: argparse.Namespace,
    *,
    words: bool = False,
    keep: Callable[[str], bool] | None = None,
) -> LeanArchive:
    """The archive's lean records; broken files are named on stderr.
    ``words`` and ``keep``: see :func:`pmtui.store.lean_index.load_lean`."""
    from pmtui.store.lean_index import load_lean

    folder = archive_dir(args)
    if not folder.is_dir():
        raise Failure(f"{folder} is not an archive folder (it does not exist)")
    lean = load_lean(folder, words=words, keep=keep)
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


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, flexible: int
) -> str:
    """Aligned columns, every cell on one line; column ``flexible`` is cut to
    fit the terminal. Works column by column: thousands of rows stay quick."""
    columns = [list(c) for c in zip(*rows, strict=True)] or [[] for _ in headers]
    for n, column in enumerate(columns):
        if _has_breaks("\0".join(column)):
            columns[n] = [one_line(cell) for cell in column]
    widths = [
        max(len(h), max(map(len, column), default=0))
        for h, column in zip(headers, columns, strict=True)
    ]
    room = width()
    if room is not None:
        others = sum(w for i, w in enumerate(widths) if i != flexible)
        spare = room - others - 2 * (len(widths) - 1)
        limit = widths[flexible] = max(12, min(widths[flexible], spare))
        columns[flexible] = [cut(c, limit) for c in columns[flexible]]
    line = "  ".join(f"{{:<{w}}}" for w in widths).format
    lines = [line(*headers).rstrip()]
    lines += [line(*row).rstrip() for row in zip(*columns, strict=True)]
    return "\n".join(lines) + "\n"


def write(text: str) -> None:
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
