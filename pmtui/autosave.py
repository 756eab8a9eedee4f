"""Autosave: every edit is on disk within ``SAVE_DELAY`` seconds.

The app tells :class:`Autosave` that something changed (:meth:`edited`) and
asks it to write at once on a step change, on leaving a screen and on exit
(:meth:`flush`). A failed save (disk full, folder gone read-only) is told
once, the edits stay in memory, and a timer tries again every
``RETRY_DELAY`` seconds until it works. Only the store touches disk.

The save the timer starts runs in a thread: turning a long post-mortem into
JSON takes a while (98,000 timeline events: most of a second), and the
screen must not stop meanwhile. Edits go on while it writes; one made after
the save began is not sure to be in it (the save may have read that part
before or after), so another save follows. :meth:`flush` stays synchronous:
it waits for a save in flight, then saves what is left, and says whether
everything is on disk. One save at a time, whoever starts it.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.timer import Timer

    from pmtui.app import PmtuiApp
    from pmtui.store import PostMortemFile

SAVE_DELAY = 0.4
RETRY_DELAY = 3.0


class _Save:
    """One save in a thread: what it saves, and how it ended."""

    def __init__(self, doc: PostMortemFile, edits: int) -> None:
        self.doc = doc
        self.edits = edits  # edits made before it began
        self.error: Exception | None = None
        self.thread = threading.Thread(target=self._run, name="pmtui-autosave")
        self._loop = asyncio.get_running_loop()
        # called in the event loop's thread when the save ends
        self.ended: Callable[[_Save], object] | None = None

    def _run(self) -> None:
        try:
            self.doc.save()
        except Exception as error:  # told on the UI thread
            self.error = error
        if self.ended is not None:
            # the app may have ended meanwhile (a crash, a test's end): its
            # loop is closed and there is nobody to tell; the file is written
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self.ended, self)


class Autosave:
    def __init__(self, app: PmtuiApp) -> None:
        self.app = app
        self.dirty = False
        self.error: str | None = None  # why the last save failed, if it did
        self._timer: Timer | None = None
        self._edits = 0  # edits so far: a save covers those made before it
        self._running: _Save | None = None  # the save in a thread, if any

    def edited(self) -> None:
        doc = self.app.doc
        if doc is None or doc.read_only:
            return
        self.dirty = True
        self._edits += 1
        self._later(SAVE_DELAY)

    def _later(self, delay: float) -> None:
        if self._timer is None:
            self._timer = self.app.set_timer(delay, self._timed)

    def _timed(self) -> None:
        self._timer = None
        self.begin()

    def begin(self) -> bool:
        """Start the save the timer starts, now, in a thread (the screen goes
        on). False if there is nothing to save or a save is in flight (its
        end starts the next one)."""
        doc = self.app.doc
        if self._running is not None:
            return False
        if not self.dirty or doc is None or doc.read_only:
            return False
        save = _Save(doc, self._edits)
        save.ended = lambda save: self.app.call_later(self._ended, save)
        self._running = save
        save.thread.start()
        return True

    @property
    def saving(self) -> bool:
        """A save is in flight in its thread."""
        return self._running is not None

    def _ended(self, save: _Save) -> None:
        if save is self._running:  # else flush already waited for it
            self._running = None
            save.thread.join()
            self._settle(save)

    def _settle(self, save: _Save) -> bool:
        """Take in how a save in a thread ended; False if it failed."""
        from pmtui.store import SaveError

        edited_since = self._edits != save.edits
        if isinstance(save.error, SaveError):
            self._failed(save.error)
            self._later(RETRY_DELAY)
            return False
        if save.error is not None:
            # read while the screen changed it ("dictionary changed size"),
            # or a fault in the program: once more here, where nothing
            # changes meanwhile (and a fault is raised, as loud as ever)
            self.dirty = True
            return self.flush()
        self._saved()
        if edited_since:  # not sure to be in that save: another one
            self._later(SAVE_DELAY)
        else:
            self.dirty = False
        return True

    def flush(self) -> bool:
        """Save now if anything changed. False if the save failed."""
        running, self._running = self._running, None
        if running is not None:  # the save in flight ends first
            running.thread.join()
            self._settle(running)
        doc = self.app.doc
        if not self.dirty or doc is None or doc.read_only:
            return True
        from pmtui.store import SaveError

        try:
            doc.save()
        except SaveError as error:
            self._failed(error)
            return False
        self._saved()
        self.dirty = False
        return True

    def _failed(self, error: Exception) -> None:
        reason = getattr(error, "reason", str(error))
        if self.error != reason:
            self.app.notify(str(error), title="Not saved", severity="error", timeout=15)
        self.error = reason

    def _saved(self) -> None:
        if self.error is not None:
            self.app.notify("Saved again: all edits are on disk.", title="Saved")
        self.error = None
