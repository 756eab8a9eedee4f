"""The tracker's table of actions and how one action reads in it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, overload

from textual.binding import Binding, BindingType

from pmtui.model.enums import ActionStatus
from pmtui.model.tracker import STATUS_WORDS, TrackedAction
from pmtui.widgets.row_table import Column, RowTable

# Action and Post-mortem share the spare width, three to two
COLUMNS = (
    Column("Due", 10),
    Column("Late", 7),
    Column("Status", 13),
    Column("Owner", 12),
    Column("Action", 20, grow=3),
    Column("Post-mortem", 12, grow=2),
)
# narrow terminals leave the post-mortem out: the action takes the room
NARROW_COLUMNS = COLUMNS[:-1]


class TrackerTable(RowTable):
    """The actions; its keys act on the highlighted action. Every action
    matched is listed: the table draws only the rows in view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "screen.mark_done", "Done", id="tracker_done"),
        Binding("w", "screen.mark_wont_do", "Won't do", id="tracker_wont_do"),
        Binding("enter", "screen.open_selected", "Open", id="tracker_open"),
        Binding("slash", "screen.focus_filter", "Filter", id="tracker_filter"),
    ]


class ActionRows(Sequence[tuple[str, ...]]):
    """The table's rows, each made when it is drawn: thousands of actions
    cost what a screenful does."""

    def __init__(self, items: Sequence[TrackedAction]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> tuple[str, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[str, ...]]: ...
    def __getitem__(
        self, index: int | slice
    ) -> tuple[str, ...] | Sequence[tuple[str, ...]]:
        if isinstance(index, slice):
            return [cells(item) for item in self.items[index]]
        return cells(self.items[index])


class RowKeys(Sequence[str]):
    """The rows' keys (post-mortem#action), each made when asked for."""

    def __init__(self, items: Sequence[TrackedAction]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [f"{i.key}#{i.id}" for i in self.items[index]]
        item = self.items[index]
        return f"{item.key}#{item.id}"


def closed(item: TrackedAction, status: ActionStatus) -> TrackedAction:
    return TrackedAction(
        item.key,
        item.title,
        item.tags,
        item.id,
        item.text,
        item.owner,
        item.due,
        item.priority,
        item.type,
        status.value,
        item.link,
        0,
    )


def cells(item: TrackedAction) -> tuple[str, ...]:
    """The row's cells (plain text: the table never reads markup)."""
    return (
        item.due.isoformat() if item.due else "—",
        f"⚠ {item.days_late}d" if item.overdue else "",
        STATUS_WORDS.get(item.status, item.status),
        item.owner or "(no owner)",
        " ".join(item.text.split()),
        " ".join(item.title.split()),
    )
