"""Search the archive: query parsing, ranking with reasons. Pure.

A query is words and filters. Filters are ``tag:``, ``service:``,
``severity:``, ``status:`` and ``owner:``; a value may hold alternatives
separated by commas (``severity:P0,P1``) and may be quoted
(``owner:"Priya Raman"``). Different filters must all hold. Words must all be
found somewhere: in the title, tags, services, summary, causes, factors,
actions or timeline. A word matches a whole word (full weight) or the start of
one (half weight); each place has a weight, so a title match outranks a
timeline one. Every hit says why it matched ("title matched 'tls'").

Search, the tracker and similar incidents work on lean records
(:func:`pmtui.model.lean.lean_record`): a summary without its long texts,
with the distinct words of each text instead, so the command line reads a
small index fast.
Only the standard library is imported here: ``pmtui search`` must start fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pmtui.model.lean import (
    WORD_FIELDS,
    QueryError,
    owner_matches,
    owners,
    tokens,
    word_line,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "FILTERS",
    "SEVERITIES",
    "STATUSES",
    "WEIGHTS",
    "Hit",
    "Query",
    "QueryError",
    "match",
    "owner_matches",
    "parse_query",
    "places",
    "search",
]

FILTERS = ("tag", "service", "severity", "status", "owner")
SEVERITIES = ("P0", "P1", "P2", "P3", "P4")
STATUSES = ("draft", "meeting", "review", "published")
WEIGHTS = {
    "title": 8.0,
    "tag": 6.0,
    "service": 6.0,
    "summary": 4.0,
    "causes": 3.0,
    "factors": 2.0,
    "actions": 2.0,
    "timeline": 1.0,
}
_QUERY_TOKEN = r'(?:[^\s"]+|"[^"]*")+'  # compiled on first use


# -- queries --------------------------------------------------------------------


class Query:
    """Words (all must match) and filters as ``(name, alternatives)`` (all
    must hold). Plain slotted classes here: no dataclasses or typing import,
    so the command line starts fast."""

    __slots__ = ("filters", "terms")

    def __init__(
        self,
        terms: tuple[str, ...] = (),
        filters: tuple[tuple[str, tuple[str, ...]], ...] = (),
    ) -> None:
        self.terms = terms
        self.filters = filters

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Query) and (self.terms, self.filters) == (
            other.terms,
            other.filters,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Query(terms={self.terms!r}, filters={self.filters!r})"

    @property
    def empty(self) -> bool:
        return not self.terms and not self.filters


def parse_query(text: str) -> Query:
    """Words and filters; raises :class:`QueryError` for a filter without a
    value or an unknown severity or status."""
    terms: list[str] = []
    filters: list[tuple[str, tuple[str, ...]]] = []
    for raw in re.findall(_QUERY_TOKEN, text):
        key, colon, value = raw.partition(":")
        key = key.lower()
        if colon and key in FILTERS:
            values = tuple(
                v.strip().strip('"').strip()
                for v in value.strip('"').split(",")
                if v.strip().strip('"').strip()
            )
            if not values:
                raise QueryError(f"{key}: needs a value, e.g. {_EXAMPLES[key]}")
            filters.append((key, _checked(key, values)))
        else:
            terms.extend(t for t in tokens(raw) if t not in terms)
    return Query(tuple(terms), tuple(filters))


_EXAMPLES = {
    "tag": "tag:tls",
    "service": "service:checkout-api",
    "severity": "severity:P1",
    "status": "status:published",
    "owner": 'owner:priya or owner:"Priya Raman"',
}


def _checked(key: str, values: tuple[str, ...]) -> tuple[str, ...]:
    if key == "severity":
        upper = tuple(v.upper() for v in values)
        bad = [v for v in upper if v not in SEVERITIES]
        if bad:
            known = ", ".join(SEVERITIES)
            raise QueryError(f"severity is one of {known}, not {bad[0]}")
        return upper
    if key == "status":
        lower = tuple(v.lower() for v in values)
        bad = [v for v in lower if v not in STATUSES]
        if bad:
            raise QueryError(f"status is one of {', '.join(STATUSES)}, not {bad[0]}")
        return lower
    return tuple(v.lower() for v in values)


# -- matching and ranking ------------------------------------------------------------


class Hit:
    """One search result: the record's key, how well and why it matched."""

    __slots__ = ("key", "reasons", "record", "score")

    def __init__(
        self, key: str, record: dict[str, Any], score: float, reasons: tuple[str, ...]
    ) -> None:
        self.key = key
        self.record = record
        self.score = score
        self.reasons = reasons

    def __repr__(self) -> str:
        return f"Hit({self.key!r}, score={self.score}, reasons={self.reasons!r})"

    @property
    def title(self) -> str:
        return str(self.record.get("title") or "(untitled)")


def _filter_reason(record: dict[str, Any], key: str, values: tuple[str, ...]) -> str:
    """Why ``record`` passes one filter, or "" when it does not."""
    if key in ("tag", "service"):
        have = [str(x) for x in record.get(key + "s") or []]
        found = [x for x in have if x.lower() in values]
        label = "tagged" if key == "tag" else "service"
        return f"{label} {', '.join(found)}" if found else ""
    if key in ("severity", "status"):
        value = str(record.get(key) or "")
        return f"{key} {value}" if value in values else ""
    named = record.get("owners")
    if named is None:  # a record not made by lean_record
        named = owners(record)
    found = [o for o in named if any(owner_matches(o, v) for v in values)]
    return f"owner {', '.join(found)}" if found else ""


def places(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(place, word line) of a record, most telling place first."""
    tags = " ".join(str(t) for t in record.get("tags") or [])
    services = " ".join(str(s) for s in record.get("services") or [])
    words = record.get("words") or {}
    return [
        ("title", word_line(str(record.get("title") or ""))),
        ("tag", word_line(tags)),
        ("service", word_line(services)),
        *[(name, str(words.get(name) or "")) for name in WORD_FIELDS],
    ]


def _find(line: str, term: str) -> tuple[float, str]:
    """(1.0, term) for a whole word, (0.5, the word) for a start, else (0, "")."""
    if f" {term} " in line:
        return 1.0, term
    at = line.find(f" {term}")
    if at < 0:
        return 0.0, ""
    return 0.5, line[at + 1 : line.index(" ", at + 1)]


def match(record: dict[str, Any], query: Query) -> tuple[float, list[str]] | None:
    """(score, reasons) when ``record`` matches ``query``, else None."""
    reasons: list[str] = []
    for key, values in query.filters:
        why = _filter_reason(record, key, values)
        if not why:
            return None
        reasons.append(why)
    score = 0.0
    lines = places(record)
    for term in query.terms:
        best: tuple[float, str, str] = (0.0, "", "")
        for place, line in lines:
            strength, word = _find(line, term)
            gained = strength * WEIGHTS[place]
            score += gained
            if gained > best[0]:
                best = (gained, place, word)
        if not best[0]:
            return None
        shown = f"'{term}'" if best[2] == term else f"'{term}' ({best[2]})"
        reasons.append(f"{best[1]} matched {shown}")
    return score, reasons


def search(records: Iterable[tuple[str, dict[str, Any]]], query: Query) -> list[Hit]:
    """Matching records, best first; equal scores newest incident first."""
    hits = []
    for key, record in records:
        found = match(record, query)
        if found is not None:
            hits.append(Hit(key, record, found[0], tuple(found[1])))
    hits.sort(key=lambda h: (h.key,))
    hits.sort(key=lambda h: _when(h.record), reverse=True)
    hits.sort(key=lambda h: h.score, reverse=True)
    return hits


def _when(record: dict[str, Any]) -> str:
    return str(record.get("incident_date") or record.get("created") or "")
