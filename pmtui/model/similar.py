"""Similar earlier incidents: "has this happened before?". Pure.

Another post-mortem is similar when it is earlier (its incident, else its
creation, comes first) and shares tags, services or root-cause words with this
one. Score: 3 per shared tag, 2 per shared service, 1 per shared root-cause
word; a match on root-cause words alone needs two of them, as one common word
says little. Works on lean records (:func:`pmtui.model.search.lean_record`).
"""

from __future__ import annotations

from collections.abc import Iterable

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any

TAG_WEIGHT = 3
SERVICE_WEIGHT = 2
WORD_WEIGHT = 1
MIN_WORDS_ALONE = 2


class Similar:
    """An earlier post-mortem like this one, and what they share."""

    __slots__ = ("key", "record", "score", "services", "tags", "words")

    def __init__(
        self,
        key: str,
        record: dict[str, Any],
        score: int,
        tags: tuple[str, ...],
        services: tuple[str, ...],
        words: tuple[str, ...],
    ) -> None:
        self.key = key
        self.record = record
        self.score = score
        self.tags = tags
        self.services = services
        self.words = words

    def __repr__(self) -> str:
        return f"Similar({self.key!r}, score={self.score}, {self.reason!r})"

    @property
    def title(self) -> str:
        return str(self.record.get("title") or "(untitled)")

    @property
    def reason(self) -> str:
        """``tags tls, dns · services cdn · cause words expiry``."""
        parts = []
        if self.tags:
            parts.append(f"tags {', '.join(self.tags)}")
        if self.services:
            parts.append(f"services {', '.join(self.services)}")
        if self.words:
            parts.append(f"cause words {', '.join(self.words)}")
        return " · ".join(parts)

    @property
    def open_actions(self) -> list[dict[str, Any]]:
        return [
            a
            for a in self.record.get("actions") or []
            if a.get("status") in ("open", "in_progress")
        ]


def _when(record: dict[str, Any]) -> str:
    return str(record.get("incident_date") or record.get("created") or "")


def _shared(mine: Iterable[Any], theirs: Iterable[Any]) -> tuple[str, ...]:
    wanted = {str(x).lower() for x in mine}
    return tuple(dict.fromkeys(str(x) for x in theirs if str(x).lower() in wanted))


def similar_incidents(
    current: dict[str, Any],
    records: Iterable[tuple[str, dict[str, Any]]],
    *,
    exclude: str,
    limit: int = 8,
) -> list[Similar]:
    """Earlier post-mortems like ``current``, most alike first (then newest)."""
    now = _when(current)
    found = []
    for key, record in records:
        if key == exclude or (now and not _when(record) < now):
            continue
        tags = _shared(current.get("tags") or [], record.get("tags") or [])
        services = _shared(current.get("services") or [], record.get("services") or [])
        mine = set(current.get("root_words") or [])
        words = tuple(sorted(mine & set(record.get("root_words") or [])))
        if not tags and not services and len(words) < MIN_WORDS_ALONE:
            continue
        score = (
            TAG_WEIGHT * len(tags)
            + SERVICE_WEIGHT * len(services)
            + WORD_WEIGHT * len(words)
        )
        found.append(Similar(key, record, score, tags, services, words))
    found.sort(key=lambda s: _when(s.record), reverse=True)
    found.sort(key=lambda s: s.score, reverse=True)
    return found[:limit]
