"""Every action of an archive as columns, in the order the tracker lists them.

The lean cache stores actions this way (one line of cells per field), so the
command line reads thousands of actions with one ``str.split`` per field and
builds no object per action. Pure, standard library only, no datetime at
import: ``pmtui actions`` must start fast.

Columns are parallel lists of text (``post`` is the post-mortem's number in
``keys``, the file names, as text; ``due`` is an ISO day or "" when there is
none or it is not a date), sorted by due date (undated last), then file
name, then action id. Listed for a day
(:func:`listing`), the overdue actions (open or in progress, due before that
day) come first, most days late first, then all the others; both parts keep
this stored order, so listing needs no sort. Days are counted without the
datetime module (:func:`day_number`).
"""

from __future__ import annotations

from itertools import compress
from operator import itemgetter

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from typing import Any, TypeVar

    T = TypeVar("T")

OPEN_STATUSES = frozenset(("open", "in_progress"))
FIELDS = ("post", "id", "status", "due", "owner", "priority", "type", "link", "text")
_UNDATED = "~"  # sorts after every ISO day
_FLIP = bytes.maketrans(b"\0\1", b"\1\0")


class ActionColumns:
    """Some or all fields of :data:`FIELDS` as lists, all ``len(self)``
    long. Read from the lean cache, it has the fields the reader asked for
    (a command reads only those it shows); made by :func:`action_columns`,
    all of them."""

    __slots__ = (*FIELDS, "_count", "_open", "keys")

    post: list[str]
    id: list[str]
    status: list[str]
    due: list[str]
    owner: list[str]
    priority: list[str]
    type: list[str]
    link: list[str]
    text: list[str]

    def __init__(
        self, count: int, fields: Mapping[str, list[str]], keys: list[str]
    ) -> None:
        self._count = count
        self.keys = keys  # the post-mortems' file names, by ``post``
        self._open: tuple[bytes, bytes] | None = None
        for name, column in fields.items():
            if len(column) != count:
                raise ValueError(f"{len(column)} actions' {name}, not {count}")
            setattr(self, name, column)

    def __len__(self) -> int:
        return self._count

    def columns(self) -> list[list[str]]:
        return [getattr(self, name) for name in FIELDS]

    def open_flags(self, closed: bool = False) -> bytes:
        """One byte per action: 1 when it is open or in progress (``closed``:
        when it is not), else 0. Made once, in C."""
        if self._open is None:
            flags = bytes(map(OPEN_STATUSES.__contains__, self.status))
            self._open = (flags, flags.translate(_FLIP))
        return self._open[closed]

    def key(self, i: int) -> str:
        """The file name of action ``i``'s post-mortem."""
        return self.keys[int(self.post[i])]

    def row(self, i: int) -> dict[str, str | None]:
        """One action as the lean record's action dict (``due`` None if none;
        read every field first)."""
        found: dict[str, str | None] = {n: getattr(self, n)[i] for n in FIELDS[1:]}
        found["due"] = found["due"] or None
        return found


def _due(value: object) -> str:
    """An ISO day, or "" when ``value`` is empty or not a day."""
    return checked_day(value) if isinstance(value, str) else ""


def action_columns(records: Sequence[tuple[str, dict[str, Any]]]) -> ActionColumns:
    """The actions of lean records (``(key, record)``) as sorted columns;
    ``post`` is a record's place in ``records``."""
    rows = []
    days: dict[object, str] = {}
    for n, (key, record) in enumerate(records):
        for a in record.get("actions") or []:
            raw = a.get("due")
            due = days[raw] if raw in days else days.setdefault(raw, _due(raw))
            rows.append(
                (
                    key,
                    str(n),
                    str(a.get("id") or ""),
                    str(a.get("status") or "open"),
                    due,
                    str(a.get("owner") or ""),
                    str(a.get("priority") or ""),
                    str(a.get("type") or ""),
                    str(a.get("link") or ""),
                    str(a.get("text") or ""),
                )
            )
    rows.sort(key=lambda r: (r[4] or _UNDATED, r[0], r[2]))
    columns = [list(c) for c in zip(*rows, strict=True)][1:] or [[] for _ in FIELDS]
    fields = dict(zip(FIELDS, columns, strict=True))
    return ActionColumns(len(rows), fields, [key for key, _ in records])


def gather(cells: Sequence[T], rows: Sequence[int]) -> Sequence[T]:
    """``cells[i]`` for each ``i`` of ``rows``, gathered in C (no Python code
    per row: the command line lists thousands)."""
    if len(rows) > 1:
        found: tuple[T, ...] = itemgetter(*rows)(cells)
        return found
    return [cells[i] for i in rows]


def where(rows: Sequence[int], flags: Iterable[object]) -> list[int]:
    """The ``rows`` whose flag (one per row, in order) is true."""
    return list(compress(rows, flags))


def listing(
    columns: ActionColumns, today: str, *, open_only: bool = False
) -> tuple[list[int], list[int]]:
    """``(order, late)`` for the ISO day ``today``: row numbers in listing
    order, and the days late of the first ``len(late)`` of them (the overdue
    ones; every later row is not overdue). ``open_only``: only the actions
    open or in progress (the others are never looked at)."""
    due = columns.due
    before = _due_before(due, today)
    past = range(before)
    overdue = where(past, columns.open_flags()[:before])
    if open_only:
        rest = where(range(before, len(due)), columns.open_flags()[before:])
    else:
        rest = where(past, columns.open_flags(closed=True)[:before])
        rest += range(before, len(due))
    dues = gather(due, overdue)
    distinct = list(set(dues))
    now = day_number(today)
    days = dict(zip(distinct, [now - n for n in day_numbers(distinct)], strict=True))
    return overdue + rest, list(map(days.__getitem__, dues))


def _due_before(due: list[str], today: str) -> int:
    """How many rows are due before ``today`` (``due`` is sorted, undated
    last): a binary search, here rather than the bisect module's, which is a
    shared library to load for one call."""
    low, high = 0, len(due)
    while low < high:
        middle = (low + high) // 2
        if (due[middle] or _UNDATED) < today:
            low = middle + 1
        else:
            high = middle
    return low


# -- days ---------------------------------------------------------------------
# Calendar days as ISO text (2026-11-20) and day numbers, without the datetime
# module: day_number agrees with date.toordinal (tests check).

# days before the first of each month in a common year (index 1 = January)
_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def day_number(iso: str) -> int:
    """``date.fromisoformat(iso).toordinal()`` for a valid ``YYYY-MM-DD``
    (the caller checks validity; the lean cache stores only valid days)."""
    start = _MONTHS.get(iso[:7])
    if start is None:
        year, month = int(iso[:4]), int(iso[5:7])
        y = year - 1
        before = _BEFORE_MONTH[month] + (month > 2 and _leap(year))
        start = _MONTHS[iso[:7]] = y * 365 + y // 4 - y // 100 + y // 400 + before
    return start + int(iso[8:10])


_MONTHS: dict[str, int] = {}  # "YYYY-MM": the day number of the day before its 1st


def day_numbers(days: Iterable[str]) -> list[int]:
    """:func:`day_number` of each day, with no call per day (the command line
    counts days late for hundreds of due dates)."""
    days = list(days)
    for month in {day[:7] for day in days} - _MONTHS.keys():
        day_number(f"{month}-01")  # remembers the month's start
    return [_MONTHS[day[:7]] + int(day[8:10]) for day in days]


def iso_day(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def checked_day(text: str) -> str:
    """``text`` as ``YYYY-MM-DD`` when it is an ISO day (any form
    ``date.fromisoformat`` takes), else "". Imports datetime: for the slow
    path that makes the lean cache, not for reading it."""
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat() if text else ""
    except ValueError:
        return ""
