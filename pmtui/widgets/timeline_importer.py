"""Reading an import file in a thread worker, with a progress bar.

The screen calls :meth:`ImportRunner.start`; the file is read through the
store and parsed off the UI thread (a 100,000-line log takes seconds), the
bar follows, and :class:`ImportRunner.Read` is posted back with the result
and its preview. The screen never freezes; leaving it cancels the worker.
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

from pmtui.model.session import PostMortem
from pmtui.model.timeline_import import ImportCancelled, ImportResult, Reader
from pmtui.model.timeline_rules import fingerprint, reference_date
from pmtui.widgets.timeline_import_dialog import ImportPreview, Mark, build_preview


class ImportRunner(Horizontal):
    """A progress line, hidden unless a file is being read."""

    DEFAULT_CSS = """
    ImportRunner { height: 1; display: none; }
    ImportRunner.-running { display: block; }
    ImportRunner > Label { width: auto; margin-right: 2; }
    """

    class Read(Message):
        """The file was read: here is what it holds."""

        def __init__(self, result: ImportResult, preview: ImportPreview) -> None:
            super().__init__()
            self.result = result
            self.preview = preview

    class Failed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def compose(self) -> ComposeResult:
        yield Label("", id="tl-progress-label")
        yield ProgressBar(id="tl-progress-bar", show_eta=False)

    @property
    def running(self) -> bool:
        return self.has_class("-running")

    def start(self, pm: PostMortem, source: Path, now: datetime) -> None:
        """Read ``source`` for ``pm`` (times in its zone, on the incident's day)."""
        day = reference_date(pm, now)
        reader = Reader(pm.timezone, now, day, source.name)
        known = {fingerprint(e.at, e.text) for e in pm.timeline}
        self._progress(f"Reading {source.name}…", 0, None)
        self._read(source, reader, known)

    def _progress(self, label: str, done: int, total: int | None) -> None:
        self.add_class("-running")
        self.query_one(Label).update(label)
        self.query_one(ProgressBar).update(total=total, progress=done)

    def _finish(self, message: Message) -> None:
        self.remove_class("-running")
        self.post_message(message)

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
            call(self._finish, self.Failed(str(error)))
            return
        except ImportCancelled:
            return
        if not worker.is_cancelled:
            call(self._finish, self.Read(result, preview))
