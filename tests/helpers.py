"""Helpers shared by the Pilot tests."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any


async def press_quit(pilot: Any, key: str = "ctrl+q") -> None:
    """Press the quit key and wait until the app has stopped.

    ``Pilot.press`` waits for the screen to settle after the key; when the key
    ends the app, that wait can outlive the app and never return (a race in
    Textual's Pilot). So the press runs as a task, and we wait for the app.
    """
    app = pilot.app
    press = asyncio.ensure_future(pilot.press(key))
    for _ in range(500):
        if press.done() or not app.is_running:
            break
        await asyncio.sleep(0.01)
    if not press.done():
        press.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await press
    assert not app.is_running or press.done()


async def wait_until(
    condition: Callable[[], bool], timeout: float = 10.0, step: float = 0.02
) -> bool:
    """Wait until ``condition()`` holds, at most ``timeout`` seconds.

    Timers fire late on a loaded machine (CI runs four workers on two cores),
    so a test waits for what a timer does instead of sleeping a fixed time.
    Returns the last value of the condition, for the test to assert.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            return False
        await asyncio.sleep(step)
    return True
