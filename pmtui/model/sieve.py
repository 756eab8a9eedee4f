"""A quick first sieve for search: which post-mortems may match a query.

Each post-mortem has a :func:`sieve_text`: the word lines of every place
search looks at, then the values its filters compare, in lower case. A
query's :func:`needles` are what must be found there (each term as the start
of a word; one value of each filter). A record whose text lacks a needle
cannot match; those that have them all are matched in full
(:func:`pmtui.model.search.match`). The lean cache keeps these texts as one
text, a line per post-mortem (:class:`WordRows`), so the command line finds
the needles with ``bytes.find`` over the whole archive, not post-mortem by
post-mortem. Pure; standard library only.
"""

from __future__ import annotations

from bisect import bisect_left

from pmtui.model.lean import owners
from pmtui.model.search import Query, places

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


def sieve_text(record: dict[str, Any]) -> str:
    """The word lines of every place (tab-separated, so a word starts after
    a space), then the values filters compare, in lower case with white
    space runs as one space. No new line: the lean cache stores it as one
    line per post-mortem."""
    values = [str(v) for v in (record.get("tags") or [])]
    values += [str(v) for v in (record.get("services") or [])]
    values += [str(record.get("severity") or ""), str(record.get("status") or "")]
    named = record.get("owners")
    values += [str(v) for v in (owners(record) if named is None else named)]
    lines = "\t".join(line for _, line in places(record))
    return f"{lines}\t{' '.join(' '.join(v.lower().split()) for v in values)}"


def needles(query: Query) -> list[tuple[str, ...]]:
    """What a sieve text must hold for ``query`` to match: for each term, its
    start of a word; for each filter, one of its values (an owner by its
    first word: owner:"priya raman" finds names starting "priya")."""
    found: list[tuple[str, ...]] = [(f" {t}",) for t in query.terms]
    for key, values in query.filters:
        if key == "owner":
            values = tuple(v.split()[0] for v in values if v.split())
        found.append(tuple(" ".join(v.lower().split()) for v in values))
    return found


def sieve(query: Query) -> Callable[[str], bool]:
    """A test on one sieve text: False only when the record cannot match.
    Never False for a record :func:`pmtui.model.search.match` accepts."""
    wanted = needles(query)

    def keep(text: str) -> bool:
        return all(any(v in text for v in alternatives) for alternatives in wanted)

    return keep


class WordRows:
    """Every post-mortem's sieve text, a line each, as UTF-8 ``text`` (as the
    lean cache stores it: the lines that are not kept are never decoded);
    line ``i`` ends at byte ``ends[i]``, where its new line is."""

    __slots__ = ("ends", "text")

    def __init__(self, text: bytes, ends: list[int]) -> None:
        self.text = text
        self.ends = ends

    def __len__(self) -> int:
        return len(self.ends)

    def line(self, i: int) -> str:
        """Line ``i``; a byte that is not UTF-8 (a damaged cache: the lines
        are not checked when read, only their ends) as U+FFFD."""
        start = self.ends[i - 1] + 1 if i else 0
        return self.text[start : self.ends[i]].decode("utf-8", "replace")

    def lines(self) -> list[str]:
        return [self.line(i) for i in range(len(self.ends))]

    def matching(self, query: Query) -> list[int]:
        """The lines that :func:`sieve` keeps for ``query``, found with
        ``bytes.find`` over the whole text (UTF-8 finds a text's bytes where
        the text is): the work is per line that holds a needle, not per line."""
        text, ends = self.text, self.ends
        rows: set[int] | None = None
        for alternatives in needles(query):
            found: set[int] = set()
            for word in alternatives:
                needle = word.encode("utf-8", "surrogatepass")
                at, row = text.find(needle), 0
                while at >= 0:
                    row = bisect_left(ends, at, row)  # the line the needle is on
                    found.add(row)
                    if row >= len(ends) - 1:
                        break
                    at = text.find(needle, ends[row] + 1)  # from the next line
            rows = found if rows is None else rows & found
            if not rows:
                return []
        return sorted(rows or ())
