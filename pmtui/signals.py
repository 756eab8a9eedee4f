"""Closing the terminal (SIGHUP) or a SIGTERM ends pmtui the way ctrl+q does:
everything saved, the lock let go."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable


def on_hangup_or_term(handler: Callable[[], object]) -> None:
    """Call ``handler`` in the running event loop on SIGHUP or SIGTERM."""
    if not hasattr(signal, "SIGHUP"):
        return  # Windows: no SIGHUP, and its event loops take no handlers
    # no running loop (RuntimeError) or not the main thread (ValueError): the
    # app then runs without them, as it always could
    with contextlib.suppress(RuntimeError, ValueError):
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(sig, handler)
