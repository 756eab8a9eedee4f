"""The table of action items: one row per action, hints under its text.

Columns follow the width: the essentials (action, owner, due, priority,
status) always; type and what it addresses from 100 columns; the tracker link
from 160. The detail line under the table shows everything about the row under
the cursor, and f edits any field, so nothing is lost on a small terminal.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from pmtui.model.actions import Hint, action_hints
from pmtui.model.enums import ActionStatus
from pmtui.model.lookup import describe_target
from pmtui.model.session import Action, PostMortem
from pmtui.timeparse import format_due

STATUS_SYMBOLS = {
    ActionStatus.OPEN: "○",
    ActionStatus.IN_PROGRESS: "◐",
    ActionStatus.DONE: "✓",
    ActionStatus.WONT_DO: "✗",
}
HINT_SYMBOL = "⚑"

# key, header, fixed width (None: shares what is left)
_ESSENTIAL: list[tuple[str, str, int | None]] = [
    ("text", "Action", None),
    ("owner", "Owner", 12),
    ("due", "Due", 10),
    ("priority", "Pri", 3),
    ("status", "Status", 13),
]
_TYPE = ("type", "Type", 8)
_ADDRESSES = ("addresses", "Addresses", None)
_LINK = ("link", "Tracker link", 34)
FIELDS: list[tuple[str, str]] = [
    ("text", "Action"),
    ("owner", "Owner"),
    ("due", "Due date"),
    ("priority", "Priority"),
    ("type", "Type"),
    ("status", "Status"),
    ("addresses", "What it addresses"),
    ("link", "Tracker link"),
]
"""Every field of an action, as the f key offers them, whatever the width."""


def status_text(status: ActionStatus) -> str:
    return f"{STATUS_SYMBOLS[status]} {status.label}"


def hint_text(hints: list[Hint]) -> str:
    return f"{HINT_SYMBOL} " + ", ".join(h.label for h in hints) if hints else ""


def _cell(text: str, style: str = "") -> Text:
    return Text(text, style=style, no_wrap=True, overflow="ellipsis", end="")


class ActionsTable(DataTable[Text]):
    """Actions of one post-mortem. Enter edits the cell under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Edit", id="edit_cell"),
        Binding("s", "status", "Status", id="action_status"),
        Binding("f", "fields", "Any field", id="action_fields"),
        Binding("delete", "delete", "Delete", id="delete_action"),
        Binding("escape", "back_to_add", "New", id="back_to_add"),
    ]

    class DeleteRequested(Message):
        def __init__(self, action_id: str) -> None:
            super().__init__()
            self.action_id = action_id

    class StatusRequested(Message):
        def __init__(self, action_id: str) -> None:
            super().__init__()
            self.action_id = action_id

    class FieldsRequested(Message):
        """Choose any field to edit, shown as a column at this width or not."""

        def __init__(self, action_id: str) -> None:
            super().__init__()
            self.action_id = action_id

    class AddRequested(Message):
        """Back to the add line."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)

    # -- rendering ----------------------------------------------------------

    def columns_for(self, width: int) -> list[tuple[str, str, int]]:
        chosen: list[tuple[str, str, int | None]] = list(_ESSENTIAL)
        if width >= 100:
            chosen = [*_ESSENTIAL[:4], _TYPE, _ESSENTIAL[4], _ADDRESSES]
        if width >= 160:
            chosen.append(_LINK)
        fixed = sum(w for _, _, w in chosen if w) + 2 * len(chosen) + 2
        flexible = [key for key, _, w in chosen if w is None]
        spare = max(20 * len(flexible), width - fixed)
        shares = {"text": spare, "addresses": 0}
        if "addresses" in flexible:
            shares = {"text": spare * 2 // 3, "addresses": spare - spare * 2 // 3}
        return [(key, label, w or shares[key]) for key, label, w in chosen]

    def show(self, pm: PostMortem, today: date, width: int) -> None:
        """Re-render every row; the cursor stays on the same action if it can."""
        keep = self.current_action_id(pm)
        row, column = self.cursor_coordinate
        self.clear(columns=True)
        for key, label, size in self.columns_for(width):
            self.add_column(label, key=key, width=size)
        for action in pm.actions:
            hints = action_hints(action, today=today)
            self.add_row(
                *self._cells(pm, action, hints, today),
                key=action.id,
                height=2 if hints else 1,
            )
        if keep is not None:
            row = next((i for i, a in enumerate(pm.actions) if a.id == keep), row)
        if pm.actions:
            self.move_cursor(row=min(row, len(pm.actions) - 1), column=column)

    def _cells(
        self, pm: PostMortem, action: Action, hints: list[Hint], today: date
    ) -> list[Text]:
        closed = "dim" if action.status.is_closed else ""
        text = _cell(action.text, closed)
        if hints:
            text.append("\n")
            text.append(hint_text(hints), style="bold")
        values = {
            "text": text,
            "owner": _cell(action.owner or "—", closed),
            "due": _cell(
                format_due(action.due, today=today) if action.due else "—", closed
            ),
            "priority": _cell(action.priority.value, closed),
            "type": _cell(action.type.label, closed),
            "status": _cell(status_text(action.status)),
            "addresses": _cell(describe_target(pm, action.addresses) or "—", closed),
            "link": _cell(action.link or "—", closed),
        }
        return [values[str(column.key.value)] for column in self.ordered_columns]

    # -- which action is where ------------------------------------------------

    def current_action_id(self, pm: PostMortem) -> str | None:
        if not self.row_count:
            return None
        row = self.cursor_coordinate.row
        return pm.actions[row].id if 0 <= row < len(pm.actions) else None

    def column_key_at_cursor(self) -> str:
        columns = self.ordered_columns
        index = self.cursor_coordinate.column
        return str(columns[index].key.value) if 0 <= index < len(columns) else "text"

    # -- keys -----------------------------------------------------------------

    def _row_key(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return str(key) if key is not None else None

    def action_delete(self) -> None:
        if (key := self._row_key()) is not None:
            self.post_message(self.DeleteRequested(key))

    def action_status(self) -> None:
        if (key := self._row_key()) is not None:
            self.post_message(self.StatusRequested(key))

    def action_fields(self) -> None:
        if (key := self._row_key()) is not None:
            self.post_message(self.FieldsRequested(key))

    def action_back_to_add(self) -> None:
        self.post_message(self.AddRequested())
