"""Who does what by when: the actions grouped by owner, to read out loud.

Each owner's name, then their actions by due date: a status symbol, when
it is due (⚠ before an overdue or missing date, and "overdue" in words after
the action), the priority and the action. Won't-do actions are left out;
nobody does them.
"""

from __future__ import annotations

from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from pmtui.model.enums import ActionStatus
from pmtui.model.next_steps import due_text, group_by_owner, is_overdue
from pmtui.model.session import Action

_MARKS = {
    ActionStatus.OPEN: "○",
    ActionStatus.IN_PROGRESS: "◐",
    ActionStatus.DONE: "✓",
    ActionStatus.WONT_DO: "✗",
}

EMPTY = (
    "No actions yet. Add them at Actions (F7), or turn an improvement into "
    "one: press a on it at Went well / Improve (F6)."
)


def board(actions: list[Action], today: date) -> RenderableType:
    """The grouped actions as one table (or a sentence when there are none)."""
    groups = group_by_owner(actions)
    if not groups:
        return Text(EMPTY, style="italic")
    dues = {a.id: due_text(a, today) for g in groups for a in g.actions}
    due_width = max(len(due) for due in dues.values())
    parts: list[RenderableType] = []
    for n, group in enumerate(groups):
        count = len(group.actions)
        heading = Text("\n" if n else "")
        heading.append(f"▸ {group.label}", "bold" if group.owner else "bold italic")
        heading.append(f" · {count} action{'s' if count != 1 else ''}", "dim")
        parts.append(heading)
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True, min_width=due_width)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        for action in group.actions:
            text = Text(action.text)
            if action.status is not ActionStatus.OPEN:
                text.append(f" ({action.status.label})", style="italic")
            if is_overdue(action, today):
                text.append("  ⚠ overdue", style="bold")
            warn = is_overdue(action, today) or action.due is None
            table.add_row(
                f"  {_MARKS[action.status]}",
                Text(dues[action.id], style="bold" if warn else ""),
                action.priority.value,
                text,
            )
        parts.append(table)
    return Group(*parts)


class OwnerBoard(Static, can_focus=True):
    """The grouped actions; focusable so the screen can open on it."""

    def show(self, actions: list[Action], today: date) -> None:
        self.update(board(actions, today))
