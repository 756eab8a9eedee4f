"""The tracker's actions as a sequence whose items are made when first read.

The tracker lists thousands of actions, a screenful at a time: it needs
objects only for the rows it draws and the ones a filter looks at. Made from
the actions as columns (every field, in the tracker's order: see
:mod:`pmtui.model.action_columns`) and each post-mortem's ``(key, title,
tags)`` by the columns' ``post``, as the lean cache has them; the items are
those :func:`pmtui.model.tracker.tracked_actions` lists for the records.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import overload

from pmtui.model.action_columns import ActionColumns, listing
from pmtui.model.tracker import TrackedAction


class TrackedList(Sequence["TrackedAction"]):
    """Every action in the tracker's order (overdue first), each made when it
    is first read: the tracker shows thousands of actions, a screenful at a
    time, and needs objects only for those it shows or filters."""

    def __init__(
        self,
        c: ActionColumns,
        posts: Sequence[tuple[str, str, Sequence[str]]],
        today: date,
    ) -> None:
        self._c = c
        self._order, self._late = listing(c, today.isoformat())
        self._posts = posts
        self._named: dict[int, tuple[str, str, tuple[str, ...]]] = {}
        self._days: dict[str, date] = {}
        self._made: dict[int, TrackedAction] = {}

    def __len__(self) -> int:
        return len(self._order)

    @property
    def overdue_count(self) -> int:
        """How many are overdue (they come first), without making any."""
        return len(self._late)

    @overload
    def __getitem__(self, n: int) -> TrackedAction: ...
    @overload
    def __getitem__(self, n: slice) -> list[TrackedAction]: ...
    def __getitem__(self, n: int | slice) -> TrackedAction | list[TrackedAction]:
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        if n < 0:
            n += len(self)
        made = self._made.get(n)
        if made is None:
            made = self._made[n] = self._make(n)
        return made

    def _make(self, n: int) -> TrackedAction:
        c, i = self._c, self._order[n]
        post = int(c.post[i])
        named = self._named.get(post)
        if named is None:
            key, title, tags = self._posts[post]
            named = self._named[post] = (key, title or "(untitled)", tuple(tags))
        due = c.due[i]
        day = self._days.get(due) if due else None
        if due and day is None:
            day = self._days[due] = date.fromisoformat(due)
        late = self._late[n] if n < len(self._late) else 0
        return TrackedAction(
            *named,
            c.id[i],
            c.text[i],
            c.owner[i],
            day,
            c.priority[i],
            c.type[i],
            c.status[i],
            c.link[i],
            late,
        )
