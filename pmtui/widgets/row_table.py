"""A table of plain-text rows that draws only the rows in view.

Home lists every post-mortem of the archive and the tracker every action:
thousands of rows. Textual's ``DataTable`` does work per row when rows are
added and measures them all to lay itself out; this Line API widget keeps the
rows as given (tuples of ``str``) and builds a line when it is drawn, so a
thousand rows cost what thirty do. Cells are plain text, never Rich markup
(a title such as ``[/x] retry storm`` is shown as typed).

Columns have a least width and a share of the width left over (``grow``);
they are laid out again when the table's width changes. The header stays on
the first line; the cursor is a whole row, kept on the same row key when the
rows change. up / down / page up / page down / home / end move it; enter (or
a click on the highlighted row) posts :class:`RowTable.Selected`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from pmtui.widgets.header_rows import HeaderRows

PAD = 1  # blank cells each side of a cell
_CONTROLS = dict.fromkeys(range(32), " ")  # a tab or newline would break a line


class Column(NamedTuple):
    """``width`` is the least width; ``grow`` the column's share of the
    width left over (0: fixed)."""

    header: str
    width: int
    grow: int = 0


def fit(text: str, size: int) -> str:
    """``text`` on one line in exactly ``size`` cells: padded, or cut with ``…``."""
    text = text.translate(_CONTROLS)
    if cell_len(text) <= size:
        return set_cell_size(text, size)
    if size > 1:
        return set_cell_size(set_cell_size(text, size - 1) + "…", size)
    return set_cell_size(text, size)


def widths(columns: Sequence[Column], room: int) -> list[int]:
    """Each column's width in a table ``room`` cells wide (padding apart)."""
    spare = room - sum(c.width + 2 * PAD for c in columns)
    shares = sum(c.grow for c in columns)
    if spare <= 0 or not shares:
        return [c.width for c in columns]
    out, given = [], 0
    for column in columns:
        extra = spare * column.grow // shares
        given += extra
        out.append(column.width + extra)
    growing = [n for n, c in enumerate(columns) if c.grow]
    out[growing[0]] += spare - given  # what rounding left over
    return out


class RowTable(HeaderRows):
    """Rows of plain text under a header; one row has the cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-table--header",
        "row-table--cursor",
        "row-table--even-row",
        "row-table--odd-row",
    }
    BINDINGS: ClassVar[list[BindingType]] = [  # and HeaderRows' moves
        Binding("enter", "select", "Select", show=False),
    ]

    class _RowMessage(Message):
        def __init__(self, table: RowTable, index: int, key: str | None) -> None:
            super().__init__()
            self.table = table
            self.index = index
            self.key = key

        @property
        def control(self) -> RowTable:
            return self.table

    class Highlighted(_RowMessage):
        """The cursor moved to another row (``key`` None: no rows)."""

    class Selected(_RowMessage):
        """Enter, or a click on the highlighted row."""

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = list(columns)
        self.rows: Sequence[Sequence[str]] = ()
        self.keys: Sequence[str] = ()
        self.cursor_row = 0
        self._widths: list[int] = [c.width for c in self.columns]
        self._lines: dict[tuple[int, bool], Strip] = {}
        self._header: Strip | None = None
        self._base = Style()

    # -- data ---------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def current_key(self) -> str | None:
        """The key of the row with the cursor; None when there are no rows."""
        return self.keys[self.cursor_row] if self.rows else None

    def get_row_at(self, index: int) -> Sequence[str]:
        return self.rows[index]

    def get_row_index(self, key: str) -> int:
        """The row named ``key``; ValueError when there is none."""
        return list(self.keys).index(key)

    def get_row(self, key: str) -> Sequence[str]:
        return self.rows[self.get_row_index(key)]

    def show(
        self,
        rows: Sequence[Sequence[str]],
        keys: Sequence[str],
        columns: Sequence[Column] | None = None,
    ) -> None:
        """Show these rows (``keys[n]`` names ``rows[n]``); the cursor stays
        on its row's key when it is still there, else on the same line."""
        if len(rows) != len(keys):
            raise ValueError(f"{len(rows)} rows but {len(keys)} keys")
        old_key = self.current_key
        if columns is not None:
            self.columns = list(columns)
        self.rows, self.keys = rows, keys
        index = self.cursor_row
        if old_key is not None and (index >= len(keys) or keys[index] != old_key):
            with contextlib.suppress(ValueError):
                index = list(keys).index(old_key)
        self._layout()
        self.cursor_row = -1  # so the Highlighted message goes out
        self._set_cursor(index)

    # -- layout -------------------------------------------------------------

    def _layout(self) -> None:
        """Column widths for the table's width; the scrollable size. Nothing
        is done per row."""
        room = self.size.width
        if len(self.rows) + 1 > self.size.height:
            room -= self.styles.scrollbar_size_vertical
        self._widths = widths(self.columns, room)
        used = sum(w + 2 * PAD for w in self._widths)
        self.virtual_size = Size(max(used, room), len(self.rows) + 1)
        self._lines.clear()
        self._header = None
        self.refresh()

    def on_resize(self) -> None:
        self._layout()
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()  # focus changed the cursor's colours, or a theme
        self._header = None

    # -- drawing ------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base = self.rich_style  # once per paint, not once per line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if y == 0:
            strip = self._header_strip()
        elif scroll_y + y - 1 < len(self.rows):
            strip = self._row_strip(scroll_y + y - 1)
        else:
            return Strip.blank(width, self._base)
        return strip.crop_extend(scroll_x, scroll_x + width, self._base)

    def _header_strip(self) -> Strip:
        if self._header is None:
            style = self._base + self.get_component_rich_style("row-table--header")
            self._header = self._strip([c.header for c in self.columns], style)
        return self._header

    def _row_strip(self, index: int) -> Strip:
        cursor = index == self.cursor_row
        strip = self._lines.get((index, cursor))
        if strip is None:
            zebra = "even" if index % 2 == 0 else "odd"
            style = self._base + self.get_component_rich_style(
                f"row-table--{zebra}-row"
            )
            if cursor:
                style += self.get_component_rich_style("row-table--cursor")
            strip = self._strip(self.rows[index], style)
            if len(self._lines) > 500:
                self._lines.clear()
            self._lines[index, cursor] = strip
        return strip

    def _strip(self, cells: Sequence[str], style: Style) -> Strip:
        pad = " " * PAD
        text = "".join(
            f"{pad}{fit(cell, size)}{pad}"
            for cell, size in zip(cells, self._widths, strict=False)
        )
        used = sum(w + 2 * PAD for w in self._widths)
        width = max(used, self.virtual_size.width)
        return Strip([Segment(text.ljust(len(text) + width - used), style)], width)

    # -- the cursor ---------------------------------------------------------

    def move_cursor(self, row: int) -> None:
        self._set_cursor(row)

    def _set_cursor(self, index: int, *, scroll: bool = True) -> None:
        index = max(0, min(index, len(self.rows) - 1))
        old = self.cursor_row
        self.cursor_row = index
        if scroll:
            self._scroll_to_cursor()
        if old != index:
            self.refresh_lines(old + 1)  # line 0 is the header
            self.refresh_lines(index + 1)
            self.post_message(self.Highlighted(self, index, self.current_key))

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self, self.cursor_row, self.current_key))

    def on_click(self, event: events.Click) -> None:
        index = self._row_at(event)
        if index is None:
            return
        if index == self.cursor_row:
            self.action_select()
        else:
            self._set_cursor(index)
