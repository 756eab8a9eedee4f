"""After the meeting: every action of every post-mortem, and reviews due. Pure.

Works on lean records (:func:`pmtui.model.search.lean_record`) keyed by file
name; ``today`` always comes from the caller's clock.

- Actions are listed overdue first (most days late first), then by due date
  (undated last), then by post-mortem and action id. An action is overdue when
  it is open or in progress and its due date is before today.
- A review is due when its date has come (on or before today): the "truly
  solved?" check once its date has come, else the follow-up review. It stays
  due while the post-mortem has open actions, and for ``REVIEW_GRACE_DAYS``
  after its date when all are closed (then it is taken as done).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pmtui.model.search import QueryError, owner_matches

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from typing import Any

OPEN_STATUSES = ("open", "in_progress")
STATUS_CHOICES = ("open", "in_progress", "done", "wont_do", "active", "closed")
STATUS_WORDS = {
    "open": "○ open",
    "in_progress": "◐ in progress",
    "done": "✓ done",
    "wont_do": "✗ won't do",
}
NO_OWNER = "(no owner)"
REVIEW_GRACE_DAYS = 14


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


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def tracked_actions(
    records: Iterable[tuple[str, dict[str, Any]]], today: date
) -> list[TrackedAction]:
    """Every action of every record, overdue first, then by due date."""
    items = []
    days: dict[object, date | None] = {None: None, "": None}
    for key, record in records:
        tags = tuple(str(t) for t in record.get("tags") or [])
        title = str(record.get("title") or "(untitled)")
        for a in record.get("actions") or []:
            raw = a.get("due") if isinstance(a.get("due"), str) else None
            due = days[raw] if raw in days else days.setdefault(raw, _day(raw))
            status = str(a.get("status") or "open")
            late = (today - due).days if due and status in OPEN_STATUSES else 0
            items.append(
                TrackedAction(
                    key,
                    title,
                    tags,
                    str(a.get("id") or ""),
                    str(a.get("text") or ""),
                    str(a.get("owner") or ""),
                    due,
                    str(a.get("priority") or ""),
                    str(a.get("type") or ""),
                    status,
                    str(a.get("link") or ""),
                    late if late > 0 else 0,
                )
            )
    items.sort(key=lambda t: (-t.days_late, t.due or date.max, t.key, t.id))
    return items


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


def filter_actions(
    items: Iterable[TrackedAction], flt: ActionFilter
) -> list[TrackedAction]:
    return [item for item in items if flt.keeps(item)]


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


# -- reviews ----------------------------------------------------------------------


class ReviewDue:
    """A review whose date has come: ``kind`` is "follow_up" or
    "solved_check"; ``days`` since its date (0 = today)."""

    __slots__ = ("days", "key", "kind", "on", "open_actions", "owner", "title")

    def __init__(
        self,
        key: str,
        title: str,
        kind: str,
        on: date,
        days: int,
        owner: str,
        open_actions: int,
    ) -> None:
        self.key = key
        self.title = title
        self.kind = kind
        self.on = on
        self.days = days
        self.owner = owner
        self.open_actions = open_actions

    def __repr__(self) -> str:
        return f"ReviewDue({self.key!r}, {self.kind!r}, {self.on})"

    @property
    def label(self) -> str:
        return "follow-up review" if self.kind == "follow_up" else "truly solved? check"


def reviews_due(
    records: Iterable[tuple[str, dict[str, Any]]], today: date
) -> list[ReviewDue]:
    """Post-mortems whose review date has come, the longest waiting first."""
    due = []
    for key, record in records:
        follow, solved = _day(record.get("follow_up")), _day(record.get("solved_check"))
        kind, when = "follow_up", follow
        if solved is not None and solved <= today:
            kind, when = "solved_check", solved
        if when is None or when > today:
            continue
        still_open = sum(
            1 for a in record.get("actions") or [] if a.get("status") in OPEN_STATUSES
        )
        days = (today - when).days
        if not still_open and days > REVIEW_GRACE_DAYS:
            continue
        due.append(
            ReviewDue(
                key=key,
                title=str(record.get("title") or "(untitled)"),
                kind=kind,
                on=when,
                days=days,
                owner=str(record.get("owner") or ""),
                open_actions=still_open,
            )
        )
    due.sort(key=lambda r: (-r.days, r.key))
    return due


def overdue_by_owner(
    items: Iterable[TrackedAction],
) -> list[tuple[str, list[TrackedAction]]]:
    """Overdue actions grouped by owner: most overdue actions first, then name;
    nobody's actions under ``NO_OWNER``, last."""
    groups: dict[str, list[TrackedAction]] = {}
    for item in items:
        if item.overdue:
            groups.setdefault(item.owner.strip() or NO_OWNER, []).append(item)
    return sorted(
        groups.items(), key=lambda g: (g[0] == NO_OWNER, -len(g[1]), g[0].lower())
    )
