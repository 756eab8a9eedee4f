"""What the timeline table shows in a row: its cells, and the detail line.

Times on the incident's day show without a date and without the zone (the
zone is in the column's header); any other day shows its date. The key
moment column names the mark with a symbol, so it reads without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import NamedTuple

import pendulum
from pendulum import Timezone
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from pmtui.model.enums import KeyMoment
from pmtui.model.session import Event
from pmtui.model.timeline_rules import Gap, Row
from pmtui.timeparse import format_time
from pmtui.timeparse._words import format_day
from pmtui.timeparse.display import _clock, _zone_name  # the same words

SOURCE_FROM = 110  # table width from which the source column is shown
PAD = 1  # blank cells on each side of a column
SCROLLBAR = 2  # cells kept for the table's scroll bar
Column = tuple[str, str, int]  # key, header, width
# control characters take no cell: shown as spaces, the columns stay aligned
_CONTROLS = {n: " " for n in [*range(32), 127]}


class Cell(NamedTuple):
    """A cell's text and style (``bold``, ``dim``…); long text ends in ``…``."""

    text: str
    style: str = ""
    ellipsis: bool = True

    def __str__(self) -> str:
        return self.text


BLANK = Cell("")

KEY_MARKERS: dict[KeyMoment, str] = {
    KeyMoment.IMPACT_BEGAN: "▶ impact began",
    KeyMoment.DETECTED: "◉ detected",
    KeyMoment.MITIGATED: "◐ mitigated",
    KeyMoment.RESOLVED: "✓ resolved",
}


def key_marker(key: KeyMoment | None) -> str:
    return KEY_MARKERS[key] if key is not None else ""


@dataclass(frozen=True)
class TimeStyle:
    """How times are shown: the zone, and the day that needs no date."""

    tz: str
    day: date | None
    zone: str  # the zone's abbreviation on ``day`` (shown in the header)

    @cached_property
    def _zone(self) -> Timezone:
        # format_time looks the zone up on every call (the tz database is
        # read again: ~0.3 ms); the table shows dozens of times per frame
        return pendulum.timezone(self.tz)

    def cell(self, event: Event) -> str:
        """``format_time(at, tz, with_utc=False, ref_date=day)``, without the
        zone when it is the header's (the unit tests hold the two equal)."""
        here = pendulum.instance(event.at).in_timezone(self._zone)
        text = _clock(here)
        name = _zone_name(here)
        if name != self.zone:
            text = f"{text} {name}"
        if self.day is None or here.date() != self.day:
            with_year = self.day is not None and here.year != self.day.year
            text = f"{format_day(here.date(), with_year=with_year)} {text}"
        return text

    @property
    def header(self) -> str:
        return f"Time ({self.zone})" if self.day else "Time"


def time_style(tz: str, day: date | None) -> TimeStyle:
    """Times on ``day`` (the incident's) show without a date; the zone is in
    the header. ``day`` is None for an empty timeline."""
    if day is None:
        return TimeStyle(tz, None, tz)
    noon = pendulum.datetime(day.year, day.month, day.day, 12, tz=tz)
    return TimeStyle(tz, day, format_time(noon, tz, with_utc=False).rsplit(" ")[-1])


def time_width(style: TimeStyle, events: list[Event]) -> int:
    """The time column's width: the header, and the times at both ends of
    the (time-ordered) timeline, which are the ones that carry a date when
    any does; one more when such a day has one digit (others may have two)."""
    widths = [5, len(style.header)]
    for event in (events[:1] + events[-1:]) if events else []:
        cell = style.cell(event)
        local = pendulum.instance(event.at).in_timezone(style.tz)
        dated = style.day is None or local.date() != style.day
        widths.append(len(cell) + (1 if dated and local.day < 10 else 0))
    return max(widths)


def columns(width: int, time: int, header: str) -> list[Column]:
    """(key, header, width) for a table ``width`` columns wide whose time
    column is ``time`` wide; what happened takes the room that is left."""
    kind = 15 if width >= 82 else 13
    chosen = [("time", header, time), ("kind", "Kind", kind)]
    chosen.append(("text", "What happened", 0))
    if width >= SOURCE_FROM:
        chosen.append(("source", "Source", 18))
    chosen.append(("key", "Key moment", 14))
    used = sum(w + 2 * PAD for _, _, w in chosen) + SCROLLBAR
    text = max(16, width - used)
    return [(k, h, w or text) for k, h, w in chosen]


def row_strip(
    values: dict[str, Cell], layout: list[Column], style: Style, width: int
) -> Strip:
    """One line of the table: each cell cut to its column (``…`` where the
    cell says so), padded, in ``style`` and the cell's own, as wide as
    ``width``. Built from segments directly: a screenful costs little."""
    pad = " " * PAD
    segments = []
    for column, _, size in layout:
        cell = values.get(column, BLANK)
        text = fit(cell.text, size, ellipsis=cell.ellipsis)
        cell_style = style + Style.parse(cell.style) if cell.style else style
        segments.append(Segment(f"{pad}{text}{pad}", cell_style))
    used = sum(size + 2 * PAD for _, _, size in layout)
    if width > used:
        segments.append(Segment(" " * (width - used), style))
    return Strip(segments, max(used, width))


def fit(text: str, size: int, *, ellipsis: bool = True) -> str:
    """``text`` in exactly ``size`` cells: padded, or cut (with ``…``)."""
    text = text.translate(_CONTROLS)
    if cell_len(text) <= size:
        return set_cell_size(text, size)
    if ellipsis and size > 1:
        return set_cell_size(set_cell_size(text, size - 1) + "…", size)
    return set_cell_size(text, size)


def cells(row: Row, style: TimeStyle) -> dict[str, Cell]:
    """The row's cells by column key (time, kind, text, source, key)."""
    if isinstance(row, Gap):
        return {
            "time": Cell("⋯", "dim", ellipsis=False),
            "kind": Cell("⋯ gap", "bold"),
            "text": Cell(row.describe().removeprefix("⋯ "), "italic"),
            "source": BLANK,
            "key": BLANK,
        }
    return {
        "time": Cell(style.cell(row), ellipsis=False),
        "kind": Cell(row.kind.label),
        "text": Cell(row.text),
        "source": Cell(row.source),
        "key": Cell(key_marker(row.key), "bold"),
    }
