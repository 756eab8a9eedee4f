"""The timeline table: one row per event in time order, and gap rows.

A Line API widget: it draws only the rows in view, asking the
:class:`~pmtui.model.timeline_view.TimelineView` for row ``n`` as it draws
it, so 100,000 events cost what 30 do. A change to the timeline is one
:meth:`TimelineTable.show` (nothing per row); the cursor stays on its row.

Keys are bound here, on the table, so they never take letters from the
quick-add line: enter edits, delete deletes, k / shift+k changes the kind,
m / shift+m steps through the key moments no other event holds, 1-4 mark
impact began / detected / mitigated / resolved (moving the mark here; the same
digit again clears it), 0 clears, escape goes back to the quick-add line.
up / down / page up / page down / home / end move the cursor.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.strip import Strip

from pmtui.model.timeline_rules import Row, row_key
from pmtui.model.timeline_view import TimelineView
from pmtui.widgets.header_rows import HeaderRows
from pmtui.widgets.timeline_cells import (
    PAD,
    Cell,
    Column,
    TimeStyle,
    cells,
    columns,
    row_strip,
    time_width,
)
from pmtui.widgets.timeline_paint import PaintWaiters


class TimelineTable(HeaderRows):
    """Events and gap rows. Messages go up; the screen changes the model."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline-table--header",
        "timeline-table--cursor",
        "timeline-table--even-row",
        "timeline-table--odd-row",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit", "Edit", id="tl_edit"),
        Binding("delete", "delete", "Delete", id="tl_delete"),
        Binding("k", "kind(1)", "Kind", id="tl_kind"),
        Binding("K", "kind(-1)", "Kind back", show=False),
        Binding("m", "key(1)", "Key moment", id="tl_key"),
        Binding("M", "key(-1)", "Key moment back", show=False),
        Binding("1", "set_key(1)", "Impact began", show=False),
        Binding("2", "set_key(2)", "Detected", show=False),
        Binding("3", "set_key(3)", "Mitigated", show=False),
        Binding("4", "set_key(4)", "Resolved", show=False),
        Binding("0", "set_key(0)", "No key moment", show=False),
        Binding("escape", "back_to_add", "Add line", id="tl_back"),
    ]

    class EventAction(Message):
        """Something was asked of one event (or gap) row."""

        def __init__(self, key: str, step: int = 1) -> None:
            super().__init__()
            self.key = key
            self.step = step

    class EditRequested(EventAction):
        pass

    class DeleteRequested(EventAction):
        pass

    class KindRequested(EventAction):
        pass

    class KeyRequested(EventAction):
        """``step`` moves through the free moments (m, shift+m)."""

    class KeySet(EventAction):
        """``step`` is 1-4 (impact began .. resolved; moves the mark) or 0."""

    class AddRequested(Message):
        """Back to the quick-add line."""

    class RowHighlighted(Message):
        """The cursor is on another row (``key`` None: the table is empty)."""

        def __init__(self, key: str | None) -> None:
            super().__init__()
            self.key = key

    def __init__(self, view: TimelineView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self.time_style = TimeStyle("UTC", None, "UTC")
        self.cursor_row = 0
        self._cursor_key: str | None = None
        self._columns: list[Column] = []
        self._time_width = 5
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(400)
        self._base = Style()
        self._paint = (Offset(0, 0), 0)  # the scroll offset and width, per paint
        self.after_paint = PaintWaiters(self)

    # -- layout ---------------------------------------------------------------

    def _layout(self) -> None:
        """Columns for the current width and rows; the scrollable size."""
        width = self.size.width or 80
        self._columns = columns(width, self._time_width, self.time_style.header)
        table_width = sum(w + 2 * PAD for _, _, w in self._columns)
        self.virtual_size = Size(table_width, len(self.view) + 1)  # the header
        self._scroll_update(self.virtual_size)
        self._lines.clear()

    def on_resize(self) -> None:
        self._layout()
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()  # focus changed the cursor's colours, or a theme

    # -- rendering ------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.view)

    def show(self, style: TimeStyle) -> None:
        """The timeline changed (or its day): draw it again, cursor kept.

        Costs the same for 3 events or 100,000: nothing is done per row.
        """
        self.time_style = style
        self._time_width = time_width(style, self.view.events)
        self._layout()
        index = self.view.index_of(self._cursor_key) if self._cursor_key else None
        self._set_cursor(self.cursor_row if index is None else index, scroll=False)
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        # once per paint, not once per line (the size is looked up through
        # the screen's layout each time it is asked for)
        self._base = self.rich_style
        self._paint = (self.scroll_offset, self.size.width)
        self.after_paint.painted()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        (scroll_x, scroll_y), width = self._paint
        base = self._base
        if y == 0:
            strip = self._header()
        elif scroll_y + y - 1 < len(self.view):
            strip = self._row_strip(scroll_y + y - 1)
        else:
            return Strip.blank(width, base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _header(self) -> Strip:
        width = self._paint[1]
        key = ("header", width)
        strip = self._lines.get(key)
        if strip is None:
            style = self._base + self.get_component_rich_style("timeline-table--header")
            headers = {k: Cell(h) for k, h, _ in self._columns}
            strip = row_strip(headers, self._columns, style, width)
            self._lines[key] = strip
        return strip

    def _row_strip(self, index: int) -> Strip:
        row = self.view.row(index)
        cursor = index == self.cursor_row
        width = self._paint[1]
        key = (row_key(row), index % 2, cursor, width)
        strip = self._lines.get(key)
        if strip is None:
            zebra = "even" if index % 2 == 0 else "odd"
            style = self._base + self.get_component_rich_style(
                f"timeline-table--{zebra}-row"
            )
            if cursor:  # the cells set no colour: the cursor's shows
                style += self.get_component_rich_style("timeline-table--cursor")
            values = cells(row, self.time_style)
            strip = row_strip(values, self._columns, style, width)
            self._lines[key] = strip
        return strip

    # -- the cursor -----------------------------------------------------------

    def current_key(self) -> str | None:
        return self._cursor_key

    def current_row(self) -> Row | None:
        if not 0 <= self.cursor_row < len(self.view):
            return None
        return self.view.row(self.cursor_row)

    def select_key(self, key: str, *, scroll: bool = True) -> None:
        index = self.view.index_of(key)
        if index is not None:
            self._set_cursor(index, scroll=scroll)

    def _set_cursor(self, index: int, *, scroll: bool = True) -> None:
        count = len(self.view)
        index = max(0, min(index, count - 1))
        old_key, old_row = self._cursor_key, self.cursor_row
        row = self.view.row(index) if count else None
        self.cursor_row = index
        self._cursor_key = row_key(row) if row is not None else None
        if scroll:
            self._scroll_to_cursor()
        if (old_row, old_key) != (index, self._cursor_key):
            self.refresh_lines(old_row + 1)
            self.refresh_lines(index + 1)
        if old_key != self._cursor_key:
            self.post_message(self.RowHighlighted(self._cursor_key))

    def on_click(self, event: events.Click) -> None:
        index = self._row_at(event)
        if index is not None:
            self._set_cursor(index)

    # -- keys -----------------------------------------------------------------

    def _ask(self, message: type[EventAction], step: int = 1) -> None:
        key = self.current_key()
        if key is not None:
            self.post_message(message(key, step))

    def action_edit(self) -> None:
        self._ask(self.EditRequested)

    def action_delete(self) -> None:
        self._ask(self.DeleteRequested)

    def action_kind(self, step: int) -> None:
        self._ask(self.KindRequested, step)

    def action_key(self, step: int) -> None:
        self._ask(self.KeyRequested, step)

    def action_set_key(self, number: int) -> None:
        self._ask(self.KeySet, number)

    def action_back_to_add(self) -> None:
        self.post_message(self.AddRequested())
