"""The timeline screen's parts and drawing, the gap threshold and imports.

:class:`TimelineBase` lays out the quick-add line, the table and the metrics,
and keeps them drawn from one :class:`~pmtui.model.timeline_view.TimelineView`
(a change costs no pass over every row of a 100,000-event timeline). The step
screen itself (:mod:`pmtui.screens.timeline`) adds the quick-add line and the
row actions.

An import is read in a thread and merged into the timeline a slice at a time
between keys and frames (:mod:`pmtui.widgets.timeline_importer`); the screen
only puts the planned timeline in place, which is one list assignment, and
shows it: the table in one frame, the metrics and the detail line in the
next (:mod:`pmtui.widgets.timeline_paint`), as all three at once would cost
a frame three times as long. If the timeline changed while the plan was made
(an event typed meanwhile), the plan is made again from the new timeline.
Each frame's work stays a few milliseconds long: the screen never freezes,
however long the log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from pmtui.model.session import Event
from pmtui.model.timeline_rules import Draft
from pmtui.model.timeline_view import TimelineView
from pmtui.screens.base import SessionContext, StepScreen
from pmtui.screens.dialogs import TextPromptDialog
from pmtui.timeparse import TimeParseError, parse_duration
from pmtui.widgets import timeline_gc
from pmtui.widgets.timeline_cells import time_style
from pmtui.widgets.timeline_detail import DetailLine, describe_row
from pmtui.widgets.timeline_importer import ImportRunner
from pmtui.widgets.timeline_metrics import TimelineMetrics
from pmtui.widgets.timeline_quick_add import QuickAdd
from pmtui.widgets.timeline_table import TimelineTable


class TimelineBase(StepScreen):
    """Parts, drawing, the gap threshold and imports of the timeline step."""

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__(ctx)
        self.view = TimelineView(ctx.pm)
        self.last_added: Event | None = None

    def compose_body(self) -> ComposeResult:
        with Vertical(id="timeline-body"):
            yield QuickAdd(disabled=self.ctx.read_only)
            with Horizontal(id="timeline-main"):
                with Vertical(id="tl-table-box"):
                    yield TimelineTable(self.view, id="tl-table")
                    yield DetailLine(id="tl-detail")  # or an import's progress
                yield TimelineMetrics(id="tl-metrics")
            yield ImportRunner(id="tl-import")

    def on_mount(self) -> None:
        self.show_rows()
        # what is alive once the screen is shown lives on: out of the
        # collector's walks until the screen goes (see timeline_gc)
        self.call_after_refresh(timeline_gc.freeze)
        if self.ctx.read_only:
            self.table.focus()
        else:
            self.quick_add.input.focus()

    def on_unmount(self) -> None:
        timeline_gc.thaw()  # what an import froze goes back to the collector

    # -- parts ----------------------------------------------------------------

    @property
    def table(self) -> TimelineTable:
        return self.query_one("#tl-table", TimelineTable)

    @property
    def quick_add(self) -> QuickAdd:
        return self.query_one("#tl-add-field", QuickAdd)

    # -- drawing --------------------------------------------------------------

    def refresh_from_model(self) -> None:
        """The timeline changed behind the view (an undo): read it again."""
        if not self.view.restored():  # an undone deletion is taken in quickly
            self.view.rebuild()
        self.show_rows()

    def show_rows(self, focus_key: str | None = None) -> None:
        """Draw the view again after a change; the cursor to ``focus_key``."""
        self._show_table(focus_key)
        self._show_panels()

    def _show_table(self, focus_key: str | None = None) -> None:
        day = (
            self.view.reference_date(self.ctx.clock.now()) if self.pm.timeline else None
        )
        self.table.show(time_style(self.pm.timezone, day))
        if focus_key is not None:
            self.table.select_key(focus_key)

    def _show_panels(self) -> bool:
        """The metrics, the quick-add line's hint and the detail line; True
        if the metrics will be painted again."""
        keys = {m: e.at for m, e in self.view.key_events().items()}
        metrics = self.query_one("#tl-metrics", TimelineMetrics)
        changed = metrics.show(self.pm, gaps=self.view.gap_count, times=keys)
        self.quick_add.set_first(not self.pm.timeline)
        self._show_detail()
        return changed

    @on(TimelineTable.RowHighlighted)
    def _show_detail(self) -> None:
        text = describe_row(self.table.current_row(), self.pm.timezone)
        self.query_one("#tl-detail", DetailLine).text = text

    def refuse_read_only(self) -> bool:
        if self.ctx.read_only:
            self.notify("Read-only: nothing can be changed.", severity="warning")
        return self.ctx.read_only

    # -- gap threshold --------------------------------------------------------

    def action_gap_threshold(self, value: str | None = None) -> None:
        if self.refuse_read_only():
            return
        dialog = TextPromptDialog(
            "Gap threshold",
            "Show a gap row when nothing happened for longer than (10m, 1h, 90)",
            value=value or f"{self.pm.gap_threshold_minutes}m",
        )
        self.app.push_screen(dialog, self._set_threshold)

    def _set_threshold(self, text: str | None) -> None:
        if text is None:
            return
        try:
            minutes = int(parse_duration(text).total_seconds() // 60)
        except TimeParseError as error:
            self.notify(str(error), title="Gap threshold", severity="error")
            self.action_gap_threshold(text)
            return
        self.pm.gap_threshold_minutes = max(1, minutes)
        self.view.changed()
        self.show_rows()
        self.edited()
        self.notify(f"Gaps over {self.pm.gap_threshold_minutes} minutes are shown.")

    # -- import ---------------------------------------------------------------

    def action_import(self) -> None:
        if not self.refuse_read_only():
            self.query_one(ImportRunner).ask(self.pm, self.ctx.clock, self.view)

    @on(ImportRunner.Progress)
    def _import_progress(self, message: ImportRunner.Progress) -> None:
        self.query_one("#tl-detail", DetailLine).progress = message.progress

    @on(ImportRunner.Confirmed)
    def _import(self, message: ImportRunner.Confirmed) -> None:
        self.query_one(ImportRunner).plan(self.view, message.result.drafts)

    @on(ImportRunner.Planned)
    def _planned(self, message: ImportRunner.Planned) -> None:
        runner = self.query_one(ImportRunner)
        if not self.view.apply(message.plan):  # changed meanwhile: plan again
            runner.plan(self.view, message.drafts, first_serial=message.first_serial)
            return
        added = message.plan.added
        done = partial(self._imported, len(added), message.drafts)
        if not added:
            self.call_after_refresh(done)
            return
        # a frame for the table (all of its rows are new), the next one for
        # the panels beside and under it, then the progress bar goes: each
        # frame's work stays as short as when events come one at a time
        self._show_table(focus_key=added[0].id)
        self.edited()
        self.table.after_paint.add(partial(self._panels_imported, done))

    def _panels_imported(self, done: Callable[[], None]) -> None:
        if self._show_panels():
            self.query_one("#tl-metrics", TimelineMetrics).after_paint.add(done)
        else:
            self.call_after_refresh(done)

    def _imported(self, added: int, drafts: Sequence[Draft]) -> None:
        self.query_one(ImportRunner).done(drafts)
        if added:
            self.notify(f"Added {added:,} event(s).", title="Import")
        else:
            self.notify("Nothing added: every event is already on the timeline.")
