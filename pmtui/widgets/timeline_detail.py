"""The detail line under the timeline table, and an import's progress in it.

Two lines of fixed height: everything about the row under the cursor,
unclipped; while a file is read or its events are added, a progress bar
instead (with how far it got), and a word that the screen keeps working.
Showing and hiding the bar changes the text of this one widget: nothing else
on the screen moves or is laid out again, so it costs a repaint of two lines.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.text import Text
from textual.reactive import Reactive
from textual.widget import Widget

from pmtui.model.timeline_rules import Gap, Row
from pmtui.timeparse import format_time
from pmtui.widgets.timeline_cells import key_marker

BAR = "━"
KEEP_GOING = "The screen keeps working meanwhile: type on, scroll, edit."


class Progress(NamedTuple):
    """What an import is doing: ``done`` of ``total`` (None: not known yet)."""

    label: str
    done: int = 0
    total: int | None = None


class DetailLine(Widget):
    """The row under the cursor, or the progress of an import."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail-line--bar",
        "detail-line--bar-back",
    }
    text: Reactive[str] = Reactive("", repaint=False)  # see watch_text
    progress: Reactive[Progress | None] = Reactive(None)

    def watch_text(self) -> None:
        # hidden under an import's progress bar: drawn when the bar goes
        if self.progress is None:
            self.refresh()

    def render(self) -> Text:
        if self.progress is None:
            return Text(self.text)
        label, done, total = self.progress
        line = Text(label, style="bold", no_wrap=True, overflow="ellipsis")
        room = self.size.width - line.cell_len - 9  # gaps and "100%"
        if total and room >= 10:
            share = min(max(done, 0), total) / total
            filled = round(room * share)
            line.append("  ")
            line.append(BAR * filled, self.get_component_rich_style("detail-line--bar"))
            back = self.get_component_rich_style("detail-line--bar-back")
            line.append(BAR * (room - filled), back)
            line.append(f" {share:>4.0%}")
        return Text("\n").join([line, Text(KEEP_GOING, style="dim")])


def describe_row(row: Row | None, tz: str) -> str:
    """The detail line under the table: everything about the row, unclipped."""
    if row is None:
        return "No events yet: type the first one above, with its day (18 Nov 09:04 …)."
    if isinstance(row, Gap):
        return f"{row.describe()}: what happened here? Enter adds one after it."
    when = format_time(row.at, tz)
    parts = [when, row.kind.label, row.text, row.source, key_marker(row.key)]
    return " · ".join(p for p in parts if p)
