"""Reviews due: a post-mortem's follow-up review or "truly solved?" check
whose date has come. Pure; no datetime at import (the command line).

A review is due when its date has come (on or before today): the "truly
solved?" check once its date has come, else the follow-up review. It stays
due while the post-mortem has open actions, and for ``REVIEW_GRACE_DAYS``
after its date when all are closed (then it is taken as done).
"""

from __future__ import annotations

from pmtui.model.action_columns import OPEN_STATUSES, checked_day, day_number

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (fast CLI)
if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date
    from typing import Any

REVIEW_GRACE_DAYS = 14


class ReviewDue:
    """A review whose date has come: ``kind`` is "follow_up" or
    "solved_check"; ``on`` its day (``YYYY-MM-DD``); ``days`` since that
    day (0 = today)."""

    __slots__ = ("days", "key", "kind", "on", "open_actions", "owner", "title")

    def __init__(
        self,
        key: str,
        title: str,
        kind: str,
        on: str,
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
    rows = (
        (
            key,
            str(record.get("title") or ""),
            checked_day(str(record.get("follow_up") or "")),
            checked_day(str(record.get("solved_check") or "")),
            str(record.get("owner") or ""),
            sum(
                1
                for a in record.get("actions") or []
                if a.get("status") in OPEN_STATUSES
            ),
        )
        for key, record in records
    )
    return review_rows(rows, today.isoformat())


def review_rows(
    rows: Iterable[tuple[str, str, str, str, str, int]], today: str
) -> list[ReviewDue]:
    """:func:`reviews_due` from ``(key, title, follow_up, solved_check, owner,
    open actions)`` rows, days as ``YYYY-MM-DD`` or "", for the ISO day
    ``today``."""
    due = []
    for key, title, follow, solved, owner, still_open in rows:
        found = due_review(follow, solved, still_open, today)
        if found is not None:
            kind, when, days = found
            title = title or "(untitled)"
            due.append(ReviewDue(key, title, kind, when, days, owner, still_open))
    due.sort(key=lambda r: (-r.days, r.key))
    return due


def due_review(
    follow: str, solved: str, still_open: int, today: str
) -> tuple[str, str, int] | None:
    """``(kind, day, days since)`` of a post-mortem's review that is due on
    the ISO day ``today``, or None: from its follow-up and solved-check days
    (``YYYY-MM-DD`` or "") and how many of its actions are still open."""
    kind, when = "follow_up", follow
    if solved and solved <= today:
        kind, when = "solved_check", solved
    if not when or when > today:
        return None
    days = day_number(today) - day_number(when)
    if not still_open and days > REVIEW_GRACE_DAYS:
        return None
    return kind, when, days
