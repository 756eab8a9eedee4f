"""Step 2: the timeline, captured live.

The quick-add line has the focus: a time, then what happened, Enter. The table
below keeps time order and marks gaps; the metrics panel beside it (under it
on a narrow terminal) gives the durations and the phase bar. The rules live in
:mod:`pmtui.model.timeline_rules` (and, for a long timeline,
:mod:`pmtui.model.timeline_view`); this screen wires keys to them. Drawing,
the gap threshold and imports are in :mod:`pmtui.screens.timeline_base`.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType

from pmtui.model.enums import KeyMoment, Step
from pmtui.model.session import Event
from pmtui.model.timeline_rules import Gap, cycle_key, cycle_kind, move_mark
from pmtui.screens.timeline_base import TimelineBase
from pmtui.timeparse import TimeParseError
from pmtui.widgets.timeline_edit import EditEventDialog, EventEdit
from pmtui.widgets.timeline_quick_add import QuickAddInput
from pmtui.widgets.timeline_table import TimelineTable


class TimelineScreen(TimelineBase):
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

    # -- quick add ------------------------------------------------------------

    @on(QuickAddInput.Submitted, "#tl-add")
    def _quick_add(self, message: QuickAddInput.Submitted) -> None:
        line = message.value.strip()
        if self.ctx.read_only or not line:
            return
        try:
            draft = self.view.parse_quick_add(
                line, self.ctx.clock.now(), self.last_added
            )
        except TimeParseError as error:
            self.quick_add.show_error(str(error))
            return
        event = self.view.add(draft)
        if event is None:
            self.quick_add.show_error("That event is already on the timeline.")
            return
        self.last_added = event
        self.quick_add.input.value = ""
        self.quick_add.show_error(None)
        self.show_rows(focus_key=event.id)
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
        row = self.view.get(key)
        return row if isinstance(row, Event) else None

    @on(TimelineTable.EditRequested)
    def _edit(self, message: TimelineTable.EditRequested) -> None:
        row = self.view.get(message.key)
        if isinstance(row, Gap):
            self.quick_add.input.value = "+1m "
            self.last_added = row.after
            self.quick_add.input.focus()
            return
        if row is None or self.refuse_read_only():
            return
        now = self.ctx.clock.now()
        dialog = EditEventDialog(
            self.pm, row, now=now, ref_date=self.view.reference_date(now)
        )
        self.app.push_screen(dialog, lambda answer: self._apply_edit(row, answer))

    def _apply_edit(self, event: Event, answer: EventEdit | None) -> None:
        if answer is None:
            return
        if answer.delete:
            self._delete(event)
            return
        if answer.at != event.at:
            self.view.move(event, answer.at)
        event.text, event.kind, event.source = answer.text, answer.kind, answer.source
        self._mark(event, answer.key)
        self.view.changed()
        self.show_rows(focus_key=event.id)
        self.edited()

    def _mark(self, event: Event, new: KeyMoment | None) -> None:
        """Mark ``event`` (the mark leaves the event that held it, if any)."""
        holder = move_mark(self.pm, event, new)
        if new is not None and holder is not None:
            self.notify(f"{new.label.capitalize()} moved here from “{holder.text}”.")

    @on(TimelineTable.DeleteRequested)
    def _delete_requested(self, message: TimelineTable.DeleteRequested) -> None:
        event = self._event(message.key)
        if event is not None and not self.refuse_read_only():
            self._delete(event)

    def _delete(self, event: Event) -> None:
        removal = self.view.remove(event, f"event “{event.text}”")
        self.show_rows()
        self.deleted(removal)  # type: ignore[arg-type]

    @on(TimelineTable.KindRequested)
    def _kind(self, message: TimelineTable.KindRequested) -> None:
        event = self._event(message.key)
        if event is not None and not self.refuse_read_only():
            event.kind = cycle_kind(event.kind, message.step)
            self.view.touched()
            self.show_rows()
            self.edited()

    @on(TimelineTable.KeyRequested)
    def _key(self, message: TimelineTable.KeyRequested) -> None:
        event = self._event(message.key)
        if event is not None and not self.refuse_read_only():
            held = self.view.key_events()
            taken = [m for m, holder in held.items() if holder is not event]
            self._set_mark(event, cycle_key(event.key, message.step, taken))

    @on(TimelineTable.KeySet)
    def _set_key(self, message: TimelineTable.KeySet) -> None:
        event = self._event(message.key)
        if event is not None and not self.refuse_read_only():
            wanted = list(KeyMoment)[message.step - 1] if message.step else None
            self._set_mark(event, None if wanted is event.key else wanted)

    def _set_mark(self, event: Event, moment: KeyMoment | None) -> None:
        self._mark(event, moment)
        self.view.changed()
        self.show_rows(focus_key=event.id)
        self.edited()
