"""Autosave: every edit is on disk within ``SAVE_DELAY`` seconds.

The app tells :class:`Autosave` that something changed (:meth:`edited`) and
asks it to write at once on a step change, on leaving a screen and on exit
(:meth:`flush`). A failed save (disk full, folder gone read-only) is told
once, the edits stay in memory, and a timer tries again every
``RETRY_DELAY`` seconds until it works. Only the store touches disk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.timer import Timer

    from pmtui.app import PmtuiApp

SAVE_DELAY = 0.4
RETRY_DELAY = 3.0


class Autosave:
    def __init__(self, app: PmtuiApp) -> None:
        self.app = app
        self.dirty = False
        self.error: str | None = None  # why the last save failed, if it did
        self._timer: Timer | None = None

    def edited(self) -> None:
        doc = self.app.doc
        if doc is None or doc.read_only:
            return
        self.dirty = True
        if self._timer is None:
            self._timer = self.app.set_timer(SAVE_DELAY, self._timed)

    def _timed(self) -> None:
        self._timer = None
        self.flush()
        if self.dirty and self._timer is None:  # failed: try again
            self._timer = self.app.set_timer(RETRY_DELAY, self._timed)

    def flush(self) -> bool:
        """Save now if anything changed. False if the save failed."""
        doc = self.app.doc
        if not self.dirty or doc is None or doc.read_only:
            return True
        from pmtui.store import SaveError

        try:
            doc.save()
        except SaveError as error:
            if self.error != error.reason:
                self.app.notify(
                    str(error), title="Not saved", severity="error", timeout=15
                )
            self.error = error.reason
            return False
        if self.error is not None:
            self.app.notify("Saved again: all edits are on disk.", title="Saved")
        self.error = None
        self.dirty = False
        return True
