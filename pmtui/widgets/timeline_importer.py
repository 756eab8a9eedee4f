"""Reading an import file in a thread worker, with a progress bar.

The screen calls :meth:`ImportRunner.ask`: a prompt for the path, then the
file is read through the store and parsed off the UI thread (a 100,000-line
log takes seconds) while the bar follows; then the preview dialog lists what
will be added and every line that could not be read. Only a confirmed preview
reaches the screen, as :class:`ImportRunner.Confirmed`. The screen never
freezes; leaving it cancels the worker.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, ProgressBar
from textual.worker import get_current_worker

from pmtui.clock import Clock
from pmtui.model.session import PostMortem
from pmtui.model.timeline_import import ImportCancelled, ImportResult, Reader
from pmtui.model.timeline_rules import fingerprint, reference_date
from pmtui.screens.dialogs import TextPromptDialog
from pmtui.widgets.timeline_import_dialog import (
    ImportPreview,
    ImportPreviewDialog,
    Mark,
    build_preview,
)


class ImportRunner(Horizontal):
    """A progress line, hidden unless a file is being read."""

    DEFAULT_CSS = """
    ImportRunner { height: 1; display: none; }
    ImportRunner.-running { display: block; }
    ImportRunner > Label { width: auto; margin-right: 2; }
    """

    class Confirmed(Message):
        """The preview was confirmed: add the new events of ``result``."""

        def __init__(self, result: ImportResult) -> None:
            super().__init__()
            self.result = result

    def compose(self) -> ComposeResult:
        yield Label("", id="tl-progress-label")
        yield ProgressBar(id="tl-progress-bar", show_eta=False)

    @property
    def running(self) -> bool:
        return self.has_class("-running")

    def ask(self, pm: PostMortem, clock: Clock) -> None:
        """Ask for the file, then read it (the screen gets ``Confirmed``)."""
        dialog = TextPromptDialog(
            "Import events",
            "File to read: CSV, JSON lines, or a log with a time on each line",
            placeholder="~/incident/checkout-api.log",
        )

        def chosen(path: str | None) -> None:
            if path:
                self.start(pm, Path(path).expanduser(), clock.now())

        self.app.push_screen(dialog, chosen)

    def start(self, pm: PostMortem, source: Path, now: datetime) -> None:
        """Read ``source`` for ``pm`` (times in its zone, on the incident's day)."""
        day = reference_date(pm, now)
        reader = Reader(pm.timezone, now, day, source.name)
        known = {fingerprint(e.at, e.text) for e in pm.timeline}
        self._progress(f"Reading {source.name}…", 0, None)
        self._read(source, reader, known)

    def progress(self, label: str, done: int, total: int | None) -> None:
        """Show the bar (also used while a long table fills in)."""
        self._progress(label, done, total)
        if total is not None and done >= total:
            self.remove_class("-running")

    def _progress(self, label: str, done: int, total: int | None) -> None:
        self.add_class("-running")
        self.query_one(Label).update(label)
        self.query_one(ProgressBar).update(total=total, progress=done)

    def _failed(self, reason: str) -> None:
        self.remove_class("-running")
        self.notify(reason, title="Not imported", severity="error")

    def _preview(self, result: ImportResult, preview: ImportPreview) -> None:
        self.remove_class("-running")

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self.post_message(self.Confirmed(result))

        self.app.push_screen(ImportPreviewDialog(preview), answered)

    @work(thread=True, exclusive=True, group="timeline-import")
    def _read(self, source: Path, reader: Reader, known: set[Mark]) -> None:
        from pmtui.model.timeline_import import parse_import
        from pmtui.store import StoreError
        from pmtui.store.imports import read_text_file

        worker = get_current_worker()
        call = self.app.call_from_thread
        label = f"Reading {source.name}…"
        try:
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
            call(self._preview, result, preview)
