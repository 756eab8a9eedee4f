"""Keeping Python's garbage collector from freezing the screen during an import.

A full collection walks every object the program holds: with a 100,000-line
log in memory that takes 0.1-0.5 s, and it stops every thread, the UI too.
While an import builds its events the heap grows fast, and CPython runs a
full collection each time the long-lived objects have grown by a quarter:
several stops of up to half a second in one import. So an import *holds*
automatic collection while its workers build drafts and events (a few
seconds; reference counting still frees nearly everything meanwhile), then
*freezes* what is alive (``gc.freeze``): those objects are long-lived, and
collections skip them from then on instead of walking 100,000 events.

The timeline screen also freezes what is alive once it is shown
(:func:`freeze`): the program's modules, the app and the screen are
long-lived too, and a full collection walking them (80,000 objects) stops
the screen for 40 ms while someone types or nothing happens. What is frozen
is not walked again: cyclic garbage alive at that moment waits for the thaw
(reference counting frees the rest as ever).

Leaving the timeline screen *thaws* them (``gc.unfreeze``), so nothing stays
out of the collector's reach for good: a screen left behind is collected as
usual. Holds are counted (two imports may overlap) and every hold is released
by its owner, also when the owner goes away (see ``ImportRunner``).
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_holds = 0
_was_enabled = True
_freeze = False  # freeze when the last hold is released
_frozen = False


def hold() -> None:
    """Stop automatic collection until :func:`release` (counted)."""
    global _holds, _was_enabled
    with _lock:
        if _holds == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holds += 1


def release(*, freeze: bool = False) -> None:
    """End one hold; the last one freezes what is alive if any release asked
    for it, and lets the collector run again as it did before."""
    global _holds, _freeze, _frozen
    with _lock:
        if _holds == 0:
            return
        _holds -= 1
        _freeze = _freeze or freeze
        if _holds:
            return
        if _freeze:
            gc.freeze()
            _frozen, _freeze = True, False
        if _was_enabled:
            gc.enable()


def freeze() -> None:
    """Freeze what is alive now (not while a hold runs: a worker's objects
    are frozen when it ends)."""
    global _frozen
    with _lock:
        if _holds == 0:
            gc.freeze()
            _frozen = True


def thaw() -> None:
    """Give frozen objects back to the collector (no hold may be running)."""
    global _frozen
    with _lock:
        if _frozen and _holds == 0:
            gc.unfreeze()
            _frozen = False


def holding() -> int:
    """How many holds are running (for tests)."""
    return _holds
