"""After the meeting: every action of every post-mortem, and reviews due. Pure.

Works on lean records (:func:`pmtui.model.search.lean_record`) keyed by file
name; ``today`` always comes from the caller's clock.

- Actions are listed overdue first (most days late first), then by due date
  (undated last), then by post-mortem and action id. An action is overdue when
  it is open or in progress and its due date is before today. The order is
  :mod:`pmtui.model.action_columns`'s, which the command line uses directly.
- Reviews due: :mod:`pmtui.model.reviews` (its names are here too).
"""

from __future__ import annotations

from pmtui.model.action_columns import (
    OPEN_STATUSES,
    ActionColumns,
    action_columns,
    gather,
    where,
)
from pmtui.model.lean import QueryError, owner_matches

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from datetime import date
    from typing import Any

    from pmtui.model.reviews import (
        REVIEW_GRACE_DAYS,
        ReviewDue,
        review_rows,
        reviews_due,
    )

_REVIEWS = ("REVIEW_GRACE_DAYS", "ReviewDue", "review_rows", "reviews_due")


def __getattr__(name: str) -> Any:
    """The reviews' names, imported when first used (``pmtui actions``
    needs none of them)."""
    if name in _REVIEWS:
        from pmtui.model import reviews

        return getattr(reviews, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


STATUS_CHOICES = ("open", "in_progress", "done", "wont_do", "active", "closed")
STATUS_WORDS = {
    "open": "○ open",
    "in_progress": "◐ in progress",
    "done": "✓ done",
    "wont_do": "✗ won't do",
}
NO_OWNER = "(no owner)"
__all__ = [
    "NO_OWNER",
    "OPEN_STATUSES",
    "REVIEW_GRACE_DAYS",
    "STATUS_CHOICES",
    "STATUS_WORDS",
    "ActionFilter",
    "ReviewDue",
    "TrackedAction",
    "by_owner",
    "filter_actions",
    "overdue_by_owner",
    "overdue_count",
    "parse_filter",
    "review_rows",
    "reviews_due",
    "tracked_actions",
]


class TrackedAction:
    """One action and its post-mortem (``key``: file name, ``title``).
    ``days_late`` is 0 unless it is overdue. A plain slotted class: no
    dataclasses or typing import, so the command line starts fast."""

    __slots__ = (
        "days_late",
        "due",
        "id",
        "key",
        "link",
        "owner",
        "priority",
        "status",
        "tags",
        "text",
        "title",
        "type",
    )

    def __init__(
        self,
        key: str,
        title: str,
        tags: tuple[str, ...],
        id: str,
        text: str,
        owner: str,
        due: date | None,
        priority: str,
        type: str,
        status: str,
        link: str,
        days_late: int,
    ) -> None:
        self.key = key
        self.title = title
        self.tags = tags
        self.id = id
        self.text = text
        self.owner = owner
        self.due = due
        self.priority = priority
        self.type = type
        self.status = status
        self.link = link
        self.days_late = days_late

    def __repr__(self) -> str:
        return f"TrackedAction({self.key!r}, {self.id!r}, {self.status!r})"

    @property
    def overdue(self) -> bool:
        return self.days_late > 0

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def status_label(self) -> str:
        return STATUS_WORDS.get(self.status, self.status)


def tracked_actions(
    records: Iterable[tuple[str, dict[str, Any]]], today: date
) -> list[TrackedAction]:
    """Every action of every record, overdue first, then by due date."""
    records = list(records)
    posts = [
        (
            key,
            str(record.get("title") or ""),
            [str(t) for t in record.get("tags") or []],
        )
        for key, record in records
    ]
    from pmtui.model.tracked_list import TrackedList

    return list(TrackedList(action_columns(records), posts, today))


class ActionFilter:
    """``status`` is one of STATUS_CHOICES, or "" for every status."""

    __slots__ = ("overdue", "owner", "status", "tag")

    def __init__(
        self, owner: str = "", status: str = "", overdue: bool = False, tag: str = ""
    ) -> None:
        self.owner = owner
        self.status = status
        self.overdue = overdue
        self.tag = tag

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ActionFilter) and self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]

    def _key(self) -> tuple[str, str, bool, str]:
        return (self.owner, self.status, self.overdue, self.tag)

    def __repr__(self) -> str:
        return "ActionFilter(owner={!r}, status={!r}, overdue={!r}, tag={!r})".format(
            *self._key()
        )

    @property
    def active(self) -> bool:
        """False for the empty filter, which keeps every action."""
        return any(self._key())

    def keeps(self, item: TrackedAction) -> bool:
        if self.owner and not owner_matches(item.owner, self.owner.lower()):
            return False
        if self.status == "active" and not item.is_open:
            return False
        if self.status == "closed" and item.is_open:
            return False
        if self.status not in ("", "active", "closed") and item.status != self.status:
            return False
        if self.overdue and not item.overdue:
            return False
        return not self.tag or self.tag.lower() in (t.lower() for t in item.tags)

    def select(
        self,
        columns: ActionColumns,
        order: list[int],
        overdue: int,
        tags: Callable[[int], Sequence[str]],
    ) -> list[int]:
        """The rows of ``order`` (a :func:`listing`, its first ``overdue``
        rows overdue) this filter keeps, as :meth:`keeps` would; ``tags``
        gives a post-mortem's tags by its number (``post``). Work per
        distinct owner and post-mortem, none in Python per action."""
        rows = order[:overdue] if self.overdue else order
        if self.status in ("active", "closed"):
            flags = columns.open_flags(closed=self.status == "closed")
            rows = where(rows, gather(flags, rows))
        elif self.status:
            rows = where(rows, map(self.status.__eq__, gather(columns.status, rows)))
        if self.owner:
            owners, wanted = gather(columns.owner, rows), self.owner.lower()
            names = {name: owner_matches(name, wanted) for name in set(owners)}
            rows = where(rows, map(names.__getitem__, owners))
        if self.tag:
            posts, tag = gather(columns.post, rows), self.tag.lower()
            has = {p: tag in (t.lower() for t in tags(int(p))) for p in set(posts)}
            rows = where(rows, map(has.__getitem__, posts))
        return rows


def filter_actions(
    items: Sequence[TrackedAction], flt: ActionFilter
) -> Sequence[TrackedAction]:
    """The actions ``flt`` keeps, in order: ``items`` itself when it keeps
    every one (a list made when first read stays so)."""
    if not flt.active:
        return items
    return [item for item in items if flt.keeps(item)]


def overdue_count(items: Sequence[TrackedAction]) -> int:
    """How many of ``items`` are overdue (those that can say so, without
    making their items)."""
    known = getattr(items, "overdue_count", None)
    return known if isinstance(known, int) else sum(1 for i in items if i.overdue)


def parse_filter(text: str) -> ActionFilter:
    """``owner:priya status:open tag:tls overdue`` (the tracker's filter line)."""
    values: dict[str, str] = {}
    overdue = False
    for word in text.split():
        key, colon, value = word.partition(":")
        key = key.lower()
        if not colon and key == "overdue":
            overdue = True
        elif colon and key in ("owner", "status", "tag") and value:
            values[key] = value.replace("'", "").lower()
        else:
            raise QueryError(
                f"'{word}' is not a filter: "
                "use owner:NAME status:STATUS tag:TAG overdue"
            )
    status = values.get("status", "").replace(" ", "_")
    if status and status not in STATUS_CHOICES:
        raise QueryError(f"status is one of {', '.join(STATUS_CHOICES)}")
    return ActionFilter(values.get("owner", ""), status, overdue, values.get("tag", ""))


def overdue_by_owner(
    items: Iterable[TrackedAction],
) -> list[tuple[str, list[TrackedAction]]]:
    """Overdue actions grouped by owner: most overdue actions first, then name;
    nobody's actions under ``NO_OWNER``, last."""
    return by_owner((item.owner, item) for item in items if item.overdue)


def by_owner(pairs: Iterable[tuple[str, Any]]) -> list[tuple[str, list[Any]]]:
    """``(owner, thing)`` pairs grouped as :func:`overdue_by_owner` groups."""
    groups: dict[str, list[Any]] = {}
    for owner, thing in pairs:
        groups.setdefault(owner.strip() or NO_OWNER, []).append(thing)
    return sorted(
        groups.items(), key=lambda g: (g[0] == NO_OWNER, -len(g[1]), g[0].lower())
    )
