"""Step 2: the timeline, captured live.

The quick-add line has the focus: a time, then what happened, Enter. The table
below keeps time order and marks gaps; the metrics panel beside it (under it
on a narrow terminal) gives the durations and the phase bar. The rules live in
:mod:`pmtui.model.timeline_rules`; this screen wires keys to them.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical

from pmtui.model.enums import KeyMoment, Step
from pmtui.model.session import Event
from pmtui.model.timeline_rules import (
    Gap,
    add_event,
    add_events,
    cycle_key,
    cycle_kind,
    move_event,
    move_mark,
    parse_quick_add,
    reference_date,
    split_new,
    timeline_rows,
)
from pmtui.model.undo import remove
from pmtui.screens.base import SessionContext, StepScreen
from pmtui.screens.dialogs import TextPromptDialog
from pmtui.timeparse import TimeParseError, parse_duration
from pmtui.widgets.timeline_edit import EditEventDialog, EventEdit
from pmtui.widgets.timeline_importer import ImportRunner
from pmtui.widgets.timeline_metrics import TimelineMetrics
from pmtui.widgets.timeline_quick_add import QuickAdd, QuickAddInput
from pmtui.widgets.timeline_table import (
    DetailLine,
    TimelineTable,
    describe_row,
    time_style,
)


class TimelineScreen(StepScreen):
    STEP = Step.TIMELINE
    HELP_TITLE = "Timeline"
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (an instance variable on Screen)
        (0, "-narrow"),
        (100, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "import", "Import", id="tl_import"),
        Binding("ctrl+g", "gap_threshold", "Gap threshold", id="tl_gap"),
    ]

    def __init__(self, ctx: SessionContext) -> None:
        super().__init__(ctx)
        self.last_added: Event | None = None

    def compose_body(self) -> ComposeResult:
        with Vertical(id="timeline-body"):
            yield QuickAdd(disabled=self.ctx.read_only)
            with Horizontal(id="timeline-main"):
                with Vertical(id="tl-table-box"):
                    yield TimelineTable(id="tl-table")
                    yield DetailLine(id="tl-detail")
                yield TimelineMetrics(id="tl-metrics")
            yield ImportRunner(id="tl-progress")

    def on_mount(self) -> None:
        self.rebuild()
        if self.ctx.read_only:
            self.table.focus()
        else:
            self.quick_add.input.focus()

    # -- parts ----------------------------------------------------------------

    @property
    def table(self) -> TimelineTable:
        return self.query_one("#tl-table", TimelineTable)

    @property
    def quick_add(self) -> QuickAdd:
        return self.query_one("#tl-add-field", QuickAdd)

    # -- rendering ------------------------------------------------------------

    def rebuild(self) -> None:
        """Re-render everything from the model."""
        style = time_style(self.pm, self.ctx.clock.now())
        self.table.show(timeline_rows(self.pm), style, self.table.size.width or 80)
        self.quick_add.set_first(not self.pm.timeline)
        self._after_change()

    def render_change(self, changed: set[str], focus_key: str | None = None) -> None:
        """Re-render what ``changed`` (event ids) touches; cheap for one event."""
        if time_style(self.pm, self.ctx.clock.now()) != self.table.time_style:
            self.rebuild()
        else:
            self.table.sync(timeline_rows(self.pm), changed)
            self._after_change()
        if focus_key is not None:
            self.table.select_key(focus_key)

    def _after_change(self) -> None:
        gaps = sum(1 for r in self.table.rows_by_key.values() if isinstance(r, Gap))
        self.query_one("#tl-metrics", TimelineMetrics).show(self.pm, gaps=gaps)
        self._show_detail()

    def refresh_from_model(self) -> None:
        self.rebuild()

    def on_resize(self) -> None:
        width = self.table.size.width
        if width and self.table.columns_for(width) != self.table.columns_for(
            self.table.layout_width
        ):
            self.rebuild()

    @on(TimelineTable.Filled)
    def _filled(self, message: TimelineTable.Filled) -> None:
        runner = self.query_one(ImportRunner)
        runner.progress("Showing the events…", message.done, message.total)

    @on(TimelineTable.RowHighlighted)
    def _show_detail(self) -> None:
        text = describe_row(self.table.current_row(), self.pm.timezone)
        self.query_one("#tl-detail", DetailLine).text = text

    # -- quick add ------------------------------------------------------------

    @on(QuickAddInput.Submitted, "#tl-add")
    def _quick_add(self, message: QuickAddInput.Submitted) -> None:
        line = message.value.strip()
        if self.ctx.read_only or not line:
            return
        try:
            draft = parse_quick_add(
                line, pm=self.pm, now=self.ctx.clock.now(), last_added=self.last_added
            )
        except TimeParseError as error:
            self.quick_add.show_error(str(error))
            return
        event = add_event(self.pm, draft)
        if event is None:
            self.quick_add.show_error("That event is already on the timeline.")
            return
        self.last_added = event
        self.quick_add.input.value = ""
        self.quick_add.show_error(None)
        self.render_change({event.id}, focus_key=event.id)
        self.edited()

    @on(QuickAddInput.Changed, "#tl-add")
    def _typing(self) -> None:
        self.quick_add.show_error(None)

    @on(QuickAddInput.TableRequested)
    def _to_table(self) -> None:
        self.table.focus()

    @on(TimelineTable.AddRequested)
    def _to_add(self) -> None:
        self.quick_add.input.focus()

    # -- row actions ----------------------------------------------------------

    def _event(self, key: str) -> Event | None:
        row = self.table.rows_by_key.get(key)
        return row if isinstance(row, Event) else None

    def _refuse_read_only(self) -> bool:
        if self.ctx.read_only:
            self.notify("Read-only: nothing can be changed.", severity="warning")
        return self.ctx.read_only

    @on(TimelineTable.EditRequested)
    def _edit(self, message: TimelineTable.EditRequested) -> None:
        row = self.table.rows_by_key.get(message.key)
        if isinstance(row, Gap):
            self.quick_add.input.value = "+1m "
            self.last_added = row.after
            self.quick_add.input.focus()
            return
        if row is None or self._refuse_read_only():
            return
        now = self.ctx.clock.now()
        dialog = EditEventDialog(
            self.pm, row, now=now, ref_date=reference_date(self.pm, now)
        )
        self.app.push_screen(dialog, lambda answer: self._apply_edit(row, answer))

    def _apply_edit(self, event: Event, answer: EventEdit | None) -> None:
        if answer is None:
            return
        if answer.delete:
            self._delete(event)
            return
        changed = {event.id}
        if answer.at != event.at:
            move_event(self.pm, event, answer.at)
        event.text, event.kind, event.source = answer.text, answer.kind, answer.source
        changed |= self._mark(event, answer.key)
        self.render_change(changed, focus_key=event.id)
        self.edited()

    def _mark(self, event: Event, new: KeyMoment | None) -> set[str]:
        """Mark ``event``; the ids of the rows that change."""
        holder = move_mark(self.pm, event, new)
        if new is not None and holder is not None:
            self.notify(f"{new.label.capitalize()} moved here from “{holder.text}”.")
            return {event.id, holder.id}
        return {event.id}

    @on(TimelineTable.DeleteRequested)
    def _delete_requested(self, message: TimelineTable.DeleteRequested) -> None:
        event = self._event(message.key)
        if event is not None and not self._refuse_read_only():
            self._delete(event)

    def _delete(self, event: Event) -> None:
        removal = remove(self.pm.timeline, event, f"event “{event.text}”")
        self.render_change(set())
        self.deleted(removal)  # type: ignore[arg-type]

    @on(TimelineTable.KindRequested)
    def _kind(self, message: TimelineTable.KindRequested) -> None:
        event = self._event(message.key)
        if event is not None and not self._refuse_read_only():
            event.kind = cycle_kind(event.kind, message.step)
            self.render_change({event.id})
            self.edited()

    @on(TimelineTable.KeyRequested)
    def _key(self, message: TimelineTable.KeyRequested) -> None:
        event = self._event(message.key)
        if event is not None and not self._refuse_read_only():
            taken = [e.key for e in self.pm.timeline if e.key and e is not event]
            moment = cycle_key(event.key, message.step, taken)
            self.render_change(self._mark(event, moment), focus_key=event.id)
            self.edited()

    @on(TimelineTable.KeySet)
    def _set_key(self, message: TimelineTable.KeySet) -> None:
        event = self._event(message.key)
        if event is not None and not self._refuse_read_only():
            wanted = list(KeyMoment)[message.step - 1] if message.step else None
            moment = None if wanted is event.key else wanted
            self.render_change(self._mark(event, moment), focus_key=event.id)
            self.edited()

    # -- gap threshold --------------------------------------------------------

    def action_gap_threshold(self, value: str | None = None) -> None:
        if self._refuse_read_only():
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
        self.render_change(set())
        self.edited()
        self.notify(f"Gaps over {self.pm.gap_threshold_minutes} minutes are shown.")

    # -- import -----------------------------------------------------------------

    def action_import(self) -> None:
        if not self._refuse_read_only():
            self.query_one(ImportRunner).ask(self.pm, self.ctx.clock)

    @on(ImportRunner.Confirmed)
    def _import(self, message: ImportRunner.Confirmed) -> None:
        fresh, _ = split_new(self.pm, message.result.drafts)
        added = add_events(self.pm, fresh)
        if not added:
            return
        self.rebuild()
        self.table.select_key(added[0].id)
        self.edited()
        self.notify(f"Added {len(added)} event(s).", title="Import")
