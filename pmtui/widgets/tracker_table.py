"""The tracker's table of actions and how one action reads in it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from pmtui.model.enums import ActionStatus
from pmtui.model.tracker import STATUS_WORDS, TrackedAction

# label, key, least width: Action and Post-mortem share the spare width
COLUMNS = (
    ("Due", "due", 10),
    ("Late", "late", 7),
    ("Status", "status", 13),
    ("Owner", "owner", 12),
    ("Action", "text", 20),
    ("Post-mortem", "title", 12),
)


class TrackerTable(DataTable[str]):
    """The actions; its keys act on the highlighted action."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "screen.mark_done", "Done", id="tracker_done"),
        Binding("w", "screen.mark_wont_do", "Won't do", id="tracker_wont_do"),
        Binding("enter", "screen.open_selected", "Open", id="tracker_open"),
        Binding("slash", "screen.focus_filter", "Filter", id="tracker_filter"),
    ]


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


def cells(item: TrackedAction) -> tuple[Text, ...]:
    """The row's cells as plain Text: user text is never read as markup."""
    return tuple(map(Text, _cell_strings(item)))


def _cell_strings(item: TrackedAction) -> tuple[str, ...]:
    return (
        item.due.isoformat() if item.due else "—",
        f"⚠ {item.days_late}d" if item.overdue else "",
        STATUS_WORDS.get(item.status, item.status),
        item.owner or "(no owner)",
        " ".join(item.text.split()),
        " ".join(item.title.split()),
    )
