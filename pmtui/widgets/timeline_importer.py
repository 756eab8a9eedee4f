"""Reading an import file in a thread worker, with a progress bar.

The screen calls :meth:`ImportRunner.ask`: a prompt for the path, then the
file is read through the store and parsed off the UI thread (a 100,000-line
log takes seconds) while the bar follows; then the preview dialog lists what
will be added and every line that could not be read. Only a confirmed preview
reaches the screen, as :class:`ImportRunner.Confirmed`.

The screen then asks for a plan (:meth:`ImportRunner.plan`): the new events
merged into the timeline in time order (:func:`pmtui.model.timeline_merge.plan_steps`),
made on the UI thread a few milliseconds at a time between keys and frames,
and handed back as :class:`ImportRunner.Planned` for the screen to put in
place. The screen never freezes; leaving it cancels the workers.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from pmtui.clock import Clock
from pmtui.model.session import Event, PostMortem
from pmtui.model.timeline_import import ImportCancelled, ImportResult, Reader
from pmtui.model.timeline_merge import ImportPlan
from pmtui.model.timeline_rules import Draft, fingerprint, reference_date
from pmtui.model.timeline_view import TimelineView
from pmtui.screens.dialogs import TextPromptDialog
from pmtui.widgets import timeline_gc
from pmtui.widgets.timeline_detail import Progress
from pmtui.widgets.timeline_import_dialog import (
    ImportPreview,
    ImportPreviewDialog,
    Mark,
    build_preview,
)

SLICE_TIME = 0.002  # seconds of merging between two turns of the event loop
PROGRESS_TIME = 0.1  # seconds between two moves of the progress bar


class ImportRunner(Widget):
    """Runs an import; its progress goes up as ``Progress`` messages."""

    DEFAULT_CSS = "ImportRunner { display: none; }"  # it shows nothing itself

    class Progress(Message):
        """Show ``progress`` (the detail line does), or nothing (None)."""

        def __init__(self, progress: Progress | None) -> None:
            super().__init__()
            self.progress = progress

    class Confirmed(Message):
        """The preview was confirmed: add the new events of ``result``."""

        def __init__(self, result: ImportResult) -> None:
            super().__init__()
            self.result = result

    class Planned(Message):
        """The confirmed drafts, merged into the timeline: ready to apply."""

        def __init__(
            self, plan: ImportPlan, drafts: Sequence[Draft], first_serial: int
        ) -> None:
            super().__init__()
            self.plan = plan
            self.drafts = drafts
            self.first_serial = first_serial

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pending: ImportResult | None = None
        self._holding: set[Worker[None]] = set()
        self.running = False  # a file is being read, or its events added

    def ask(
        self, pm: PostMortem, clock: Clock, view: TimelineView | None = None
    ) -> None:
        """Ask for the file, then read it (the screen gets ``Confirmed``)."""
        from pmtui.store.imports import import_problem

        dialog = TextPromptDialog(
            "Import events",
            "File to read: CSV, JSON lines, or a log with a time on each line",
            placeholder="~/incident/checkout-api.log",
            check=lambda text: import_problem(Path(text)),
        )

        def chosen(path: str | None) -> None:
            if path:
                now = clock.now()
                day = view.reference_date(now) if view is not None else None
                self.start(pm, Path(path).expanduser(), now, day)

        self.app.push_screen(dialog, chosen)

    def start(
        self, pm: PostMortem, source: Path, now: datetime, day: date | None = None
    ) -> None:
        """Read ``source`` for ``pm`` (times in its zone, on the incident's
        day: ``day`` if the caller knows it)."""
        day = reference_date(pm, now) if day is None else day
        reader = Reader(pm.timezone, now, day, source.name)
        self._progress(f"Reading {source.name}…", 0, None)
        self._held(self._read(source, reader, list(pm.timeline)))

    def plan(
        self,
        view: TimelineView,
        drafts: Sequence[Draft],
        *,
        first_serial: int | None = None,
    ) -> None:
        """Merge ``drafts`` into ``view``'s timeline between keys and frames
        (the screen gets ``Planned``). Ids are set aside now, once, for every
        attempt."""
        if first_serial is None:
            first_serial = view.reserve_ids(len(drafts))
        self._held(self._plan(view, drafts, first_serial))

    def done(self, drafts: Sequence[Draft]) -> None:
        """The planned events are on the timeline: hide the bar, let the
        drafts go."""
        self._idle()
        self.forget(drafts)

    def forget(self, items: Sequence[object]) -> None:
        """Let go of a long list a slice at a time between frames: freeing
        100,000 drafts at once would stop the screen for a moment."""
        if isinstance(items, list) and items:
            self._forget(items)

    @work(group="timeline-forget", description="Freeing imported drafts")
    async def _forget(self, items: list[object]) -> None:
        from pmtui.model.timeline_merge import emptied

        for _ in emptied(items):
            await asyncio.sleep(0)

    def _progress(self, label: str, done: int, total: int | None) -> None:
        self.running = True
        self.post_message(self.Progress(Progress(label, done, total)))

    def _idle(self) -> None:
        self.running = False
        self.post_message(self.Progress(None))

    def _failed(self, reason: str) -> None:
        self._idle()
        self.notify(reason, title="Not imported", severity="error")

    def _preview(self, result: ImportResult, preview: ImportPreview) -> None:
        self._idle()
        # kept here, not in the dialog's callback: a dismissed dialog waits
        # for the garbage collector, and would keep 100,000 drafts alive
        self._pending = result

        def answered(confirmed: bool | None) -> None:
            result, self._pending = self._pending, None
            if confirmed and result is not None:
                self.post_message(self.Confirmed(result))
            elif result is not None:
                self.forget(result.drafts)

        self.app.push_screen(ImportPreviewDialog(preview, self.forget), answered)

    # -- the collector is held while a worker builds objects (timeline_gc) ----

    def _held(self, worker: Worker[None]) -> None:
        timeline_gc.hold()
        self._holding.add(worker)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self._done_with(event.worker, freeze=False)
        elif event.state is WorkerState.SUCCESS:
            # what a finished worker built is alive and long-lived: freeze it
            self._done_with(event.worker, freeze=True)

    def _done_with(self, worker: Worker[None], *, freeze: bool) -> None:
        if worker in self._holding:
            self._holding.discard(worker)
            timeline_gc.release(freeze=freeze)

    def on_unmount(self) -> None:
        for _ in range(len(self._holding)):
            timeline_gc.release()
        self._holding.clear()

    @work(exclusive=True, group="timeline-merge", description="Merging events")
    async def _plan(
        self, view: TimelineView, drafts: Sequence[Draft], first: int
    ) -> None:
        """Run the plan's steps on the UI thread, a few milliseconds at a
        time; start again if the timeline changes meanwhile."""
        from pmtui.model.timeline_merge import SLICE, plan_size, plan_steps

        label = f"Adding {len(drafts):,} event(s)…"
        while True:
            snapshot = view.snapshot()
            steps = plan_steps(snapshot, drafts, first)
            total, done = plan_size(snapshot, drafts), 0
            self._progress(label, done, total)
            began = shown = time.perf_counter()
            try:
                while view.version == snapshot.version:
                    next(steps)
                    done += SLICE
                    if time.perf_counter() - began > SLICE_TIME:
                        if began - shown > PROGRESS_TIME:
                            self._progress(label, min(done, total), total)
                            shown = began
                        await asyncio.sleep(0)  # keys and frames go first
                        began = time.perf_counter()
            except StopIteration as finished:
                self.post_message(self.Planned(finished.value, drafts, first))
                return

    @work(
        thread=True,
        exclusive=True,
        group="timeline-import",
        description="Reading an import file",
    )
    def _read(self, source: Path, reader: Reader, events: list[Event]) -> None:
        from pmtui.model.timeline_import import parse_import
        from pmtui.store import StoreError
        from pmtui.store.imports import read_text_file

        worker = get_current_worker()
        call = self.app.call_from_thread
        label = f"Reading {source.name}…"
        try:
            known: set[Mark] = {fingerprint(e.at, e.text) for e in events}
            text = read_text_file(source)
            result = parse_import(
                text,
                reader,
                name=source.name,
                progress=lambda done, total: call(self._progress, label, done, total),
                cancelled=lambda: worker.is_cancelled,
            )
            preview = build_preview(result, known, source.name, reader)
        except StoreError as error:
            call(self._failed, str(error))
            return
        except ImportCancelled:
            return
        if not worker.is_cancelled:
            # freeze what was read before the preview dialog exists: the
            # dialog is garbage once closed, and frozen garbage stays
            call(self._done_with, worker, freeze=True)
            call(self._preview, result, preview)
