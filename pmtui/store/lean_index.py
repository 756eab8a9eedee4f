"""A lean cache for the command line: every post-mortem's lean record, as text
that is cheap to read in Python (:mod:`pmtui.store.lean_format` has the format).

``pmtui actions``, ``pmtui search`` and ``pmtui due`` must start about as fast
as ``pmtui --version``, so they read ``.index-lean.txt``, decode and split
only the columns they show, build no object per action and import nothing
but the standard library.

It is only a cache: it is used only when its stamps are those of the
archive's files now (size, mtime and inode of every ``*.json``, so a changed,
added or removed file is noticed). When not, or when it is missing, damaged
or of another version, the slow path runs once
(:func:`pmtui.store.lean_build.build`: the archive's summaries, which rebuild
their own stale entries from the files) and writes a fresh one. A cache that
cannot be written is simply rebuilt next time.
"""

from __future__ import annotations

import os
from pathlib import Path

from pmtui.model.action_columns import FIELDS, ActionColumns
from pmtui.model.lean import WORD_FIELDS
from pmtui.store.lean_format import (
    CODED,
    DAY_FIELDS,
    LEAN_NAME,
    POST_FIELDS,
    POST_LISTS,
    esc,
    parts_from_data,
    parts_from_file,
    read_coded,
    read_column,
    special,
    split_list,
    stamp_text,
    unesc,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from typing import Any

    from pmtui.model.sieve import WordRows

__all__ = ["LEAN_NAME", "LeanArchive", "fresh_lean", "load_lean"]

SUFFIX = ".json"
_BY_FD = os.scandir in os.supports_fd
_OPTIONAL = frozenset(("created", "incident_date", *DAY_FIELDS))
ALL_POSTS = (*POST_FIELDS, *POST_LISTS)


class LeanArchive:
    """The archive as the lean cache has it.

    ``keys``: the post-mortems' file names, in name order; ``posts``: the
    columns asked for, by field name (POST_LISTS as list cells, see
    :meth:`items`); ``actions`` (the fields asked for) and ``words`` when
    asked for, else None; ``broken``: files that cannot be read, as
    ``(name, reason)``."""

    __slots__ = ("_records", "actions", "broken", "folder", "posts", "rebuilt", "words")

    def __init__(self, folder: Path, rebuilt: bool) -> None:
        self.folder = folder
        self.rebuilt = rebuilt  # the slow path ran
        self.posts: dict[str, list[str]] = {}
        self.actions: ActionColumns | None = None
        self.words: WordRows | None = None
        self.broken: list[tuple[str, str]] = []
        self._records: list[tuple[str, dict[str, Any]]] | None = None

    @property
    def keys(self) -> list[str]:
        return self.posts["key"]

    def path(self, key: str) -> Path:
        return self.folder / key

    def items(self, field: str, i: int) -> list[str]:
        """A list field (POST_LISTS) of post-mortem ``i``."""
        return split_list(self.posts[field][i])

    def record(self, i: int) -> dict[str, Any]:
        """Post-mortem ``i`` as a lean record, from the post fields read (all
        by default); ``words`` when read; ``actions`` when every action field
        was read (in the order the tracker lists them)."""
        posts = self.posts
        found: dict[str, Any] = {}
        for name, cells in posts.items():
            cell = cells[i]
            if name in POST_LISTS:
                found[name] = split_list(cell)
            elif name != "key":
                found[name] = cell or None if name in _OPTIONAL else cell
        if self.words is not None:
            lines = self.words.line(i).split("\t")
            found["words"] = dict(zip(WORD_FIELDS, lines[3:8], strict=False))
        return found

    @property
    def records(self) -> list[tuple[str, dict[str, Any]]]:
        """``(key, lean record)`` of every post-mortem, newest incident first."""
        if self._records is None:
            found = [(key, self.record(i)) for i, key in enumerate(self.keys)]
            if self.actions is not None:
                actions: dict[str, list[dict[str, Any]]] = {}
                cols = self.actions
                for i, post in enumerate(cols.post):
                    actions.setdefault(self.keys[int(post)], []).append(cols.row(i))
                for key, record in found:
                    record["actions"] = actions.get(key, [])
            found.sort(key=_when, reverse=True)  # stable: by name within a day
            self._records = found
        return self._records


def _when(item: tuple[str, dict[str, Any]]) -> str:
    record = item[1]
    return str(record.get("incident_date") or record.get("created") or "")


class _Want:
    """The parts a reader needs: post fields, action fields, words."""

    __slots__ = ("actions", "posts", "words")

    def __init__(
        self,
        posts: Collection[str] | None,
        actions: Collection[str] | bool,
        words: bool,
    ) -> None:
        self.posts = ALL_POSTS if posts is None else ("key", *posts)
        if isinstance(actions, bool):
            self.actions: Collection[str] = FIELDS if actions else ()
        else:
            self.actions = actions
        self.words = words


def load_lean(
    folder: Path,
    progress: Callable[[int, int], None] | None = None,
    *,
    posts: Collection[str] | None = None,
    actions: Collection[str] | bool = True,
    words: bool = False,
) -> LeanArchive:
    """Every post-mortem of ``folder`` from the lean cache, rebuilt first
    when stale. ``posts``: the post fields to read (None: all, as
    :attr:`LeanArchive.records` needs); ``actions``: the action fields (True:
    all, False: none); ``words``: also each post-mortem's words.
    ``progress(done, total)`` is called while files are read on the slow path.
    """
    folder = Path(folder).expanduser()
    stamps = _stamps(folder)
    want = _Want(posts, actions, words)
    lean = _read(folder, stamps, want)
    if lean is not None:
        return lean
    from pmtui.store.lean_build import build

    data = build(folder, stamps, progress)
    # what was just made is read as the next run will read it
    return _parse(folder, parts_from_data(data, _names(want)), None, want)


def fresh_lean(
    folder: Path,
    *,
    posts: Collection[str] | None = None,
    actions: Collection[str] | bool = True,
) -> LeanArchive | None:
    """:func:`load_lean` when the cache is fresh; None (and nothing read or
    written) when it would have to be rebuilt, which takes a while on a
    large archive: the caller can do that in a worker, with progress."""
    folder = Path(folder).expanduser()
    return _read(folder, _stamps(folder), _Want(posts, actions, False))


def _read(folder: Path, stamps: dict[str, str], want: _Want) -> LeanArchive | None:
    """The cache as ``want`` asks, if it holds the files with ``stamps``."""
    try:
        with open(folder / LEAN_NAME, "rb") as file:
            found = parts_from_file(file, _names(want))
            return _parse(folder, found, stamp_text(stamps), want)
    except (OSError, ValueError):
        return None  # missing, stale, damaged or of another version


def _stamps(folder: Path) -> dict[str, str]:
    """Every post-mortem file's name and its line of the stamps part:
    ``name TAB size TAB mtime_ns TAB inode`` (the name escaped)."""
    try:  # through the folder's descriptor: each stat skips the path walk
        where: int | Path = os.open(folder, os.O_RDONLY) if _BY_FD else folder
    except OSError:
        return {}
    try:
        with os.scandir(where) as scan:
            items = [i for i in scan if i.name[-5:] == SUFFIX and i.name[0] != "."]
        try:  # comprehensions: no Python statement per file
            stats = [(i.name, i.stat()) for i in items]
        except OSError:  # one went away meanwhile: it is not there
            stats = [(i.name, st) for i in items if (st := _stat(i)) is not None]
    except OSError:
        return {}
    finally:
        if isinstance(where, int):
            os.close(where)
    found = {
        name: f"{name}\t{st.st_size}\t{st.st_mtime_ns}\t{st.st_ino}"
        for name, st in stats
    }
    if special("".join(found)):  # one test for all the names, not one per name
        for name, line in found.items():
            found[name] = esc(name) + line[len(name) :]
    return found


def _stat(item: os.DirEntry[str]) -> os.stat_result | None:
    try:
        return item.stat()
    except OSError:
        return None


def _names(want: _Want) -> list[str]:
    names = ["stamps", "broken", *(f"post.{name}" for name in want.posts)]
    names += [f"action.{name}" for name in want.actions]
    return [*names, "words.end", "words"] if want.words else names


def _numbers(cells: list[str], below: int) -> bool:
    """Whether every cell is a number from 0 to ``below`` - 1, as text."""
    found = set(cells)
    digits = "".join(found)
    return not found or (
        digits.isdecimal() and digits.isascii() and max(map(int, found)) < below
    )


def _parse(
    folder: Path,
    found: tuple[int, int, dict[str, Any]],
    expected: str | None,
    want: _Want,
) -> LeanArchive:
    """A LeanArchive of the parts ``found`` (counts, texts); ValueError when
    they are damaged or the stamps are not ``expected`` (None: any; then the
    cache was just made)."""
    posts, count, texts = found
    if expected is not None and texts["stamps"] != expected:
        raise ValueError("the archive's files changed")
    lean = LeanArchive(folder, expected is None)
    broken = texts["broken"]
    for line in broken.split("\n") if broken else []:
        name, why = line.split("\t")
        lean.broken.append((unesc(name), unesc(why)))
    for name in want.posts:
        lists, days = name in POST_LISTS, name in DAY_FIELDS
        line = texts.pop(f"post.{name}")
        lean.posts[name] = read_column(line, posts, lists=lists, days=days)
    if want.actions:
        fields = {
            name: read_coded(text, count)
            if name in CODED
            else read_column(text, count, days=name == "due")
            for name in want.actions
            for text in [texts.pop(f"action.{name}")]
        }
        if "post" in fields and not _numbers(fields["post"], posts):
            raise ValueError("a lean cache action of no post-mortem")
        lean.actions = ActionColumns(count, fields, lean.keys)
    if want.words:
        from pmtui.model.sieve import WordRows  # search only: the others start faster

        words: bytes = texts["words"]
        cells = read_column(texts["words.end"], posts)
        size = len(words) - 1  # the part's bytes, less its last new line
        if cells and (cells[-1] != str(size) or not _numbers(cells[:-1], size)):
            raise ValueError("a lean cache without every post-mortem's words")
        ends = list(map(int, cells))
        if bytes(map(words.__getitem__, ends[:-1])) != b"\n" * (posts - 1):
            raise ValueError("a lean cache whose lines of words are damaged")
        lean.words = WordRows(words, ends)
    return lean
