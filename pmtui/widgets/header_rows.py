"""What the long tables share: rows under a one-line header that stays put,
one row with the cursor, and the keys and clicks that move it.

:class:`~pmtui.widgets.row_table.RowTable` (home, the tracker) and
:class:`~pmtui.widgets.timeline_table.TimelineTable` draw their own lines;
this base keeps the cursor in view as it moves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView


class HeaderRows(ScrollView, can_focus=True):
    """Line 0 is the header; row ``n`` is drawn on line ``n + 1``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,ctrl+home", "first", "First row", show=False),
        Binding("end,ctrl+end", "last", "Last row", show=False),
    ]

    # Rows come and go without moving anything else: a new scrollable size
    # needs the scroll bars updated, not the whole screen laid out again
    # (which costs more than drawing the table). Textual still lays out when
    # a scroll bar appears or goes.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    cursor_row = 0

    if TYPE_CHECKING:  # what each table defines

        @property
        def row_count(self) -> int: ...

        def _set_cursor(self, index: int, *, scroll: bool = True) -> None: ...

    def _scroll_to_cursor(self) -> None:
        rows_in_view = max(1, self.scrollable_content_region.height - 1)
        top = self.scroll_offset.y
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + rows_in_view:
            y = self.cursor_row - rows_in_view + 1
            self.scroll_to(y=y, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        self._set_cursor(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        page = max(1, self.scrollable_content_region.height - 2)
        self._set_cursor(self.cursor_row + step * page)

    def action_first(self) -> None:
        self._set_cursor(0)

    def action_last(self) -> None:
        self._set_cursor(self.row_count - 1)

    def _row_at(self, event: events.Click) -> int | None:
        """The row clicked, if a row was (not the header, not below)."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return None
        index = self.scroll_offset.y + offset.y - 1
        return index if index < self.row_count else None
