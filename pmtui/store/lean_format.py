"""The text format of the lean cache (``.index-lean.txt``): its parts, cells,
columns and lists, and reading the parts a command needs from a cache file
it is given. Standard library only: the command line reads this and must
start fast.

The file is one header line, then its parts, each ending in a new line (an
empty part is that new line alone)::

    pmtui lean index VERSION POSTS ACTIONS SIZE...   (one size per part, bytes)
    stamps          name TAB size TAB mtime_ns TAB inode, a line per file, by name
    broken          name TAB why it cannot be read, a line per such file
    post.FIELD      a column: POSTS cells, one per post-mortem, by file name
    action.FIELD    a column: ACTIONS cells, in the order the tracker lists
                    actions (model.action_columns); the CODED fields as their
                    distinct values, then a code character per action
    words.end       a column: where (in bytes) each line of words ends
    words           a line per post-mortem: its model.sieve.sieve_text

Parts are in :data:`PARTS` order; the sizes let a reader decode and split
only the columns it shows. A column is one line of tab-separated cells; a
list is one cell of items joined by the unit separator (``\\x1f``). A cell's
tabs, new lines, carriage returns, unit separators and backslashes are
escaped (``\\t``, ``\\n``, ``\\r``, ``\\u``, ``\\\\``).
"""

from __future__ import annotations

import os
import re
from operator import itemgetter

from pmtui.model.action_columns import FIELDS
from pmtui.model.lean import LEAN_VERSION

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any, BinaryIO

    # (post-mortems, actions, texts of the parts read by name)
    Parts = tuple[int, int, dict[str, Any]]

LEAN_NAME = ".index-lean.txt"
HEADER = f"pmtui lean index {LEAN_VERSION}"
POST_FIELDS = (
    "key",
    "title",
    "severity",
    "status",
    "created",
    "incident_date",
    "timezone",
    "day",
    "follow_up",
    "solved_check",
    "owner",
)
POST_LISTS = ("services", "tags", "owners", "root_words")
# ISO days; "day" is the incident's, in the post-mortem's own zone
DAY_FIELDS = ("day", "follow_up", "solved_check")
# action fields with few distinct values, stored as codes (see coded_part)
CODED = ("status", "owner", "priority", "type")
PARTS = (
    "stamps",
    "broken",
    *(f"post.{name}" for name in (*POST_FIELDS, *POST_LISTS)),
    *(f"action.{name}" for name in FIELDS),
    "words.end",
    "words",
)
ENCODING = ("utf-8", "surrogatepass")  # any text a post-mortem can hold
# parts read as bytes (with their last new line): search finds its words in
# the bytes, so the archive's words are never decoded, only the lines it keeps
RAW = frozenset(("words",))

ITEM = "\x1f"
_SPECIAL = ("\\", "\t", "\n", "\r", ITEM)
_ESCAPED = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r", "u": ITEM}
_ESCAPE = r"\\(.?)"  # compiled on first use (rare): no regex compiled at start
_MONTHS = frozenset(f"{n:02d}" for n in range(1, 13))
_DAYS = frozenset(f"{n:02d}" for n in range(1, 32))


def special(text: str) -> bool:
    """Whether :func:`esc` would change ``text``."""
    return any(mark in text for mark in _SPECIAL)


def esc(text: str) -> str:
    """``text`` with no tab, new line, carriage return or unit separator."""
    if not special(text):
        return text
    return (
        text.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace(ITEM, "\\u")
    )


def _one(found: re.Match[str]) -> str:
    try:
        return _ESCAPED[found.group(1)]
    except KeyError:
        raise ValueError(f"bad escape {found.group(0)!r} in the lean cache") from None


def unesc(text: str) -> str:
    """The text :func:`esc` was given; ValueError for a damaged cell."""
    return re.sub(_ESCAPE, _one, text, flags=re.DOTALL) if "\\" in text else text


def layout(head: bytes, size: int) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """From the header line and the file's size: the counts of post-mortems
    and actions, and where each part lies (without its last new line).
    ValueError when it is not a whole cache of this version."""
    fields = head.decode().split(" ")
    n = len(PARTS) + 2
    if " ".join(fields[:-n]) != HEADER or len(fields) <= n or head[-1:] != b"\n":
        raise ValueError("not a lean cache of this version")
    posts, count, *sizes = map(int, fields[-n:])
    if len(head) + sum(sizes) != size or min(sizes) < 1:
        raise ValueError("a lean cache of the wrong size")
    where, at = {}, len(head)
    for name, part in zip(PARTS, sizes, strict=True):
        where[name] = (at, at + part - 1)
        at += part
    return posts, count, where


def _raw(data: bytes, name: str) -> bytes:
    if data[-1:] != b"\n":
        raise ValueError(f"the lean cache's {name} is damaged")
    return data


def _text(data: bytes | memoryview, name: str) -> str:
    if data[-1:] != b"\n":
        raise ValueError(f"the lean cache's {name} is damaged")
    return str(data[:-1], *ENCODING)


def parts_from_data(data: bytes, names: list[str]) -> Parts:
    """The counts, and the texts of the parts ``names``, of a cache in memory
    (:data:`RAW` parts as bytes, with their last new line)."""
    end = data.find(b"\n") + 1
    posts, count, where = layout(data[:end], len(data))
    view = memoryview(data)
    texts: dict[str, str | bytes] = {}
    for name in names:
        start, stop = where[name]
        part = view[start : stop + 1]
        texts[name] = _raw(bytes(part), name) if name in RAW else _text(part, name)
    return posts, count, texts


def parts_from_file(file: BinaryIO, names: list[str]) -> Parts:
    """The counts, and the texts of the parts ``names``, of a cache file,
    reading only those parts (search skips the actions, the others the
    words); :data:`RAW` parts as bytes, read on their own, not decoded."""
    head = file.readline(4096)
    posts, count, where = layout(head, os.fstat(file.fileno()).st_size)
    texts: dict[str, str | bytes] = {}
    for name in RAW.intersection(names):
        start, stop = where[name]
        file.seek(start)
        texts[name] = _raw(file.read(stop + 1 - start), name)
    names = sorted(set(names) - RAW, key=lambda name: where[name][0])
    spans: list[list[Any]] = []  # [start, stop, names]: parts read at once
    for name in names:
        start, stop = where[name]
        if spans and start - spans[-1][1] < 16384:  # read through a small gap
            spans[-1][1] = stop + 1
            spans[-1][2].append(name)
        else:
            spans.append([start, stop + 1, [name]])
    for start, stop, inside in spans:
        file.seek(start)
        data = memoryview(file.read(stop - start))
        if len(data) != stop - start:
            raise ValueError("the lean cache is shorter than it says")
        for name in inside:
            first, last = where[name]
            texts[name] = _text(data[first - start : last + 1 - start], name)
    return posts, count, texts


def stamp_text(stamps: dict[str, str]) -> str:
    """The stamps part: each file's line (lean_index._stamps), by file name."""
    return "\n".join(map(stamps.__getitem__, sorted(stamps)))


def column_line(cells: Iterable[str], *, lists: bool = False) -> str:
    """One column; ``lists``: its cells are :func:`list_cell` (escaped)."""
    return "\t".join(cells if lists else map(esc, cells))


def read_column(
    line: str, count: int, *, lists: bool = False, days: bool = False
) -> list[str]:
    """``count`` cells of one column line, unescaped (``lists``: left as
    stored, for :func:`split_list`, but checked); ``days``: each "" or a
    ``YYYY-MM-DD`` (what reads them counts days). ValueError when damaged."""
    cells = line.split("\t") if count or line else []
    if len(cells) != count:
        raise ValueError(f"a lean cache column has {len(cells)} cells, not {count}")
    if "\\" in line:
        if lists:  # items are unescaped when used: check them now
            for cell in cells:
                split_list(cell)
        else:
            cells = [unesc(c) if "\\" in c else c for c in cells]
    if days and not _days(cells):
        raise ValueError("a lean cache column of days holds something else")
    return cells


def _days(cells: list[str]) -> bool:
    """Whether each cell is "" or a day ``YYYY-MM-DD`` (month 01-12, day
    01-31): checked on the distinct days at once, mostly in C."""
    found = set(cells)
    found.discard("")
    n = len(found)
    joined = "".join(found)
    digits = joined.replace("-", "")
    return (
        set(map(len, found)) <= {10}
        and joined[4::10] == joined[7::10] == "-" * n
        and len(digits) == 8 * n
        and digits.isascii()
        and (not n or digits.isdecimal())
        and set(map(itemgetter(slice(5, 7)), found)) <= _MONTHS
        and set(map(itemgetter(slice(8, 10)), found)) <= _DAYS
    )


def coded_part(cells: list[str]) -> str:
    """A column of few distinct values, as the values (a column line), a new
    line, then one code character per cell (``chr(32 + n)`` for value n).
    Read back, each distinct value is one object, shared by its cells: no
    per-cell string to make, and its hash is worked out once, not per cell."""
    values = sorted(set(cells))
    code = {value: chr(32 + n) for n, value in enumerate(values)}
    return column_line(values) + "\n" + "".join(map(code.__getitem__, cells))


def read_coded(part: str, count: int) -> list[str]:
    """The ``count`` cells of a :func:`coded_part`; ValueError if damaged."""
    line, newline, codes = part.partition("\n")
    values = read_column(line, line.count("\t") + 1 if line or codes else 0)
    if not newline or len(codes) != count:
        raise ValueError("a lean cache column of codes is damaged")
    by_code = dict(zip(map(chr, range(32, 32 + len(values))), values, strict=True))
    if not set(codes) <= by_code.keys():
        raise ValueError("a lean cache column has a code of no value")
    return list(map(by_code.__getitem__, codes))


def list_cell(items: Iterable[str]) -> str:
    """Items as one cell, each escaped (read back with :func:`split_list`)."""
    return ITEM.join(map(esc, items))


def split_list(cell: str) -> list[str]:
    """The items of a list cell as stored (escaped), unescaped."""
    if not cell:
        return []
    items = cell.split(ITEM)
    return [unesc(i) for i in items] if "\\" in cell else items
