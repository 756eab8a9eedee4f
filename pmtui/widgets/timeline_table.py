"""The timeline table: one row per event in time order, and gap rows.

Keys are bound here, on the table, so they never take letters from the
quick-add line: enter edits, delete deletes, k / shift+k changes the kind,
m / shift+m steps through the key moments no other event holds, 1-4 mark
impact began / detected / mitigated / resolved (moving the mark here; the same
digit again clears it), 0 clears, escape goes back to the quick-add line.

Updates are incremental: :meth:`TimelineTable.sync` adds and removes only the
rows that changed and re-orders the rest (the order comes from the model), so
adding one event to 500 does not rebuild 500 rows.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

import pendulum
from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import DataTable

from pmtui.model.enums import KeyMoment
from pmtui.model.session import Event, PostMortem
from pmtui.model.timeline_rules import Gap, Row, reference_date, row_key
from pmtui.timeparse import format_time

KEY_MARKERS: dict[KeyMoment, str] = {
    KeyMoment.IMPACT_BEGAN: "▶ impact began",
    KeyMoment.DETECTED: "◉ detected",
    KeyMoment.MITIGATED: "◐ mitigated",
    KeyMoment.RESOLVED: "✓ resolved",
}
SOURCE_FROM = 110  # table width from which the source column is shown
CHUNK = 500  # rows added per turn of the event loop when filling


def key_marker(key: KeyMoment | None) -> str:
    return KEY_MARKERS[key] if key is not None else ""


class _TimeCell(Text):
    """The time cell also carries its row's key, so rows can be re-ordered."""

    row_key: str = ""


@dataclass(frozen=True)
class TimeStyle:
    """How times are shown: the zone, and the day that needs no date."""

    tz: str
    day: date | None
    zone: str  # the zone's abbreviation on ``day`` (shown in the header)

    def cell(self, event: Event) -> str:
        text = format_time(event.at, self.tz, with_utc=False, ref_date=self.day)
        head, _, zone = text.rpartition(" ")
        return head if zone == self.zone else text


def time_style(pm: PostMortem, now: datetime) -> TimeStyle:
    """Times on the incident's day show without a date; the zone is in the header."""
    tz = pm.timezone
    if not pm.timeline:
        return TimeStyle(tz, None, tz)
    day = reference_date(pm, now)
    noon = pendulum.datetime(day.year, day.month, day.day, 12, tz=tz)
    return TimeStyle(tz, day, format_time(noon, tz, with_utc=False).rsplit(" ")[-1])


class DetailLine(Widget):
    """Everything about the row under the cursor, unclipped, under the table.

    A fixed height (in the stylesheet), so a new text repaints this line alone.
    """

    text: Reactive[str] = Reactive("")

    def render(self) -> Text:
        return Text(self.text)


def describe_row(row: Row | None, tz: str) -> str:
    """The detail line under the table: everything about the row, unclipped."""
    if row is None:
        return "No events yet: type the first one above, with its day (18 Nov 09:04 …)."
    if isinstance(row, Gap):
        return f"{row.describe()}: what happened here? Enter adds one after it."
    when = format_time(row.at, tz)
    parts = [when, row.kind.label, row.text, row.source, key_marker(row.key)]
    return " · ".join(p for p in parts if p)


def _text(value: str, style: str = "") -> Text:
    return Text(value, style=style, no_wrap=True, overflow="ellipsis", end="")


class TimelineTable(DataTable[Text]):
    """Events and gap rows. Messages go up; the screen changes the model."""

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

    class Filled(Message):
        """A long timeline is being filled in: ``done`` of ``total`` rows."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_by_key: dict[str, Row] = {}
        self.time_style = TimeStyle("UTC", None, "UTC")
        self.layout_width = 0
        self.filling = False

    # -- columns --------------------------------------------------------------

    def columns_for(self, width: int) -> list[tuple[str, str, int]]:
        """(key, header, width) for a table ``width`` columns wide."""
        header = f"Time ({self.time_style.zone})" if self.time_style.day else "Time"
        kind = 15 if width >= 82 else 13
        chosen = [("time", header, max(5, len(header))), ("kind", "Kind", kind)]
        chosen.append(("text", "What happened", 0))
        if width >= SOURCE_FROM:
            chosen.append(("source", "Source", 18))
        chosen.append(("key", "Key moment", 14))
        used = sum(w + 2 for _, _, w in chosen) + 2 + 2  # padding, scrollbar
        text = max(16, width - used)
        return [(k, h, w or text) for k, h, w in chosen]

    # -- rendering ------------------------------------------------------------

    def show(self, rows: list[Row], style: TimeStyle, width: int) -> None:
        """Rebuild everything (first show, undo, an import, a new day, a resize).

        The first rows go in at once; a long timeline (an imported log) is
        filled in the background, a chunk per turn, so the screen stays live.
        """
        keep = self.current_key()
        self.time_style = style
        self.layout_width = width
        self.clear(columns=True)
        for key, header, size in self.columns_for(width):
            self.add_column(header, key=key, width=size)
        self.rows_by_key = {}
        for row in rows[:CHUNK]:
            self._add(row)
        self.filling = len(rows) > CHUNK
        if self.filling:
            self._fill(rows[CHUNK:], keep)
        elif keep is not None:
            self.select_key(keep, scroll=True)

    @work(exclusive=True, group="timeline-fill")
    async def _fill(self, rows: list[Row], keep: str | None) -> None:
        total = len(rows) + CHUNK
        for start in range(0, len(rows), CHUNK):
            await asyncio.sleep(0)  # let keys and repaints through
            for row in rows[start : start + CHUNK]:
                self._add(row)
            self.post_message(self.Filled(min(total, start + 2 * CHUNK), total))
        self.filling = False
        if keep is not None:
            self.select_key(keep, scroll=True)

    def sync(self, rows: list[Row], changed: set[str]) -> None:
        """Bring the table to ``rows``: add, remove and update what changed."""
        if self.filling:  # still filling: start again from the new rows
            self.show(rows, self.time_style, self.layout_width)
            return
        wanted = {row_key(r): r for r in rows}
        for key in [k for k in self.rows_by_key if k not in wanted]:
            self.remove_row(key)
            del self.rows_by_key[key]
        for key, row in wanted.items():
            if key not in self.rows_by_key:
                self._add(row)
            elif key in changed:
                self.rows_by_key[key] = row
                cells = zip(self._column_keys(), self._cells(row), strict=True)
                for column, cell in cells:
                    self.update_cell(key, column, cell)
        order = {key: index for index, key in enumerate(wanted)}
        self.sort("time", key=lambda cell: order[cell.row_key])

    def _column_keys(self) -> list[str]:
        return [str(column.key.value) for column in self.ordered_columns]

    def _add(self, row: Row) -> None:
        key = row_key(row)
        self.rows_by_key[key] = row
        self.add_row(*self._cells(row), key=key)

    def _cells(self, row: Row) -> list[Text]:
        if isinstance(row, Gap):
            values = {
                "kind": _text("⋯ gap", "bold"),
                "text": _text(row.describe().removeprefix("⋯ "), "italic"),
            }
            time = _TimeCell("⋯", style="dim", end="")
        else:
            values = {
                "kind": _text(row.kind.label),
                "text": _text(row.text),
                "source": _text(row.source),
                "key": _text(key_marker(row.key), "bold"),
            }
            time = _TimeCell(self.time_style.cell(row), no_wrap=True, end="")
        time.row_key = row_key(row)
        return [
            time if column == "time" else values.get(column, _text(""))
            for column in self._column_keys()
        ]

    # -- which row is where ---------------------------------------------------

    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        value = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return str(value) if value is not None else None

    def current_row(self) -> Row | None:
        key = self.current_key()
        return self.rows_by_key.get(key) if key is not None else None

    def select_key(self, key: str, *, scroll: bool = True) -> None:
        if key in self.rows_by_key:
            self.move_cursor(row=self.get_row_index(key), scroll=scroll)

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
