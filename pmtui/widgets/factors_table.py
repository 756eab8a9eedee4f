"""The list of contributing factors: one row each, text wrapped in its cell.

Its keys act on the factor under the cursor; it asks the panel around it to
do so with an :class:`FactorsTable.Act` message.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from pmtui.model.factors import actions_addressing, why_link_label
from pmtui.model.session import PostMortem

COLUMNS = (
    ("Category", "category"),
    ("Factor", "text"),
    ("Linked why", "why"),
    ("Action", "action"),
)


def column_widths(width: int) -> tuple[int, int, int, int]:
    """Category, factor, linked why, action: the factor takes what is left."""
    category = 16 if width < 100 else 22
    why = 18 if width < 100 else 28
    action = 7
    gaps = 2 * len(COLUMNS)  # cell padding
    return category, max(width - category - why - action - gaps - 1, 16), why, action


class FactorsTable(DataTable[Text]):
    """The factor list; ``show(pm)`` re-renders it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Edit"),
        Binding("c", "act('cycle_category')", "Category"),
        Binding("a", "act('make_action')", "Make action"),
        Binding("delete", "act('delete_factor')", "Delete"),
        Binding("v", "screen.toggle_factor_view", "Fishbone"),
    ]

    class Act(Message):
        """Do ``name`` (a FactorsPanel method) to the factor under the cursor."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    drawn_width = 0

    def action_act(self, name: str) -> None:
        self.post_message(self.Act(name))

    @property
    def selected_id(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return str(key.value)

    def show(self, pm: PostMortem, cursor: str | None) -> None:
        causes = pm.causes
        self.clear(columns=True)
        self.drawn_width = self.size.width
        widths = column_widths(self.drawn_width)
        for (title, key), width in zip(COLUMNS, widths, strict=True):
            self.add_column(title, key=key, width=width)
        for factor in causes.factors:
            actions = actions_addressing(pm, factor.id)
            self.add_row(
                Text(factor.category.label),
                Text(factor.text),
                Text(why_link_label(causes.whys, factor.why_id) or "—"),
                Text(f"→ {actions[0].id}" if actions else "—"),
                key=factor.id,
                height=None,
            )
        if cursor is not None and cursor in {f.id for f in causes.factors}:
            self.move_cursor(row=self.get_row_index(cursor))
